// Migration 0009 on a tenant whose roles predate the contact log: every role gets the contact log
// permissions new tenants get, and nothing else changes.
#include "auth/service.h"
#include "db/database.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <set>

using namespace rapport;

namespace {

std::set<std::string> permissions_of(db::Database& database, int64_t tenant_id, const char* role)
{
    return *database.read([&](db::Connection& connection) -> Result<std::set<std::string>> {
        std::set<std::string> out;
        for (const auto& row : connection.query(
                 "SELECT p.permission FROM role_permissions p JOIN roles r ON r.tenant_id = "
                 "p.tenant_id AND r.id = p.role_id WHERE p.tenant_id = ? AND r.code = ? AND "
                 "(p.permission LIKE 'activities.%' OR p.permission LIKE 'analytics.%' OR "
                 "p.permission = 'customers.read')",
                 { tenant_id, std::string(role) }))
            out.insert(row.str(0));
        return out;
    });
}

} // namespace

TEST(ActivityPermissionsMigration, GrantsTheContactLogToRolesOfEarlierTenants)
{
    char pattern[] = "/tmp/rapport-permissions-test.XXXXXX";
    std::filesystem::path directory = mkdtemp(pattern);
    auto database = *db::Database::open("sqlite:" + (directory / "t.db").string(), 2);
    ASSERT_TRUE(db::migrate(*database).ok());
    auto tenant = auth::create_tenant(*database, { "Earlier Co", "KRW", "Asia/Seoul", "ko" },
        { "Owner", "owner@permissions.test", "owner password 1" });
    ASSERT_TRUE(tenant.ok());
    // the tenant as it was before the contact log: no such permissions, migration 9 not yet run
    ASSERT_TRUE(database
                    ->write([&](db::Connection& connection) -> Result<Ok> {
                        connection.execute("DELETE FROM role_permissions WHERE permission LIKE "
                                           "'activities.%' OR permission = 'analytics.read'");
                        connection.execute("DELETE FROM schema_migrations WHERE version = 9");
                        return Ok {};
                    })
                    .ok());
    ASSERT_EQ(permissions_of(*database, tenant->tenant_id, "sales_rep"),
        (std::set<std::string> { "customers.read" }));

    ASSERT_TRUE(db::migrate(*database).ok());
    EXPECT_EQ(permissions_of(*database, tenant->tenant_id, "sales_rep"),
        (std::set<std::string> { "activities.create", "activities.delete", "activities.edit",
            "activities.read", "analytics.read", "customers.read" }));
    EXPECT_EQ(permissions_of(*database, tenant->tenant_id, "finance"),
        (std::set<std::string> { "activities.read", "analytics.read", "customers.read" }));
    EXPECT_EQ(permissions_of(*database, tenant->tenant_id, "purchasing"),
        (std::set<std::string> { "activities.read", "customers.read" }));
    std::filesystem::remove_all(directory);
}
