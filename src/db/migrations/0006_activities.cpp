// 0006: the contact log, reminder settings and calendar feed tokens.
//
// Activities keep `occurred_on`, the business date of `occurred_at` in the tenant's time zone when
// it was logged: "overdue", "days since contact" and the per-day analytics compare business dates,
// and computing them from instants inside SQL would need time zone support neither database shares.
namespace rapport::db {

extern const char* const migration_0006_activities = R"sql(
CREATE TABLE activities (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    party_id BIGINT NOT NULL,
    contact_id BIGINT,
    employee_id BIGINT,
    user_id BIGINT REFERENCES users (id),
    type TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    duration_minutes INTEGER,
    subject TEXT,
    content TEXT,
    outcome TEXT,
    next_contact_date TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, party_id) REFERENCES parties (tenant_id, id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employees (tenant_id, id)
);
CREATE INDEX activities_timeline ON activities (tenant_id, party_id, occurred_at DESC, id DESC);
CREATE INDEX activities_recent ON activities (tenant_id, occurred_at DESC, id DESC);
CREATE INDEX activities_by_day ON activities (tenant_id, occurred_on, type);
CREATE INDEX parties_last_contact ON parties (tenant_id, last_contact_at);
CREATE TABLE reminder_settings (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    dormant_days TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id)
);
CREATE TABLE calendar_tokens (
    token_hash TEXT PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX calendar_tokens_user ON calendar_tokens (tenant_id, user_id);
)sql";

} // namespace rapport::db
