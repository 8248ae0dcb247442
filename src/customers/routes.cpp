#include "customers/routes.h"

#include "customers/employees.h"
#include "customers/parties.h"
#include "customers/party_export.h"
#include "http/guards.h"
#include "http/report_response.h"

namespace rapport::customers {

namespace {

using http::permitted;
using http::Request;
using http::respond;
using http::Response;
using http::with_body;
using http::with_id;
using nlohmann::json;

void register_party_routes(http::Router& router, db::Database& db, PartyView view)
{
    auto domain = domain_of(view);
    auto base = "/api/v1/" + domain;
    auto noun = view == PartyView::customers ? std::string("customer") : std::string("supplier");

    router.get(base, domain, "List " + domain + " (search, filters, sort, keyset paging)",
        permitted(domain + ".read", [&db, view](Request& request) {
            return respond(list_parties(db, request.context, view, request));
        }));
    router.get(base + "/export", domain,
        "Every " + noun + " the list filters select, as XLSX (?format=xlsx, the default) or JSON",
        permitted(domain + ".export", [&db, view, domain](Request& request) {
            if (request.query_value("format").value_or("").empty())
                request.query["format"] = "xlsx";
            return http::report_response(
                request, export_parties(db, request.context, view, request), domain);
        }));
    router.post(base, domain, "Create a " + noun,
        permitted(domain + ".create", [&db, view](Request& request) {
            return with_body(request, [&](const json& body) {
                return respond(create_party(db, request.context, view, body), 201);
            });
        }));
    router.get(base + "/{id}", domain, "A " + noun + " with contacts",
        permitted(domain + ".read", [&db, view](Request& request) {
            return with_id(request,
                [&](int64_t id) { return respond(get_party(db, request.context, view, id)); });
        }));
    router.patch(base + "/{id}", domain, "Change a " + noun + " (If-Match: version)",
        permitted(domain + ".edit", [&db, view](Request& request) {
            return with_id(request, [&](int64_t id) {
                auto version = http::if_match_version(request);
                if (!version)
                    return Response::problem(version.error());
                return with_body(request, [&](const json& body) {
                    return respond(update_party(db, request.context, view, id, *version, body));
                });
            });
        }));
    router.del(base + "/{id}", domain, "Delete a " + noun + " nothing refers to",
        permitted(domain + ".delete", [&db, view](Request& request) {
            return with_id(request,
                [&](int64_t id) { return respond(delete_party(db, request.context, view, id)); });
        }));

    router.get(base + "/{id}/contacts", domain, "Contacts of a " + noun,
        permitted(domain + ".read", [&db, view](Request& request) {
            return with_id(request,
                [&](int64_t id) { return respond(list_contacts(db, request.context, view, id)); });
        }));
    router.post(base + "/{id}/contacts", domain, "Add a contact to a " + noun,
        permitted(domain + ".edit", [&db, view](Request& request) {
            return with_id(request, [&](int64_t id) {
                return with_body(request, [&](const json& body) {
                    return respond(create_contact(db, request.context, view, id, body), 201);
                });
            });
        }));
    router.patch(base + "/{id}/contacts/{contact_id}", domain, "Change a contact",
        permitted(domain + ".edit", [&db, view](Request& request) {
            return with_id(request, [&](int64_t id) {
                return with_id(
                    request,
                    [&](int64_t contact_id) {
                        auto version = http::optional_if_match_version(request);
                        if (!version)
                            return Response::problem(version.error());
                        return with_body(request, [&](const json& body) {
                            return respond(update_contact(
                                db, request.context, view, id, contact_id, *version, body));
                        });
                    },
                    "contact_id");
            });
        }));
    router.del(base + "/{id}/contacts/{contact_id}", domain, "Remove a contact",
        permitted(domain + ".edit", [&db, view](Request& request) {
            return with_id(request, [&](int64_t id) {
                return with_id(
                    request,
                    [&](int64_t contact_id) {
                        return respond(delete_contact(db, request.context, view, id, contact_id));
                    },
                    "contact_id");
            });
        }));
}

void register_employee_routes(http::Router& router, db::Database& db)
{
    const std::string base = "/api/v1/employees";
    router.get(
        base, "employees", "List employees", permitted("employees.read", [&db](Request& request) {
            return respond(list_employees(db, request.context, request));
        }));
    router.post(base, "employees", "Add an employee",
        permitted("employees.create", [&db](Request& request) {
            return with_body(request, [&](const json& body) {
                return respond(create_employee(db, request.context, body), 201);
            });
        }));
    router.get(base + "/{id}", "employees", "An employee",
        permitted("employees.read", [&db](Request& request) {
            return with_id(request,
                [&](int64_t id) { return respond(get_employee(db, request.context, id)); });
        }));
    router.patch(base + "/{id}", "employees", "Change an employee (If-Match: version)",
        permitted("employees.edit", [&db](Request& request) {
            return with_id(request, [&](int64_t id) {
                auto version = http::if_match_version(request);
                if (!version)
                    return Response::problem(version.error());
                return with_body(request, [&](const json& body) {
                    return respond(update_employee(db, request.context, id, *version, body));
                });
            });
        }));
}

} // namespace

void register_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    register_party_routes(router, *database, PartyView::customers);
    register_party_routes(router, *database, PartyView::suppliers);
    register_employee_routes(router, *database);
}

} // namespace rapport::customers
