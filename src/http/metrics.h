// Prometheus text metrics: requests by route and status, a latency histogram, the DB pool.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace rapport::http {

class Metrics {
public:
    void observe(const std::string& method, const std::string& route, int status, double seconds);
    // Reports (in use, size) of the database pool at render time.
    void set_pool_probe(std::function<std::pair<size_t, size_t>()> probe)
    {
        m_pool_probe = std::move(probe);
    }
    std::string render() const;

    static constexpr std::array<double, 10> bucket_bounds { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
        0.1, 0.25, 0.5, 1.0 };

private:
    struct Histogram {
        std::array<uint64_t, bucket_bounds.size()> buckets {};
        uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::tuple<std::string, std::string, int>, uint64_t> m_requests;
    std::map<std::pair<std::string, std::string>, Histogram> m_latency;
    std::function<std::pair<size_t, size_t>()> m_pool_probe;
};

} // namespace rapport::http
