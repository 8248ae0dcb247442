#include "core/decimal.h"
#include "core/text.h"

#include <gtest/gtest.h>

using namespace rapport;

TEST(Decimal, ParsesAtItsScale)
{
    EXPECT_EQ(parse_decimal("18", 4, "p").value(), 180000);
    EXPECT_EQ(parse_decimal("9.8", 4, "p").value(), 98000);
    EXPECT_EQ(parse_decimal("-0.15", 2, "p").value(), -15);
    EXPECT_EQ(parse_decimal("1,234.50", 2, "p").value(), 123450);
}

TEST(Decimal, RefusesMoreDigitsThanTheScaleInsteadOfRounding)
{
    auto parsed = parse_decimal("1.005", 2, "lines[0].price");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().fields.at(0).path, "lines[0].price");
    EXPECT_FALSE(parse_decimal("abc", 2, "p").ok());
    EXPECT_FALSE(parse_decimal("1,5", 4, "cost").ok());
    EXPECT_FALSE(parse_decimal("12,34.5", 4, "cost").ok());
    EXPECT_EQ(parse_decimal("12,345,678", 0, "p").value(), 12345678);
    EXPECT_FALSE(parse_decimal("", 2, "p").ok());
    EXPECT_FALSE(parse_decimal("99999999999999999999", 2, "p").ok());
}

TEST(Decimal, FormatsWithMinimumFraction)
{
    EXPECT_EQ(format_decimal(185000, 4, 2), "18.50");
    EXPECT_EQ(format_decimal(180000, 4, 2), "18.00");
    EXPECT_EQ(format_decimal(123456, 4, 2), "12.3456");
    EXPECT_EQ(format_decimal(1000, 2, 0), "10");
    EXPECT_EQ(format_decimal(-15, 2, 2), "-0.15");
}

TEST(Text, FoldsDigitsAndEmails)
{
    EXPECT_EQ(text::fold("ＡＢＣ Straße"), "abc strasse");
    EXPECT_EQ(text::digits("+82 10-1234-5678"), "821012345678");
    EXPECT_TRUE(text::is_email("kim@example.co.kr"));
    EXPECT_FALSE(text::is_email("kim@@example.com"));
    EXPECT_FALSE(text::is_email("kim@example"));
    EXPECT_FALSE(text::is_email("kim example@x.com"));
    EXPECT_TRUE(text::is_valid_utf8("한빛상사"));
    EXPECT_FALSE(text::is_valid_utf8("\xC7\xD1"));
    EXPECT_EQ(text::code_points("한빛상사"), 4u);
}
