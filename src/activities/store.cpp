#include "activities/store.h"

#include "auth/service.h"
#include "core/clock.h"
#include "customers/parties.h"

namespace rapport::activities::store {

namespace {

using db::Connection;
using nlohmann::json;

const char* const activity_select
    = "SELECT a.id, a.party_id, p.name AS party_name, a.contact_id, c.name AS contact_name, "
      "a.type, a.occurred_at, "
      "a.occurred_on, a.duration_minutes, a.employee_id, e.name AS employee_name, a.user_id, "
      "u.name AS user_name, "
      "a.subject, a.content, a.outcome, a.next_contact_date, a.created_at, a.updated_at, a.version "
      "FROM activities a "
      "JOIN parties p ON p.tenant_id = a.tenant_id AND p.id = a.party_id "
      "LEFT JOIN contacts c ON c.tenant_id = a.tenant_id AND c.id = a.contact_id "
      "LEFT JOIN employees e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id "
      "LEFT JOIN users u ON u.id = a.user_id ";

json nullable_text(const db::Row& row, const char* column)
{
    auto index = row.index_of(column);
    return row.is_null(index) ? json() : json(row.str(index));
}

json nullable_id(const db::Row& row, const char* column)
{
    auto index = row.index_of(column);
    return row.is_null(index) ? json() : json(row.i64(index));
}

} // namespace

bool party_visible(Connection& connection, const http::RequestContext& context, int64_t party_id)
{
    db::Params params;
    auto where = customers::visibility(context, customers::PartyView::customers, "p", params);
    params.push_back(party_id);
    return connection
        .query_one("SELECT p.id FROM parties p WHERE " + where + " AND p.id = ?", params)
        .has_value();
}

bool contact_of_party(
    Connection& connection, int64_t tenant_id, int64_t party_id, int64_t contact_id)
{
    return connection
        .query_one("SELECT id FROM contacts WHERE tenant_id = ? AND party_id = ? AND id = ?",
            { tenant_id, party_id, contact_id })
        .has_value();
}

bool employee_exists(Connection& connection, int64_t tenant_id, int64_t employee_id)
{
    return connection
        .query_one(
            "SELECT id FROM employees WHERE tenant_id = ? AND id = ?", { tenant_id, employee_id })
        .has_value();
}

std::optional<int64_t> employee_of_user(Connection& connection, int64_t tenant_id, int64_t user_id)
{
    auto row = connection.query_one("SELECT id FROM employees WHERE tenant_id = ? AND user_id = ? "
                                    "AND active = 1 ORDER BY id LIMIT 1",
        { tenant_id, user_id });
    return row ? std::optional<int64_t>(row->i64(0)) : std::nullopt;
}

bool is_tenant_activity_type(Connection& connection, int64_t tenant_id, const std::string& code)
{
    // an inactive code is kept for old activities but offered for no new ones
    return connection
        .query_one(
            "SELECT id FROM lists_of_values WHERE tenant_id = ? AND list_name = 'activity_types' "
            "AND code = ? AND active = 1",
            { tenant_id, code })
        .has_value();
}

std::vector<db::Row> list_activities(Connection& connection, const http::RequestContext& context,
    const ActivityFilter& filter, const http::ListOrder& order)
{
    db::Params params;
    auto where = customers::visibility(context, customers::PartyView::customers, "p", params);
    where += " AND a.tenant_id = ?";
    params.push_back(context.tenant_id);
    if (filter.party_id) {
        where += " AND a.party_id = ?";
        params.push_back(*filter.party_id);
    }
    if (!filter.types.empty()) {
        std::string marks;
        for (const auto& type : filter.types) {
            marks += marks.empty() ? "?" : ", ?";
            params.push_back(type);
        }
        where += " AND a.type IN (" + marks + ")";
    }
    if (filter.employee_id) {
        where += " AND a.employee_id = ?";
        params.push_back(*filter.employee_id);
    }
    if (filter.from) {
        where += " AND a.occurred_on >= ?";
        params.push_back(*filter.from);
    }
    if (filter.to) {
        where += " AND a.occurred_on <= ?";
        params.push_back(*filter.to);
    }
    auto tail = http::keyset_clause(order, "a.id", where, params);
    return connection.query(std::string(activity_select) + "WHERE " + where + tail, params);
}

std::optional<db::Row> load_activity(
    Connection& connection, const http::RequestContext& context, int64_t id)
{
    db::Params params;
    auto where = customers::visibility(context, customers::PartyView::customers, "p", params);
    params.push_back(context.tenant_id);
    params.push_back(id);
    return connection.query_one(
        std::string(activity_select) + "WHERE " + where + " AND a.tenant_id = ? AND a.id = ?",
        params);
}

json activity_json(const db::Row& row)
{
    auto duration = row.index_of("duration_minutes");
    return {
        { "id", row.i64("id") },
        { "party_id", row.i64("party_id") },
        { "party_name", row.str("party_name") },
        { "contact_id", nullable_id(row, "contact_id") },
        { "contact_name", nullable_text(row, "contact_name") },
        { "type", row.str("type") },
        { "occurred_at", row.str("occurred_at") },
        { "duration_minutes", row.is_null(duration) ? json() : json(row.i64(duration)) },
        { "employee_id", nullable_id(row, "employee_id") },
        { "employee_name", nullable_text(row, "employee_name") },
        { "user_id", nullable_id(row, "user_id") },
        { "user_name", nullable_text(row, "user_name") },
        { "subject", nullable_text(row, "subject") },
        { "content", nullable_text(row, "content") },
        { "outcome", nullable_text(row, "outcome") },
        { "next_contact_date", nullable_text(row, "next_contact_date") },
        { "created_at", row.str("created_at") },
        { "updated_at", row.str("updated_at") },
        { "version", row.i64("version") },
    };
}

void insert_activity(Connection& connection, int64_t tenant_id, int64_t id, const Columns& columns)
{
    auto now = clock::now_iso();
    std::string names = "tenant_id, id, created_at, updated_at, version";
    std::string marks = "?, ?, ?, ?, 1";
    db::Params params = { tenant_id, id, now, now };
    for (const auto& [column, value] : columns) {
        names += ", " + column;
        marks += ", ?";
        params.push_back(value);
    }
    connection.execute("INSERT INTO activities (" + names + ") VALUES (" + marks + ")", params);
}

void update_activity(Connection& connection, int64_t tenant_id, int64_t id, const Columns& columns)
{
    std::string assignments = "updated_at = ?, version = version + 1";
    db::Params params = { clock::now_iso() };
    for (const auto& [column, value] : columns) {
        assignments += ", " + column + " = ?";
        params.push_back(value);
    }
    params.push_back(tenant_id);
    params.push_back(id);
    connection.execute(
        "UPDATE activities SET " + assignments + " WHERE tenant_id = ? AND id = ?", params);
}

void delete_activity(Connection& connection, int64_t tenant_id, int64_t id)
{
    connection.execute("DELETE FROM activities WHERE tenant_id = ? AND id = ?", { tenant_id, id });
}

void refresh_contact_dates(Connection& connection, int64_t tenant_id, int64_t party_id)
{
    auto latest = connection.query_one(
        "SELECT occurred_at, next_contact_date FROM activities WHERE tenant_id = ? AND "
        "party_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 1",
        { tenant_id, party_id });
    // derived dates: the party's version stays, so an edit of the card open elsewhere is not
    // refused
    connection.execute("UPDATE parties SET last_contact_at = ?, next_contact_date = ? WHERE "
                       "tenant_id = ? AND id = ?",
        { latest ? db::Param(latest->str(0)) : db::Param(nullptr),
            latest && !latest->is_null(1) ? db::Param(latest->str(1)) : db::Param(nullptr),
            tenant_id, party_id });
}

void move_activities(Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id)
{
    connection.execute("UPDATE activities SET party_id = ? WHERE tenant_id = ? AND party_id = ?",
        { into_id, tenant_id, from_id });
    refresh_contact_dates(connection, tenant_id, into_id);
}

std::optional<json> dormant_days(Connection& connection, int64_t tenant_id)
{
    auto row = connection.query_one(
        "SELECT dormant_days FROM reminder_settings WHERE tenant_id = ?", { tenant_id });
    if (!row)
        return std::nullopt;
    auto parsed = json::parse(row->str(0), nullptr, false);
    return parsed.is_object() ? std::optional<json>(parsed) : std::nullopt;
}

void save_dormant_days(Connection& connection, int64_t tenant_id, const json& days)
{
    auto now = clock::now_iso();
    if (connection.execute(
            "UPDATE reminder_settings SET dormant_days = ?, updated_at = ?, version = version + 1 "
            "WHERE tenant_id = ?",
            { days.dump(), now, tenant_id })
        == 0)
        connection.execute("INSERT INTO reminder_settings (tenant_id, dormant_days, updated_at, "
                           "version) VALUES (?, ?, ?, 1)",
            { tenant_id, days.dump(), now });
}

void replace_calendar_token(
    Connection& connection, int64_t tenant_id, int64_t user_id, const std::string& token_hash)
{
    connection.execute(
        "DELETE FROM calendar_tokens WHERE tenant_id = ? AND user_id = ?", { tenant_id, user_id });
    connection.execute("INSERT INTO calendar_tokens (token_hash, tenant_id, user_id, created_at) "
                       "VALUES (?, ?, ?, ?)",
        { token_hash, tenant_id, user_id, clock::now_iso() });
}

std::optional<http::RequestContext> calendar_owner(
    Connection& connection, const std::string& token_hash)
{
    auto token = connection.query_one(
        "SELECT tenant_id, user_id FROM calendar_tokens WHERE token_hash = ?", { token_hash });
    if (!token)
        return std::nullopt;
    return auth::member_context(connection, token->i64(0), token->i64(1));
}

} // namespace rapport::activities::store
