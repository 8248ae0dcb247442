// Instants are UTC; business dates are ISO dates in the tenant's time zone (DESIGN.md §4).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace rapport::clock {

using Instant = std::chrono::system_clock::time_point;

Instant now();
// "2026-12-04T15:58:22Z"
std::string iso_instant(Instant instant);
std::string now_iso();
// The years a business date or an instant may fall in.
constexpr int first_year = 1900;
constexpr int last_year = 2199;
// Strict "YYYY-MM-DD" with a real calendar day between first_year and last_year.
bool is_iso_date(std::string_view text);

} // namespace rapport::clock
