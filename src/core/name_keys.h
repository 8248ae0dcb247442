// Keys that let people find and match names the way they type them: Korean initial consonants,
// Chinese pinyin, Traditional→Simplified, company names without legal forms, phones in E.164, and
// a similarity score for names. Pure text functions; the stores decide where the keys live.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rapport::name_keys {

// Initial consonants of Hangul syllables as compatibility jamo (한빛상사 → ㅎㅂㅅㅅ). Jamo already
// typed are kept, and compound ones an IME builds from two consonants (ㄳ, ㄺ, ㅄ …) are split,
// because a user typing ㄱ then ㅅ gets ㄳ. Other letters and digits are kept case-folded;
// spaces and punctuation are dropped so that 한빛 상사 and 한빛상사 give the same key.
std::string hangul_initials(std::string_view text);
// True when the text holds a Hangul consonant jamo: the user is searching by initials.
bool has_hangul_jamo(std::string_view text);
// True when the text holds a Han (Chinese) character.
bool has_han(std::string_view text);

// Full pinyin without tones or spaces (华夏集团 and 華夏集團 → huaxiajituan) and its initials
// (hxjt). Other letters and digits are kept case-folded. Empty when the text has no Han character.
std::string pinyin(std::string_view text);
std::string pinyin_initials(std::string_view text);

// Traditional Chinese → Simplified (OpenCC t2s); other text unchanged.
std::string to_simplified(std::string_view text);

// The key duplicate detection compares company names by: NFKC with case and width folded,
// Traditional→Simplified, legal-form words removed (주식회사, (주), 有限公司, 株式会社, Co., Ltd.,
// GmbH …), then only letters and digits. 集团/그룹/Group stay: a group is another company than
// its members (华夏集团 is not 华夏电子), so the word distinguishes rather than decorates.
std::string company_name_key(std::string_view name);
// A name still being typed without the start of a legal form at its end: "대한물산 주식" is
// "대한물산", "华夏集团有限" is "华夏集团"; other names come back trimmed.
std::string without_partial_legal_form(std::string_view name);

// The region phones without a country code are read in: from the tenant's currency when it names
// one country (KRW → KR, CNY → CN, JPY → JP, USD → US …), else from the locale (ko → KR,
// zh-CN → CN, zh-TW → TW, ja → JP), else US.
std::string phone_region(std::string_view currency, std::string_view locale);
// "+821012345678" for "010-1234-5678" in KR; empty when the text cannot be a phone number.
std::string e164(std::string_view number, std::string_view region);
// The national form's digits ("01012345678" for "+82 10-1234-5678"); empty when not a phone.
std::string national_digits(std::string_view number, std::string_view region);

// Similarity of two company_name_key values, 0 to 1: the Dice coefficient of their character
// bigrams (a single character counts as its own bigram).
double name_similarity(std::string_view a_key, std::string_view b_key);
// Names at least this similar are reported as likely duplicates; chosen on the labelled set of
// tests/customers/duplicates_test.cpp (different companies sharing 상사, 전자, Trading, 科技 score
// below it; a typo in a long name scores above).
constexpr double duplicate_name_threshold = 0.85;

// Character trigrams of a key (the key itself when shorter): the postings candidates are looked up
// by before they are scored.
std::vector<std::string> name_grams(std::string_view key);

} // namespace rapport::name_keys
