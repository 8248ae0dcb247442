// The scheduled side of the pool: the return and warning rules per tenant, and the thread that
// runs them inside the server.
#include "auth/service.h"
#include "core/clock.h"
#include "core/dates.h"
#include "core/locale_data.h"
#include "customers/audit.h"
#include "customers/ownership.h"
#include "customers/pool.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <spdlog/spdlog.h>
#include <thread>

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

std::mutex order_source_mutex;
LastOrderSource order_source;

// Serialises runs of one tenant across processes sharing a PostgreSQL database; SQLite's
// BEGIN IMMEDIATE already admits one writer at a time.
void lock_tenant_run(Connection& connection, int64_t tenant_id)
{
    if (connection.dialect() == db::Dialect::postgresql)
        connection.query("SELECT COUNT(*) FROM (SELECT "
                         "pg_advisory_xact_lock(hashtextextended(CAST(? AS TEXT), 0))) l",
            { "rapport.pool.rules:" + std::to_string(tenant_id) });
}

// The tenant's business date of a stored instant: a contact at 00:30 in Seoul is that day's, not
// the previous one's as its UTC text says.
std::optional<std::string> date_part(const db::Row& row, size_t index, const std::string& time_zone)
{
    if (row.is_null(index))
        return std::nullopt;
    auto instant = dates::parse_instant(row.str(index));
    if (!instant)
        return std::nullopt;
    return dates::date_in(time_zone, *instant);
}

} // namespace

void set_last_order_source(LastOrderSource source)
{
    std::lock_guard lock(order_source_mutex);
    order_source = std::move(source);
}

Result<json> run_pool_rules(db::Database& database, int64_t tenant_id,
    const std::optional<std::string>& given_as_of, bool scheduled)
{
    LastOrderSource orders;
    {
        std::lock_guard lock(order_source_mutex);
        orders = order_source;
    }
    return database.write([&](Connection& connection) -> Result<json> {
        lock_tenant_run(connection, tenant_id);
        auto time_zone = auth::tenant_time_zone(connection, tenant_id);
        auto as_of = given_as_of.value_or(dates::today_in(time_zone));
        auto settings = load_pool_settings(connection, tenant_id);
        json result = { { "as_of", as_of }, { "returned", 0 }, { "warned", 0 },
            { "enabled", settings.enabled },
            { "order_rule_active", settings.days_without_order > 0 && bool(orders) } };
        if (!settings.enabled)
            return result;
        // once a day per tenant: whichever process updates the row first runs, the others see 0
        // rows
        if (scheduled
            && connection.execute(
                   "UPDATE pool_settings SET last_run_date = ? WHERE tenant_id = ? AND "
                   "(last_run_date IS NULL OR last_run_date < ?)",
                   { as_of, tenant_id, as_of })
                == 0) {
            result["skipped"] = true;
            return result;
        }

        std::map<int64_t, std::string> last_orders;
        if (orders)
            last_orders = orders(connection, tenant_id);
        auto now = clock::now_iso();
        int64_t returned = 0;
        int64_t warned = 0;
        for (const auto& row :
            connection.query("SELECT id, owner_id, created_at, last_contact_at FROM parties WHERE "
                             "tenant_id = ? AND owner_id IS NOT NULL AND (is_customer = 1 OR "
                             "is_prospect = 1) AND archived = 0 ORDER BY id",
                { tenant_id })) {
            auto id = row.i64(0);
            auto owner = row.i64(1);
            CustomerDates customer_dates { date_part(row, 2, time_zone).value_or(as_of),
                date_part(row, 3, time_zone), std::nullopt, bool(orders) };
            if (auto found = last_orders.find(id); found != last_orders.end())
                customer_dates.last_order_on = found->second;
            auto decision = decide_pool_action(settings, customer_dates, as_of);

            if (decision.action == PoolAction::return_to_pool) {
                if (connection.execute(
                        "UPDATE parties SET owner_id = NULL, updated_at = ?, version = version + 1 "
                        "WHERE tenant_id = ? AND id = ? AND owner_id = ?",
                        { now, tenant_id, id, owner })
                    == 0)
                    continue;
                record_owner_change(connection, tenant_id,
                    { id, owner, std::nullopt, "returned_to_pool", decision.rule, 0 });
                connection.execute("INSERT INTO pool_events (tenant_id, id, party_id, user_id, "
                                   "action, on_date, at) "
                                   "VALUES (?, ?, ?, ?, 'returned_to_pool', ?, ?)",
                    { tenant_id, connection.next_id(), id, owner, as_of, now });
                connection.execute("DELETE FROM pool_warnings WHERE tenant_id = ? AND party_id = ?",
                    { tenant_id, id });
                record_audit(connection, tenant_id, 0,
                    { { "party", id, id, "returned_to_pool", "owner_id", json(owner), json(),
                        decision.rule } });
                ++returned;
            } else if (decision.action == PoolAction::warn) {
                // one warning per owner and return date: a second run the same day finds it
                if (connection.query_one("SELECT party_id FROM pool_warnings WHERE tenant_id = ? "
                                         "AND party_id = ? AND "
                                         "return_date = ?",
                        { tenant_id, id, decision.return_date }))
                    continue;
                connection.execute("INSERT INTO pool_warnings (tenant_id, party_id, return_date, "
                                   "owner_id, warned_on, "
                                   "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    { tenant_id, id, decision.return_date, owner, as_of, now });
                ++warned;
            }
        }
        result["returned"] = returned;
        result["warned"] = warned;
        if (returned > 0 || warned > 0)
            spdlog::info(
                R"({{"event":"pool_rules","tenant_id":{},"as_of":"{}","returned":{},"warned":{}}})",
                tenant_id, as_of, returned, warned);
        return result;
    });
}

namespace {

std::mutex scheduler_mutex;
std::condition_variable scheduler_wake;
bool scheduler_stopping = false;
std::thread scheduler_thread;

void run_all_tenants(db::Database& database)
{
    auto tenants = database.read([](Connection& connection) {
        return connection.query("SELECT tenant_id FROM pool_settings WHERE enabled = 1");
    });
    for (const auto& tenant : tenants) {
        try {
            auto result = run_pool_rules(database, tenant.i64(0), std::nullopt, true);
            if (!result)
                spdlog::warn(R"({{"event":"pool_rules_failed","tenant_id":{},"error":"{}"}})",
                    tenant.i64(0), result.error().message);
        } catch (const std::exception& error) {
            spdlog::error(R"({{"event":"pool_rules_failed","tenant_id":{},"error":"{}"}})",
                tenant.i64(0), error.what());
        }
    }
}

} // namespace

void start_pool_scheduler(std::shared_ptr<db::Database> database)
{
    std::lock_guard lock(scheduler_mutex);
    if (scheduler_thread.joinable())
        return;
    scheduler_stopping = false;
    scheduler_thread = std::thread([database] {
        std::unique_lock lock(scheduler_mutex);
        while (!scheduler_stopping) {
            lock.unlock();
            try {
                run_all_tenants(*database);
            } catch (const std::exception& error) {
                spdlog::error(R"({{"event":"pool_scheduler_failed","error":"{}"}})", error.what());
            }
            lock.lock();
            // hourly: a tenant's new day starts at its own midnight, the first run after it acts
            scheduler_wake.wait_for(lock, std::chrono::hours(1), [] { return scheduler_stopping; });
        }
    });
}

void stop_pool_scheduler()
{
    {
        std::lock_guard lock(scheduler_mutex);
        scheduler_stopping = true;
    }
    scheduler_wake.notify_all();
    if (scheduler_thread.joinable())
        scheduler_thread.join();
}

} // namespace rapport::customers
