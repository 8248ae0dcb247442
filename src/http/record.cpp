#include "http/record.h"

#include "core/clock.h"
#include "core/decimal.h"
#include "core/text.h"

namespace rapport::http {

namespace {

using nlohmann::json;

const std::set<std::string> phone_types = { "work", "mobile", "fax", "home", "other" };
const std::set<std::string> email_types = { "work", "home", "other" };
const std::set<std::string> messenger_types
    = { "kakaotalk", "wechat", "line", "whatsapp", "telegram", "other" };
const char* address_parts[] = { "line1", "line2", "city", "region", "postal_code", "country" };

// Validates a list of typed entries ({type, <value_key>}); answers the normalised JSON text.
std::optional<std::string> read_typed_list(JsonInput& input, const std::string& name,
    const json& value, const std::set<std::string>& types, const std::string& value_key,
    FieldKind kind)
{
    if (!value.is_array()) {
        input.fail(name, "invalid_type", "must be a list");
        return std::nullopt;
    }
    if (value.size() > 20) {
        input.fail(name, "too_many", "must have at most 20 entries");
        return std::nullopt;
    }
    json out = json::array();
    bool ok = true;
    for (size_t i = 0; i < value.size(); ++i) {
        auto path = name + "[" + std::to_string(i) + "]";
        if (!value[i].is_object()) {
            input.fail(path, "invalid_type", "must be an object");
            ok = false;
            continue;
        }
        JsonInput entry(value[i], input.path(path));
        auto type = entry.choice("type", types)
                        .value_or(kind == FieldKind::messengers ? "other" : "work");
        auto text = kind == FieldKind::emails ? entry.email(value_key, true)
                                              : entry.text(value_key, true, 100);
        if (text && kind == FieldKind::phones && text::digits(*text).size() < 3)
            entry.fail(value_key, "invalid_phone", "must contain a phone number");
        if (auto valid = entry.finish(); !valid) {
            input.merge(valid.error());
            ok = false;
            continue;
        }
        out.push_back({ { "type", type }, { value_key, *text } });
    }
    return ok ? std::optional<std::string>(out.dump()) : std::nullopt;
}

std::optional<std::string> read_address(
    JsonInput& input, const std::string& name, const json& value)
{
    if (!value.is_object()) {
        input.fail(name, "invalid_type", "must be an object");
        return std::nullopt;
    }
    JsonInput address(value, input.path(name));
    json out = json::object();
    for (const char* part : address_parts)
        if (auto text = address.text(part, false, 200))
            out[part] = *text;
    if (auto valid = address.finish(); !valid) {
        input.merge(valid.error());
        return std::nullopt;
    }
    return out.dump();
}

std::optional<std::string> read_tags(JsonInput& input, const std::string& name, const json& value)
{
    if (!value.is_array() || value.size() > 30) {
        input.fail(name, "invalid_type", "must be a list of at most 30 tags");
        return std::nullopt;
    }
    json out = json::array();
    for (size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string() || text::trim(value[i].get<std::string>()).empty()
            || text::code_points(value[i].get<std::string>()) > 50) {
            input.fail(name + "[" + std::to_string(i) + "]", "invalid_tag",
                "must be text of 1 to 50 characters");
            return std::nullopt;
        }
        auto tag = text::trim(value[i].get<std::string>());
        if (std::find(out.begin(), out.end(), tag) == out.end())
            out.push_back(tag);
    }
    return out.dump();
}

} // namespace

ColumnValues read_fields(JsonInput& input, const std::vector<FieldSpec>& specs, bool creating)
{
    ColumnValues values;
    for (const auto& spec : specs) {
        if (!creating && !input.present(spec.name)) {
            input.raw(spec.name);
            continue;
        }
        bool required = spec.required && (creating || input.present(spec.name));
        auto set = [&](db::Param value) { values.emplace_back(spec.name, std::move(value)); };
        switch (spec.kind) {
        case FieldKind::text:
            set(db::nullable(input.text(spec.name, required, spec.max_length)));
            break;
        case FieldKind::email:
            set(db::nullable(input.email(spec.name, required)));
            break;
        case FieldKind::date:
            set(db::nullable(input.date(spec.name, required)));
            break;
        case FieldKind::choice:
            set(db::nullable(input.choice(spec.name, spec.choices, required)));
            break;
        case FieldKind::integer:
            set(db::nullable(input.integer(spec.name, required, spec.minimum, spec.maximum)));
            break;
        case FieldKind::boolean: {
            auto flag = input.boolean(spec.name, required);
            set(flag ? db::Param(int64_t(*flag ? 1 : 0)) : db::Param(nullptr));
            break;
        }
        case FieldKind::decimal: {
            auto value = input.raw(spec.name);
            if (!value) {
                if (required)
                    input.fail(spec.name, "required", "is required");
                set(nullptr);
                break;
            }
            std::string text = value->is_string() ? value->get<std::string>()
                : value->is_number()              ? value->dump()
                                                  : "";
            auto parsed = parse_decimal(text::trim(text), spec.scale, input.path(spec.name));
            if (!parsed)
                input.merge(parsed.error());
            else if (*parsed < spec.minimum || *parsed > spec.maximum)
                input.fail(spec.name, "out_of_range", "is out of range");
            else
                set(*parsed);
            break;
        }
        case FieldKind::tags:
        case FieldKind::phones:
        case FieldKind::emails:
        case FieldKind::messengers:
        case FieldKind::address: {
            auto value = input.raw(spec.name);
            std::optional<std::string> stored;
            if (value) {
                if (spec.kind == FieldKind::tags)
                    stored = read_tags(input, spec.name, *value);
                else if (spec.kind == FieldKind::address)
                    stored = read_address(input, spec.name, *value);
                else if (spec.kind == FieldKind::phones)
                    stored = read_typed_list(
                        input, spec.name, *value, phone_types, "number", spec.kind);
                else if (spec.kind == FieldKind::emails)
                    stored = read_typed_list(
                        input, spec.name, *value, email_types, "address", spec.kind);
                else
                    stored = read_typed_list(
                        input, spec.name, *value, messenger_types, "id", spec.kind);
            }
            if (stored)
                set(*stored);
            else if (!value)
                set(spec.kind == FieldKind::address ? db::Param(nullptr)
                                                    : db::Param(std::string("[]")));
            break;
        }
        }
    }
    return values;
}

Result<db::Param> read_text_field(const FieldSpec& spec, const std::string& text)
{
    json body = json::object();
    auto trimmed = text::trim(text);
    switch (spec.kind) {
    case FieldKind::integer: {
        auto parsed = parse_decimal(trimmed, 0, spec.name);
        if (!parsed)
            return parsed.take_error();
        body[spec.name] = *parsed;
        break;
    }
    case FieldKind::boolean: {
        auto folded = text::fold(trimmed);
        bool yes = folded == "1" || folded == "true" || folded == "yes" || folded == "y"
            || folded == "예" || folded == "是";
        bool no = folded == "0" || folded == "false" || folded == "no" || folded == "n"
            || folded == "아니오" || folded == "否";
        if (!yes && !no)
            return Error::invalid(
                spec.name, "invalid_boolean", "must be yes/no, true/false or 1/0");
        body[spec.name] = yes;
        break;
    }
    case FieldKind::tags: {
        json tags = json::array();
        size_t start = 0;
        while (start <= trimmed.size()) {
            auto end = trimmed.find_first_of(",;", start);
            auto tag = text::trim(
                trimmed.substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (!tag.empty())
                tags.push_back(tag);
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
        body[spec.name] = tags;
        break;
    }
    case FieldKind::phones:
        body[spec.name] = trimmed.empty()
            ? json::array()
            : json::array({ { { "type", "work" }, { "number", trimmed } } });
        break;
    case FieldKind::emails:
        body[spec.name] = trimmed.empty()
            ? json::array()
            : json::array({ { { "type", "work" }, { "address", trimmed } } });
        break;
    case FieldKind::messengers:
        body[spec.name] = trimmed.empty()
            ? json::array()
            : json::array({ { { "type", "other" }, { "id", trimmed } } });
        break;
    case FieldKind::address:
        body[spec.name] = { { "line1", trimmed } };
        break;
    default:
        body[spec.name] = trimmed;
    }
    JsonInput input(body);
    auto values = read_fields(input, { spec }, true);
    if (auto valid = input.finish(); !valid)
        return valid.take_error();
    return values.empty() ? db::Param(nullptr) : values.front().second;
}

void write_fields(json& out, const db::Row& row, const std::vector<FieldSpec>& specs)
{
    for (const auto& spec : specs) {
        auto index = row.index_of(spec.name);
        if (row.is_null(index)) {
            out[spec.name] = spec.kind == FieldKind::boolean ? json(false) : json();
            continue;
        }
        switch (spec.kind) {
        case FieldKind::integer:
            out[spec.name] = row.i64(index);
            break;
        case FieldKind::boolean:
            out[spec.name] = row.i64(index) != 0;
            break;
        case FieldKind::decimal:
            out[spec.name] = format_decimal(row.i64(index), spec.scale, spec.min_fraction);
            break;
        case FieldKind::tags:
        case FieldKind::phones:
        case FieldKind::emails:
        case FieldKind::messengers:
        case FieldKind::address:
            out[spec.name] = json::parse(row.str(index), nullptr, false);
            break;
        default:
            out[spec.name] = row.str(index);
        }
    }
}

std::string column_list(const std::vector<FieldSpec>& specs, const std::string& alias)
{
    std::string out;
    for (const auto& spec : specs)
        out += (out.empty() ? "" : ", ") + alias + "." + spec.name;
    return out;
}

const FieldSpec* find_field(const std::vector<FieldSpec>& specs, const std::string& name)
{
    for (const auto& spec : specs)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

} // namespace rapport::http
