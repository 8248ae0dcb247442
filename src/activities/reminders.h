// "Today": customers to contact today, tomorrow, overdue ones and dormant ones, in the request's
// data scope, as of the tenant's date (or a given one).
#pragma once

#include "activities/reminder_registry.h"
#include "core/result.h"

#include <optional>

namespace rapport::activities {

// Registers the "contact" kind with the reminder registry (once, at start-up).
void register_contact_reminders();

// The contact reminders alone (what the "contact" provider answers).
ReminderAnswer contact_reminders(
    db::Connection& connection, const http::RequestContext& context, const ReminderQuery& query);

// GET /reminders: every kind's items, overdue first, then today, tomorrow, dormant; with counts.
// `as_of` defaults to today in the tenant's time zone.
Result<nlohmann::json> reminders(db::Database& database, const http::RequestContext& context,
    const std::optional<std::string>& as_of, const std::optional<std::string>& limit);

// GET / PATCH /settings/reminders: {dormant_days:{"A":30,"B":60,"C":90,"default":90}}.
Result<nlohmann::json> reminder_settings(
    db::Database& database, const http::RequestContext& context);
Result<nlohmann::json> update_reminder_settings(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);

} // namespace rapport::activities
