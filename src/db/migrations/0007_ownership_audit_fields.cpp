// 0007: owner history, pool rules, audit trail, custom fields — statements end with ";" at the end
// of a line and must run on SQLite and PostgreSQL; a line "--@ sqlite" or "--@ postgresql" starts
// statements for one database only ("--@ all" ends that). Empty until its work lands: the runner
// skips an empty migration without recording it.
//
// Audit entries, owner history and pool events name a party without a foreign key on purpose:
// they must outlive the party they describe (a deleted customer keeps its "deleted" entry), and
// merging moves them to the kept party in the merge transaction.
namespace rapport::db {

extern const char* const migration_0007_ownership_audit_fields = R"sql(
ALTER TABLE parties ADD COLUMN risk TEXT;
ALTER TABLE parties ADD COLUMN preferred_channel TEXT;
ALTER TABLE parties ADD COLUMN custom_fields TEXT NOT NULL DEFAULT '{}';
ALTER TABLE contacts ADD COLUMN hobbies TEXT;
ALTER TABLE contacts ADD COLUMN habits TEXT;
ALTER TABLE contacts ADD COLUMN preferred_channel TEXT;
ALTER TABLE contacts ADD COLUMN custom_fields TEXT NOT NULL DEFAULT '{}';
CREATE TABLE party_owners (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    party_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    action TEXT NOT NULL,
    reason TEXT,
    changed_by BIGINT REFERENCES users (id),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX party_owners_party ON party_owners (tenant_id, party_id, started_at);
CREATE TABLE pool_settings (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    enabled INTEGER NOT NULL DEFAULT 0,
    days_without_contact INTEGER NOT NULL DEFAULT 90,
    days_without_order INTEGER NOT NULL DEFAULT 0,
    warn_days_before INTEGER NOT NULL DEFAULT 7,
    claims_per_day INTEGER NOT NULL DEFAULT 10,
    max_customers_per_rep INTEGER NOT NULL DEFAULT 0,
    reclaim_block_days INTEGER NOT NULL DEFAULT 30,
    last_run_date TEXT,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id)
);
CREATE TABLE pool_events (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    party_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL,
    on_date TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX pool_events_user ON pool_events (tenant_id, user_id, action, on_date);
CREATE INDEX pool_events_party ON pool_events (tenant_id, party_id, user_id);
CREATE TABLE pool_warnings (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    party_id BIGINT NOT NULL,
    return_date TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    warned_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, party_id, return_date),
    FOREIGN KEY (tenant_id, party_id) REFERENCES parties (tenant_id, id)
);
CREATE INDEX pool_warnings_owner ON pool_warnings (tenant_id, owner_id, return_date);
CREATE TABLE audit_log (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    party_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    note TEXT,
    user_id BIGINT REFERENCES users (id),
    at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_party ON audit_log (tenant_id, party_id, id);
CREATE TABLE custom_field_definitions (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    entity TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    type TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '[]',
    required INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, entity, code)
);
INSERT INTO role_permissions (tenant_id, role_id, permission)
SELECT r.tenant_id, r.id, 'customers.transfer' FROM roles r WHERE r.code IN ('owner', 'admin', 'manager');
)sql";

} // namespace rapport::db
