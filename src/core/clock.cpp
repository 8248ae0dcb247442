#include "core/clock.h"

#include <fmt/format.h>

namespace rapport::clock {

Instant now()
{
    return std::chrono::system_clock::now();
}

std::string iso_instant(Instant instant)
{
    auto seconds = std::chrono::floor<std::chrono::seconds>(instant);
    auto day = std::chrono::floor<std::chrono::days>(seconds);
    std::chrono::year_month_day date { day };
    std::chrono::hh_mm_ss time { seconds - day };
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", int(date.year()),
        unsigned(date.month()), unsigned(date.day()), time.hours().count(), time.minutes().count(),
        time.seconds().count());
}

std::string now_iso()
{
    return iso_instant(now());
}

bool is_iso_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (size_t i : { 0, 1, 2, 3, 5, 6, 8, 9 })
        if (text[i] < '0' || text[i] > '9')
            return false;
    int year = std::stoi(std::string(text.substr(0, 4)));
    // business dates stay where the calendar arithmetic on instants holds (1677–2262 in
    // nanoseconds): a year outside 1900–2199 is a typing mistake, not a customer's date
    if (year < first_year || year > last_year)
        return false;
    unsigned month = std::stoul(std::string(text.substr(5, 2)));
    unsigned day = std::stoul(std::string(text.substr(8, 2)));
    return std::chrono::year_month_day {
        std::chrono::year { year }, std::chrono::month { month }, std::chrono::day { day }
    }.ok();
}

} // namespace rapport::clock
