// The Today page lists reminders of several kinds. This domain provides the contact reminders;
// later domains (orders due to ship, overdue receivables) register their own providers at start-up.
#pragma once

#include "db/database.h"
#include "http/request.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rapport::activities {

struct ReminderQuery {
    std::string as_of; // the tenant's business date, YYYY-MM-DD
    std::string timezone; // the tenant's IANA time zone
    int limit_per_group = 500; // items answered per group; counts are always complete
};

// One provider's answer: items (each a JSON object with at least {kind, group, party_id,
// party_name, due_date}, see docs/api.md, Reminders ("Today") and the calendar feed) and the full
// count per group, which may exceed the items when a group was cut at the query's limit.
struct ReminderAnswer {
    std::vector<nlohmann::json> items;
    std::map<std::string, int64_t> counts;
};

// Answers reminders of one kind for the request's scope.
using ReminderProvider = std::function<ReminderAnswer(
    db::Connection&, const http::RequestContext&, const ReminderQuery&)>;

void register_reminder_provider(const std::string& kind, ReminderProvider provider);
// Every registered provider's items, in registration order of kinds, and the summed counts.
ReminderAnswer collect_reminders(
    db::Connection& connection, const http::RequestContext& context, const ReminderQuery& query);

} // namespace rapport::activities
