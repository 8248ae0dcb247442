#include "customers/routes.h"

#include "auth/service.h"
#include "customers/employees.h"
#include "customers/parties.h"
#include "http/guards.h"

namespace rapport::customers {

namespace {

using http::Request;
using http::Response;
using http::respond;

void register_party_routes(http::Router& router, db::Database& db, PartyView view)
{
    auto domain = domain_of(view);
    auto base = "/api/v1/" + domain;
    auto noun = view == PartyView::customers ? std::string("customer") : std::string("supplier");

    router.get(base, domain, "List " + domain + " (search, filters, sort, keyset paging)", [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".read"); !allowed)
            return Response::problem(allowed.error());
        return respond(list_parties(db, request.context, view, request));
    });
    router.post(base, domain, "Create a " + noun, [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".create"); !allowed)
            return Response::problem(allowed.error());
        auto body = http::parse_json_object(request);
        if (!body)
            return Response::problem(body.error());
        return respond(create_party(db, request.context, view, *body), 201);
    });
    router.get(base + "/{id}", domain, "A " + noun + " with contacts", [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".read"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        if (!id)
            return Response::problem(id.error());
        return respond(get_party(db, request.context, view, *id));
    });
    router.patch(base + "/{id}", domain, "Change a " + noun + " (If-Match: version)", [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".edit"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        if (!id)
            return Response::problem(id.error());
        auto version = http::if_match_version(request);
        if (!version)
            return Response::problem(version.error());
        auto body = http::parse_json_object(request);
        if (!body)
            return Response::problem(body.error());
        return respond(update_party(db, request.context, view, *id, *version, *body));
    });
    router.del(base + "/{id}", domain, "Delete a " + noun + " nothing refers to", [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".delete"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        if (!id)
            return Response::problem(id.error());
        return respond(delete_party(db, request.context, view, *id));
    });

    router.get(base + "/{id}/contacts", domain, "Contacts of a " + noun, [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".read"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        if (!id)
            return Response::problem(id.error());
        return respond(list_contacts(db, request.context, view, *id));
    });
    router.post(base + "/{id}/contacts", domain, "Add a contact to a " + noun, [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".edit"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        if (!id)
            return Response::problem(id.error());
        auto body = http::parse_json_object(request);
        if (!body)
            return Response::problem(body.error());
        return respond(create_contact(db, request.context, view, *id, *body), 201);
    });
    router.patch(base + "/{id}/contacts/{contact_id}", domain, "Change a contact", [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".edit"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        auto contact_id = http::id_param(request, "contact_id");
        if (!id || !contact_id)
            return Response::problem(!id ? id.error() : contact_id.error());
        std::optional<int64_t> version;
        if (request.header("If-Match")) {
            auto parsed = http::if_match_version(request);
            if (!parsed)
                return Response::problem(parsed.error());
            version = *parsed;
        }
        auto body = http::parse_json_object(request);
        if (!body)
            return Response::problem(body.error());
        return respond(update_contact(db, request.context, view, *id, *contact_id, version, *body));
    });
    router.del(base + "/{id}/contacts/{contact_id}", domain, "Remove a contact", [&db, view, domain](Request& request) {
        if (auto allowed = auth::require(request.context, domain + ".edit"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        auto contact_id = http::id_param(request, "contact_id");
        if (!id || !contact_id)
            return Response::problem(!id ? id.error() : contact_id.error());
        return respond(delete_contact(db, request.context, view, *id, *contact_id));
    });
}

void register_employee_routes(http::Router& router, db::Database& db)
{
    const std::string base = "/api/v1/employees";
    router.get(base, "employees", "List employees", [&db](Request& request) {
        if (auto allowed = auth::require(request.context, "employees.read"); !allowed)
            return Response::problem(allowed.error());
        return respond(list_employees(db, request.context, request));
    });
    router.post(base, "employees", "Add an employee", [&db](Request& request) {
        if (auto allowed = auth::require(request.context, "employees.create"); !allowed)
            return Response::problem(allowed.error());
        auto body = http::parse_json_object(request);
        if (!body)
            return Response::problem(body.error());
        return respond(create_employee(db, request.context, *body), 201);
    });
    router.get(base + "/{id}", "employees", "An employee", [&db](Request& request) {
        if (auto allowed = auth::require(request.context, "employees.read"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        if (!id)
            return Response::problem(id.error());
        return respond(get_employee(db, request.context, *id));
    });
    router.patch(base + "/{id}", "employees", "Change an employee (If-Match: version)", [&db](Request& request) {
        if (auto allowed = auth::require(request.context, "employees.edit"); !allowed)
            return Response::problem(allowed.error());
        auto id = http::id_param(request);
        if (!id)
            return Response::problem(id.error());
        auto version = http::if_match_version(request);
        if (!version)
            return Response::problem(version.error());
        auto body = http::parse_json_object(request);
        if (!body)
            return Response::problem(body.error());
        return respond(update_employee(db, request.context, *id, *version, *body));
    });
}

} // namespace

void register_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    register_party_routes(router, *database, PartyView::customers);
    register_party_routes(router, *database, PartyView::suppliers);
    register_employee_routes(router, *database);
}

} // namespace rapport::customers
