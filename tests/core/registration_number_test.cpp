#include "core/registration_number.h"

#include <gtest/gtest.h>

using namespace rapport;

// Check digits worked out by hand from the published algorithms.
TEST(RegistrationNumber, KoreanBusinessNumberCheckDigit)
{
    // 124-81-00998: 1*1+2*3+4*7+8*1+1*3+0*7+0*1+9*3+9*5 = 1+6+28+8+3+0+0+27+45 = 118;
    // plus floor(9*5/10) = 4 gives 122; (10 - 122 % 10) % 10 = 8, the last digit
    EXPECT_TRUE(valid_korean_business_number("1248100998"));
    EXPECT_FALSE(valid_korean_business_number("1248100997"));
    EXPECT_TRUE(check_registration_number("124-81-00998").ok());
    EXPECT_EQ(check_registration_number("124-81-00997").error().detail_code, "invalid_check_digit");
    EXPECT_EQ(registration_kind("124-81-00998"), RegistrationKind::korean_business_number);
}

TEST(RegistrationNumber, ChineseCreditCodeCheckCharacter)
{
    // 91350100M000100Y4: the weighted sum of the alphabet positions is 1640, 1640 % 31 = 28,
    // 31 - 28 = 3 -> check character "3"
    EXPECT_TRUE(valid_chinese_credit_code("91350100M000100Y43"));
    EXPECT_FALSE(valid_chinese_credit_code("91350100M000100Y44"));
    EXPECT_EQ(registration_kind("91350100M000100Y43"), RegistrationKind::chinese_credit_code);
    EXPECT_TRUE(check_registration_number("HRB 12345").ok());
}
