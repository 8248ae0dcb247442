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
        return Error::make(ErrorCode::malformed_request, "invalid_if_match", "If-Match must hold a record version number.");
    return version;
}

Response respond(const Result<nlohmann::json>& result, int status)
{
    if (result.ok())
        return Response::json(result.value(), status);
    const auto& error = result.error();
    // a stale update carries the current record so the client can show what changed
    if (error.code == ErrorCode::version_mismatch && !error.fields.empty() && error.fields.front().path == "current") {
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

} // namespace rapport::http
