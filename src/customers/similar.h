// Likely duplicates of a party: same registration number, same phone (E.164), same e-mail, or a
// similar normalised name. Used while typing a new customer, by the duplicate finder, and by the
// business-card import.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/request.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rapport::customers {

struct SimilarQuery {
    std::string name;
    std::string phone;
    std::string email;
    std::string registration_number;
    std::optional<int64_t> exclude_id;
    int limit = 10;
};

// Candidates from the whole tenant, best first: {id, code, name, owner_id, owner_name,
// last_contact_at, roles, reasons, score} (docs/api.md, Duplicates).
nlohmann::json find_similar(
    db::Connection& connection, const http::RequestContext& context, const SimilarQuery& query);

} // namespace rapport::customers
