#include "http/server.h"

#include "core/clock.h"
#include "core/text.h"

#include <condition_variable>
#include <csignal>
#include <deque>
#include <restinio/all.hpp>
#include <spdlog/spdlog.h>
#include <thread>

namespace rapport::http {

namespace {

// A fixed set of threads taking jobs from one queue.
class WorkerPool {
public:
    explicit WorkerPool(size_t size)
    {
        for (size_t i = 0; i < size; ++i)
            m_threads.emplace_back([this] { work(); });
    }
    ~WorkerPool()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_ready.notify_all();
        for (auto& thread : m_threads)
            thread.join();
    }
    void post(std::function<void()> job)
    {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(job));
        }
        m_ready.notify_one();
    }

private:
    void work()
    {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
                if (m_jobs.empty())
                    return;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            job();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::thread> m_threads;
    bool m_stopping = false;
};

std::string reason_phrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    default:
        return status >= 500 ? "Internal Server Error" : "Status";
    }
}

void log_request(const Request& request, int status, double seconds)
{
    nlohmann::json line = {
        { "time", clock::now_iso() },
        { "level", status >= 500 ? "error" : "info" },
        { "request_id", request.request_id },
        { "method", request.method },
        { "route", request.route },
        { "status", status },
        { "duration_ms", std::round(seconds * 100000.0) / 100.0 },
    };
    if (request.context.tenant_id)
        line["tenant"] = request.context.tenant_id;
    if (request.context.user_id)
        line["user"] = request.context.user_id;
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    fprintf(stdout, "%s\n", line.dump().c_str());
    fflush(stdout);
}

} // namespace

std::string url_decode(std::string_view text, bool plus_as_space)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '+' && plus_as_space) {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < text.size() && isxdigit(text[i + 1])
            && isxdigit(text[i + 2])) {
            out.push_back(
                static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void parse_target(
    std::string_view target, std::string& path, std::map<std::string, std::string>& query)
{
    auto question = target.find('?');
    path = url_decode(target.substr(0, question), false);
    if (question == std::string_view::npos)
        return;
    auto rest = target.substr(question + 1);
    while (!rest.empty()) {
        auto end = rest.find('&');
        auto pair = rest.substr(0, end);
        auto equals = pair.find('=');
        if (!pair.empty()) {
            auto key = url_decode(pair.substr(0, equals), true);
            auto value = equals == std::string_view::npos
                ? std::string()
                : url_decode(pair.substr(equals + 1), true);
            query.emplace(std::move(key), std::move(value));
        }
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end + 1);
    }
}

Server::Server(
    const Router& router, Metrics& metrics, Authenticator authenticator, ServerOptions options)
    : m_router(router)
    , m_metrics(metrics)
    , m_authenticator(std::move(authenticator))
    , m_options(std::move(options))
{
}

Server::~Server() = default;

Response Server::dispatch(Request& request) const
{
    bool path_known = false;
    const Route* route = m_router.match(request.method, request.path, request.params, path_known);
    if (!route) {
        bool api = request.path.rfind("/api/", 0) == 0;
        if (!api && (request.method == "GET" || request.method == "HEAD") && m_router.fallback()) {
            request.route = "static";
            return m_router.fallback()(request);
        }
        request.route = "unmatched";
        if (path_known) {
            return Response::problem(Error::make(ErrorCode::method_not_allowed,
                "method_not_allowed", "This route does not take " + request.method + "."));
        }
        return Response::problem(
            Error::make(ErrorCode::not_found, "route_not_found", "No such route: " + request.path));
    }
    request.route = route->pattern;

    if (route->access == Access::signed_in) {
        auto authenticated = m_authenticator(request);
        if (!authenticated)
            return Response::problem(authenticated.error());
    }
    try {
        return route->handler(request);
    } catch (const std::exception& error) {
        spdlog::error("request {} {} failed: {}", request.method, request.route, error.what());
        return Response::problem(Error::make(ErrorCode::internal, "internal_error",
            "The server could not complete the request (request id " + request.request_id + ")."));
    }
}

void Server::run(const std::function<void()>& on_ready)
{
    // signals are taken by sigwait below, so every thread started from here must block them
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    WorkerPool workers(m_options.workers);
    using traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

    auto handle = [this, &workers](restinio::request_handle_t incoming) {
        workers.post([this, incoming] {
            auto started = std::chrono::steady_clock::now();
            Request request;
            request.method = incoming->header().method().c_str();
            parse_target(incoming->header().request_target(), request.path, request.query);
            incoming->header().for_each_field([&](const restinio::http_header_field_t& field) {
                request.headers.emplace_back(field.name(), field.value());
            });
            request.body = incoming->body();
            request.request_id = text::random_token(9);

            Response response;
            if (request.body.size() > m_options.max_body_bytes)
                response = Response::problem(Error::make(ErrorCode::payload_too_large,
                    "body_too_large", "The request body is too large."));
            else
                response = dispatch(request);

            auto status = restinio::http_status_line_t(
                restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)),
                reason_phrase(response.status));
            auto out = incoming->create_response(status);
            if (!response.content_type.empty())
                out.append_header(restinio::http_field::content_type,
                    response.content_type.find("charset") == std::string::npos
                            && response.content_type.find("json") != std::string::npos
                        ? response.content_type + "; charset=utf-8"
                        : response.content_type);
            out.append_header("X-Request-Id", request.request_id);
            for (const auto& [name, value] : response.headers)
                out.append_header(name, value);
            if (request.method != "HEAD")
                out.set_body(std::move(response.body));
            out.done();

            double seconds
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            m_metrics.observe(request.method, request.route, response.status, seconds);
            log_request(request, response.status, seconds);
        });
        return restinio::request_accepted();
    };

    restinio::server_settings_t<traits> settings;
    settings.address(m_options.bind)
        .port(m_options.port)
        .request_handler(handle)
        .handle_request_timeout(std::chrono::seconds(300))
        .read_next_http_message_timelimit(std::chrono::seconds(120))
        .incoming_http_msg_limits(
            restinio::incoming_http_msg_limits_t {}.max_body_size(m_options.max_body_bytes + 1))
        .socket_options_setter(
            [](auto& options) { options.set_option(asio::ip::tcp::no_delay { true }); });

    auto server = restinio::run_async<traits>(
        restinio::own_io_context(), std::move(settings), m_options.io_threads);
    if (on_ready)
        on_ready();

    // wait for SIGINT or SIGTERM, then stop accepting and finish
    int received = 0;
    sigwait(&signals, &received);
    spdlog::info("stopping on signal {}", received);
    server->stop();
    server->wait();
}

} // namespace rapport::http
