#include "app/commands.h"

#include "app/application.h"
#include "app/demo_data.h"
#include "app/northwind.h"
#include "auth/service.h"
#include "customers/imports.h"
#include "customers/pool.h"
#include "http/server.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <spdlog/spdlog.h>
#include <thread>

namespace rapport::app {

namespace {

const std::string default_db = "sqlite:data/rapport.db";
const std::string demo_email = "demo@rapport.test";
const std::string demo_password = "rapport-demo";

int fail(const Error& error)
{
    std::cerr << "error: " << error.message;
    for (const auto& field : error.fields)
        std::cerr << "\n  " << field.path << ": " << field.message;
    std::cerr << std::endl;
    return 1;
}

std::shared_ptr<db::Database> open_or_exit(const std::string& url, size_t pool_size)
{
    auto database = open_database(url, pool_size);
    if (!database) {
        fail(database.error());
        std::exit(1);
    }
    return *database;
}

int serve(const std::string& url, const std::string& bind, int port, bool demo, int workers)
{
    auto database = open_or_exit(url, static_cast<size_t>(workers));
    register_domains();
    if (demo) {
        auto signed_in = ensure_demo_tenant(*database, demo_email, demo_password);
        if (!signed_in)
            return fail(signed_in.error());
    }
    Application application;
    application.database = database;
    build(application);
    customers::start_import_runner(database);
    customers::start_pool_scheduler(database);

    http::ServerOptions options;
    options.bind = bind;
    options.port = static_cast<uint16_t>(port);
    options.workers = static_cast<size_t>(workers);
    http::Server server(
        application.router, application.metrics,
        [database](http::Request& request) { return auth::authenticate(*database, request); },
        options);
    try {
        server.run([&] {
            std::cerr << "Rapport " << version << " serving http://" << bind << ":" << port
                      << "/ on "
                      << (database->dialect() == db::Dialect::sqlite ? "SQLite" : "PostgreSQL")
                      << std::endl;
            if (demo)
                std::cerr << "Demo sign-in: " << demo_email << " / " << demo_password << std::endl;
        });
    } catch (const std::exception& error) {
        std::cerr << "error: cannot serve on " << bind << ":" << port << ": " << error.what()
                  << std::endl;
        return 1;
    }
    customers::stop_import_runner();
    customers::stop_pool_scheduler();
    return 0;
}

} // namespace

int run_command_line(int argc, char** argv)
{
    CLI::App cli { "Rapport: CRM and sales back office for small and medium businesses." };
    cli.require_subcommand(1);
    cli.set_version_flag("--version", version);

    std::string url = default_db;
    auto* serve_command = cli.add_subcommand("serve", "Serve the web app and the API");
    std::string bind = "127.0.0.1";
    int port = 8080;
    int workers = 4;
    bool demo = false;
    serve_command->add_option("--db", url, "Database URL: sqlite:PATH or postgresql://…")
        ->capture_default_str();
    serve_command->add_option("--bind", bind, "Address to listen on")->capture_default_str();
    serve_command->add_option("--port", port, "Port to listen on")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535));
    serve_command->add_option("--workers", workers, "Worker threads (and database connections)")
        ->capture_default_str()
        ->check(CLI::Range(1, 64));
    serve_command->add_flag("--demo", demo, "Create the demo company if it does not exist");

    auto* migrate_command = cli.add_subcommand("migrate", "Bring the database schema up to date");
    migrate_command->add_option("--db", url, "Database URL")->required();

    auto* tenant_command = cli.add_subcommand("tenant", "Manage companies (tenants)");
    tenant_command->require_subcommand(1);
    auto* tenant_create = tenant_command->add_subcommand(
        "create", "Create a company with its owner; prints its id");
    auth::TenantSettings settings;
    auth::NewAccount owner;
    owner.name = "Administrator";
    tenant_create->add_option("--db", url, "Database URL")->required();
    tenant_create->add_option("--name", settings.name, "Company name")->required();
    tenant_create->add_option("--currency", settings.currency, "ISO 4217 currency, e.g. KRW")
        ->required();
    tenant_create->add_option("--timezone", settings.timezone, "IANA time zone, e.g. Asia/Seoul")
        ->required();
    tenant_create->add_option("--locale", settings.locale, "ko, zh-CN or en")->required();
    tenant_create->add_option("--admin-email", owner.email, "The owner's e-mail")->required();
    tenant_create
        ->add_option(
            "--admin-password", owner.password, "The owner's password (at least 8 characters)")
        ->required();
    tenant_create->add_option("--admin-name", owner.name, "The owner's name")
        ->capture_default_str();

    auto* token_command = cli.add_subcommand("token", "Manage API tokens");
    token_command->require_subcommand(1);
    auto* token_create
        = token_command->add_subcommand("create", "Create a bearer API token; prints it");
    int64_t tenant_id = 0;
    std::string email;
    std::string token_name = "cli";
    token_create->add_option("--db", url, "Database URL")->required();
    token_create->add_option("--tenant", tenant_id, "Company id")->required();
    token_create->add_option("--email", email, "The user the token acts as")->required();
    token_create->add_option("--name", token_name, "A name to recognise the token by")
        ->capture_default_str();

    auto* demo_command = cli.add_subcommand(
        "demo", "Create a demo company (generated, or from the Northwind CSVs)");
    std::string northwind_dir;
    std::string admin_email;
    std::string admin_password;
    demo_command->add_option("--db", url, "Database URL")->required();
    demo_command->add_option("--northwind", northwind_dir, "Folder with the Northwind CSV files")
        ->check(CLI::ExistingDirectory);
    demo_command->add_option("--admin-email", admin_email, "The demo owner's e-mail");
    demo_command->add_option("--admin-password", admin_password, "The demo owner's password");

    auto* import_command = cli.add_subcommand("import", "Import a CSV or XLSX file");
    std::string kind;
    std::string mapping_path;
    std::string file_path;
    std::string import_user;
    import_command->add_option("--db", url, "Database URL")->required();
    import_command->add_option("--tenant", tenant_id, "Company id")->required();
    import_command
        ->add_option("--kind", kind, "customers, suppliers, contacts, products or employees")
        ->required();
    import_command
        ->add_option("--mapping", mapping_path,
            "JSON file: {\"mapping\": {column: field}, \"duplicate_policy\": "
            "\"skip|update|create\", \"duplicate_key\": \"code|name\"}")
        ->required()
        ->check(CLI::ExistingFile);
    import_command->add_option(
        "--user", import_user, "The user the import runs as (default: the owner)");
    import_command->add_option("FILE", file_path, "The file to import")
        ->required()
        ->check(CLI::ExistingFile);

    CLI11_PARSE(cli, argc, argv);
    spdlog::set_level(spdlog::level::warn);

    if (serve_command->parsed()) {
        spdlog::set_level(spdlog::level::info);
        return serve(url, bind, port, demo, workers);
    }
    if (migrate_command->parsed()) {
        open_or_exit(url, 1);
        std::cerr << "The database is up to date." << std::endl;
        return 0;
    }
    if (tenant_create->parsed()) {
        auto database = open_or_exit(url, 1);
        // domains add their permissions to the default roles a new tenant starts with
        register_domains();
        auto created = auth::create_tenant(*database, settings, owner);
        if (!created)
            return fail(created.error());
        std::cout << created->tenant_id << std::endl;
        return 0;
    }
    if (token_create->parsed()) {
        auto database = open_or_exit(url, 1);
        auto token = auth::create_api_token(*database, tenant_id, email, token_name);
        if (!token)
            return fail(token.error());
        std::cout << *token << std::endl;
        return 0;
    }
    if (demo_command->parsed()) {
        auto database = open_or_exit(url, 2);
        register_domains();
        auto signed_in = northwind_dir.empty()
            ? ensure_demo_tenant(*database, admin_email.empty() ? demo_email : admin_email,
                admin_password.empty() ? demo_password : admin_password)
            : load_northwind(*database, northwind_dir,
                admin_email.empty() ? "admin@northwind.test" : admin_email,
                admin_password.empty() ? "northwind-demo" : admin_password, std::cerr);
        if (!signed_in)
            return fail(signed_in.error());
        std::cout << signed_in->tenant_id << "\n"
                  << "Sign in at http://127.0.0.1:8080/ as " << signed_in->email << " / "
                  << signed_in->password << std::endl;
        return 0;
    }
    if (import_command->parsed()) {
        auto database = open_or_exit(url, 2);
        register_domains();
        std::ifstream mapping_file(mapping_path);
        auto mapping = nlohmann::json::parse(mapping_file, nullptr, false);
        if (mapping.is_discarded() || !mapping.is_object())
            return fail(Error::make(ErrorCode::invalid_input, "invalid_mapping",
                mapping_path + " is not a JSON object"));
        auto result = customers::run_import_file(*database, tenant_id, import_user, kind, file_path,
            mapping, [](const nlohmann::json& progress) {
                std::cerr << "\r" << progress.value("processed", 0) << " / "
                          << progress.value("total", 0) << " rows" << std::flush;
            });
        std::cerr << std::endl;
        if (!result)
            return fail(result.error());
        std::cout << result->dump(2) << std::endl;
        return result->value("status", "") == "done" ? 0 : 1;
    }
    return 0;
}

} // namespace rapport::app
