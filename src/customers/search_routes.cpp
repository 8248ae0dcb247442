// HTTP routes of search and duplicate detection (docs/api.md, Search and duplicates).
#include "customers/merge_hooks.h"
#include "customers/search.h"
#include "customers/similar.h"
#include "http/guards.h"

#include <mutex>

namespace rapport::customers {

namespace {

using http::Request;
using http::respond;
using http::Response;

// A bounded integer query parameter; absent gives the default.
Result<int> read_limit(const Request& request, int fallback, int maximum)
{
    auto value = request.query_value("limit");
    if (!value || value->empty())
        return fallback;
    char* end = nullptr;
    long parsed = std::strtol(value->c_str(), &end, 10);
    if (*end != '\0' || parsed < 1 || parsed > maximum)
        return Error::invalid(
            "limit", "out_of_range", "must be a whole number from 1 to " + std::to_string(maximum));
    return static_cast<int>(parsed);
}

Result<SimilarQuery> read_similar_query(const Request& request)
{
    auto limit = read_limit(request, 10, 50);
    if (!limit)
        return limit.take_error();
    SimilarQuery query;
    query.name = request.query_value("name").value_or("");
    query.phone = request.query_value("phone").value_or("");
    query.email = request.query_value("email").value_or("");
    query.registration_number = request.query_value("registration_number").value_or("");
    query.limit = *limit;
    if (auto exclude = request.query_value("exclude_id"); exclude && !exclude->empty()) {
        char* end = nullptr;
        long long parsed = std::strtoll(exclude->c_str(), &end, 10);
        if (*end != '\0' || parsed <= 0)
            return Error::invalid("exclude_id", "invalid_type", "must be a party id");
        query.exclude_id = parsed;
    }
    return query;
}

void move_contacts(db::Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id)
{
    connection.execute("UPDATE contacts SET party_id = ? WHERE tenant_id = ? AND party_id = ?",
        { into_id, tenant_id, from_id });
}

} // namespace

void register_search_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    static std::once_flag once;
    std::call_once(once, [] { register_merge_hook("contacts", move_contacts); });
    // keys computed by an older version of the search are brought up to date before serving
    refresh_stale_search_keys(*database);
    auto& db = *database;

    router.get("/api/v1/search", "customers", "Search customers, suppliers and contacts (ranked)",
        [&db](Request& request) {
            auto limit = read_limit(request, 20, 100);
            if (!limit)
                return Response::problem(limit.error());
            return respond(search_everything(
                db, request.context, request.query_value("q").value_or(""), *limit));
        });

    router.get("/api/v1/customers/similar", "customers", "Likely duplicates of a party being typed",
        http::permitted("customers.read", [&db](Request& request) {
            auto query = read_similar_query(request);
            if (!query)
                return Response::problem(query.error());
            return Response::json(db.read([&](db::Connection& connection) {
                return find_similar(connection, request.context, *query);
            }));
        }));

    router.get("/api/v1/duplicates", "customers", "Likely duplicate pairs in the company",
        http::permitted("customers.read", [&db](Request& request) {
            auto limit = read_limit(request, 100, 1000);
            if (!limit)
                return Response::problem(limit.error());
            return respond(find_duplicates(db, request.context, *limit));
        }));

    // merging deletes the merged customer, so it takes both rights
    router
        .post("/api/v1/customers/{id}/merge", "customers",
            "Merge a customer into another and delete it",
            http::permitted("customers.edit",
                http::permitted("customers.delete",
                    [&db](Request& request) {
                        return http::with_id(request, [&](int64_t id) {
                            return http::with_body(request, [&](const nlohmann::json& body) {
                                return respond(merge_party(db, request.context, id, body));
                            });
                        });
                    })))
        .success_status
        = 200;

    router.get("/api/v1/registration-numbers/check", "customers",
        "Check a Korean or Chinese registration number", [](Request& request) {
            return respond(check_registration(request.query_value("number").value_or(""),
                request.query_value("country").value_or("")));
        });
}

} // namespace rapport::customers
