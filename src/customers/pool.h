// The public customer pool: unowned customers any rep may browse and claim within the tenant's
// limits, owners giving customers back, and the scheduled rules that return neglected customers
// (warning their owners first). Rule decisions live in pool_rules.h.
#pragma once

#include "core/result.h"
#include "customers/pool_rules.h"
#include "db/database.h"
#include "http/request.h"

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rapport::customers {

PoolSettings load_pool_settings(db::Connection& connection, int64_t tenant_id);
Result<nlohmann::json> get_pool_settings(
    db::Database& database, const http::RequestContext& context);
Result<nlohmann::json> update_pool_settings(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);

// `GET /pool?q=&cursor=&limit=`: unowned, unarchived customers of the tenant, by name.
Result<nlohmann::json> list_pool(
    db::Database& database, const http::RequestContext& context, const http::Request& request);
// `POST /pool/claim {party_ids}` → {claimed:[…]}; all or nothing, limits checked in the
// transaction.
Result<nlohmann::json> claim_from_pool(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);
// `POST /customers/{id}/release` {reason?}: the owner (or a manager with customers.transfer)
// gives the customer back to the pool.
Result<nlohmann::json> release_to_pool(db::Database& database, const http::RequestContext& context,
    int64_t party_id, const nlohmann::json& body);

// Runs the return and warning rules of one tenant as of a date (the tenant's today when none),
// in one transaction → {returned, warned}. Idempotent. `scheduled` runs happen at most once per
// tenant and day across every process sharing the database; a manual run (an admin with
// ?as_of=) always runs.
Result<nlohmann::json> run_pool_rules(db::Database& database, int64_t tenant_id,
    const std::optional<std::string>& as_of, bool scheduled);

// Last order dates per party of a tenant. Orders live in a higher layer (sales); until one
// registers here the order rule has no data and stays off, whatever days_without_order says.
using LastOrderSource
    = std::function<std::map<int64_t, std::string>(db::Connection&, int64_t tenant_id)>;
void set_last_order_source(LastOrderSource source);

// Starts the background thread that runs every tenant's rules at start and then hourly.
void start_pool_scheduler(std::shared_ptr<db::Database> database);
void stop_pool_scheduler();

// The owner warnings for the Today page (kind "pool_warning"), in the request's scope: customers
// that return to the pool soon and were not contacted since the warning.
std::vector<nlohmann::json> pool_warning_reminders(
    db::Connection& connection, const http::RequestContext& context, const std::string& as_of);

// Merge hook: pool events follow the kept party; the merged one's warnings go.
void move_pool_records(
    db::Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id);

} // namespace rapport::customers
