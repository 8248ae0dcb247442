// What a handler sees of an HTTP request and gives back; no RESTinio types leak past here.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rapport::http {

// Who is asking, for which tenant, with which rights: filled in by the authenticator.
struct RequestContext {
    int64_t tenant_id = 0;
    int64_t user_id = 0;
    std::optional<int64_t> branch_id;
    std::string role;
    std::string scope; // "own", "branch" or "all"
    std::set<std::string> permissions;
    std::string locale = "en";
    std::string session_token_hash; // empty for bearer tokens
    std::string csrf_token;
    bool via_api_token = false;

    bool signed_in() const { return user_id != 0; }
    bool can(const std::string& permission) const { return permissions.count(permission) > 0; }
};

struct Request {
    std::string method;
    std::string path;
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> params; // from the route pattern: /customers/{id}
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string request_id;
    std::string route; // the matched pattern, for logs and metrics
    RequestContext context;

    std::optional<std::string> header(std::string_view name) const;
    std::optional<std::string> query_value(const std::string& name) const;
    std::string cookie(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    static Response json(const nlohmann::json& body, int status = 200);
    static Response no_content();
    static Response problem(const Error& error);
};

int status_for(ErrorCode code);

// Parses the body as a JSON object; a malformed body is a 400 with the parser's position.
Result<nlohmann::json> parse_json_object(const Request& request);
// Reads an integer path parameter; anything but a positive integer is a 404 (no such record).
Result<int64_t> id_param(const Request& request, const std::string& name = "id");

} // namespace rapport::http
