#include "customers/pool_rules.h"

#include <chrono>
#include <fmt/format.h>

namespace rapport::customers {

namespace {

std::chrono::sys_days parse_date(const std::string& date)
{
    int year = std::stoi(date.substr(0, 4));
    unsigned month = std::stoul(date.substr(5, 2));
    unsigned day = std::stoul(date.substr(8, 2));
    return std::chrono::sys_days { std::chrono::year { year } / std::chrono::month { month }
        / std::chrono::day { day } };
}

std::string format_date(std::chrono::sys_days days)
{
    std::chrono::year_month_day date { days };
    return fmt::format(
        "{:04}-{:02}-{:02}", int(date.year()), unsigned(date.month()), unsigned(date.day()));
}

} // namespace

std::string add_days(const std::string& date, int days)
{
    return format_date(parse_date(date) + std::chrono::days { days });
}

int days_between(const std::string& from, const std::string& to)
{
    return static_cast<int>((parse_date(to) - parse_date(from)).count());
}

PoolDecision decide_pool_action(
    const PoolSettings& settings, const CustomerDates& dates, const std::string& as_of)
{
    PoolDecision decision;
    if (!settings.enabled)
        return decision;

    // the earliest day any active rule sends the customer back decides
    auto consider = [&](const std::string& since, int days, const char* rule) {
        auto date = add_days(since, days);
        if (decision.return_date.empty() || date < decision.return_date) {
            decision.return_date = date;
            decision.rule = rule;
        }
    };
    if (settings.days_without_contact > 0)
        consider(dates.last_contact_on.value_or(dates.created_on), settings.days_without_contact,
            "days_without_contact");
    if (settings.days_without_order > 0 && dates.orders_tracked)
        consider(dates.last_order_on.value_or(dates.created_on), settings.days_without_order,
            "days_without_order");
    if (decision.return_date.empty())
        return decision;

    if (as_of >= decision.return_date)
        decision.action = PoolAction::return_to_pool;
    else if (settings.warn_days_before > 0
        && as_of >= add_days(decision.return_date, -settings.warn_days_before))
        decision.action = PoolAction::warn;
    return decision;
}

bool reclaim_blocked(
    const PoolSettings& settings, const std::string& given_back_on, const std::string& today)
{
    return settings.reclaim_block_days > 0 && today < reclaim_allowed_from(settings, given_back_on);
}

std::string reclaim_allowed_from(const PoolSettings& settings, const std::string& given_back_on)
{
    return add_days(given_back_on, settings.reclaim_block_days);
}

} // namespace rapport::customers
