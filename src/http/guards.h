// The steps every handler repeats, as small functions that answer either a value or the problem
// response to send: parse the body, read If-Match, turn a service Result into a response.
#pragma once

#include "http/router.h"

#include <functional>
#include <optional>

namespace rapport::http {

// The version an update expects: If-Match: 3 or "3"; a missing header is 428, garbage 400.
Result<int64_t> if_match_version(const Request& request);
// The same for resources that also take a plain update: no header, no version to check.
Result<std::optional<int64_t>> optional_if_match_version(const Request& request);

// 200/201 with the value, or the problem; a stale version answers 412 with `current`.
Response respond(const Result<nlohmann::json>& result, int status = 200);
Response respond(const Status& status);

// Ok when the role grants `permission` ("customers.read"); a 403 problem otherwise.
Status require_permission(const RequestContext& context, const std::string& permission);
// A handler that runs only when the role grants `permission`.
Handler permitted(std::string permission, Handler handler);
// Runs `work` with the JSON object body, or answers why the body is not one.
Response with_body(
    const Request& request, const std::function<Response(const nlohmann::json&)>& work);
// The same for actions whose body is optional: an empty body is {}.
Response with_optional_body(
    const Request& request, const std::function<Response(const nlohmann::json&)>& work);
// Runs `work` with the integer path parameter `name`, or answers 404.
Response with_id(const Request& request, const std::function<Response(int64_t)>& work,
    const std::string& name = "id");

} // namespace rapport::http
