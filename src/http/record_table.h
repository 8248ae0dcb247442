// Plain tenant records (products, employees, …): list with search, filters, sort and keyset
// paging; get; create; update with a version check — all driven by one description.
#pragma once

#include "http/listing.h"
#include "http/record.h"

#include <functional>

namespace rapport::http {

struct RecordTable {
    std::string table;
    std::vector<FieldSpec> fields;
    std::map<std::string, std::string> sorts; // query name -> column of the table
    std::string default_sort = "name";
    std::vector<std::string> filters; // columns filterable by equality from the query string
    std::string search_expression; // SQL over alias r matched by the folded `q`
    std::string unique_column; // e.g. "code": must be free within the tenant
    // Rules that need the database (links to users, branches …), checked before every write.
    std::function<Status(db::Connection&, int64_t tenant_id, const ColumnValues&)> check;
    // Extra work in the same transaction after an insert or update (e.g. refreshing search text).
    std::function<void(db::Connection&, int64_t tenant_id, int64_t id)> after_write;
    // Defaults for a new record, applied where the caller gave no value.
    ColumnValues defaults;
};

Result<nlohmann::json> list_records(
    db::Database& database, const RecordTable& table, int64_t tenant_id, const Request& request);
Result<nlohmann::json> get_record(
    db::Database& database, const RecordTable& table, int64_t tenant_id, int64_t id);
Result<nlohmann::json> create_record(db::Database& database, const RecordTable& table,
    int64_t tenant_id, const nlohmann::json& body);
Result<nlohmann::json> update_record(db::Database& database, const RecordTable& table,
    int64_t tenant_id, int64_t id, int64_t version, const nlohmann::json& body);

std::optional<int64_t> find_record(db::Connection& connection, const RecordTable& table,
    int64_t tenant_id, const std::string& key_column, const std::string& value);
Result<int64_t> insert_record(db::Connection& connection, const RecordTable& table,
    int64_t tenant_id, const ColumnValues& values);
Status update_record_columns(db::Connection& connection, const RecordTable& table,
    int64_t tenant_id, int64_t id, const ColumnValues& values);

} // namespace rapport::http
