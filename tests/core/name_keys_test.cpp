#include "core/name_keys.h"

#include <gtest/gtest.h>

using namespace rapport::name_keys;

TEST(NameKeys, HangulInitialConsonants)
{
    EXPECT_EQ(hangul_initials("한빛상사"), "ㅎㅂㅅㅅ");
    EXPECT_EQ(hangul_initials("한빛 상사"), "ㅎㅂㅅㅅ");
    EXPECT_EQ(hangul_initials("(주)까치전자"), "ㅈㄲㅊㅈㅈ");
    EXPECT_EQ(hangul_initials("LG전자"), "lgㅈㅈ");
    // typed initials stay; an IME's compound ㄳ is the two consonants the user pressed
    EXPECT_EQ(hangul_initials("ㅎㅂㅅㅅ"), "ㅎㅂㅅㅅ");
    EXPECT_EQ(hangul_initials("ㄳ"), "ㄱㅅ");
    EXPECT_EQ(hangul_initials("ㅄㄺ"), "ㅂㅅㄹㄱ");
    // conjoining jamo (what NFKC makes of compatibility jamo) read the same
    EXPECT_EQ(hangul_initials("\u1112\u1107"), "ㅎㅂ");
    EXPECT_TRUE(has_hangul_jamo("ㅎㅂ"));
    EXPECT_FALSE(has_hangul_jamo("한빛"));
}

TEST(NameKeys, PinyinOfSimplifiedAndTraditional)
{
    EXPECT_EQ(pinyin("华夏集团"), "huaxiajituan");
    EXPECT_EQ(pinyin_initials("华夏集团"), "hxjt");
    EXPECT_EQ(pinyin("華夏集團"), "huaxiajituan");
    EXPECT_EQ(pinyin_initials("華夏集團"), "hxjt");
    EXPECT_EQ(pinyin("深圳市星辰电子"), "shenzhenshixingchendianzi");
    EXPECT_EQ(pinyin_initials("重庆"), "cq");
    EXPECT_EQ(pinyin("Acme"), "");
    EXPECT_EQ(pinyin_initials("华夏ABC"), "hxabc");
}

TEST(NameKeys, TraditionalToSimplified)
{
    EXPECT_EQ(to_simplified("華夏集團"), "华夏集团");
    EXPECT_EQ(to_simplified("深圳市星辰電子有限公司"), "深圳市星辰电子有限公司");
    EXPECT_EQ(to_simplified("한빛상사 Acme"), "한빛상사 Acme");
}

TEST(NameKeys, CompanyNameWithoutLegalForms)
{
    EXPECT_EQ(company_name_key("(주)한빛상사"), "한빛상사");
    EXPECT_EQ(company_name_key("한빛상사 주식회사"), "한빛상사");
    EXPECT_EQ(company_name_key("㈜ 한빛상사"), "한빛상사");
    EXPECT_EQ(company_name_key("（주）한빛　상사"), "한빛상사");
    EXPECT_EQ(company_name_key("Acme Co., Ltd."), "acme");
    EXPECT_EQ(company_name_key("ACME Inc."), "acme");
    EXPECT_EQ(company_name_key("ＡＣＭＥ　ＬＬＣ"), "acme");
    EXPECT_EQ(company_name_key("Müller GmbH"), "müller");
    EXPECT_EQ(company_name_key("Banco S.A."), "banco");
    EXPECT_EQ(company_name_key("深圳市星辰电子有限公司"), "深圳市星辰电子");
    EXPECT_EQ(company_name_key("深圳市星辰電子有限公司"), "深圳市星辰电子");
    EXPECT_EQ(company_name_key("华夏股份有限公司"), "华夏");
    EXPECT_EQ(company_name_key("株式会社トヨタ"), "トヨタ");
    EXPECT_EQ(company_name_key("トヨタ(株)"), "トヨタ");
    // 集团 distinguishes a group from its members, so it stays
    EXPECT_EQ(company_name_key("华夏集团有限公司"), "华夏集团");
    // "Company" inside a name is a word, at the end a legal form
    EXPECT_EQ(company_name_key("The Company Store Ltd"), "thecompanystore");
    EXPECT_EQ(company_name_key("Company Ltd"), "companyltd");
}

TEST(NameKeys, PhonesInE164)
{
    EXPECT_EQ(e164("010-1234-5678", "KR"), "+821012345678");
    EXPECT_EQ(e164("01012345678", "KR"), "+821012345678");
    EXPECT_EQ(e164("+82 10-1234-5678", "KR"), "+821012345678");
    EXPECT_EQ(e164("+82 10-1234-5678", "US"), "+821012345678");
    EXPECT_EQ(e164("02-555-1234", "KR"), "+8225551234");
    EXPECT_EQ(e164("138 0013 8000", "CN"), "+8613800138000");
    EXPECT_EQ(e164("(415) 555-2671", "US"), "+14155552671");
    EXPECT_EQ(e164("12", "KR"), "");
    EXPECT_EQ(national_digits("+82 10-1234-5678", "KR"), "01012345678");
}

TEST(NameKeys, PhoneRegionFromTenant)
{
    EXPECT_EQ(phone_region("KRW", "en"), "KR");
    EXPECT_EQ(phone_region("CNY", "ko"), "CN");
    EXPECT_EQ(phone_region("USD", "ko"), "US");
    EXPECT_EQ(phone_region("EUR", "de-AT"), "AT");
    EXPECT_EQ(phone_region("EUR", "fr"), "FR");
    EXPECT_EQ(phone_region("XXX", "zh-TW"), "TW");
    EXPECT_EQ(phone_region("", ""), "US");
}

TEST(NameKeys, Similarity)
{
    EXPECT_DOUBLE_EQ(name_similarity("한빛상사", "한빛상사"), 1.0);
    // 한빛/빛상/상사 against 대한/한상/상사: one shared bigram of six
    EXPECT_NEAR(name_similarity("한빛상사", "대한상사"), 2.0 / 6.0, 1e-9);
    EXPECT_LT(name_similarity("삼성전자", "삼성전기"), duplicate_name_threshold);
    EXPECT_GE(name_similarity("northwindtraders", "northwindtrader"), duplicate_name_threshold);
    EXPECT_EQ(name_similarity("", ""), 0.0);
    EXPECT_EQ(name_grams("한빛상사"), (std::vector<std::string> { "빛상사", "한빛상" }));
    EXPECT_EQ(name_grams("华为"), (std::vector<std::string> { "华为" }));
}

TEST(NameKeys, ANameBeingTypedLosesTheStartOfItsLegalForm)
{
    // the duplicate warning vanished while "주식회사" was half typed
    EXPECT_EQ(without_partial_legal_form("대한물산 주식"), "대한물산");
    EXPECT_EQ(without_partial_legal_form("대한물산 주식회"), "대한물산");
    EXPECT_EQ(without_partial_legal_form("대한물산 주"), "대한물산");
    EXPECT_EQ(without_partial_legal_form("华夏集团有限"), "华夏集团");
    EXPECT_EQ(without_partial_legal_form("华夏集团有限公"), "华夏集团");
    // whole words and names that only end like a form stay
    EXPECT_EQ(without_partial_legal_form("대한물산 주식회사"), "대한물산 주식회사");
    EXPECT_EQ(without_partial_legal_form("주식"), "주식");
    EXPECT_EQ(without_partial_legal_form("대한주"), "대한주");
    EXPECT_EQ(without_partial_legal_form("富有"), "富有");
    EXPECT_EQ(without_partial_legal_form("  Acme Trading  "), "Acme Trading");
}
