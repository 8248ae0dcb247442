#include "http/metrics.h"

#include <fmt/format.h>

namespace rapport::http {

void Metrics::observe(
    const std::string& method, const std::string& route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{ method, route, status }];
    auto& histogram = m_latency[{ method, route }];
    for (size_t i = 0; i < bucket_bounds.size(); ++i)
        if (seconds <= bucket_bounds[i])
            ++histogram.buckets[i];
    ++histogram.count;
    histogram.sum += seconds;
}

std::string Metrics::render() const
{
    std::string out;
    std::lock_guard lock(m_mutex);
    out += "# HELP rapport_http_requests_total HTTP requests by route and status.\n";
    out += "# TYPE rapport_http_requests_total counter\n";
    for (const auto& [key, count] : m_requests) {
        const auto& [method, route, status] = key;
        out += fmt::format(
            "rapport_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method,
            route, status, count);
    }
    out += "# HELP rapport_http_request_duration_seconds Time from request to response.\n";
    out += "# TYPE rapport_http_request_duration_seconds histogram\n";
    for (const auto& [key, histogram] : m_latency) {
        const auto& [method, route] = key;
        auto labels = fmt::format("method=\"{}\",route=\"{}\"", method, route);
        for (size_t i = 0; i < bucket_bounds.size(); ++i)
            out += fmt::format("rapport_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                labels, bucket_bounds[i], histogram.buckets[i]);
        out += fmt::format("rapport_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n",
            labels, histogram.count);
        out += fmt::format(
            "rapport_http_request_duration_seconds_sum{{{}}} {}\n", labels, histogram.sum);
        out += fmt::format(
            "rapport_http_request_duration_seconds_count{{{}}} {}\n", labels, histogram.count);
    }
    if (m_pool_probe) {
        auto [in_use, size] = m_pool_probe();
        out += "# HELP rapport_db_pool_connections Database connections in the pool.\n";
        out += "# TYPE rapport_db_pool_connections gauge\n";
        out += fmt::format("rapport_db_pool_connections{{state=\"in_use\"}} {}\n", in_use);
        out += fmt::format("rapport_db_pool_connections{{state=\"idle\"}} {}\n", size - in_use);
    }
    return out;
}

} // namespace rapport::http
