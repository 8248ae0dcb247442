#include "customers/employees.h"

#include "core/text.h"
#include "http/record_table.h"

namespace rapport::customers {

namespace {

using http::FieldKind;

// An employee may be a user of the company (user_id) and belongs to a branch.
Status check_links(db::Connection& connection, int64_t tenant_id, const http::ColumnValues& values)
{
    for (const auto& [column, value] : values) {
        if (!std::holds_alternative<int64_t>(value))
            continue;
        if (column == "user_id"
            && !connection.query_one(
                "SELECT user_id FROM memberships WHERE tenant_id = ? AND user_id = ?",
                { tenant_id, value }))
            return Error::invalid("user_id", "not_found", "is not a user of this company");
        if (column == "branch_id"
            && !connection.query_one(
                "SELECT id FROM branches WHERE tenant_id = ? AND id = ?", { tenant_id, value }))
            return Error::invalid("branch_id", "not_found", "is not a branch of this company");
    }
    return Ok {};
}

const http::RecordTable& employee_table()
{
    static const http::RecordTable table = [] {
        http::RecordTable table;
        table.table = "employees";
        table.fields = employee_fields();
        table.sorts = { { "name", "name" }, { "code", "code" }, { "created_at", "created_at" } };
        table.filters = { "branch_id", "active", "title" };
        table.unique_column = "code";
        table.search_expression = "LOWER(r.name)";
        table.defaults = { { "active", int64_t(1) } };
        table.check = check_links;
        return table;
    }();
    return table;
}

} // namespace

const std::vector<http::FieldSpec>& employee_fields()
{
    static const std::vector<http::FieldSpec> fields = {
        { "code", FieldKind::text, false, 50 },
        { "name", FieldKind::text, true, 100 },
        { "title", FieldKind::text, false, 100 },
        { "email", FieldKind::email },
        { "phone", FieldKind::text, false, 40 },
        { "branch_id", FieldKind::integer, false, 0, {}, 0, 0, 1 },
        { "user_id", FieldKind::integer, false, 0, {}, 0, 0, 1 },
        { "active", FieldKind::boolean },
    };
    return fields;
}

Result<nlohmann::json> list_employees(
    db::Database& database, const http::RequestContext& context, const http::Request& request)
{
    return http::list_records(database, employee_table(), context.tenant_id, request);
}

Result<nlohmann::json> get_employee(
    db::Database& database, const http::RequestContext& context, int64_t id)
{
    return http::get_record(database, employee_table(), context.tenant_id, id);
}

Result<nlohmann::json> create_employee(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body)
{
    return http::create_record(database, employee_table(), context.tenant_id, body);
}

Result<nlohmann::json> update_employee(db::Database& database, const http::RequestContext& context,
    int64_t id, int64_t version, const nlohmann::json& body)
{
    return http::update_record(database, employee_table(), context.tenant_id, id, version, body);
}

std::optional<int64_t> find_employee(db::Connection& connection, int64_t tenant_id,
    const std::string& key_column, const std::string& value)
{
    return http::find_record(connection, employee_table(), tenant_id, key_column, value);
}

Result<int64_t> insert_employee(
    db::Connection& connection, int64_t tenant_id, const http::ColumnValues& values)
{
    return http::insert_record(connection, employee_table(), tenant_id, values);
}

Status update_employee_columns(
    db::Connection& connection, int64_t tenant_id, int64_t id, const http::ColumnValues& values)
{
    return http::update_record_columns(connection, employee_table(), tenant_id, id, values);
}

} // namespace rapport::customers
