// The "products" import kind. Files often say whether a product is discontinued rather than
// active (Northwind's Discontinued = 1), so the `discontinued` extra sets active = !discontinued.
#include "catalog/import_registration.h"

#include "catalog/products.h"
#include "customers/import_kinds.h"

#include <algorithm>

namespace rapport::catalog {

namespace {

using db::Connection;
using http::RequestContext;

http::ColumnValues product_values(const customers::ImportRow& row)
{
    auto values = row.values;
    auto discontinued = row.extras.find("discontinued");
    bool has_active = std::any_of(
        values.begin(), values.end(), [](const auto& value) { return value.first == "active"; });
    // an explicit active column wins over discontinued
    if (discontinued != row.extras.end() && !has_active)
        values.emplace_back("active", int64_t(discontinued->second == "1" ? 0 : 1));
    return values;
}

} // namespace

void register_product_import_kind()
{
    customers::ImportKind kind;
    kind.name = "products";
    kind.permission = "products.create";
    kind.fields = product_fields();
    kind.extras = { { "discontinued", http::FieldKind::boolean } };
    kind.keys = { "code", "name" };
    kind.find = [](Connection& connection, const RequestContext& context, const std::string& key,
                    const std::string& value) {
        return find_product(connection, context.tenant_id, key, value);
    };
    kind.create = [](Connection& connection, const RequestContext& context,
                      const customers::ImportRow& row) {
        return insert_product(connection, context.tenant_id, product_values(row));
    };
    kind.update = [](Connection& connection, const RequestContext& context, int64_t id,
                      const customers::ImportRow& row) {
        return update_product_columns(connection, context.tenant_id, id, product_values(row));
    };
    customers::register_import_kind(std::move(kind));
}

} // namespace rapport::catalog
