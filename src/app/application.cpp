#include "app/application.h"

#include "activities/reminder_registry.h"
#include "activities/routes.h"
#include "app/web_assets.h"
#include "auth/routes.h"
#include "auth/service.h"
#include "catalog/import_registration.h"
#include "catalog/products.h"
#include "customers/imports.h"
#include "customers/lists.h"
#include "customers/pool.h"
#include "customers/relationship_routes.h"
#include "customers/routes.h"
#include "customers/search.h"
#include "customers/vcard_service.h"
#include "http/openapi.h"

#include <mutex>

namespace rapport::app {

const char* const version = "0.1.0";

namespace {

std::string content_type_for(std::string_view path)
{
    auto dot = path.rfind('.');
    auto extension = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (extension == "html")
        return "text/html; charset=utf-8";
    if (extension == "js" || extension == "mjs")
        return "text/javascript; charset=utf-8";
    if (extension == "css")
        return "text/css; charset=utf-8";
    if (extension == "svg")
        return "image/svg+xml";
    if (extension == "png")
        return "image/png";
    if (extension == "ico")
        return "image/x-icon";
    if (extension == "json")
        return "application/json";
    if (extension == "woff2")
        return "font/woff2";
    return "application/octet-stream";
}

// The embedded web app; unknown paths without an extension are client routes and get index.html.
http::Response serve_web_asset(const http::Request& request)
{
    const auto& assets = web_assets();
    auto find = [&](std::string_view path) -> const WebAsset* {
        for (const auto& asset : assets)
            if (asset.path == path)
                return &asset;
        return nullptr;
    };
    auto path = request.path == "/" ? std::string("/index.html") : request.path;
    const WebAsset* asset = find(path);
    bool client_route = !asset && path.find('.', path.rfind('/')) == std::string::npos;
    if (client_route)
        asset = find("/index.html");
    if (!asset) {
        http::Response missing;
        missing.status = 404;
        missing.content_type = "text/plain; charset=utf-8";
        missing.body
            = assets.empty() ? "The web app was not built into this binary.\n" : "Not found.\n";
        return missing;
    }
    http::Response response;
    response.content_type = content_type_for(asset->path);
    response.body = std::string(asset->bytes);
    // hashed bundle names never change content; index.html must always be fresh
    bool hashed = asset->path.rfind("/assets/", 0) == 0;
    response.headers.emplace_back(
        "Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return response;
}

} // namespace

Result<std::shared_ptr<db::Database>> open_database(const std::string& url, size_t pool_size)
{
    auto database = db::Database::open(url, pool_size);
    if (!database)
        return database;
    if (auto migrated = db::migrate(**database); !migrated)
        return migrated.take_error();
    return database;
}

void register_domains()
{
    static std::once_flag once;
    std::call_once(once, [] {
        customers::register_customer_import_kinds();
        catalog::register_product_import_kind();
        activities::register_activities_domain();
        customers::register_relationship_domain();
        // customers sits below activities: its pool warnings reach the Today page from here
        activities::register_reminder_provider("pool_warning",
            [](db::Connection& connection, const http::RequestContext& context,
                const activities::ReminderQuery& query) {
                activities::ReminderAnswer answer;
                answer.items = customers::pool_warning_reminders(connection, context, query.as_of);
                answer.counts["pool_warning"] = static_cast<int64_t>(answer.items.size());
                return answer;
            });
    });
}

void build(Application& application)
{
    register_domains();
    auto& router = application.router;
    auth::register_routes(router, application.database);
    customers::register_routes(router, application.database);
    customers::register_import_routes(router, application.database);
    customers::register_vcard_routes(router, application.database);
    customers::register_list_routes(router, application.database);
    customers::register_relationship_routes(router, application.database);
    catalog::register_routes(router, application.database);
    customers::register_search_routes(router, application.database);
    activities::register_activity_routes(router, application.database);

    router.get(
        "/healthz", "plumbing", "Liveness and database check",
        [database = application.database](http::Request&) {
            database->read(
                [](db::Connection& connection) { return connection.scalar("SELECT 1"); });
            return http::Response::json({ { "status", "ok" } });
        },
        http::Access::open);
    router.get(
        "/metrics", "plumbing", "Prometheus metrics",
        [&metrics = application.metrics](http::Request&) {
            http::Response response;
            response.content_type = "text/plain; version=0.0.4; charset=utf-8";
            response.body = metrics.render();
            return response;
        },
        http::Access::open);
    router.get(
        "/api/v1/openapi.json", "plumbing", "This document",
        [&router](http::Request&) {
            return http::Response::json(http::openapi_document(router, version));
        },
        http::Access::open);
    router.set_fallback(serve_web_asset);

    application.metrics.set_pool_probe([database = application.database] {
        return std::make_pair(database->connections_in_use(), database->pool_size());
    });
}

} // namespace rapport::app
