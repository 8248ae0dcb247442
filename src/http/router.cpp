#include "http/router.h"

#include <algorithm>

namespace rapport::http {

namespace {

std::vector<std::string> split_path(const std::string& path)
{
    std::vector<std::string> segments;
    size_t start = 1;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

} // namespace

Route& Router::add(std::string method, std::string pattern, std::string tag, std::string summary,
    Access access, Handler handler)
{
    Route route { std::move(method), std::move(pattern), std::move(tag), std::move(summary), access,
        std::move(handler), {} };
    route.segments = split_path(route.pattern);
    m_routes.push_back(std::move(route));
    return m_routes.back();
}

const Route* Router::match(const std::string& method, const std::string& path,
    std::map<std::string, std::string>& params, bool& path_known) const
{
    auto segments = split_path(path);
    path_known = false;
    // literal segments win over parameters: /customers/similar before /customers/{id}
    const Route* best = nullptr;
    int best_literals = -1;
    int most_literals = -1;
    std::map<std::string, std::string> best_params;
    for (const auto& route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        std::map<std::string, std::string> candidate;
        int literals = 0;
        bool matches = true;
        for (size_t i = 0; i < segments.size() && matches; ++i) {
            const auto& expected = route.segments[i];
            if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
                if (segments[i].empty())
                    matches = false;
                else
                    candidate[expected.substr(1, expected.size() - 2)] = segments[i];
            } else if (auto close = expected.find('}');
                       close != std::string::npos && expected.front() == '{') {
                // "{contact_id}.vcf": a parameter with a literal suffix, as specific as a literal
                auto suffix = expected.substr(close + 1);
                const auto& actual = segments[i];
                if (actual.size() > suffix.size()
                    && actual.compare(actual.size() - suffix.size(), suffix.size(), suffix) == 0) {
                    candidate[expected.substr(1, close - 1)]
                        = actual.substr(0, actual.size() - suffix.size());
                    ++literals;
                } else {
                    matches = false;
                }
            } else if (expected == segments[i]) {
                ++literals;
            } else {
                matches = false;
            }
        }
        if (!matches)
            continue;
        path_known = true;
        most_literals = std::max(most_literals, literals);
        if (route.method == method && literals > best_literals) {
            best = &route;
            best_literals = literals;
            best_params = std::move(candidate);
        }
    }
    // DELETE /customers/export names the export with a wrong method (405), not a customer whose
    // id is "export": a less specific route does not answer for a more specific path
    if (best && best_literals < most_literals)
        return nullptr;
    if (best)
        params = std::move(best_params);
    return best;
}

} // namespace rapport::http
