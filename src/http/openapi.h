// The OpenAPI 3.1 document, generated from the registered routes so it always lists them all.
#pragma once

#include "http/router.h"

#include <nlohmann/json.hpp>

namespace rapport::http {

nlohmann::json openapi_document(const Router& router, const std::string& version);

} // namespace rapport::http
