#include "catalog/products.h"

#include "core/text.h"
#include "http/record_table.h"

namespace rapport::catalog {

namespace {

using http::FieldKind;

// The folded text `q` searches: code, name, specification and category.
void refresh_search_text(db::Connection& connection, int64_t tenant_id, int64_t id)
{
    auto row = connection.query_one(
        "SELECT code, name, specification, category FROM products WHERE tenant_id = ? AND id = ?",
        { tenant_id, id });
    auto search = row->str(0) + " " + row->str(1) + " " + row->str(2) + " " + row->str(3);
    connection.execute("UPDATE products SET search_text = ? WHERE tenant_id = ? AND id = ?",
        { text::fold(search), tenant_id, id });
}

const http::RecordTable& product_table()
{
    static const http::RecordTable table = [] {
        http::RecordTable table;
        table.table = "products";
        table.fields = product_fields();
        table.sorts = { { "name", "name" }, { "code", "code" }, { "category", "category" },
            { "created_at", "created_at" }, { "updated_at", "updated_at" } };
        table.filters = { "category", "active", "unit" };
        table.search_expression = "r.search_text";
        table.unique_column = "code";
        table.after_write = refresh_search_text;
        table.defaults = { { "active", int64_t(1) }, { "unit_price", int64_t(0) },
            { "cost", int64_t(0) }, { "tax_rate", int64_t(0) } };
        return table;
    }();
    return table;
}

} // namespace

const std::vector<http::FieldSpec>& product_fields()
{
    static const std::vector<http::FieldSpec> fields = {
        { "code", FieldKind::text, false, 50 },
        { "name", FieldKind::text, true, 200 },
        { "specification", FieldKind::text, false, 500 },
        { "unit", FieldKind::text, false, 20 },
        { "category", FieldKind::text, false, 100 },
        { "unit_price", FieldKind::decimal, false, 0, {}, 4, 2, 0 },
        { "cost", FieldKind::decimal, false, 0, {}, 4, 2, 0 },
        { "tax_rate", FieldKind::decimal, false, 0, {}, 2, 0, 0, 10000 },
        { "active", FieldKind::boolean },
    };
    return fields;
}

Result<nlohmann::json> list_products(
    db::Database& database, const http::RequestContext& context, const http::Request& request)
{
    return http::list_records(database, product_table(), context.tenant_id, request);
}

Result<nlohmann::json> get_product(
    db::Database& database, const http::RequestContext& context, int64_t id)
{
    return http::get_record(database, product_table(), context.tenant_id, id);
}

Result<nlohmann::json> create_product(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body)
{
    return http::create_record(database, product_table(), context.tenant_id, body);
}

Result<nlohmann::json> update_product(db::Database& database, const http::RequestContext& context,
    int64_t id, int64_t version, const nlohmann::json& body)
{
    return http::update_record(database, product_table(), context.tenant_id, id, version, body);
}

std::optional<int64_t> find_product(db::Connection& connection, int64_t tenant_id,
    const std::string& key_column, const std::string& value)
{
    return http::find_record(connection, product_table(), tenant_id, key_column, value);
}

Result<int64_t> insert_product(
    db::Connection& connection, int64_t tenant_id, const http::ColumnValues& values)
{
    return http::insert_record(connection, product_table(), tenant_id, values);
}

Status update_product_columns(
    db::Connection& connection, int64_t tenant_id, int64_t id, const http::ColumnValues& values)
{
    return http::update_record_columns(connection, product_table(), tenant_id, id, values);
}

} // namespace rapport::catalog
