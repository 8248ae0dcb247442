// Employees: the tenant's staff, users or not (sales reps who never sign in still own customers
// and earn commission).
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/record.h"
#include "http/request.h"

#include <nlohmann/json.hpp>

namespace rapport::customers {

const std::vector<http::FieldSpec>& employee_fields();

Result<nlohmann::json> list_employees(
    db::Database& database, const http::RequestContext& context, const http::Request& request);
Result<nlohmann::json> get_employee(
    db::Database& database, const http::RequestContext& context, int64_t id);
Result<nlohmann::json> create_employee(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);
Result<nlohmann::json> update_employee(db::Database& database, const http::RequestContext& context,
    int64_t id, int64_t version, const nlohmann::json& body);

std::optional<int64_t> find_employee(db::Connection& connection, int64_t tenant_id,
    const std::string& key_column, const std::string& value);
Result<int64_t> insert_employee(
    db::Connection& connection, int64_t tenant_id, const http::ColumnValues& values);
Status update_employee_columns(
    db::Connection& connection, int64_t tenant_id, int64_t id, const http::ColumnValues& values);

} // namespace rapport::customers
