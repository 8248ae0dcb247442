#include "activities/routes.h"

#include "activities/analytics.h"
#include "activities/calendar.h"
#include "activities/reminders.h"
#include "activities/service.h"
#include "auth/service.h"
#include "http/guards.h"
#include "http/report_response.h"

namespace rapport::activities {

namespace {

using http::permitted;
using http::report_response;
using http::Request;
using http::respond;
using http::Response;
using http::with_body;
using http::with_id;
using nlohmann::json;

void register_activity_log(http::Router& router, db::Database& db)
{
    router.get("/api/v1/activities", "activities",
        "Contact log, newest first (party, type, employee, dates)",
        permitted("activities.read", [&db](Request& request) {
            return respond(list_activities(db, request.context, request));
        }));
    router.post("/api/v1/activities", "activities", "Log a contact with a customer",
        permitted("activities.create", [&db](Request& request) {
            return with_body(request, [&](const json& body) {
                return respond(create_activity(db, request.context, body), 201);
            });
        }));
    router.patch("/api/v1/activities/{id}", "activities",
        "Change a logged contact (If-Match: version)",
        permitted("activities.edit", [&db](Request& request) {
            return with_id(request, [&](int64_t id) {
                auto version = http::if_match_version(request);
                if (!version)
                    return Response::problem(version.error());
                return with_body(request, [&](const json& body) {
                    return respond(update_activity(db, request.context, id, *version, body));
                });
            });
        }));
    router.del("/api/v1/activities/{id}", "activities", "Delete a logged contact",
        permitted("activities.delete", [&db](Request& request) {
            return with_id(request,
                [&](int64_t id) { return respond(delete_activity(db, request.context, id)); });
        }));
    router.get("/api/v1/customers/{id}/activities", "activities",
        "A customer's contact timeline, newest first",
        permitted("activities.read", [&db](Request& request) {
            return with_id(request, [&](int64_t id) {
                return respond(list_activities(db, request.context, request, id));
            });
        }));
}

void register_reminder_routes(http::Router& router, db::Database& db)
{
    router.get("/api/v1/reminders", "activities",
        "Today: contacts due today, tomorrow, overdue and dormant",
        permitted("activities.read", [&db](Request& request) {
            return respond(reminders(
                db, request.context, request.query_value("as_of"), request.query_value("limit")));
        }));
    router.get("/api/v1/settings/reminders", "activities",
        "Reminder settings (days until a customer is dormant)",
        permitted("activities.read",
            [&db](Request& request) { return respond(reminder_settings(db, request.context)); }));
    router.patch("/api/v1/settings/reminders", "activities", "Change reminder settings",
        permitted("settings.edit", [&db](Request& request) {
            return with_body(request, [&](const json& body) {
                return respond(update_reminder_settings(db, request.context, body));
            });
        }));
    router.get("/api/v1/calendar/token", "activities",
        "A new personal calendar feed URL (the previous one stops working)",
        permitted("activities.read", [&db](Request& request) {
            auto path = issue_calendar_feed(db, request.context);
            if (!path)
                return Response::problem(path.error());
            // calendar apps need an absolute URL; behind a proxy it names the scheme it was reached
            // by
            auto scheme = request.header("X-Forwarded-Proto").value_or("http");
            auto host = request.header("X-Forwarded-Host")
                            .value_or(request.header("Host").value_or("127.0.0.1"));
            auto response
                = Response::json({ { "url", scheme + "://" + host + *path }, { "path", *path } });
            response.headers.emplace_back("Cache-Control", "no-store");
            return response;
        }));
    router.get(
        "/api/v1/calendar/{file}", "activities",
        "iCalendar feed of next contact dates ({file} is <token>.ics; no sign-in)",
        [&db](Request& request) {
            auto feed = calendar_feed(db, request.params["file"]);
            if (!feed)
                return Response::problem(feed.error());
            Response response;
            response.content_type = "text/calendar; charset=utf-8";
            response.body = std::move(*feed);
            response.headers.emplace_back("Cache-Control", "no-store");
            return response;
        },
        http::Access::open);
}

void register_analytics_routes(http::Router& router, db::Database& db)
{
    router.get("/api/v1/analytics/activities", "analytics",
        "Activities per period by employee or type (JSON or XLSX)",
        permitted("analytics.read", [&db](Request& request) {
            return report_response(
                request, activity_report(db, request.context, request), "activities");
        }));
    router.get("/api/v1/analytics/last-contact", "analytics",
        "Customers by days since last contact (JSON or XLSX)",
        permitted("analytics.read", [&db](Request& request) {
            return report_response(
                request, last_contact_report(db, request.context, request), "last-contact");
        }));
    router.get("/api/v1/analytics/visits-by-region", "analytics",
        "Visits per customer region (JSON or XLSX)",
        permitted("analytics.read", [&db](Request& request) {
            return report_response(
                request, visits_by_region_report(db, request.context, request), "visits-by-region");
        }));
}

} // namespace

void register_activities_domain()
{
    // Tenants created before these permissions existed got them from migration 0009; a permission
    // added here later needs a migration of its own.
    auth::add_default_permissions("owner",
        { "activities.read", "activities.create", "activities.edit", "activities.delete",
            "analytics.read" });
    auth::add_default_permissions("admin",
        { "activities.read", "activities.create", "activities.edit", "activities.delete",
            "analytics.read" });
    auth::add_default_permissions("manager",
        { "activities.read", "activities.create", "activities.edit", "activities.delete",
            "analytics.read" });
    auth::add_default_permissions("sales_rep",
        { "activities.read", "activities.create", "activities.edit", "activities.delete",
            "analytics.read" });
    auth::add_default_permissions("order_clerk", { "activities.read" });
    auth::add_default_permissions("finance", { "activities.read", "analytics.read" });
    auth::add_default_permissions("purchasing", { "activities.read" });
    auth::add_default_permissions("read_only", { "activities.read", "analytics.read" });
    register_contact_reminders();
    register_activity_merge_hook();
}

void register_activity_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    register_activity_log(router, *database);
    register_reminder_routes(router, *database);
    register_analytics_routes(router, *database);
}

} // namespace rapport::activities
