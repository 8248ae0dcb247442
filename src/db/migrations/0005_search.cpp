// 0005: search keys (FTS5 trigram or pg_trgm, normalised keys) — statements end with ";" at the end
// of a line and must run on SQLite and PostgreSQL; a line "--@ sqlite" or "--@ postgresql" starts
// statements for one database only ("--@ all" ends that). Empty until its work lands: the runner
// skips an empty migration without recording it.
//
// The keys are written by the customers service (customers/search_index.cpp), never by triggers.
// party_keys has no foreign key to parties: it is a derived index that the service rewrites, and
// readers always join it back to parties, so a row left behind by a deleted party finds nothing.
// Parties existing before this migration get search_keys_version 0 and have their keys computed at
// the next start of the server.
namespace rapport::db {

extern const char* const migration_0005_search = R"sql(
ALTER TABLE parties ADD COLUMN search_names TEXT NOT NULL DEFAULT '';
ALTER TABLE parties ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE parties ADD COLUMN search_keys_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX parties_search_keys_version ON parties (search_keys_version);
CREATE TABLE party_keys (
    tenant_id BIGINT NOT NULL,
    party_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    match_key TEXT NOT NULL,
    PRIMARY KEY (tenant_id, kind, match_key, party_id)
);
CREATE INDEX party_keys_party ON party_keys (tenant_id, party_id);
--@ sqlite
CREATE VIRTUAL TABLE party_search USING fts5(search_text, tenant_id UNINDEXED, tokenize = 'trigram');
--@ postgresql
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX parties_search_trgm ON parties USING gin (search_text gin_trgm_ops);
--@ all
)sql";

} // namespace rapport::db
