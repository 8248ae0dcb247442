// The schema, as an ordered list of migrations. Every business table starts its keys with
// tenant_id (DESIGN.md §4); global tables (identities, sessions) never refer to tenant tables.
#include "db/database.h"

#include "core/clock.h"

#include <spdlog/spdlog.h>

namespace rapport::db {

namespace {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

// Types are spelled so that both SQLite and PostgreSQL accept them: BIGINT for ids and money,
// INTEGER for flags and counts, TEXT for everything else (instants as ISO-8601 UTC text).
const Migration migrations[] = {
    {1, "identities and tenants", R"sql(
CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE tenants (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    currency TEXT NOT NULL,
    timezone TEXT NOT NULL,
    locale TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    tenant_id BIGINT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    tenant_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE sign_in_failures (
    email TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL
);
CREATE TABLE branches (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code)
);
CREATE TABLE roles (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    code TEXT NOT NULL,
    scope TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code)
);
CREATE TABLE role_permissions (
    tenant_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    permission TEXT NOT NULL,
    PRIMARY KEY (tenant_id, role_id, permission),
    FOREIGN KEY (tenant_id, role_id) REFERENCES roles (tenant_id, id)
);
CREATE TABLE memberships (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    role_id BIGINT NOT NULL,
    branch_id BIGINT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id),
    FOREIGN KEY (tenant_id, role_id) REFERENCES roles (tenant_id, id),
    FOREIGN KEY (tenant_id, branch_id) REFERENCES branches (tenant_id, id)
);
CREATE INDEX memberships_user ON memberships (user_id);
)sql"},
    {2, "parties, contacts, employees, products", R"sql(
CREATE TABLE employees (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    code TEXT,
    name TEXT NOT NULL,
    title TEXT,
    email TEXT,
    phone TEXT,
    branch_id BIGINT,
    user_id BIGINT REFERENCES users (id),
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, branch_id) REFERENCES branches (tenant_id, id)
);
CREATE TABLE parties (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    code TEXT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    registration_number TEXT,
    is_customer INTEGER NOT NULL DEFAULT 0,
    is_prospect INTEGER NOT NULL DEFAULT 0,
    is_supplier INTEGER NOT NULL DEFAULT 0,
    is_competitor INTEGER NOT NULL DEFAULT 0,
    is_partner INTEGER NOT NULL DEFAULT 0,
    owner_id BIGINT REFERENCES users (id),
    branch_id BIGINT,
    level TEXT,
    industry TEXT,
    source TEXT,
    region TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    phones TEXT NOT NULL DEFAULT '[]',
    emails TEXT NOT NULL DEFAULT '[]',
    website TEXT,
    billing_address TEXT,
    shipping_address TEXT,
    payment_terms TEXT,
    credit_limit BIGINT,
    currency TEXT,
    notes TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, branch_id) REFERENCES branches (tenant_id, id)
);
CREATE INDEX parties_name ON parties (tenant_id, name, id);
CREATE INDEX parties_owner ON parties (tenant_id, owner_id);
CREATE TABLE contacts (
    tenant_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    party_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    title TEXT,
    department TEXT,
    phones TEXT NOT NULL DEFAULT '[]',
    emails TEXT NOT NULL DEFAULT '[]',
    messengers TEXT NOT NULL DEFAULT '[]',
    birthday TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, party_id) REFERENCES parties (tenant_id, id)
);
CREATE INDEX contacts_party ON contacts (tenant_id, party_id, id);
CREATE TABLE products (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    code TEXT,
    name TEXT NOT NULL,
    specification TEXT,
    unit TEXT,
    category TEXT,
    unit_price BIGINT NOT NULL DEFAULT 0,
    cost BIGINT NOT NULL DEFAULT 0,
    tax_rate BIGINT NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code)
);
CREATE INDEX products_name ON products (tenant_id, name, id);
)sql"},
    {3, "imports", R"sql(
CREATE TABLE import_files (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    filename TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    delimiter TEXT NOT NULL,
    headers TEXT NOT NULL,
    rows_json TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE TABLE import_jobs (
    tenant_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    file_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    mapping TEXT NOT NULL,
    duplicate_policy TEXT NOT NULL,
    duplicate_key TEXT NOT NULL,
    status TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    processed INTEGER NOT NULL DEFAULT 0,
    created_count INTEGER NOT NULL DEFAULT 0,
    updated_count INTEGER NOT NULL DEFAULT 0,
    skipped_count INTEGER NOT NULL DEFAULT 0,
    failed_count INTEGER NOT NULL DEFAULT 0,
    failures TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    finished_at TEXT,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, file_id) REFERENCES import_files (tenant_id, id)
);
CREATE INDEX import_jobs_status ON import_jobs (status, tenant_id);
CREATE TABLE import_mappings (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    mapping TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, kind, name)
);
)sql"},
};

} // namespace

Status migrate(Database& database)
{
    auto lease = database.acquire();
    auto& connection = *lease;
    bool postgresql = database.dialect() == Dialect::postgresql;

    // several app processes may start together on one PostgreSQL: one migrates, the others wait
    if (postgresql)
        connection.execute("SELECT pg_advisory_lock(727274)");
    connection.execute(postgresql ? "BEGIN" : "BEGIN IMMEDIATE");
    try {
        connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                           "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        if (postgresql) {
            connection.execute("CREATE SEQUENCE IF NOT EXISTS rapport_ids");
        } else {
            connection.execute("CREATE TABLE IF NOT EXISTS id_counter (value BIGINT NOT NULL)");
            if (connection.scalar("SELECT COUNT(*) FROM id_counter") == 0)
                connection.execute("INSERT INTO id_counter (value) VALUES (0)");
        }
        int64_t current = connection.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        for (const auto& migration : migrations) {
            if (migration.version <= current)
                continue;
            spdlog::info("applying migration {} ({})", migration.version, migration.name);
            connection.execute_script(migration.sql);
            connection.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, "
                               "?)",
                {int64_t(migration.version), std::string(migration.name), clock::now_iso()});
        }
        connection.execute("COMMIT");
    } catch (const std::exception& error) {
        try {
            connection.execute("ROLLBACK");
        } catch (...) {
        }
        if (postgresql)
            connection.execute("SELECT pg_advisory_unlock(727274)");
        return Error::make(ErrorCode::internal, "migration_failed", error.what());
    }
    if (postgresql)
        connection.execute("SELECT pg_advisory_unlock(727274)");
    return Ok{};
}

} // namespace rapport::db
