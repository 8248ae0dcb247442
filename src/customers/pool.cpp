#include "customers/pool.h"

#include "auth/service.h"
#include "core/clock.h"
#include "core/dates.h"
#include "core/locale_data.h"
#include "core/text.h"
#include "customers/audit.h"
#include "customers/ownership.h"
#include "customers/parties.h"
#include "customers/search.h"
#include "http/json_input.h"
#include "http/listing.h"

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

const char* const setting_names[] = { "days_without_contact", "days_without_order",
    "warn_days_before", "claims_per_day", "max_customers_per_rep", "reclaim_block_days" };

int& setting(PoolSettings& settings, const std::string& name)
{
    if (name == "days_without_contact")
        return settings.days_without_contact;
    if (name == "days_without_order")
        return settings.days_without_order;
    if (name == "warn_days_before")
        return settings.warn_days_before;
    if (name == "claims_per_day")
        return settings.claims_per_day;
    if (name == "max_customers_per_rep")
        return settings.max_customers_per_rep;
    return settings.reclaim_block_days;
}

json settings_json(const PoolSettings& settings)
{
    json out = { { "enabled", settings.enabled } };
    auto copy = settings;
    for (const char* name : setting_names)
        out[name] = setting(copy, name);
    return out;
}

std::string tenant_today(Connection& connection, int64_t tenant_id)
{
    return dates::today_in(auth::tenant_time_zone(connection, tenant_id));
}

// Claims by one rep must not race each other past a limit on PostgreSQL (SQLite writers queue).
void lock_for_claims(Connection& connection, int64_t tenant_id, int64_t user_id)
{
    if (connection.dialect() == db::Dialect::postgresql)
        connection.query("SELECT COUNT(*) FROM (SELECT "
                         "pg_advisory_xact_lock(hashtextextended(CAST(? AS TEXT), 0))) l",
            { "rapport.pool.claims:" + std::to_string(tenant_id) + ":" + std::to_string(user_id) });
}

Error pool_limit(const std::string& path, const std::string& code, const std::string& message)
{
    Error error { ErrorCode::invalid_input, "A pool limit stops this claim: " + message, {},
        "pool_limit" };
    error.fields.push_back({ path, code, message });
    return error;
}

Error not_in_pool(const std::string& path, int64_t id)
{
    Error error = Error::make(ErrorCode::conflict, "not_in_pool",
        "Customer " + std::to_string(id) + " is not in the pool any more; someone owns it.");
    error.fields.push_back({ path, "not_in_pool", "has an owner" });
    return error;
}

} // namespace

PoolSettings load_pool_settings(Connection& connection, int64_t tenant_id)
{
    PoolSettings settings;
    auto row = connection.query_one(
        "SELECT enabled, days_without_contact, days_without_order, warn_days_before, "
        "claims_per_day, max_customers_per_rep, reclaim_block_days FROM pool_settings "
        "WHERE tenant_id = ?",
        { tenant_id });
    if (!row)
        return settings;
    settings.enabled = row->i64(0) != 0;
    for (size_t i = 0; i < std::size(setting_names); ++i)
        setting(settings, setting_names[i]) = static_cast<int>(row->i64(i + 1));
    return settings;
}

Result<json> get_pool_settings(db::Database& database, const http::RequestContext& context)
{
    return database.read([&](Connection& connection) -> Result<json> {
        return settings_json(load_pool_settings(connection, context.tenant_id));
    });
}

Result<json> update_pool_settings(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    http::JsonInput input(body);
    auto enabled = input.boolean("enabled");
    std::map<std::string, int64_t> values;
    for (const char* name : setting_names)
        if (auto value = input.integer(name, false, 0, 3650))
            values[name] = *value;
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        auto settings = load_pool_settings(connection, context.tenant_id);
        if (enabled)
            settings.enabled = *enabled;
        for (const auto& [name, value] : values)
            setting(settings, name) = static_cast<int>(value);
        db::Params params = { int64_t(settings.enabled ? 1 : 0) };
        for (const char* name : setting_names)
            params.push_back(int64_t(setting(settings, name)));
        params.push_back(clock::now_iso());
        params.push_back(context.tenant_id);
        auto changed = connection.execute(
            "UPDATE pool_settings SET enabled = ?, days_without_contact = ?, "
            "days_without_order = ?, warn_days_before = ?, claims_per_day = ?, "
            "max_customers_per_rep = ?, reclaim_block_days = ?, updated_at = ?, "
            "version = version + 1 WHERE tenant_id = ?",
            params);
        if (changed == 0)
            connection.execute(
                "INSERT INTO pool_settings (enabled, days_without_contact, days_without_order, "
                "warn_days_before, claims_per_day, max_customers_per_rep, reclaim_block_days, "
                "updated_at, tenant_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                params);
        return settings_json(settings);
    });
}

Result<json> list_pool(
    db::Database& database, const http::RequestContext& context, const http::Request& request)
{
    auto order = http::read_list_order(
        request, { { "name", "p.name" }, { "created_at", "p.created_at" } }, "name");
    if (!order)
        return order.take_error();
    db::Params params = { context.tenant_id };
    std::string where
        = "p.tenant_id = ? AND (p.is_customer = 1 OR p.is_prospect = 1) AND p.owner_id IS NULL AND "
          "p.archived = 0";
    if (auto q = request.query_value("q"); q && !text::trim(*q).empty())
        where += " AND " + party_search_condition(*q, "p", params, database.dialect());
    auto tail = http::keyset_clause(*order, "p.id", where, params);

    return database.read([&](Connection& connection) -> Result<json> {
        auto rows = connection.query(
            "SELECT p.id, p.code, p.name, p.kind, p.level, p.industry, p.region, p.source, "
            "p.last_contact_at, p.created_at FROM parties p WHERE "
                + where + tail,
            params);
        json items = json::array();
        json next_cursor;
        auto text_or_null = [](const db::Row& row, size_t index) {
            return row.is_null(index) ? json() : json(row.str(index));
        };
        for (size_t i = 0; i < rows.size(); ++i) {
            if (static_cast<int>(i) == order->limit) {
                next_cursor = http::make_cursor(
                    rows[i - 1].str(order->column.substr(2)), rows[i - 1].i64("id"));
                break;
            }
            const auto& row = rows[i];
            items.push_back({ { "id", row.i64(0) }, { "code", text_or_null(row, 1) },
                { "name", row.str(2) }, { "kind", row.str(3) }, { "level", text_or_null(row, 4) },
                { "industry", text_or_null(row, 5) }, { "region", text_or_null(row, 6) },
                { "source", text_or_null(row, 7) }, { "last_contact_at", text_or_null(row, 8) },
                { "created_at", row.str(9) }, { "owner_id", nullptr } });
        }
        return json { { "items", items }, { "next_cursor", next_cursor } };
    });
}

Result<json> claim_from_pool(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    http::JsonInput input(body);
    std::vector<int64_t> party_ids;
    const auto* ids = input.raw("party_ids");
    if (!ids || !ids->is_array() || ids->empty() || ids->size() > 100)
        input.fail("party_ids", ids ? "invalid_type" : "required",
            "must be a list of 1 to 100 customer ids");
    else
        for (size_t i = 0; i < ids->size(); ++i) {
            const auto& id = (*ids)[i];
            if (!id.is_number_integer() || id.get<int64_t>() < 1)
                input.fail("party_ids[" + std::to_string(i) + "]", "invalid_type",
                    "must be a customer id");
            else if (std::find(party_ids.begin(), party_ids.end(), id.get<int64_t>())
                != party_ids.end())
                input.fail("party_ids[" + std::to_string(i) + "]", "duplicate", "appears twice");
            else
                party_ids.push_back(id.get<int64_t>());
        }
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        lock_for_claims(connection, context.tenant_id, context.user_id);
        auto settings = load_pool_settings(connection, context.tenant_id);
        auto today = tenant_today(connection, context.tenant_id);

        // every customer must be in the pool and not barred to this rep
        for (size_t i = 0; i < party_ids.size(); ++i) {
            auto path = "party_ids[" + std::to_string(i) + "]";
            auto row = connection.query_one(
                "SELECT owner_id FROM parties WHERE tenant_id = ? AND id = ? AND "
                "(is_customer = 1 OR is_prospect = 1) AND archived = 0",
                { context.tenant_id, party_ids[i] });
            if (!row)
                return Error::make(ErrorCode::not_found, "not_found",
                    "No customer " + std::to_string(party_ids[i]) + ".");
            if (!row->is_null(0))
                return not_in_pool(path, party_ids[i]);
            auto given_back
                = connection.query_one("SELECT MAX(on_date) FROM pool_events WHERE tenant_id = ? "
                                       "AND party_id = ? AND user_id = ? AND "
                                       "action IN ('released', 'returned_to_pool')",
                    { context.tenant_id, party_ids[i], context.user_id });
            if (given_back && !given_back->is_null(0)
                && reclaim_blocked(settings, given_back->str(0), today))
                return pool_limit(path, "reclaim_blocked",
                    "you gave customer " + std::to_string(party_ids[i]) + " back on "
                        + given_back->str(0) + "; you may claim it again from "
                        + reclaim_allowed_from(settings, given_back->str(0))
                        + " (reclaim_block_days " + std::to_string(settings.reclaim_block_days)
                        + ")");
        }

        auto count = static_cast<int64_t>(party_ids.size());
        if (settings.claims_per_day > 0) {
            auto claimed_today
                = connection.scalar("SELECT COUNT(*) FROM pool_events WHERE tenant_id = ? AND "
                                    "user_id = ? AND action = 'claimed' AND on_date = ?",
                    { context.tenant_id, context.user_id, today });
            if (claimed_today + count > settings.claims_per_day)
                return pool_limit("party_ids", "claims_per_day",
                    "you may claim " + std::to_string(settings.claims_per_day)
                        + " customers a day and have claimed " + std::to_string(claimed_today)
                        + " today");
        }
        if (settings.max_customers_per_rep > 0) {
            auto owned = connection.scalar(
                "SELECT COUNT(*) FROM parties WHERE tenant_id = ? AND owner_id = ? AND "
                "(is_customer = 1 OR is_prospect = 1) AND archived = 0",
                { context.tenant_id, context.user_id });
            if (owned + count > settings.max_customers_per_rep)
                return pool_limit("party_ids", "max_customers_per_rep",
                    "you may hold " + std::to_string(settings.max_customers_per_rep)
                        + " customers and hold " + std::to_string(owned));
        }

        // the customer follows the rep into the rep's branch, so the branch manager sees it
        auto branch = branch_of_member(connection, context.tenant_id, context.user_id);
        auto now = clock::now_iso();
        json claimed = json::array();
        for (size_t i = 0; i < party_ids.size(); ++i) {
            auto id = party_ids[i];
            if (connection.execute(
                    "UPDATE parties SET owner_id = ?, branch_id = COALESCE(?, branch_id), "
                    "updated_at = ?, "
                    "version = version + 1 WHERE tenant_id = ? AND id = ? AND owner_id IS NULL",
                    { context.user_id, db::nullable(branch), now, context.tenant_id, id })
                == 0)
                return not_in_pool("party_ids[" + std::to_string(i) + "]", id);
            record_owner_change(connection, context.tenant_id,
                { id, std::nullopt, context.user_id, "claimed", "", context.user_id });
            connection.execute(
                "INSERT INTO pool_events (tenant_id, id, party_id, user_id, action, on_date, at) "
                "VALUES (?, ?, ?, ?, 'claimed', ?, ?)",
                { context.tenant_id, connection.next_id(), id, context.user_id, today, now });
            record_audit(connection, context.tenant_id, context.user_id,
                { { "party", id, id, "claimed", "owner_id", json(), json(context.user_id), "" } });
            claimed.push_back(id);
        }
        return json { { "claimed", claimed } };
    });
}

Result<json> release_to_pool(
    db::Database& database, const http::RequestContext& context, int64_t party_id, const json& body)
{
    http::JsonInput input(body);
    auto reason = input.text("reason", false, 500).value_or("");
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        db::Params params;
        auto where = visibility(context, PartyView::customers, "p", params);
        params.push_back(party_id);
        auto row = connection.query_one(
            "SELECT p.owner_id FROM parties p WHERE " + where + " AND p.id = ?", params);
        if (!row)
            return Error::make(ErrorCode::not_found, "not_found", "No such record.");
        if (row->is_null(0))
            return Error::make(
                ErrorCode::conflict, "already_in_pool", "This customer is already in the pool.");
        auto owner = row->i64(0);
        if (owner != context.user_id && !context.can("customers.transfer"))
            return Error::make(
                ErrorCode::forbidden, "forbidden", "Only the owner may give this customer back.");

        auto now = clock::now_iso();
        connection.execute(
            "UPDATE parties SET owner_id = NULL, updated_at = ?, version = version + 1 WHERE "
            "tenant_id = ? AND id = ?",
            { now, context.tenant_id, party_id });
        record_owner_change(connection, context.tenant_id,
            { party_id, owner, std::nullopt, "released", reason, context.user_id });
        // the event names the previous owner: the reclaim block applies to them
        connection.execute(
            "INSERT INTO pool_events (tenant_id, id, party_id, user_id, action, on_date, at) "
            "VALUES (?, ?, ?, ?, 'released', ?, ?)",
            { context.tenant_id, connection.next_id(), party_id, owner,
                tenant_today(connection, context.tenant_id), now });
        connection.execute("DELETE FROM pool_warnings WHERE tenant_id = ? AND party_id = ?",
            { context.tenant_id, party_id });
        record_audit(connection, context.tenant_id, context.user_id,
            { { "party", party_id, party_id, "released", "owner_id", json(owner), json(),
                reason } });
        return json { { "id", party_id }, { "owner_id", nullptr } };
    });
}

std::vector<json> pool_warning_reminders(
    Connection& connection, const http::RequestContext& context, const std::string& as_of)
{
    db::Params params;
    auto where = visibility(context, PartyView::customers, "p", params);
    params.insert(params.end(), { as_of, as_of });
    // a contact logged after the warning answers it; the next run computes a new return date
    auto rows = connection.query(
        "SELECT w.party_id, p.name, p.owner_id, u.name, w.return_date FROM pool_warnings w "
        "JOIN parties p ON p.tenant_id = w.tenant_id AND p.id = w.party_id LEFT JOIN users u ON "
        "u.id = p.owner_id "
        "WHERE "
            + where
            + " AND w.owner_id = p.owner_id AND w.warned_on <= ? AND w.return_date > ? AND "
              "(p.last_contact_at IS NULL OR p.last_contact_at < w.created_at) ORDER BY "
              "w.return_date, p.name, p.id",
        params);
    std::vector<json> items;
    for (const auto& row : rows)
        items.push_back({ { "kind", "pool_warning" }, { "group", "pool_warning" },
            { "party_id", row.i64(0) }, { "party_name", row.str(1) }, { "owner_id", row.i64(2) },
            { "owner_name", row.str(3) }, { "due_date", row.str(4) },
            { "days_left", dates::days_between(as_of, row.str(4)) } });
    return items;
}

void move_pool_records(Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id)
{
    connection.execute("UPDATE pool_events SET party_id = ? WHERE tenant_id = ? AND party_id = ?",
        { into_id, tenant_id, from_id });
    connection.execute(
        "DELETE FROM pool_warnings WHERE tenant_id = ? AND party_id = ?", { tenant_id, from_id });
}

} // namespace rapport::customers
