#include "customers/custom_fields.h"

#include "core/clock.h"
#include "core/text.h"
#include "http/json_input.h"

#include <algorithm>
#include <regex>
#include <set>

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

const std::set<std::string> entities = { "customer", "supplier", "contact", "product" };
const std::set<std::string> types = { "text", "number", "date", "choice", "multi_choice" };

Error not_found()
{
    return Error::make(ErrorCode::not_found, "not_found", "No such custom field.");
}

const char* select_columns
    = "SELECT id, entity, code, label, type, options, required, position, version "
      "FROM custom_field_definitions ";

json definition_json(const db::Row& row)
{
    return { { "id", row.i64(0) }, { "entity", row.str(1) }, { "code", row.str(2) },
        { "label", row.str(3) }, { "type", row.str(4) },
        { "options", json::parse(row.str(5), nullptr, false) }, { "required", row.i64(6) != 0 },
        { "position", row.i64(7) }, { "version", row.i64(8) } };
}

// Choice options: distinct non-empty strings; choice types need at least one.
std::optional<std::string> read_options(
    http::JsonInput& input, const std::string& type, bool needed)
{
    const auto* options = input.raw("options");
    bool is_choice = type == "choice" || type == "multi_choice";
    if (!options || options->is_null()) {
        if (needed && is_choice)
            input.fail("options", "required", "a choice field needs its options");
        return needed ? std::optional<std::string>("[]") : std::nullopt;
    }
    if (!options->is_array() || options->size() > 200) {
        input.fail("options", "invalid_type", "must be a list of at most 200 texts");
        return std::nullopt;
    }
    json out = json::array();
    std::set<std::string> seen;
    for (size_t i = 0; i < options->size(); ++i) {
        const auto& option = (*options)[i];
        auto path = "options[" + std::to_string(i) + "]";
        if (!option.is_string() || text::trim(option.get<std::string>()).empty()) {
            input.fail(path, "invalid_type", "must be a non-empty text");
            continue;
        }
        auto value = text::trim(option.get<std::string>());
        if (!seen.insert(value).second)
            input.fail(path, "duplicate", "appears twice");
        out.push_back(value);
    }
    if (is_choice && out.empty())
        input.fail("options", "required", "a choice field needs its options");
    return out.dump();
}

// Validates one value of a definition; answers the value to store or a problem.
std::optional<json> check_value(const json& value, const std::string& type, const json& options,
    std::string& problem, std::string& code)
{
    auto allowed = [&](const std::string& choice) {
        return std::find(options.begin(), options.end(), json(choice)) != options.end();
    };
    if (type == "text") {
        if (!value.is_string() || text::code_points(value.get<std::string>()) > 1000) {
            code = "invalid_type", problem = "must be a text of at most 1000 characters";
            return std::nullopt;
        }
        return json(text::trim(value.get<std::string>()));
    }
    if (type == "number") {
        // kept as a JSON number: custom figures are descriptive, never money (amounts have their
        // own fields)
        if (value.is_number())
            return value;
        if (value.is_string()) {
            static const std::regex number(R"(-?\d{1,15}(\.\d{1,6})?)");
            auto text = text::trim(value.get<std::string>());
            if (std::regex_match(text, number))
                return text.find('.') == std::string::npos ? json(std::stoll(text))
                                                           : json(std::stod(text));
        }
        code = "invalid_number", problem = "must be a number";
        return std::nullopt;
    }
    if (type == "date") {
        if (!value.is_string() || !clock::is_iso_date(value.get<std::string>())) {
            code = "invalid_date", problem = "must be a date YYYY-MM-DD";
            return std::nullopt;
        }
        return value;
    }
    if (type == "choice") {
        if (!value.is_string() || !allowed(value.get<std::string>())) {
            code = "invalid_choice", problem = "must be one of " + options.dump();
            return std::nullopt;
        }
        return value;
    }
    if (!value.is_array()) {
        code = "invalid_type", problem = "must be a list of choices from " + options.dump();
        return std::nullopt;
    }
    json chosen = json::array();
    for (const auto& item : value) {
        if (!item.is_string() || !allowed(item.get<std::string>())) {
            code = "invalid_choice", problem = "every choice must be one of " + options.dump();
            return std::nullopt;
        }
        if (std::find(chosen.begin(), chosen.end(), item) == chosen.end())
            chosen.push_back(item);
    }
    return chosen;
}

bool is_empty_value(const json& value)
{
    return value.is_null() || (value.is_string() && text::trim(value.get<std::string>()).empty())
        || (value.is_array() && value.empty());
}

} // namespace

bool is_custom_field_code(const std::string& code)
{
    static const std::regex pattern("[a-z][a-z0-9_]{0,39}");
    return std::regex_match(code, pattern);
}

Result<json> list_custom_fields(db::Database& database, const http::RequestContext& context,
    const std::optional<std::string>& entity)
{
    if (entity && !entity->empty() && !entities.count(*entity))
        return Error::invalid(
            "entity", "invalid_choice", "must be one of customer, supplier, contact, product");
    return database.read([&](Connection& connection) -> Result<json> {
        db::Params params = { context.tenant_id };
        std::string where = "WHERE tenant_id = ?";
        if (entity && !entity->empty()) {
            where += " AND entity = ?";
            params.push_back(*entity);
        }
        json items = json::array();
        for (const auto& row : connection.query(
                 std::string(select_columns) + where + " ORDER BY entity, position, id", params))
            items.push_back(definition_json(row));
        return json { { "items", items } };
    });
}

Result<json> create_custom_field(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    http::JsonInput input(body);
    auto entity = input.choice("entity", entities, true);
    auto code = input.text("code", true, 40);
    if (code && !is_custom_field_code(*code))
        input.fail("code", "invalid_code",
            "must start with a-z and hold only a-z, 0-9 and _ (at most 40)");
    auto label = input.text("label", true, 100);
    auto type = input.choice("type", types, true);
    auto options = read_options(input, type.value_or(""), true);
    auto required = input.boolean("required").value_or(false);
    auto position = input.integer("position", false, 0, 10000).value_or(0);
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        if (connection.query_one("SELECT id FROM custom_field_definitions WHERE tenant_id = ? AND "
                                 "entity = ? AND code = ?",
                { context.tenant_id, *entity, *code }))
            return Error::invalid(
                "code", "taken", "another " + *entity + " field already has this code");
        int64_t id = connection.next_id();
        auto now = clock::now_iso();
        connection.execute("INSERT INTO custom_field_definitions (tenant_id, id, entity, code, "
                           "label, type, options, "
                           "required, position, created_at, updated_at, version) VALUES (?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, 1)",
            { context.tenant_id, id, *entity, *code, *label, *type, *options,
                int64_t(required ? 1 : 0), position, now, now });
        return definition_json(
            *connection.query_one(std::string(select_columns) + "WHERE tenant_id = ? AND id = ?",
                { context.tenant_id, id }));
    });
}

Result<json> update_custom_field(db::Database& database, const http::RequestContext& context,
    int64_t id, std::optional<int64_t> version, const json& body)
{
    http::JsonInput input(body);
    // entity, code and type stay: stored values were checked against them
    for (const char* fixed : { "entity", "code", "type" })
        if (input.present(fixed)) {
            input.raw(fixed);
            input.fail(fixed, "read_only", "cannot change; delete the field and define a new one");
        }
    auto label = input.text("label", false, 100);
    auto required = input.boolean("required");
    auto position = input.integer("position", false, 0, 10000);
    if (input.is_null("label"))
        input.fail("label", "required", "is required");

    return database.write([&](Connection& connection) -> Result<json> {
        auto current
            = connection.query_one(std::string(select_columns) + "WHERE tenant_id = ? AND id = ?",
                { context.tenant_id, id });
        if (!current)
            return not_found();
        if (version && current->i64(8) != *version) {
            Error stale = Error::make(ErrorCode::version_mismatch, "version_mismatch",
                "Someone else changed this custom field; here is the current version.");
            stale.fields.push_back({ "current", "record", definition_json(*current).dump() });
            return stale;
        }
        auto options = read_options(input, current->str(4), false);
        if (auto valid = input.finish(); !valid)
            return valid.take_error();
        connection.execute("UPDATE custom_field_definitions SET label = ?, options = ?, required = "
                           "?, position = ?, "
                           "updated_at = ?, version = version + 1 WHERE tenant_id = ? AND id = ?",
            { label.value_or(current->str(3)), options.value_or(current->str(5)),
                required ? int64_t(*required ? 1 : 0) : current->i64(6),
                position.value_or(current->i64(7)), clock::now_iso(), context.tenant_id, id });
        return definition_json(
            *connection.query_one(std::string(select_columns) + "WHERE tenant_id = ? AND id = ?",
                { context.tenant_id, id }));
    });
}

Status delete_custom_field(db::Database& database, const http::RequestContext& context, int64_t id)
{
    // values already stored stay in their records' objects; they are simply no longer defined
    return database.write([&](Connection& connection) -> Result<Ok> {
        if (connection.execute(
                "DELETE FROM custom_field_definitions WHERE tenant_id = ? AND id = ?",
                { context.tenant_id, id })
            == 0)
            return not_found();
        return Ok {};
    });
}

Result<std::string> merge_custom_values(Connection& connection, int64_t tenant_id,
    const std::string& entity, const json* given, const std::string& stored)
{
    Error error { ErrorCode::invalid_input, "The request has invalid fields.", {},
        "invalid_fields" };
    auto merged = json::parse(stored.empty() ? "{}" : stored, nullptr, false);
    if (!merged.is_object())
        merged = json::object();
    if (given && !given->is_null() && !given->is_object())
        return Error::invalid(
            "custom_fields", "invalid_type", "must be an object of field code to value");

    std::map<std::string, db::Row> definitions;
    for (auto& row : connection.query(
             "SELECT code, type, options, required, label FROM custom_field_definitions "
             "WHERE tenant_id = ? AND entity = ?",
             { tenant_id, entity }))
        definitions.emplace(row.str(0), row);
    if (given && given->is_object()) {
        for (const auto& [code, value] : given->items()) {
            auto path = "custom_fields." + code;
            auto definition = definitions.find(code);
            if (definition == definitions.end()) {
                error.fields.push_back(
                    { path, "unknown_field", "is not a custom field of " + entity + "s" });
                continue;
            }
            if (is_empty_value(value)) {
                merged.erase(code);
                continue;
            }
            std::string problem;
            std::string problem_code;
            auto options = json::parse(definition->second.str(2), nullptr, false);
            auto checked
                = check_value(value, definition->second.str(1), options, problem, problem_code);
            if (!checked)
                error.fields.push_back({ path, problem_code, problem });
            else
                merged[code] = *checked;
        }
    }
    // a value already refused is not also reported as missing
    auto refused = [&](const std::string& code) {
        return std::any_of(error.fields.begin(), error.fields.end(),
            [&](const FieldError& field) { return field.path == "custom_fields." + code; });
    };
    for (const auto& [code, definition] : definitions)
        if (definition.i64(3) != 0 && (!merged.contains(code) || is_empty_value(merged[code]))
            && !refused(code))
            error.fields.push_back(
                { "custom_fields." + code, "required", definition.str(4) + " is required" });
    if (!error.fields.empty())
        return error;
    return merged.dump();
}

std::vector<AuditEntry> custom_value_changes(const std::string& before, const std::string& after,
    const std::string& entity, int64_t entity_id, int64_t party_id, const std::string& action)
{
    auto old_values = json::parse(before.empty() ? "{}" : before, nullptr, false);
    auto new_values = json::parse(after.empty() ? "{}" : after, nullptr, false);
    if (!old_values.is_object())
        old_values = json::object();
    if (!new_values.is_object())
        new_values = json::object();
    std::set<std::string> codes;
    for (const auto& [code, value] : old_values.items())
        codes.insert(code);
    for (const auto& [code, value] : new_values.items())
        codes.insert(code);
    std::vector<AuditEntry> changes;
    for (const auto& code : codes) {
        auto from = old_values.contains(code) ? old_values[code] : json();
        auto to = new_values.contains(code) ? new_values[code] : json();
        if (from != to)
            changes.push_back(
                { entity, entity_id, party_id, action, "custom_fields." + code, from, to, "" });
    }
    return changes;
}

std::string custom_value_condition(db::Dialect dialect, const std::string& alias,
    const std::string& code, const std::string& value, db::Params& params)
{
    auto column = alias + ".custom_fields";
    if (dialect == db::Dialect::sqlite) {
        params.insert(params.end(), { code, value, value });
        return "EXISTS (SELECT 1 FROM json_each(" + column
            + ") j WHERE j.key = ? AND ((j.type <> 'array' AND "
              "CAST(j.value AS TEXT) = ?) OR (j.type = 'array' AND EXISTS (SELECT 1 FROM "
              "json_each(j.value) k "
              "WHERE CAST(k.value AS TEXT) = ?))))";
    }
    params.insert(params.end(), { code, value, code, code, value });
    return "((CAST(" + column + " AS jsonb) ->> CAST(? AS TEXT)) = ? OR (jsonb_typeof(CAST("
        + column + " AS jsonb) -> CAST(? AS TEXT)) = 'array' AND (CAST(" + column
        + " AS jsonb) -> CAST(? AS TEXT)) @> jsonb_build_array(CAST(? AS TEXT))))";
}

std::vector<CustomFieldDefinition> custom_field_definitions(
    Connection& connection, int64_t tenant_id, const std::string& entity)
{
    std::vector<CustomFieldDefinition> out;
    for (const auto& row :
        connection.query("SELECT code, label, type FROM custom_field_definitions "
                         "WHERE tenant_id = ? AND entity = ? ORDER BY position, id",
            { tenant_id, entity }))
        out.push_back({ row.str(0), row.str(1), row.str(2) });
    return out;
}

json custom_values_from_text(const std::vector<CustomFieldDefinition>& definitions,
    const std::map<std::string, std::string>& texts)
{
    json values = json::object();
    for (const auto& [code, cell] : texts) {
        auto definition = std::find_if(definitions.begin(), definitions.end(),
            [&](const CustomFieldDefinition& d) { return d.code == code; });
        if (definition == definitions.end() || definition->type != "multi_choice") {
            values[code] = cell;
            continue;
        }
        json chosen = json::array();
        std::string part;
        auto flush = [&] {
            auto trimmed = text::trim(part);
            if (!trimmed.empty())
                chosen.push_back(trimmed);
            part.clear();
        };
        for (size_t i = 0; i < cell.size(); ++i) {
            if (cell[i] == ',' || cell[i] == ';')
                flush();
            else if (cell.compare(i, 3, "\xe3\x80\x81") == 0) {
                flush();
                i += 2;
            } else
                part.push_back(cell[i]);
        }
        flush();
        values[code] = chosen;
    }
    return values;
}

} // namespace rapport::customers
