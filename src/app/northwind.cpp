#include "app/northwind.h"

#include "app/web_assets.h"
#include "auth/service.h"
#include "customers/imports.h"

#include <filesystem>

namespace rapport::app {

namespace {

const char* const company = "Northwind Traders";

// The tenant this owner already has under the Northwind name, if any.
std::optional<int64_t> existing_tenant(db::Database& database, const std::string& email)
{
    auto row = database.read([&](db::Connection& connection) {
        return connection.query_one(
            "SELECT t.id FROM tenants t JOIN memberships m ON m.tenant_id = t.id "
            "JOIN users u ON u.id = m.user_id WHERE t.name = ? AND u.email = ? ORDER BY t.id LIMIT "
            "1",
            { std::string(company), email });
    });
    return row ? std::optional<int64_t>(row->i64(0)) : std::nullopt;
}

Result<nlohmann::json> mapping_for(const std::string& kind)
{
    for (const auto& file : example_files())
        if (file.path == "/northwind/" + kind + ".json")
            return nlohmann::json::parse(file.bytes);
    return Error::make(ErrorCode::internal, "missing_mapping", "no example mapping for " + kind);
}

} // namespace

Result<DemoSignIn> load_northwind(db::Database& database, const std::string& folder,
    const std::string& email, const std::string& password, std::ostream& log)
{
    DemoSignIn signed_in { 0, email, password, false };
    if (auto tenant = existing_tenant(database, email)) {
        signed_in.tenant_id = *tenant;
    } else {
        auto created
            = auth::create_tenant(database, { company, "USD", "America/Los_Angeles", "en" },
                { "Northwind Admin", email, password });
        if (!created)
            return created.take_error();
        signed_in.tenant_id = created->tenant_id;
        signed_in.created = true;
    }

    // suppliers before products, so later mappings may refer to them
    for (const std::string kind : { "employees", "suppliers", "customers", "products" }) {
        auto path = std::filesystem::path(folder) / (kind + ".csv");
        if (!std::filesystem::exists(path))
            return Error::make(
                ErrorCode::invalid_input, "missing_file", path.string() + " does not exist");
        auto settings = mapping_for(kind);
        if (!settings)
            return settings.take_error();
        auto job = customers::run_import_file(database, signed_in.tenant_id, email, kind,
            path.string(), *settings, [](const nlohmann::json&) {});
        if (!job)
            return job.take_error();
        log << kind << ": " << job->value("created", 0) << " created, " << job->value("updated", 0)
            << " updated, " << job->value("skipped", 0) << " skipped, " << job->value("failed", 0)
            << " failed" << std::endl;
        if (job->value("status", "") != "done" || job->value("failed", 0) > 0)
            return Error::make(ErrorCode::internal, "import_failed",
                "importing " + path.string() + " did not finish cleanly: " + job->dump());
    }
    return signed_in;
}

} // namespace rapport::app
