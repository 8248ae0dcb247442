// The Today page lists reminders of several kinds. This domain provides the contact reminders;
// later domains (orders due to ship, overdue receivables) register their own providers at start-up.
#pragma once

#include "db/database.h"
#include "http/request.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace rapport::activities {

struct ReminderQuery {
    std::string as_of;    // the tenant's business date, YYYY-MM-DD
    std::string timezone; // the tenant's IANA time zone
};

// Answers reminder items of one kind for the request's scope; each item is a JSON object with at
// least {kind, group, party_id, party_name, due_date} (see docs/api.md, Reminders).
using ReminderProvider = std::function<std::vector<nlohmann::json>(
    db::Connection&, const http::RequestContext&, const ReminderQuery&)>;

void register_reminder_provider(const std::string& kind, ReminderProvider provider);
// Every registered provider's items, in registration order of kinds.
std::vector<nlohmann::json> collect_reminders(db::Connection& connection, const http::RequestContext& context,
    const ReminderQuery& query);

} // namespace rapport::activities
