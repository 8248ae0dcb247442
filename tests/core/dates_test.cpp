#include "core/dates.h"

#include <gtest/gtest.h>

using namespace rapport;

namespace {

clock::Instant at(const std::string& text)
{
    return *dates::parse_instant(text);
}

} // namespace

TEST(BusinessDates, JustAfterMidnightInSeoulIsTheNextDayWhileUtcIsNot)
{
    // 00:30 on 5 December in Seoul is still 4 December in UTC
    auto instant = at("2026-12-04T15:30:00Z");
    EXPECT_EQ(dates::date_in("Asia/Seoul", instant), "2026-12-05");
    EXPECT_EQ(dates::date_in("UTC", instant), "2026-12-04");
    EXPECT_EQ(dates::date_in("Asia/Shanghai", instant), "2026-12-04"); // 23:30 there
    EXPECT_EQ(dates::date_in("America/New_York", instant), "2026-12-04");
    EXPECT_EQ(dates::date_in("Asia/Seoul", at("2026-12-04T14:59:59Z")), "2026-12-04");
    EXPECT_EQ(dates::date_in("Asia/Seoul", at("2026-12-04T15:00:00Z")), "2026-12-05");
}

TEST(BusinessDates, StartOfDayIsTheUtcInstantOfLocalMidnight)
{
    EXPECT_EQ(dates::start_of_day("Asia/Seoul", "2026-12-05"), "2026-12-04T15:00:00Z");
    EXPECT_EQ(dates::start_of_day("UTC", "2026-12-05"), "2026-12-05T00:00:00Z");
    EXPECT_EQ(dates::start_of_day("America/New_York", "2026-07-01"),
        "2026-07-01T04:00:00Z"); // daylight saving
    EXPECT_EQ(dates::start_of_day("America/New_York", "2026-12-01"), "2026-12-01T05:00:00Z");
}

TEST(BusinessDates, ParsesInstantsWithZOrOffsetAndRefusesTheRest)
{
    EXPECT_EQ(clock::iso_instant(at("2026-12-05T00:30:00+09:00")), "2026-12-04T15:30:00Z");
    EXPECT_EQ(clock::iso_instant(at("2026-12-04T15:30:00.250Z")), "2026-12-04T15:30:00Z");
    EXPECT_EQ(clock::iso_instant(at("2026-12-04T10:00:00-05:30")), "2026-12-04T15:30:00Z");
    for (const char* bad : { "2026-12-04", "2026-12-04 15:30:00Z", "2026-12-04T15:30:00",
             "2026-02-30T10:00:00Z", "2026-12-04T24:00:00Z", "2026-12-04T15:30:00+0900",
             "yesterday", "2026-12-04T15:30:00Zjunk", "",
             // beyond what instants hold: these once came back as dates in 1677 and 1753
             "2262-04-12T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-14:00" })
        EXPECT_FALSE(dates::parse_instant(bad).has_value()) << bad;
}

TEST(BusinessDates, DatesStayWithinTheYearsInstantsCanHold)
{
    EXPECT_TRUE(clock::is_iso_date("1900-01-01"));
    EXPECT_TRUE(clock::is_iso_date("2199-12-31"));
    EXPECT_FALSE(clock::is_iso_date("1899-12-31"));
    EXPECT_FALSE(clock::is_iso_date("2200-01-01"));
    EXPECT_FALSE(clock::is_iso_date("9999-12-31"));
    EXPECT_EQ(dates::start_of_day("Asia/Seoul", "2199-12-31"), "2199-12-30T15:00:00Z");
}

TEST(BusinessDates, CalendarArithmetic)
{
    EXPECT_EQ(dates::add_days("2026-12-31", 1), "2027-01-01");
    EXPECT_EQ(dates::add_days("2028-03-01", -1), "2028-02-29");
    EXPECT_EQ(dates::days_between("2026-12-01", "2026-12-05"), 4);
    EXPECT_EQ(dates::days_between("2026-12-05", "2026-12-01"), -4);
    EXPECT_EQ(dates::add_days("2026-01-31", 1), "2026-02-01");
    EXPECT_EQ(dates::add_days("2028-02-28", 1), "2028-02-29");
    EXPECT_EQ(dates::add_days("2026-12-25", 10), "2027-01-04");
    EXPECT_EQ(dates::add_days("2026-03-01", -1), "2026-02-28");
    EXPECT_EQ(dates::days_between("2026-01-01", "2026-03-01"), 59);
    EXPECT_EQ(dates::week_start("2026-12-04"), "2026-11-30"); // a Friday; weeks start on Monday
    EXPECT_EQ(dates::week_start("2026-11-30"), "2026-11-30");
    EXPECT_EQ(dates::week_start("2027-01-03"), "2026-12-28"); // a Sunday
}
