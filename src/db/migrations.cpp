// The schema, as an ordered list of migrations. Every business table starts its keys with
// tenant_id (DESIGN.md §4); global tables (identities, sessions) never refer to tenant tables.
#include "core/clock.h"
#include "db/database.h"

#include <set>
#include <spdlog/spdlog.h>

namespace rapport::db {

// Later migrations live beside the domain work that needs them (src/db/migrations/NNNN_*.cpp),
// one file each, so that work on different domains never edits the same file.
extern const char* const migration_0004_contact_dates;
extern const char* const migration_0005_search;
extern const char* const migration_0006_activities;
extern const char* const migration_0007_ownership_audit_fields;
extern const char* const migration_0008_lists_and_cards;
extern const char* const migration_0009_activity_permissions;

namespace {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

// Types are spelled so that both SQLite and PostgreSQL accept them: BIGINT for ids and money,
// INTEGER for flags and counts, TEXT for everything else (instants as ISO-8601 UTC text).
const Migration migrations[] = {
    { 1, "identities and tenants", R"sql(
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
)sql" },
    { 2, "parties, contacts, employees, products", R"sql(
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
)sql" },
    { 3, "imports", R"sql(
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
)sql" },
    { 4, "contact dates on parties", migration_0004_contact_dates },
    { 5, "search keys", migration_0005_search },
    { 6, "activities and reminders", migration_0006_activities },
    { 7, "ownership, pool, audit, custom fields", migration_0007_ownership_audit_fields },
    { 8, "lists of values, business cards", migration_0008_lists_and_cards },
    { 9, "contact log permissions for earlier tenants", migration_0009_activity_permissions },
};

// Keeps the lines meant for `dialect`: a line "--@ sqlite" or "--@ postgresql" starts statements
// for that database only, "--@ all" returns to statements for both.
std::string for_dialect(std::string_view sql, Dialect dialect)
{
    std::string out;
    bool keep = true;
    size_t start = 0;
    while (start < sql.size()) {
        auto end = sql.find('\n', start);
        if (end == std::string_view::npos)
            end = sql.size();
        auto line = sql.substr(start, end - start);
        start = end + 1;
        if (line.rfind("--@ ", 0) == 0) {
            auto target = line.substr(4);
            keep = target.rfind("all", 0) == 0
                || (dialect == Dialect::sqlite ? target.rfind("sqlite", 0) == 0
                                               : target.rfind("postgresql", 0) == 0);
            continue;
        }
        if (keep)
            out.append(line).push_back('\n');
    }
    return out;
}

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
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        if (postgresql) {
            connection.execute("CREATE SEQUENCE IF NOT EXISTS rapport_ids");
        } else {
            connection.execute("CREATE TABLE IF NOT EXISTS id_counter (value BIGINT NOT NULL)");
            if (connection.scalar("SELECT COUNT(*) FROM id_counter") == 0)
                connection.execute("INSERT INTO id_counter (value) VALUES (0)");
        }
        std::set<int64_t> applied;
        for (const auto& row : connection.query("SELECT version FROM schema_migrations"))
            applied.insert(row.i64(0));
        for (const auto& migration : migrations) {
            // an empty migration is a slot whose work has not landed: leave it for later
            auto sql = for_dialect(migration.sql, database.dialect());
            if (applied.count(migration.version)
                || sql.find_first_not_of(" \t\r\n") == std::string::npos)
                continue;
            spdlog::info("applying migration {} ({})", migration.version, migration.name);
            connection.execute_script(sql);
            connection.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                { int64_t(migration.version), std::string(migration.name), clock::now_iso() });
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
    return Ok {};
}

} // namespace rapport::db
