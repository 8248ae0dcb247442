// Rules of the contact log, each in one transaction: logging, editing and deleting activities keep
// the party's last_contact_at and next_contact_date in step with its latest activity.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/request.h"

#include <nlohmann/json.hpp>
#include <optional>

namespace rapport::activities {

// GET /activities (filters from the query) or, with `party_id`, one customer's timeline (404 when
// the customer is unknown or outside the request's scope). Newest first, keyset paged.
Result<nlohmann::json> list_activities(db::Database& database, const http::RequestContext& context,
    const http::Request& request, std::optional<int64_t> party_id = std::nullopt);
Result<nlohmann::json> create_activity(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);
Result<nlohmann::json> update_activity(db::Database& database, const http::RequestContext& context,
    int64_t id, int64_t version, const nlohmann::json& body);
Status delete_activity(db::Database& database, const http::RequestContext& context, int64_t id);

// Moves activities when two parties merge (customers::register_merge_hook).
void register_activity_merge_hook();

} // namespace rapport::activities
