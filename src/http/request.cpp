#include "http/request.h"

#include <algorithm>
#include <charconv>
#include <strings.h>

namespace rapport::http {

std::optional<std::string> Request::header(std::string_view name) const
{
    for (const auto& [key, value] : headers)
        if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0)
            return value;
    return std::nullopt;
}

std::optional<std::string> Request::query_value(const std::string& name) const
{
    auto found = query.find(name);
    if (found == query.end())
        return std::nullopt;
    return found->second;
}

std::string Request::cookie(std::string_view name) const
{
    auto cookies = header("Cookie");
    if (!cookies)
        return {};
    std::string_view rest = *cookies;
    while (!rest.empty()) {
        auto end = rest.find(';');
        auto pair = rest.substr(0, end);
        while (!pair.empty() && pair.front() == ' ')
            pair.remove_prefix(1);
        auto equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name)
            return std::string(pair.substr(equals + 1));
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end + 1);
    }
    return {};
}

Response Response::json(const nlohmann::json& body, int status)
{
    Response response;
    response.status = status;
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
}

Response Response::no_content()
{
    Response response;
    response.status = 204;
    response.content_type.clear();
    return response;
}

int status_for(ErrorCode code)
{
    switch (code) {
    case ErrorCode::invalid_input:
    case ErrorCode::encoding_undetected:
        return 422;
    case ErrorCode::malformed_request:
        return 400;
    case ErrorCode::unauthenticated:
        return 401;
    case ErrorCode::forbidden:
    case ErrorCode::csrf_failed:
        return 403;
    case ErrorCode::not_found:
        return 404;
    case ErrorCode::method_not_allowed:
        return 405;
    case ErrorCode::conflict:
        return 409;
    case ErrorCode::version_mismatch:
        return 412;
    case ErrorCode::precondition_required:
        return 428;
    case ErrorCode::payload_too_large:
        return 413;
    case ErrorCode::unsupported_media:
        return 415;
    case ErrorCode::too_many_requests:
        return 429;
    case ErrorCode::internal:
        return 500;
    }
    return 500;
}

namespace {

const char* title_for(int status)
{
    switch (status) {
    case 400:
        return "Malformed request";
    case 401:
        return "Not signed in";
    case 403:
        return "Forbidden";
    case 404:
        return "Not found";
    case 405:
        return "Method not allowed";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition failed";
    case 413:
        return "Payload too large";
    case 415:
        return "Unsupported media type";
    case 422:
        return "Invalid input";
    case 428:
        return "Precondition required";
    case 429:
        return "Too many requests";
    default:
        return "Internal error";
    }
}

} // namespace

Response Response::problem(const Error& error)
{
    int status = status_for(error.code);
    nlohmann::json body = {
        { "type", "about:blank" },
        { "title", title_for(status) },
        { "status", status },
        { "code", error.detail_code.empty() ? "error" : error.detail_code },
        { "detail", error.message },
    };
    if (!error.fields.empty()) {
        auto& errors = body["errors"] = nlohmann::json::array();
        for (const auto& field : error.fields)
            errors.push_back(
                { { "path", field.path }, { "code", field.code }, { "message", field.message } });
    }
    Response response = json(body, status);
    response.content_type = "application/problem+json";
    return response;
}

Result<nlohmann::json> parse_json_object(const Request& request)
{
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded())
        return Error::make(
            ErrorCode::malformed_request, "malformed_json", "The request body is not valid JSON.");
    if (!body.is_object())
        return Error::make(ErrorCode::malformed_request, "malformed_json",
            "The request body must be a JSON object.");
    return body;
}

Result<int64_t> id_param(const Request& request, const std::string& name)
{
    auto found = request.params.find(name);
    int64_t id = 0;
    if (found != request.params.end()) {
        const auto& text = found->second;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (error == std::errc() && end == text.data() + text.size() && id > 0)
            return id;
    }
    return Error::make(ErrorCode::not_found, "not_found", "No such record.");
}

} // namespace rapport::http
