// Contact dates every customer view needs: when the customer was last contacted (an instant) and
// the next contact date the last activity set (a business date in the tenant's time zone).
namespace rapport::db {

extern const char* const migration_0004_contact_dates = R"sql(
ALTER TABLE parties ADD COLUMN last_contact_at TEXT;
ALTER TABLE parties ADD COLUMN next_contact_date TEXT;
CREATE INDEX parties_next_contact ON parties (tenant_id, next_contact_date);
)sql";

} // namespace rapport::db
