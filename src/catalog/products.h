// Products: code (model), name, specification, unit, category, prices, tax rate.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/record.h"
#include "http/request.h"
#include "http/router.h"

#include <memory>
#include <nlohmann/json.hpp>

namespace rapport::catalog {

// unit_price and cost: 4 decimal places; tax_rate: percent with 2 decimal places.
const std::vector<http::FieldSpec>& product_fields();

Result<nlohmann::json> list_products(
    db::Database& database, const http::RequestContext& context, const http::Request& request);
Result<nlohmann::json> get_product(
    db::Database& database, const http::RequestContext& context, int64_t id);
Result<nlohmann::json> create_product(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);
Result<nlohmann::json> update_product(db::Database& database, const http::RequestContext& context,
    int64_t id, int64_t version, const nlohmann::json& body);

// Building blocks for imports, inside the caller's transaction.
std::optional<int64_t> find_product(db::Connection& connection, int64_t tenant_id,
    const std::string& key_column, const std::string& value);
Result<int64_t> insert_product(
    db::Connection& connection, int64_t tenant_id, const http::ColumnValues& values);
Status update_product_columns(
    db::Connection& connection, int64_t tenant_id, int64_t id, const http::ColumnValues& values);

void register_routes(http::Router& router, std::shared_ptr<db::Database> database);

} // namespace rapport::catalog
