// The HTTP server: RESTinio I/O threads accept and parse; a worker pool sized to the database pool
// runs every handler, so no SQL ever runs on an I/O thread (DESIGN.md §2).
#pragma once

#include "http/metrics.h"
#include "http/router.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace rapport::http {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    uint16_t port = 8080;
    size_t workers = 4;
    size_t io_threads = 1;
    size_t max_body_bytes = 64 * 1024 * 1024;
};

// Fills request.context from the cookie or bearer token; an Error answers the request instead.
using Authenticator = std::function<Status(Request&)>;

class Server {
public:
    Server(
        const Router& router, Metrics& metrics, Authenticator authenticator, ServerOptions options);
    ~Server();

    // Serves until SIGINT/SIGTERM; `on_ready` runs once the port is listening.
    void run(const std::function<void()>& on_ready);
    // Runs one request through routing, authentication and the handler (also used by tests).
    Response dispatch(Request& request) const;

private:
    const Router& m_router;
    Metrics& m_metrics;
    Authenticator m_authenticator;
    ServerOptions m_options;
};

// Splits "/path?a=1&b=%EC%95%88" into path and decoded query parameters.
void parse_target(
    std::string_view target, std::string& path, std::map<std::string, std::string>& query);
std::string url_decode(std::string_view text, bool plus_as_space);

} // namespace rapport::http
