#include "customers/audit.h"

#include "core/clock.h"
#include "customers/parties.h"

#include <charconv>

namespace rapport::customers {

namespace {

using db::Connection;
using http::FieldKind;
using nlohmann::json;

bool is_json_kind(FieldKind kind)
{
    return kind == FieldKind::tags || kind == FieldKind::phones || kind == FieldKind::emails
        || kind == FieldKind::messengers || kind == FieldKind::address;
}

// A stored or new value as the API shows it, so the trail reads like the record itself.
json as_json(
    FieldKind kind, const std::optional<int64_t>& number, const std::optional<std::string>& text)
{
    if (!number && !text)
        return kind == FieldKind::boolean ? json(false) : json();
    if (kind == FieldKind::boolean)
        return number ? *number != 0 : *text == "1";
    if (kind == FieldKind::integer && number)
        return *number;
    if (text && is_json_kind(kind)) {
        auto parsed = json::parse(*text, nullptr, false);
        return parsed.is_discarded() ? json(*text) : parsed;
    }
    return number ? json(std::to_string(*number)) : json(*text);
}

json stored_json(const db::Row& row, size_t index, FieldKind kind)
{
    const auto& value = row.value(index);
    if (std::holds_alternative<int64_t>(value))
        return as_json(kind, std::get<int64_t>(value), std::nullopt);
    if (std::holds_alternative<double>(value))
        return as_json(kind, static_cast<int64_t>(std::get<double>(value)), std::nullopt);
    if (std::holds_alternative<std::string>(value)) {
        // SQLite hands back integers stored in TEXT-affinity columns as text; keep kinds apart
        const auto& text = std::get<std::string>(value);
        if (kind == FieldKind::integer || kind == FieldKind::boolean) {
            int64_t number = 0;
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (error == std::errc() && end == text.data() + text.size())
                return as_json(kind, number, std::nullopt);
        }
        return as_json(kind, std::nullopt, text);
    }
    return as_json(kind, std::nullopt, std::nullopt);
}

json param_json(const db::Param& value, FieldKind kind)
{
    if (std::holds_alternative<int64_t>(value))
        return as_json(kind, std::get<int64_t>(value), std::nullopt);
    if (std::holds_alternative<std::string>(value))
        return as_json(kind, std::nullopt, std::get<std::string>(value));
    return as_json(kind, std::nullopt, std::nullopt);
}

std::optional<json> parse_stored(const db::Row& row, size_t index)
{
    if (row.is_null(index))
        return std::nullopt;
    auto parsed = json::parse(row.str(index), nullptr, false);
    return parsed.is_discarded() ? json(row.str(index)) : parsed;
}

} // namespace

void record_audit(Connection& connection, int64_t tenant_id, int64_t user_id,
    const std::vector<AuditEntry>& entries)
{
    auto now = clock::now_iso();
    for (const auto& entry : entries) {
        auto text = [](const std::optional<json>& value) -> db::Param {
            return value ? db::Param(value->dump()) : db::Param(nullptr);
        };
        connection.execute("INSERT INTO audit_log (tenant_id, id, entity, entity_id, party_id, "
                           "action, field, old_value, new_value, "
                           "note, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            { tenant_id, connection.next_id(), entry.entity, entry.entity_id, entry.party_id,
                entry.action, entry.field.empty() ? db::Param(nullptr) : db::Param(entry.field),
                text(entry.from), text(entry.to),
                entry.note.empty() ? db::Param(nullptr) : db::Param(entry.note),
                user_id == 0 ? db::Param(nullptr) : db::Param(user_id), now });
    }
}

std::vector<AuditEntry> field_changes(const db::Row& stored, const http::ColumnValues& values,
    const std::vector<http::FieldSpec>& specs, const std::string& entity, int64_t entity_id,
    int64_t party_id, const std::string& action)
{
    std::vector<AuditEntry> changes;
    for (const auto& [column, value] : values) {
        const auto* spec = http::find_field(specs, column);
        if (!spec)
            continue;
        // a PATCH that sends archived:null leaves the flag alone (see update_party_columns)
        if (spec->kind == FieldKind::boolean && std::holds_alternative<std::nullptr_t>(value))
            continue;
        auto before = stored_json(stored, stored.index_of(column), spec->kind);
        auto after = param_json(value, spec->kind);
        if (before != after)
            changes.push_back({ entity, entity_id, party_id, action, column, before, after, "" });
    }
    return changes;
}

Result<json> list_audit(db::Database& database, const http::RequestContext& context,
    int64_t party_id, const http::Request& request)
{
    int64_t limit = 100;
    if (auto text = request.query_value("limit")) {
        limit = std::atoll(text->c_str());
        if (limit < 1 || limit > 500)
            return Error::invalid("limit", "out_of_range", "must be between 1 and 500");
    }
    int64_t before_id = INT64_MAX;
    if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
        auto [end, error]
            = std::from_chars(cursor->data(), cursor->data() + cursor->size(), before_id);
        if (error != std::errc() || end != cursor->data() + cursor->size())
            return Error::make(ErrorCode::malformed_request, "invalid_cursor",
                "The cursor is not one this list gave.");
    }

    return database.read([&](Connection& connection) -> Result<json> {
        db::Params params;
        auto where = visibility(context, PartyView::customers, "p", params);
        params.push_back(party_id);
        if (!connection.query_one(
                "SELECT p.id FROM parties p WHERE " + where + " AND p.id = ?", params))
            return Error::make(ErrorCode::not_found, "not_found", "No such record.");

        // ids grow with time, so the newest entry has the largest id and paging needs no clock
        auto rows = connection.query(
            "SELECT a.id, a.at, a.user_id, u.name AS user_name, a.action, a.entity, a.entity_id, "
            "a.field, "
            "a.old_value, a.new_value, a.note FROM audit_log a LEFT JOIN users u ON u.id = "
            "a.user_id "
            "WHERE a.tenant_id = ? AND a.party_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?",
            { context.tenant_id, party_id, before_id, limit + 1 });
        json items = json::array();
        json next_cursor;
        for (size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            if (static_cast<int64_t>(i) == limit) {
                next_cursor = std::to_string(rows[i - 1].i64("id"));
                break;
            }
            auto from = parse_stored(row, row.index_of("old_value"));
            auto to = parse_stored(row, row.index_of("new_value"));
            items.push_back({ { "id", row.i64("id") }, { "at", row.str("at") },
                { "user_id", row.is_null(2) ? json() : json(row.i64(2)) },
                { "user_name", row.is_null(3) ? json() : json(row.str(3)) },
                { "action", row.str("action") }, { "entity", row.str("entity") },
                { "entity_id", row.i64("entity_id") },
                { "field", row.is_null(7) ? json() : json(row.str(7)) },
                { "from", from ? *from : json() }, { "to", to ? *to : json() },
                { "note", row.is_null(10) ? json() : json(row.str(10)) } });
        }
        return json { { "items", items }, { "next_cursor", next_cursor } };
    });
}

void move_audit(Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id)
{
    // entity_id keeps naming the merged party: its entries tell what happened to that record
    connection.execute("UPDATE audit_log SET party_id = ? WHERE tenant_id = ? AND party_id = ?",
        { into_id, tenant_id, from_id });
}

} // namespace rapport::customers
