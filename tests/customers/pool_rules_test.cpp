// The pool's rules as pure functions of dates and settings, with a fixed "today".
#include "customers/pool_rules.h"

#include <gtest/gtest.h>

using namespace rapport::customers;

namespace {

PoolSettings contact_rule(int days, int warn)
{
    PoolSettings settings;
    settings.enabled = true;
    settings.days_without_contact = days;
    settings.days_without_order = 0;
    settings.warn_days_before = warn;
    return settings;
}

CustomerDates created_on(const std::string& date, std::optional<std::string> contact = std::nullopt)
{
    return CustomerDates { date, std::move(contact), std::nullopt, false };
}

} // namespace

TEST(PoolRules, ReturnsOnTheNthDayWithoutContactCountedFromTheLastContact)
{
    auto settings = contact_rule(30, 5);
    auto dates = created_on("2026-01-01", "2026-03-01");
    auto day_before = decide_pool_action(settings, dates, "2026-03-30");
    EXPECT_EQ(day_before.action, PoolAction::warn);
    EXPECT_EQ(day_before.return_date, "2026-03-31");
    EXPECT_EQ(day_before.rule, "days_without_contact");
    auto due = decide_pool_action(settings, dates, "2026-03-31");
    EXPECT_EQ(due.action, PoolAction::return_to_pool);
    EXPECT_EQ(decide_pool_action(settings, dates, "2026-06-01").action, PoolAction::return_to_pool);
}

TEST(PoolRules, NeverContactedCountsFromCreation)
{
    auto settings = contact_rule(10, 0);
    EXPECT_EQ(decide_pool_action(settings, created_on("2026-05-01"), "2026-05-10").action,
        PoolAction::keep);
    EXPECT_EQ(decide_pool_action(settings, created_on("2026-05-01"), "2026-05-11").action,
        PoolAction::return_to_pool);
}

TEST(PoolRules, WarnsExactlyDDaysBeforeAndNotEarlier)
{
    auto settings = contact_rule(30, 7);
    auto dates = created_on("2026-01-01", "2026-01-01"); // returns 2026-01-31
    EXPECT_EQ(decide_pool_action(settings, dates, "2026-01-23").action, PoolAction::keep);
    EXPECT_EQ(decide_pool_action(settings, dates, "2026-01-24").action, PoolAction::warn);
    EXPECT_EQ(decide_pool_action(settings, dates, "2026-01-30").action, PoolAction::warn);
    EXPECT_EQ(decide_pool_action(settings, dates, "2026-01-31").action, PoolAction::return_to_pool);
}

TEST(PoolRules, DisabledOrZeroDaysNeverReturns)
{
    auto settings = contact_rule(30, 7);
    settings.enabled = false;
    EXPECT_EQ(decide_pool_action(settings, created_on("2020-01-01"), "2026-01-01").action,
        PoolAction::keep);
    settings = contact_rule(0, 7);
    auto decision = decide_pool_action(settings, created_on("2020-01-01"), "2026-01-01");
    EXPECT_EQ(decision.action, PoolAction::keep);
    EXPECT_EQ(decision.return_date, "");
}

TEST(PoolRules, OrderRuleStaysOffWithoutOrderData)
{
    auto settings = contact_rule(0, 0);
    settings.days_without_order = 60;
    auto dates = created_on("2026-01-01");
    EXPECT_EQ(decide_pool_action(settings, dates, "2026-12-31").action, PoolAction::keep);

    dates.orders_tracked = true;
    dates.last_order_on = "2026-06-01"; // returns 2026-07-31
    EXPECT_EQ(decide_pool_action(settings, dates, "2026-07-30").action, PoolAction::keep);
    auto due = decide_pool_action(settings, dates, "2026-07-31");
    EXPECT_EQ(due.action, PoolAction::return_to_pool);
    EXPECT_EQ(due.rule, "days_without_order");
}

TEST(PoolRules, TheEarlierRuleDecides)
{
    auto settings = contact_rule(90, 3);
    settings.days_without_order = 30;
    CustomerDates dates { "2026-01-01", "2026-03-01", "2026-02-01", true };
    auto decision = decide_pool_action(settings, dates, "2026-02-28");
    EXPECT_EQ(decision.return_date, "2026-03-03"); // order rule: 2026-02-01 + 30
    EXPECT_EQ(decision.rule, "days_without_order");
    EXPECT_EQ(decision.action, PoolAction::warn);
}

TEST(PoolRules, ReclaimBlockLastsKDaysFromTheDayTheCustomerWasGivenBack)
{
    PoolSettings settings;
    settings.reclaim_block_days = 14;
    EXPECT_TRUE(reclaim_blocked(settings, "2026-04-01", "2026-04-01"));
    EXPECT_TRUE(reclaim_blocked(settings, "2026-04-01", "2026-04-14"));
    EXPECT_FALSE(reclaim_blocked(settings, "2026-04-01", "2026-04-15"));
    EXPECT_EQ(reclaim_allowed_from(settings, "2026-04-01"), "2026-04-15");
    settings.reclaim_block_days = 0;
    EXPECT_FALSE(reclaim_blocked(settings, "2026-04-01", "2026-04-01"));
}
