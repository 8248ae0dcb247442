#include "http/guards.h"

#include "core/text.h"

#include <charconv>

namespace rapport::http {

Result<int64_t> if_match_version(const Request& request)
{
    auto header = request.header("If-Match");
    if (!header)
        return Error::make(ErrorCode::precondition_required, "if_match_required",
            "Send If-Match with the version you are changing.");
    auto text = text::trim(*header);
    if (text.rfind("W/", 0) == 0)
        text = text.substr(2);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = text.substr(1, text.size() - 2);
    int64_t version = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (error != std::errc() || end != text.data() + text.size() || version < 1)
        return Error::make(ErrorCode::malformed_request, "invalid_if_match",
            "If-Match must hold a record version number.");
    return version;
}

Result<std::optional<int64_t>> optional_if_match_version(const Request& request)
{
    if (!request.header("If-Match"))
        return std::optional<int64_t>();
    auto version = if_match_version(request);
    if (!version)
        return version.take_error();
    return std::optional<int64_t>(*version);
}

Response respond(const Result<nlohmann::json>& result, int status)
{
    if (result.ok())
        return Response::json(result.value(), status);
    const auto& error = result.error();
    // a stale update carries the current record so the client can show what changed
    if (error.code == ErrorCode::version_mismatch && !error.fields.empty()
        && error.fields.front().path == "current") {
        Error plain = error;
        plain.fields.clear();
        auto response = Response::problem(plain);
        auto body = nlohmann::json::parse(response.body);
        body["current"] = nlohmann::json::parse(error.fields.front().message);
        response.body = body.dump();
        return response;
    }
    return Response::problem(error);
}

Response respond(const Status& status)
{
    return status.ok() ? Response::no_content() : Response::problem(status.error());
}

Status require_permission(const RequestContext& context, const std::string& permission)
{
    if (context.can(permission))
        return Ok {};
    return Error::make(
        ErrorCode::forbidden, "forbidden", "Your role does not allow " + permission + ".");
}

Handler permitted(std::string permission, Handler handler)
{
    return [permission = std::move(permission), handler = std::move(handler)](Request& request) {
        if (auto allowed = require_permission(request.context, permission); !allowed)
            return Response::problem(allowed.error());
        return handler(request);
    };
}

Response with_body(
    const Request& request, const std::function<Response(const nlohmann::json&)>& work)
{
    auto body = parse_json_object(request);
    return body ? work(*body) : Response::problem(body.error());
}

Response with_optional_body(
    const Request& request, const std::function<Response(const nlohmann::json&)>& work)
{
    if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
        return work(nlohmann::json::object());
    return with_body(request, work);
}

Response with_id(
    const Request& request, const std::function<Response(int64_t)>& work, const std::string& name)
{
    auto id = id_param(request, name);
    return id ? work(*id) : Response::problem(id.error());
}

} // namespace rapport::http
