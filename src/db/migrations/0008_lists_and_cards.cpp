// 0008: lists of values, business card imports — statements end with ";" at the end of a line and must run on SQLite and PostgreSQL;
// a line "--@ sqlite" or "--@ postgresql" starts statements for one database only ("--@ all" ends
// that). Empty until its work lands: the runner skips an empty migration without recording it.
namespace rapport::db {

extern const char* const migration_0008_lists_and_cards = "";

} // namespace rapport::db
