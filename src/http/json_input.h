// Reads and validates a JSON request body field by field, collecting every problem with its
// path; fields never asked for are reported as unknown, so a typo never passes silently.
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace rapport::http {

class JsonInput {
public:
    explicit JsonInput(const nlohmann::json& object, std::string prefix = "")
        : m_object(object)
        , m_prefix(std::move(prefix))
    {
    }

    // Whether the field is in the body at all (null included): PATCH changes only what is present.
    bool present(const std::string& name) const { return m_object.contains(name); }
    bool is_null(const std::string& name) const
    {
        return present(name) && m_object.at(name).is_null();
    }

    // Trimmed text of at most `max_length` code points; empty text counts as absent.
    std::optional<std::string> text(
        const std::string& name, bool required = false, size_t max_length = 200);
    std::optional<std::string> email(const std::string& name, bool required = false);
    std::optional<std::string> date(const std::string& name, bool required = false);
    std::optional<int64_t> integer(const std::string& name, bool required = false,
        int64_t minimum = INT64_MIN, int64_t maximum = INT64_MAX);
    std::optional<bool> boolean(const std::string& name, bool required = false);
    // Exactly one of `choices`.
    std::optional<std::string> choice(
        const std::string& name, const std::set<std::string>& choices, bool required = false);
    // The raw value for nested structures; marks the field as known.
    const nlohmann::json* raw(const std::string& name);

    void fail(const std::string& name, std::string code, std::string message);
    void merge(const Error& error);
    std::string path(const std::string& name) const
    {
        return m_prefix.empty() ? name : m_prefix + "." + name;
    }
    // Reports unknown fields, then answers Ok or one Error holding every field problem.
    Status finish();
    bool failed() const { return !m_errors.empty(); }

private:
    const nlohmann::json* field(const std::string& name, bool required);

    const nlohmann::json& m_object;
    std::string m_prefix;
    std::set<std::string> m_known;
    std::vector<FieldError> m_errors;
};

} // namespace rapport::http
