#include "http/openapi.h"

#include <algorithm>
#include <cctype>

namespace rapport::http {

namespace {

using nlohmann::json;

// "GET /api/v1/customers/{id}/contacts" -> "getCustomersIdContacts"
std::string operation_id(const Route& route)
{
    std::string id;
    for (char c : route.method)
        id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    bool upper = true;
    for (const auto& segment : route.segments) {
        if (segment == "api" || segment == "v1")
            continue;
        upper = true;
        for (char c : segment) {
            if (!std::isalnum(static_cast<unsigned char>(c))) {
                upper = true;
                continue;
            }
            id.push_back(
                upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
            upper = false;
        }
    }
    return id;
}

json problem_response(const std::string& description)
{
    return { { "description", description },
        { "content",
            { { "application/problem+json",
                { { "schema", { { "$ref", "#/components/schemas/Problem" } } } } } } } };
}

} // namespace

json openapi_document(const Router& router, const std::string& version)
{
    json paths = json::object();
    std::set<std::string> tags;
    for (const auto& route : router.routes()) {
        json operation = {
            { "operationId", operation_id(route) },
            { "summary", route.summary },
            { "tags", json::array({ route.tag }) },
        };
        tags.insert(route.tag);
        json parameters = json::array();
        for (const auto& segment : route.segments)
            if (segment.size() > 2 && segment.front() == '{')
                parameters.push_back({ { "name", segment.substr(1, segment.find('}') - 1) },
                    { "in", "path" }, { "required", true },
                    { "schema", { { "type", "integer" }, { "format", "int64" } } } });
        if (route.method == "PATCH")
            parameters.push_back({ { "name", "If-Match" }, { "in", "header" },
                { "required", route.pattern.find("contacts") == std::string::npos },
                { "description", "The version of the record being changed." },
                { "schema", { { "type", "string" } } } });
        if (!parameters.empty())
            operation["parameters"] = parameters;
        if (route.method == "POST" || route.method == "PATCH" || route.method == "PUT")
            operation["requestBody"] = { { "required", true },
                { "content",
                    { { route.pattern.find("/imports/files") != std::string::npos
                            ? "application/octet-stream"
                            : "application/json",
                        { { "schema",
                            route.pattern.find("/imports/files") != std::string::npos
                                ? json { { "type", "string" }, { "format", "binary" } }
                                : json { { "type", "object" } } } } } } } };
        json responses = json::object();
        int success = route.success_status != 0 ? route.success_status
            : route.method == "DELETE"          ? 204
            : route.method == "POST"            ? 201
                                                : 200;
        if (success == 204)
            responses["204"] = { { "description", "Done." } };
        else
            responses[std::to_string(success)] = { { "description", "Success." },
                { "content",
                    { { "application/json", { { "schema", { { "type", "object" } } } } } } } };
        responses["4XX"]
            = problem_response("The request was refused; see code, detail and errors.");
        operation["responses"] = responses;
        if (route.access == Access::open)
            operation["security"] = json::array();
        std::string method = route.method;
        std::transform(method.begin(), method.end(), method.begin(),
            [](char c) { return static_cast<char>(std::tolower(c)); });
        paths[route.pattern][method] = operation;
    }

    json tag_list = json::array();
    for (const auto& tag : tags)
        tag_list.push_back(
            { { "name", tag }, { "description", "Routes of the " + tag + " domain." } });

    json string_type = { { "type", "string" } };
    json field_error = { { "type", "object" },
        { "properties",
            { { "path", string_type }, { "code", string_type }, { "message", string_type } } } };
    json problem
        = { { "type", "object" }, { "required", json::array({ "status", "code", "detail" }) },
              { "properties",
                  { { "type", string_type }, { "title", string_type },
                      { "status", { { "type", "integer" } } }, { "code", string_type },
                      { "detail", string_type },
                      { "errors", { { "type", "array" }, { "items", field_error } } } } } };
    json security_schemes = {
        { "session", { { "type", "apiKey" }, { "in", "cookie" }, { "name", "rapport_session" } } },
        { "bearer", { { "type", "http" }, { "scheme", "bearer" } } }
    };
    json info = { { "title", "Rapport API" }, { "version", version },
        { "description", "CRM and sales back office for small and medium businesses." },
        { "license", { { "name", "Proprietary" }, { "identifier", "LicenseRef-Proprietary" } } } };

    json document = json::object();
    document["openapi"] = "3.1.0";
    document["info"] = info;
    document["servers"] = json::array(
        { { { "url", "http://127.0.0.1:8080" }, { "description", "A local Rapport server." } } });
    document["security"]
        = json::array({ { { "session", json::array() } }, { { "bearer", json::array() } } });
    document["tags"] = tag_list;
    document["paths"] = paths;
    document["components"]
        = { { "securitySchemes", security_schemes }, { "schemas", { { "Problem", problem } } } };
    return document;
}

} // namespace rapport::http
