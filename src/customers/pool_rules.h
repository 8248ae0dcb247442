// The customer pool's rules as pure functions of dates and settings, so they are tested with a
// fixed clock and the scheduled run, the claim route and the Today page agree on every date.
#pragma once

#include <optional>
#include <string>

namespace rapport::customers {

// A tenant's pool settings; a count or number of days of 0 switches that rule or limit off.
struct PoolSettings {
    bool enabled = false; // the automatic return rules; claim limits apply regardless
    int days_without_contact = 90; // back to the pool after N days without contact
    int days_without_order = 0; // … or M days without an order (once orders exist)
    int warn_days_before = 7; // the owner is warned D days before the return
    int claims_per_day = 10;
    int max_customers_per_rep = 0;
    int reclaim_block_days = 30; // the previous owner may not claim it back for K days
};

// What a customer's dates say; dates are YYYY-MM-DD.
struct CustomerDates {
    std::string created_on;
    std::optional<std::string> last_contact_on;
    std::optional<std::string> last_order_on;
    // whether any order data exists at all: without it the order rule cannot judge and stays off
    bool orders_tracked = false;
};

enum class PoolAction { keep, warn, return_to_pool };

struct PoolDecision {
    PoolAction action = PoolAction::keep;
    std::string return_date; // the day the customer goes back to the pool ("" when no rule applies)
    std::string rule; // "days_without_contact" or "days_without_order"
};

PoolDecision decide_pool_action(
    const PoolSettings& settings, const CustomerDates& dates, const std::string& as_of);

// Whether `user` who gave the customer back on `given_back_on` is still blocked from claiming it.
bool reclaim_blocked(
    const PoolSettings& settings, const std::string& given_back_on, const std::string& today);
// The first day the previous owner may claim again.
std::string reclaim_allowed_from(const PoolSettings& settings, const std::string& given_back_on);

} // namespace rapport::customers
