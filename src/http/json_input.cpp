#include "http/json_input.h"

#include "core/clock.h"
#include "core/text.h"

namespace rapport::http {

const nlohmann::json* JsonInput::field(const std::string& name, bool required)
{
    m_known.insert(name);
    auto found = m_object.find(name);
    if (found == m_object.end() || found->is_null()) {
        if (required)
            fail(name, "required", "is required");
        return nullptr;
    }
    return &*found;
}

std::optional<std::string> JsonInput::text(
    const std::string& name, bool required, size_t max_length)
{
    auto value = field(name, required);
    if (!value)
        return std::nullopt;
    if (!value->is_string()) {
        fail(name, "invalid_type", "must be a string");
        return std::nullopt;
    }
    auto trimmed = text::trim(value->get<std::string>());
    if (trimmed.empty()) {
        if (required)
            fail(name, "required", "is required");
        return std::nullopt;
    }
    if (text::code_points(trimmed) > max_length) {
        fail(name, "too_long", "must be at most " + std::to_string(max_length) + " characters");
        return std::nullopt;
    }
    return trimmed;
}

std::optional<std::string> JsonInput::email(const std::string& name, bool required)
{
    auto value = text(name, required, 254);
    if (value && !text::is_email(*value)) {
        fail(name, "invalid_email", "is not an e-mail address");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> JsonInput::date(const std::string& name, bool required)
{
    auto value = text(name, required, 10);
    if (value && !clock::is_iso_date(*value)) {
        fail(name, "invalid_date", "must be a date as YYYY-MM-DD");
        return std::nullopt;
    }
    return value;
}

std::optional<int64_t> JsonInput::integer(
    const std::string& name, bool required, int64_t minimum, int64_t maximum)
{
    auto value = field(name, required);
    if (!value)
        return std::nullopt;
    if (!value->is_number_integer()) {
        fail(name, "invalid_type", "must be an integer");
        return std::nullopt;
    }
    if (value->is_number_unsigned() && value->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
        fail(name, "out_of_range", "is too large");
        return std::nullopt;
    }
    auto number = value->get<int64_t>();
    if (number < minimum || number > maximum) {
        fail(name, "out_of_range",
            "must be between " + std::to_string(minimum) + " and " + std::to_string(maximum));
        return std::nullopt;
    }
    return number;
}

std::optional<bool> JsonInput::boolean(const std::string& name, bool required)
{
    auto value = field(name, required);
    if (!value)
        return std::nullopt;
    if (!value->is_boolean()) {
        fail(name, "invalid_type", "must be true or false");
        return std::nullopt;
    }
    return value->get<bool>();
}

std::optional<std::string> JsonInput::choice(
    const std::string& name, const std::set<std::string>& choices, bool required)
{
    auto value = text(name, required, 100);
    if (value && !choices.count(*value)) {
        std::string allowed;
        for (const auto& choice : choices)
            allowed += (allowed.empty() ? "" : ", ") + choice;
        fail(name, "invalid_choice", "must be one of " + allowed);
        return std::nullopt;
    }
    return value;
}

const nlohmann::json* JsonInput::raw(const std::string& name)
{
    return field(name, false);
}

void JsonInput::fail(const std::string& name, std::string code, std::string message)
{
    m_errors.push_back({ path(name), std::move(code), std::move(message) });
}

void JsonInput::merge(const Error& error)
{
    for (const auto& field : error.fields)
        m_errors.push_back(field);
}

Status JsonInput::finish()
{
    for (const auto& [key, value] : m_object.items())
        if (!m_known.count(key))
            m_errors.push_back({ path(key), "unknown_field", "is not a field of this record" });
    if (m_errors.empty())
        return Ok {};
    Error error { ErrorCode::invalid_input, "The request has invalid fields.", m_errors,
        "invalid_fields" };
    return error;
}

} // namespace rapport::http
