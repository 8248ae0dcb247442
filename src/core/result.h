// Expected outcomes as values: a Result<T> holds either a T or an Error from one table of codes.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace rapport {

// One table of error codes; http/error_map.cpp maps each to an HTTP status in one place.
enum class ErrorCode {
    invalid_input, // 422: a field is missing, malformed or out of range
    malformed_request, // 400: the body is not valid JSON, or the query string is wrong
    unauthenticated, // 401
    forbidden, // 403: signed in, but the role does not allow the action
    csrf_failed, // 403
    not_found, // 404: also another tenant's id
    method_not_allowed, // 405: the route exists, not with this method
    conflict, // 409: duplicate key, stale version, still referenced
    version_mismatch, // 412: If-Match does not match the current version
    precondition_required, // 428: an update without If-Match
    payload_too_large, // 413
    unsupported_media, // 415
    too_many_requests, // 429
    encoding_undetected, // 422: the file's encoding must be chosen by the user
    internal, // 500
};

// One problem with one field, addressed by a JSON path (`lines[2].quantity`).
struct FieldError {
    std::string path;
    std::string code;
    std::string message;
};

struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::vector<FieldError> fields;
    std::string
        detail_code; // stable machine code more precise than `code`, e.g. "party_referenced"

    static Error invalid(std::string path, std::string field_code, std::string message)
    {
        Error error { ErrorCode::invalid_input, "The request has invalid fields.", {},
            "invalid_fields" };
        error.fields.push_back({ std::move(path), std::move(field_code), std::move(message) });
        return error;
    }
    static Error make(ErrorCode code, std::string detail_code, std::string message)
    {
        return Error { code, std::move(message), {}, std::move(detail_code) };
    }
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_value(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_value); }
    const T& value() const { return std::get<T>(m_value); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_value); }
    Error take_error() { return std::move(std::get<Error>(m_value)); }

private:
    std::variant<T, Error> m_value;
};

struct Ok { };
using Status = Result<Ok>;

} // namespace rapport
