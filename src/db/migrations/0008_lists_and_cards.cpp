// 0008: tenant-editable lists of values (levels, sources, industries, regions, activity types).
// Statements end with ";" at the end of a line and run on SQLite and PostgreSQL alike. Parties keep
// the code of a list item (parties.level = 'A'), so codes never change once created; labels do.
// Business card imports need no table: they write parties and contacts.
namespace rapport::db {

extern const char* const migration_0008_lists_and_cards = R"sql(
CREATE TABLE lists_of_values (
    tenant_id BIGINT NOT NULL REFERENCES tenants (id),
    id BIGINT NOT NULL,
    list_name TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    position INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, list_name, code)
);
CREATE INDEX lists_of_values_order ON lists_of_values (tenant_id, list_name, position, id);
)sql";

} // namespace rapport::db
