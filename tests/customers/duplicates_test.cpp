// The duplicate detector's name rule on a labelled set of name pairs generated here: true
// duplicates written with another legal form, spacing, width, case, script, punctuation or a typo;
// true non-duplicates that share a common business word (상사, 전자, 무역, Trading, 科技) or the
// same stem in another line of business. The measured precision and recall are asserted as floors.
#include "core/name_keys.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <opencc/opencc.h>
#include <random>
#include <string>
#include <vector>

using namespace rapport::name_keys;

namespace {

bool same_company(const std::string& a, const std::string& b)
{
    return name_similarity(company_name_key(a), company_name_key(b)) >= duplicate_name_threshold;
}

struct LabelledPair {
    std::string a;
    std::string b;
    bool duplicate;
};

// ASCII as full-width forms, as some Chinese and Japanese input methods type it.
std::string full_width(const std::string& text)
{
    std::string out;
    for (unsigned char c : text) {
        char32_t wide = c == ' '     ? U'\u3000'
            : (c > 0x20 && c < 0x7F) ? static_cast<char32_t>(c + 0xFEE0)
                                     : c;
        if (wide < 0x80) {
            out.push_back(static_cast<char>(wide));
        } else if (c >= 0x80) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back(static_cast<char>(0xE0 | (wide >> 12)));
            out.push_back(static_cast<char>(0x80 | ((wide >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (wide & 0x3F)));
        }
    }
    return out;
}

std::string upper(std::string text)
{
    for (auto& c : text)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
    return text;
}

const std::vector<std::string> korean_stems
    = { "한빛", "대한", "서울", "미래", "동방", "태양", "새한", "우리", "한결", "푸른", "동양",
          "세진", "진성", "대성", "삼원", "신라", "고려", "한영" };
const std::vector<std::string> korean_trades = { "상사", "전자", "무역", "산업", "물산", "정밀" };
const std::vector<std::string> chinese_stems = { "华夏", "星辰", "东方", "明珠", "天河", "长城",
    "金龙", "宏达", "远航", "新世纪", "恒通", "华兴" };
const std::vector<std::string> chinese_trades = { "科技", "电子", "贸易", "实业", "集团", "物流" };
const std::vector<std::string> chinese_cities = { "深圳市", "上海", "北京", "广州市" };
const std::vector<std::string> english_stems
    = { "Acme", "Apex", "Summit", "Blue Ocean", "Northwind", "Pacific", "Atlantic", "Golden Gate",
          "Global", "Globe", "Silverline", "Redwood", "Evergreen", "Crescent" };
const std::vector<std::string> english_trades
    = { "Trading", "Electronics", "Logistics", "Foods", "Industries", "Systems" };

std::vector<LabelledPair> labelled_pairs()
{
    opencc::SimpleConverter traditional("/usr/share/opencc/s2t.json");
    std::mt19937 random(20261204);
    auto pick = [&](size_t count) { return static_cast<size_t>(random() % count); };
    std::vector<LabelledPair> pairs;

    for (size_t s = 0; s < korean_stems.size(); ++s) {
        auto name = korean_stems[s] + korean_trades[s % korean_trades.size()];
        auto spaced = korean_stems[s] + " " + korean_trades[s % korean_trades.size()];
        for (const auto& variant : { "(주)" + name, name + " 주식회사", "㈜ " + name,
                 "주식회사 " + spaced, "（주）" + name, name + "(주)", "유한회사 " + name })
            pairs.push_back({ name, variant, true });
        // the same common word, another company
        for (int k = 0; k < 3; ++k) {
            auto other
                = korean_stems[(s + 1 + pick(korean_stems.size() - 1)) % korean_stems.size()];
            pairs.push_back(
                { "(주)" + name, other + korean_trades[s % korean_trades.size()], false });
        }
        // the same stem in another line of business
        pairs.push_back({ name,
            korean_stems[s] + korean_trades[(s + 1) % korean_trades.size()] + " 주식회사", false });
    }

    for (size_t s = 0; s < chinese_stems.size(); ++s) {
        auto city = chinese_cities[s % chinese_cities.size()];
        auto trade = chinese_trades[s % chinese_trades.size()];
        auto name = city + chinese_stems[s] + trade + "有限公司";
        auto bare = city + chinese_stems[s] + trade;
        for (const auto& variant :
            { traditional.Convert(name), bare, city + chinese_stems[s] + trade + "股份有限公司",
                traditional.Convert(bare) + "有限公司", city + " " + chinese_stems[s] + " " + trade,
                city + chinese_stems[s] + trade + "有限责任公司",
                "（" + city + "）" + chinese_stems[s] + trade + "有限公司" })
            pairs.push_back({ name, variant, true });
        for (int k = 0; k < 3; ++k) {
            auto other
                = chinese_stems[(s + 1 + pick(chinese_stems.size() - 1)) % chinese_stems.size()];
            pairs.push_back({ name, city + other + trade + "有限公司", false });
        }
        pairs.push_back({ name,
            city + chinese_stems[s] + chinese_trades[(s + 1) % chinese_trades.size()] + "有限公司",
            false });
    }

    for (size_t s = 0; s < english_stems.size(); ++s) {
        auto trade = english_trades[s % english_trades.size()];
        auto name = english_stems[s] + " " + trade;
        auto typo = name;
        typo.erase(typo.size() / 2, 1);
        for (const auto& variant : { name + " Co., Ltd.", name + " Inc.", upper(name) + " LLC",
                 full_width(name + " Corp."), name + ", Inc",
                 english_stems[s] + "-" + trade + " Ltd", typo, name + " GmbH", name + " S.A." })
            pairs.push_back({ name + " Co., Ltd.", variant, true });
        for (int k = 0; k < 3; ++k) {
            auto other
                = english_stems[(s + 1 + pick(english_stems.size() - 1)) % english_stems.size()];
            pairs.push_back({ name + " Inc.", other + " " + trade + " Co., Ltd.", false });
        }
        pairs.push_back({ name,
            english_stems[s] + " " + english_trades[(s + 1) % english_trades.size()] + " Inc.",
            false });
    }

    // names of one group that are different companies, and look-alikes a person would tell apart
    for (const auto& [a, b] :
        std::vector<std::pair<std::string, std::string>> { { "삼성전자", "삼성전기" },
            { "LG전자", "LG화학" }, { "현대자동차", "현대모비스" },
            { "华为技术有限公司", "华为终端有限公司" }, { "Global Foods Inc.", "Globe Foods Inc." },
            { "Samsung Electronics", "Samsung Electro-Mechanics" },
            { "Pacific Trading", "Atlantic Trading" }, { "华夏集团", "华夏电子有限公司" },
            { "동방상사", "동양상사" }, { "Acme Corp", "Acne Corp" } })
        pairs.push_back({ a, b, false });
    return pairs;
}

} // namespace

TEST(Duplicates, LegalFormsAndScriptsCompareEqual)
{
    EXPECT_TRUE(same_company("(주)한빛상사", "한빛상사 주식회사"));
    EXPECT_TRUE(same_company("(주)한빛상사", "㈜ 한빛상사"));
    EXPECT_TRUE(same_company("Acme Co., Ltd.", "ACME Inc."));
    EXPECT_TRUE(same_company("深圳市星辰电子有限公司", "深圳市星辰電子有限公司"));
    EXPECT_FALSE(same_company("한빛상사", "대한상사"));
    EXPECT_FALSE(same_company("Acme Trading", "Apex Trading"));
    EXPECT_FALSE(same_company("北京东方科技有限公司", "北京星辰科技有限公司"));
}

TEST(Duplicates, PrecisionAndRecallOnLabelledPairs)
{
    auto pairs = labelled_pairs();
    size_t positives = 0;
    for (const auto& pair : pairs)
        positives += pair.duplicate;
    ASSERT_GE(pairs.size(), 300u);
    ASSERT_GE(positives, 100u);
    ASSERT_GE(pairs.size() - positives, 100u);

    // the sweep shows why the threshold sits where it does
    double chosen_precision = 0;
    double chosen_recall = 0;
    for (double threshold : { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 }) {
        size_t true_positive = 0;
        size_t false_positive = 0;
        for (const auto& pair : pairs) {
            bool said
                = name_similarity(company_name_key(pair.a), company_name_key(pair.b)) >= threshold;
            true_positive += said && pair.duplicate;
            false_positive += said && !pair.duplicate;
            if (threshold == duplicate_name_threshold && said != pair.duplicate)
                std::printf("  missed: %s | %s (%s)\n", pair.a.c_str(), pair.b.c_str(),
                    pair.duplicate ? "duplicate" : "different");
        }
        double precision = true_positive + false_positive
            ? double(true_positive) / double(true_positive + false_positive)
            : 1;
        double recall = double(true_positive) / double(positives);
        std::printf("threshold %.2f: precision %.4f recall %.4f\n", threshold, precision, recall);
        if (threshold == duplicate_name_threshold) {
            chosen_precision = precision;
            chosen_recall = recall;
        }
    }
    std::printf(
        "labelled pairs: %zu (%zu duplicates, %zu different); at %.2f precision %.4f recall %.4f\n",
        pairs.size(), positives, pairs.size() - positives, duplicate_name_threshold,
        chosen_precision, chosen_recall);
    EXPECT_GE(chosen_precision, 1.0);
    EXPECT_GE(chosen_recall, 0.995);
}
