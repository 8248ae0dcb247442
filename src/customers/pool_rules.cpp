#include "customers/pool_rules.h"

#include "core/dates.h"

namespace rapport::customers {

PoolDecision decide_pool_action(
    const PoolSettings& settings, const CustomerDates& customer, const std::string& as_of)
{
    PoolDecision decision;
    if (!settings.enabled)
        return decision;

    // the earliest day any active rule sends the customer back decides
    auto consider = [&](const std::string& since, int days, const char* rule) {
        auto date = dates::add_days(since, days);
        if (decision.return_date.empty() || date < decision.return_date) {
            decision.return_date = date;
            decision.rule = rule;
        }
    };
    if (settings.days_without_contact > 0)
        consider(customer.last_contact_on.value_or(customer.created_on),
            settings.days_without_contact, "days_without_contact");
    if (settings.days_without_order > 0 && customer.orders_tracked)
        consider(customer.last_order_on.value_or(customer.created_on), settings.days_without_order,
            "days_without_order");
    if (decision.return_date.empty())
        return decision;

    if (as_of >= decision.return_date)
        decision.action = PoolAction::return_to_pool;
    else if (settings.warn_days_before > 0
        && as_of >= dates::add_days(decision.return_date, -settings.warn_days_before))
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
    return dates::add_days(given_back_on, settings.reclaim_block_days);
}

} // namespace rapport::customers
