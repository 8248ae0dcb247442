// Business dates in a tenant's time zone (DESIGN.md §4 "Dates"), with the instant passed in so
// that "today" just after midnight in Seoul, while UTC is still on the previous day, is testable.
#pragma once

#include "core/clock.h"

#include <optional>
#include <string>

namespace rapport::dates {

// The calendar date of `instant` in the IANA zone: 2026-12-04T15:30:00Z is "2026-12-05" in Seoul.
std::string date_in(const std::string& time_zone, clock::Instant instant);
// The tenant's date now.
std::string today_in(const std::string& time_zone);
// The UTC instant at which `date` begins in the zone, as ISO text ("2026-12-04T15:00:00Z" for
// 2026-12-05 in Seoul); activities and contacts compare against it as text.
std::string start_of_day(const std::string& time_zone, const std::string& date);
// Parses "2026-12-04T15:58:22Z", with optional fractional seconds and a numeric offset instead of
// Z ("2026-12-05T00:58:22+09:00"); nothing else.
std::optional<clock::Instant> parse_instant(const std::string& text);

// Calendar arithmetic on ISO dates (valid ones: check with clock::is_iso_date first).
std::string add_days(const std::string& date, int days);
int days_between(const std::string& from, const std::string& to); // to - from
// The Monday that starts the ISO week of `date`.
std::string week_start(const std::string& date);

} // namespace rapport::dates
