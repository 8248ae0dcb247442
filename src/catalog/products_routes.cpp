#include "catalog/products.h"
#include "http/guards.h"

namespace rapport::catalog {

void register_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    using http::permitted;
    using http::Request;
    using http::respond;
    auto& db = *database;
    const std::string base = "/api/v1/products";

    router.get(base, "products", "List products (search, filters, sort, keyset paging)",
        permitted("products.read", [&db](Request& request) {
            return respond(list_products(db, request.context, request));
        }));
    router.post(
        base, "products", "Create a product", permitted("products.create", [&db](Request& request) {
            return http::with_body(request, [&](const nlohmann::json& body) {
                return respond(create_product(db, request.context, body), 201);
            });
        }));
    router.get(base + "/{id}", "products", "A product",
        permitted("products.read", [&db](Request& request) {
            return http::with_id(
                request, [&](int64_t id) { return respond(get_product(db, request.context, id)); });
        }));
    router.patch(base + "/{id}", "products", "Change a product (If-Match: version)",
        permitted("products.edit", [&db](Request& request) {
            return http::with_id(request, [&](int64_t id) {
                auto version = http::if_match_version(request);
                if (!version)
                    return http::Response::problem(version.error());
                return http::with_body(request, [&](const nlohmann::json& body) {
                    return respond(update_product(db, request.context, id, *version, body));
                });
            });
        }));
}

} // namespace rapport::catalog
