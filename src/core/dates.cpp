#include "core/dates.h"

#include <chrono>
#include <fmt/format.h>
#include <memory>
#include <unicode/calendar.h>
#include <unicode/timezone.h>

namespace rapport::dates {

namespace {

using namespace std::chrono;

std::unique_ptr<icu::Calendar> calendar_in(const std::string& time_zone)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(time_zone)),
        icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !calendar)
        throw std::runtime_error("no calendar for time zone " + time_zone);
    return calendar;
}

year_month_day parse_date(const std::string& date)
{
    return year_month_day { year { std::stoi(date.substr(0, 4)) },
        month { unsigned(std::stoi(date.substr(5, 2))) },
        day { unsigned(std::stoi(date.substr(8, 2))) } };
}

std::string format_date(year_month_day date)
{
    return fmt::format(
        "{:04}-{:02}-{:02}", int(date.year()), unsigned(date.month()), unsigned(date.day()));
}

} // namespace

std::string date_in(const std::string& time_zone, clock::Instant instant)
{
    auto calendar = calendar_in(time_zone);
    UErrorCode status = U_ZERO_ERROR;
    calendar->setTime(
        static_cast<UDate>(duration_cast<milliseconds>(instant.time_since_epoch()).count()),
        status);
    return fmt::format("{:04}-{:02}-{:02}", calendar->get(UCAL_YEAR, status),
        calendar->get(UCAL_MONTH, status) + 1, calendar->get(UCAL_DATE, status));
}

std::string today_in(const std::string& time_zone)
{
    return date_in(time_zone, clock::now());
}

std::string start_of_day(const std::string& time_zone, const std::string& date)
{
    auto calendar = calendar_in(time_zone);
    auto parts = parse_date(date);
    calendar->clear();
    calendar->set(
        int(parts.year()), int(unsigned(parts.month())) - 1, int(unsigned(parts.day())), 0, 0, 0);
    UErrorCode status = U_ZERO_ERROR;
    // where a zone skips midnight (a DST change at 00:00), ICU moves forward to the first real time
    auto millis = static_cast<int64_t>(calendar->getTime(status));
    return clock::iso_instant(clock::Instant(milliseconds(millis)));
}

std::optional<clock::Instant> parse_instant(const std::string& text)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    if (!clock::is_iso_date(text.substr(0, 10)))
        return std::nullopt;
    auto digits = [&](size_t at, size_t count) -> std::optional<int> {
        int value = 0;
        for (size_t i = at; i < at + count; ++i) {
            if (i >= text.size() || text[i] < '0' || text[i] > '9')
                return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    auto hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
    if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59)
        return std::nullopt;
    size_t at = 19;
    if (at < text.size() && text[at] == '.') {
        ++at;
        size_t first = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9')
            ++at;
        if (at == first)
            return std::nullopt;
    }
    int offset_minutes = 0;
    if (at < text.size() && text[at] == 'Z' && at + 1 == text.size()) {
        offset_minutes = 0;
    } else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-')
        && text[at + 3] == ':') {
        auto offset_hours = digits(at + 1, 2), offset_rest = digits(at + 4, 2);
        if (!offset_hours || !offset_rest || *offset_hours > 23 || *offset_rest > 59)
            return std::nullopt;
        offset_minutes = (*offset_hours * 60 + *offset_rest) * (text[at] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    sys_days day = parse_date(text.substr(0, 10));
    auto local = day + hours { *hour } + minutes { *minute } + seconds { *second };
    return clock::Instant(local - std::chrono::minutes(offset_minutes));
}

std::string add_days(const std::string& date, int days)
{
    return format_date(year_month_day { sys_days(parse_date(date)) + std::chrono::days(days) });
}

int days_between(const std::string& from, const std::string& to)
{
    return static_cast<int>((sys_days(parse_date(to)) - sys_days(parse_date(from))).count());
}

std::string week_start(const std::string& date)
{
    sys_days day = parse_date(date);
    auto since_monday = (weekday(day) - Monday).count();
    return format_date(year_month_day { day - std::chrono::days(since_monday) });
}

} // namespace rapport::dates
