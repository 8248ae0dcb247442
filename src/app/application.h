// Wires every domain into one server: routes, import kinds, background work, plumbing.
#pragma once

#include "db/database.h"
#include "http/metrics.h"
#include "http/router.h"

#include <memory>
#include <string>

namespace rapport::app {

extern const char* const version;

struct Application {
    std::shared_ptr<db::Database> database;
    http::Router router;
    http::Metrics metrics;
};

// Opens the database (sqlite:PATH or postgresql://…) and brings its schema up to date.
Result<std::shared_ptr<db::Database>> open_database(const std::string& url, size_t pool_size);
// Registers every domain's routes, the plumbing routes and the embedded web app.
void build(Application& application);
// Registrations that need no server (import kinds), shared by the CLI commands.
void register_domains();

} // namespace rapport::app
