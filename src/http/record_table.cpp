#include "http/record_table.h"

#include "core/clock.h"
#include "core/text.h"

namespace rapport::http {

namespace {

using db::Connection;
using nlohmann::json;

Error not_found()
{
    return Error::make(ErrorCode::not_found, "not_found", "No such record.");
}

std::string select_sql(const RecordTable& table)
{
    return "SELECT r.id, " + column_list(table.fields, "r")
        + ", r.created_at, r.updated_at, r.version FROM " + table.table + " r ";
}

json record_json(const db::Row& row, const RecordTable& table)
{
    json out = { { "id", row.i64("id") } };
    write_fields(out, row, table.fields);
    out["created_at"] = row.str("created_at");
    out["updated_at"] = row.str("updated_at");
    out["version"] = row.i64("version");
    return out;
}

Result<json> read_record(
    Connection& connection, const RecordTable& table, int64_t tenant_id, int64_t id)
{
    auto row = connection.query_one(
        select_sql(table) + "WHERE r.tenant_id = ? AND r.id = ?", { tenant_id, id });
    if (!row)
        return not_found();
    return record_json(*row, table);
}

Status check_unique(Connection& connection, const RecordTable& table, int64_t tenant_id,
    const ColumnValues& values, int64_t id)
{
    if (table.unique_column.empty())
        return Ok {};
    for (const auto& [column, value] : values)
        if (column == table.unique_column && std::holds_alternative<std::string>(value)
            && connection.query_one("SELECT id FROM " + table.table + " WHERE tenant_id = ? AND "
                    + column + " = ? AND id <> ?",
                { tenant_id, value, id }))
            return Error::invalid(column, "taken", "another record already has this " + column);
    return Ok {};
}

} // namespace

Result<json> list_records(
    db::Database& database, const RecordTable& table, int64_t tenant_id, const Request& request)
{
    std::map<std::string, std::string> sorts;
    for (const auto& [name, column] : table.sorts)
        sorts[name] = "r." + column;
    auto order = read_list_order(request, sorts, table.default_sort);
    if (!order)
        return order.take_error();

    std::string where = "r.tenant_id = ?";
    db::Params params = { tenant_id };
    for (const auto& filter : table.filters) {
        auto value = request.query_value(filter);
        if (!value || value->empty())
            continue;
        auto spec = find_field(table.fields, filter);
        auto parsed = spec ? read_text_field(*spec, *value) : Result<db::Param>(db::Param(*value));
        if (!parsed)
            return parsed.take_error();
        where += " AND r." + filter + " = ?";
        params.push_back(*parsed);
    }
    if (auto q = request.query_value("q");
        q && !text::trim(*q).empty() && !table.search_expression.empty()) {
        where += " AND " + table.search_expression + " LIKE ? ESCAPE '\\'";
        params.push_back("%" + text::escape_like(text::fold(text::trim(*q))) + "%");
    }
    auto tail = keyset_clause(*order, "r.id", where, params);

    return database.read([&](Connection& connection) -> Result<json> {
        auto rows = connection.query(select_sql(table) + "WHERE " + where + tail, params);
        json items = json::array();
        json next_cursor;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (static_cast<int>(i) == order->limit) {
                next_cursor
                    = make_cursor(rows[i - 1].str(order->column.substr(2)), rows[i - 1].i64("id"));
                break;
            }
            items.push_back(record_json(rows[i], table));
        }
        return json { { "items", items }, { "next_cursor", next_cursor } };
    });
}

Result<json> get_record(
    db::Database& database, const RecordTable& table, int64_t tenant_id, int64_t id)
{
    return database.read(
        [&](Connection& connection) { return read_record(connection, table, tenant_id, id); });
}

std::optional<int64_t> find_record(Connection& connection, const RecordTable& table,
    int64_t tenant_id, const std::string& key_column, const std::string& value)
{
    if (!find_field(table.fields, key_column))
        return std::nullopt;
    auto row = connection.query_one("SELECT id FROM " + table.table + " WHERE tenant_id = ? AND "
            + key_column + " = ? ORDER BY id LIMIT 1",
        { tenant_id, value });
    return row ? std::optional<int64_t>(row->i64(0)) : std::nullopt;
}

Result<int64_t> insert_record(
    Connection& connection, const RecordTable& table, int64_t tenant_id, const ColumnValues& given)
{
    if (auto unique = check_unique(connection, table, tenant_id, given, 0); !unique)
        return unique.take_error();
    if (table.check)
        if (auto valid = table.check(connection, tenant_id, given); !valid)
            return valid.take_error();
    ColumnValues values;
    for (const auto& [column, value] : given)
        if (!std::holds_alternative<std::nullptr_t>(value))
            values.emplace_back(column, value);
    for (const auto& [column, value] : table.defaults)
        if (std::none_of(values.begin(), values.end(),
                [&](const auto& entry) { return entry.first == column; }))
            values.emplace_back(column, value);

    int64_t id = connection.next_id();
    auto now = clock::now_iso();
    std::string columns = "tenant_id, id, created_at, updated_at, version";
    std::string marks = "?, ?, ?, ?, 1";
    db::Params params = { tenant_id, id, now, now };
    for (const auto& [column, value] : values) {
        columns += ", " + column;
        marks += ", ?";
        params.push_back(value);
    }
    connection.execute(
        "INSERT INTO " + table.table + " (" + columns + ") VALUES (" + marks + ")", params);
    if (table.after_write)
        table.after_write(connection, tenant_id, id);
    return id;
}

Status update_record_columns(Connection& connection, const RecordTable& table, int64_t tenant_id,
    int64_t id, const ColumnValues& values)
{
    if (auto unique = check_unique(connection, table, tenant_id, values, id); !unique)
        return unique;
    if (table.check)
        if (auto valid = table.check(connection, tenant_id, values); !valid)
            return valid;
    std::string assignments = "updated_at = ?, version = version + 1";
    db::Params params = { clock::now_iso() };
    for (const auto& [column, value] : values) {
        // a boolean or default-valued column cannot be set to NULL; skipping keeps what is there
        bool has_default = std::any_of(table.defaults.begin(), table.defaults.end(),
            [&](const auto& entry) { return entry.first == column; });
        if (has_default && std::holds_alternative<std::nullptr_t>(value))
            continue;
        assignments += ", " + column + " = ?";
        params.push_back(value);
    }
    params.insert(params.end(), { tenant_id, id });
    connection.execute(
        "UPDATE " + table.table + " SET " + assignments + " WHERE tenant_id = ? AND id = ?",
        params);
    if (table.after_write)
        table.after_write(connection, tenant_id, id);
    return Ok {};
}

Result<json> create_record(
    db::Database& database, const RecordTable& table, int64_t tenant_id, const json& body)
{
    JsonInput input(body);
    auto values = read_fields(input, table.fields, true);
    if (auto valid = input.finish(); !valid)
        return valid.take_error();
    return database.write([&](Connection& connection) -> Result<json> {
        auto id = insert_record(connection, table, tenant_id, values);
        if (!id)
            return id.take_error();
        return read_record(connection, table, tenant_id, *id);
    });
}

Result<json> update_record(db::Database& database, const RecordTable& table, int64_t tenant_id,
    int64_t id, int64_t version, const json& body)
{
    JsonInput input(body);
    auto values = read_fields(input, table.fields, false);
    if (auto valid = input.finish(); !valid)
        return valid.take_error();
    return database.write([&](Connection& connection) -> Result<json> {
        auto current = read_record(connection, table, tenant_id, id);
        if (!current)
            return current;
        if ((*current)["version"].get<int64_t>() != version) {
            Error stale = Error::make(ErrorCode::version_mismatch, "version_mismatch",
                "Someone else changed this record; here is the current version.");
            stale.fields.push_back({ "current", "record", current->dump() });
            return stale;
        }
        if (auto updated = update_record_columns(connection, table, tenant_id, id, values);
            !updated)
            return updated.take_error();
        return read_record(connection, table, tenant_id, id);
    });
}

} // namespace rapport::http
