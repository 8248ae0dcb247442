#include "customers/relationship_routes.h"

#include "auth/service.h"
#include "core/clock.h"
#include "customers/audit.h"
#include "customers/custom_fields.h"
#include "customers/merge_hooks.h"
#include "customers/ownership.h"
#include "customers/pool.h"
#include "http/guards.h"

#include <mutex>

namespace rapport::customers {

namespace {

using http::permitted;
using http::Request;
using http::respond;
using http::Response;
using http::with_body;
using http::with_id;
using nlohmann::json;

void register_ownership_routes(http::Router& router, db::Database& db)
{
    const std::string api = "/api/v1";
    router
        .post(api + "/customers/transfer", "customers",
            "Transfer customers to another owner, with a reason",
            permitted("customers.transfer",
                [&db](Request& request) {
                    return with_body(request, [&](const json& body) {
                        return respond(transfer_customers(db, request.context, body));
                    });
                }))
        .success_status
        = 200;
    router.get(api + "/customers/{id}/owners", "customers", "A customer's owner history",
        permitted("customers.read", [&db](Request& request) {
            return with_id(
                request, [&](int64_t id) { return respond(list_owners(db, request.context, id)); });
        }));
    router
        .post(api + "/customers/{id}/release", "customers", "Give a customer back to the pool",
            permitted("customers.edit",
                [&db](Request& request) {
                    return with_id(request, [&](int64_t id) {
                        return http::with_optional_body(request, [&](const json& body) {
                            return respond(release_to_pool(db, request.context, id, body));
                        });
                    });
                }))
        .success_status
        = 200;
    router.get(api + "/customers/{id}/audit", "customers",
        "A customer's audit trail (contacts included)",
        permitted("customers.read", [&db](Request& request) {
            return with_id(request,
                [&](int64_t id) { return respond(list_audit(db, request.context, id, request)); });
        }));
}

void register_pool_routes(http::Router& router, db::Database& db)
{
    const std::string api = "/api/v1";
    router.get(api + "/pool", "customers", "Unowned customers anyone may claim",
        permitted("customers.read",
            [&db](Request& request) { return respond(list_pool(db, request.context, request)); }));
    router
        .post(api + "/pool/claim", "customers", "Claim customers from the pool (within the limits)",
            permitted("customers.edit",
                [&db](Request& request) {
                    return with_body(request, [&](const json& body) {
                        return respond(claim_from_pool(db, request.context, body));
                    });
                }))
        .success_status
        = 200;
    router.get(api + "/settings/pool", "settings", "The pool's rules and limits",
        permitted("settings.read",
            [&db](Request& request) { return respond(get_pool_settings(db, request.context)); }));
    router.patch(api + "/settings/pool", "settings", "Change the pool's rules and limits",
        permitted("settings.edit", [&db](Request& request) {
            return with_body(request, [&](const json& body) {
                return respond(update_pool_settings(db, request.context, body));
            });
        }));
    router
        .post(api + "/settings/pool/run", "settings", "Run the pool rules now (?as_of=YYYY-MM-DD)",
            permitted("settings.edit",
                [&db](Request& request) {
                    auto as_of = request.query_value("as_of");
                    if (as_of && !clock::is_iso_date(*as_of))
                        return Response::problem(
                            Error::invalid("as_of", "invalid_date", "must be a date YYYY-MM-DD"));
                    return respond(run_pool_rules(db, request.context.tenant_id, as_of, false));
                }))
        .success_status
        = 200;
}

void register_custom_field_routes(http::Router& router, db::Database& db)
{
    const std::string base = "/api/v1/custom-fields";
    router.get(base, "settings",
        "Custom field definitions (?entity=customer|supplier|contact|product)",
        [&db](Request& request) {
            // every signed-in user needs the definitions to show forms and lists
            return respond(list_custom_fields(db, request.context, request.query_value("entity")));
        });
    router.post(base, "settings", "Define a custom field",
        permitted("settings.edit", [&db](Request& request) {
            return with_body(request, [&](const json& body) {
                return respond(create_custom_field(db, request.context, body), 201);
            });
        }));
    router.patch(base + "/{id}", "settings",
        "Change a custom field's label, options, required flag or position",
        permitted("settings.edit", [&db](Request& request) {
            return with_id(request, [&](int64_t id) {
                auto version = http::optional_if_match_version(request);
                if (!version)
                    return Response::problem(version.error());
                return with_body(request, [&](const json& body) {
                    return respond(update_custom_field(db, request.context, id, *version, body));
                });
            });
        }));
    router.del(base + "/{id}", "settings", "Remove a custom field definition",
        permitted("settings.edit", [&db](Request& request) {
            return with_id(request,
                [&](int64_t id) { return respond(delete_custom_field(db, request.context, id)); });
        }));
}

} // namespace

void register_relationship_domain()
{
    static std::once_flag once;
    std::call_once(once, [] {
        auth::add_default_permissions("owner", { "customers.transfer" });
        auth::add_default_permissions("admin", { "customers.transfer" });
        auth::add_default_permissions("manager", { "customers.transfer" });
        register_merge_hook("audit_log", move_audit);
        register_merge_hook("party_owners", move_owner_history);
        register_merge_hook("pool_events", move_pool_records);
    });
}

void register_relationship_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    register_relationship_domain();
    register_ownership_routes(router, *database);
    register_pool_routes(router, *database);
    register_custom_field_routes(router, *database);
}

} // namespace rapport::customers
