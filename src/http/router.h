// Routes registered by every domain at start-up; the same table drives dispatch, metrics labels
// and the OpenAPI document, so the three never disagree.
#pragma once

#include "http/request.h"

#include <functional>
#include <string>
#include <vector>

namespace rapport::http {

using Handler = std::function<Response(Request&)>;

enum class Access {
    open, // no sign-in needed (health, sign-in itself)
    signed_in, // a session cookie or bearer token for a tenant
};

struct Route {
    std::string method;
    std::string pattern; // "/api/v1/customers/{id}"
    std::string tag; // the domain, for the OpenAPI document
    std::string summary;
    Access access = Access::signed_in;
    Handler handler;
    std::vector<std::string> segments;
    // The status of a successful answer, for the OpenAPI document; 0 means the usual one (201 for
    // POST, 204 for DELETE, 200 otherwise). Actions that create nothing set it:
    // `router.post(…).success_status = 200;`.
    int success_status = 0;
};

class Router {
public:
    Route& add(std::string method, std::string pattern, std::string tag, std::string summary,
        Access access, Handler handler);
    Route& get(const std::string& pattern, const std::string& tag, const std::string& summary,
        Handler handler, Access access = Access::signed_in)
    {
        return add("GET", pattern, tag, summary, access, std::move(handler));
    }
    Route& post(const std::string& pattern, const std::string& tag, const std::string& summary,
        Handler handler, Access access = Access::signed_in)
    {
        return add("POST", pattern, tag, summary, access, std::move(handler));
    }
    Route& patch(const std::string& pattern, const std::string& tag, const std::string& summary,
        Handler handler)
    {
        return add("PATCH", pattern, tag, summary, Access::signed_in, std::move(handler));
    }
    Route& del(const std::string& pattern, const std::string& tag, const std::string& summary,
        Handler handler)
    {
        return add("DELETE", pattern, tag, summary, Access::signed_in, std::move(handler));
    }

    // Finds the route for a method and path; `path_known` tells a wrong method (405) from a
    // missing path (404).
    const Route* match(const std::string& method, const std::string& path,
        std::map<std::string, std::string>& params, bool& path_known) const;
    const std::vector<Route>& routes() const { return m_routes; }

    // Answers GET requests outside /api and the plumbing routes (the embedded web app).
    void set_fallback(Handler handler) { m_fallback = std::move(handler); }
    const Handler& fallback() const { return m_fallback; }

private:
    std::vector<Route> m_routes;
    Handler m_fallback;
};

} // namespace rapport::http
