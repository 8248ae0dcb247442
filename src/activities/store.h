// The SQL of the activities domain. Every function takes the request's tenant (through the
// context) and filters on it; joins match tenant_id on both sides.
#pragma once

#include "db/database.h"
#include "http/listing.h"
#include "http/request.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rapport::activities::store {

// Whether the request may see the customer (tenant, customer or prospect role, data scope).
bool party_visible(
    db::Connection& connection, const http::RequestContext& context, int64_t party_id);
bool contact_of_party(
    db::Connection& connection, int64_t tenant_id, int64_t party_id, int64_t contact_id);
bool employee_exists(db::Connection& connection, int64_t tenant_id, int64_t employee_id);
std::optional<int64_t> employee_of_user(
    db::Connection& connection, int64_t tenant_id, int64_t user_id);
// Tenant-defined activity types (the `activity_types` list of values).
bool is_tenant_activity_type(
    db::Connection& connection, int64_t tenant_id, const std::string& code);

struct ActivityFilter {
    std::optional<int64_t> party_id;
    std::vector<std::string> types;
    std::optional<int64_t> employee_id;
    std::optional<std::string> from; // business dates, inclusive
    std::optional<std::string> to;
};
// Newest first, one page past the limit so the caller knows whether there is a next one.
std::vector<db::Row> list_activities(db::Connection& connection,
    const http::RequestContext& context, const ActivityFilter& filter,
    const http::ListOrder& order);
std::optional<db::Row> load_activity(
    db::Connection& connection, const http::RequestContext& context, int64_t id);
nlohmann::json activity_json(const db::Row& row);

using Columns = std::vector<std::pair<std::string, db::Param>>;
void insert_activity(
    db::Connection& connection, int64_t tenant_id, int64_t id, const Columns& columns);
void update_activity(
    db::Connection& connection, int64_t tenant_id, int64_t id, const Columns& columns);
void delete_activity(db::Connection& connection, int64_t tenant_id, int64_t id);
// Sets the party's last_contact_at and next_contact_date from its latest activity (both null
// when it has none left).
void refresh_contact_dates(db::Connection& connection, int64_t tenant_id, int64_t party_id);
// Merging parties: the activities of `from_id` become `into_id`'s.
void move_activities(
    db::Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id);

// Reminder settings: the stored dormant_days object, or nothing when the tenant kept the defaults.
std::optional<nlohmann::json> dormant_days(db::Connection& connection, int64_t tenant_id);
void save_dormant_days(db::Connection& connection, int64_t tenant_id, const nlohmann::json& days);

// Calendar feeds: one per user and tenant, found by the hash of its secret.
void replace_calendar_token(
    db::Connection& connection, int64_t tenant_id, int64_t user_id, const std::string& token_hash);
// The context of the feed's owner (role, scope, branch, permissions), or nothing when the token is
// unknown or its user left the company.
std::optional<http::RequestContext> calendar_owner(
    db::Connection& connection, const std::string& token_hash);

} // namespace rapport::activities::store
