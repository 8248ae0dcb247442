// The steps every handler repeats, as small functions that answer either a value or the problem
// response to send: parse the body, read If-Match, turn a service Result into a response.
#pragma once

#include "http/request.h"

#include <optional>

namespace rapport::http {

// The version an update expects: If-Match: 3 or "3"; a missing header is 428, garbage 400.
Result<int64_t> if_match_version(const Request& request);

// 200/201 with the value, or the problem; a stale version answers 412 with `current`.
Response respond(const Result<nlohmann::json>& result, int status = 200);
Response respond(const Status& status);

} // namespace rapport::http
