#include "core/name_keys.h"

#include "core/text.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <opencc/opencc.h>
#include <phonenumbers/phonenumberutil.h>
#include <set>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace rapport::name_keys {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::u32string to_u32(std::string_view text)
{
    std::u32string out;
    int32_t i = 0;
    auto length = static_cast<int32_t>(text.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, length, c);
        if (c >= 0)
            out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

void append_utf8(std::string& out, char32_t c)
{
    uint8_t buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
    if (!error)
        out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
}

std::string to_utf8(std::u32string_view text)
{
    std::string out;
    for (char32_t c : text)
        append_utf8(out, c);
    return out;
}

bool is_letter_or_digit(char32_t c)
{
    return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) || u_isdigit(c);
}

bool is_han(char32_t c)
{
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}

// Compatibility jamo of the 19 initial consonants, in the order of the syllable formula.
constexpr char32_t initial_jamo[19]
    = { 0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143, 0x3145, 0x3146,
          0x3147, 0x3148, 0x3149, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E };

// Jamo as a user may hold them: compatibility consonants (ㄱ…ㅎ, compounds included) or, after
// NFKC, conjoining initial consonants (U+1100…U+1112).
bool is_consonant_jamo(char32_t c)
{
    return (c >= 0x3131 && c <= 0x314E) || (c >= 0x1100 && c <= 0x1112);
}

// Appends the initial consonants a jamo stands for; an IME's compound final (ㄳ) is two.
void append_jamo(std::u32string& out, char32_t c)
{
    static const std::map<char32_t, std::u32string> compounds
        = { { 0x3133, U"ㄱㅅ" }, { 0x3135, U"ㄴㅈ" }, { 0x3136, U"ㄴㅎ" }, { 0x313A, U"ㄹㄱ" },
              { 0x313B, U"ㄹㅁ" }, { 0x313C, U"ㄹㅂ" }, { 0x313D, U"ㄹㅅ" }, { 0x313E, U"ㄹㅌ" },
              { 0x313F, U"ㄹㅍ" }, { 0x3140, U"ㄹㅎ" }, { 0x3144, U"ㅂㅅ" } };
    if (c >= 0x1100 && c <= 0x1112) {
        out.push_back(initial_jamo[c - 0x1100]);
        return;
    }
    if (auto compound = compounds.find(c); compound != compounds.end()) {
        out += compound->second;
        return;
    }
    out.push_back(c);
}

// ICU's Han-Latin transliterator is costly to build and not safe to share between threads, so one
// instance serves behind a lock with a cache of the Han runs it has already read.
class PinyinReader {
public:
    // Syllables of a run of Han characters ("华夏" → {"hua", "xia"}).
    std::vector<std::string> syllables(const std::u32string& run)
    {
        std::lock_guard lock(m_mutex);
        if (auto known = m_cache.find(run); known != m_cache.end())
            return known->second;
        if (!m_transliterator) {
            UErrorCode status = U_ZERO_ERROR;
            m_transliterator.reset(icu::Transliterator::createInstance(
                "Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
            if (U_FAILURE(status))
                m_transliterator.reset();
        }
        std::vector<std::string> out;
        if (m_transliterator) {
            auto source = to_utf8(run);
            icu::UnicodeString text = icu::UnicodeString::fromUTF8(source);
            m_transliterator->transliterate(text);
            std::string latin;
            text.toUTF8String(latin);
            std::string syllable;
            for (char c : latin + " ") {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    syllable.push_back(c);
                } else if (!syllable.empty()) {
                    out.push_back(syllable);
                    syllable.clear();
                }
            }
        }
        // names are few and repeat; the bound only guards against unbounded growth
        if (m_cache.size() > 200000)
            m_cache.clear();
        m_cache.emplace(run, out);
        return out;
    }

private:
    std::mutex m_mutex;
    std::unique_ptr<icu::Transliterator> m_transliterator;
    std::map<std::u32string, std::vector<std::string>> m_cache;
};

PinyinReader& pinyin_reader()
{
    static PinyinReader reader;
    return reader;
}

// Pinyin of the text, syllable by syllable, with other letters and digits as single "syllables".
std::vector<std::string> pinyin_parts(std::string_view text)
{
    auto folded = to_u32(text::fold(to_simplified(text)));
    std::vector<std::string> parts;
    std::u32string run;
    auto flush = [&] {
        if (run.empty())
            return;
        for (auto& syllable : pinyin_reader().syllables(run))
            parts.push_back(std::move(syllable));
        run.clear();
    };
    for (char32_t c : folded) {
        if (is_han(c)) {
            run.push_back(c);
            continue;
        }
        flush();
        if (is_letter_or_digit(c))
            parts.push_back(to_utf8(std::u32string(1, c)));
    }
    flush();
    return parts;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to)
{
    size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

} // namespace

std::string hangul_initials(std::string_view text)
{
    std::u32string out;
    for (char32_t c : to_u32(text)) {
        if (c >= 0xAC00 && c <= 0xD7A3)
            out.push_back(initial_jamo[(c - 0xAC00) / 588]);
        else if (is_consonant_jamo(c))
            append_jamo(out, c);
        else if (is_letter_or_digit(c))
            out += to_u32(text::fold(to_utf8(std::u32string(1, c))));
    }
    return to_utf8(out);
}

bool has_hangul_jamo(std::string_view text)
{
    auto code_points = to_u32(text);
    return std::any_of(code_points.begin(), code_points.end(), is_consonant_jamo);
}

bool has_han(std::string_view text)
{
    auto code_points = to_u32(text);
    return std::any_of(code_points.begin(), code_points.end(), is_han);
}

std::string pinyin(std::string_view text)
{
    if (!has_han(text))
        return {};
    std::string out;
    for (const auto& part : pinyin_parts(text))
        out += part;
    return out;
}

std::string pinyin_initials(std::string_view text)
{
    if (!has_han(text))
        return {};
    std::string out;
    for (const auto& part : pinyin_parts(text))
        out += part.size() == 1 || static_cast<unsigned char>(part[0]) >= 0x80 ? part
                                                                               : part.substr(0, 1);
    return out;
}

std::string to_simplified(std::string_view text)
{
    if (!has_han(text))
        return std::string(text);
    // the converter loads its dictionaries once; conversions are serialised because OpenCC does not
    // promise that one converter may be used from several threads at once
    static std::mutex mutex;
    static std::unique_ptr<opencc::SimpleConverter> converter;
    static bool unavailable = false;
    std::lock_guard lock(mutex);
    if (!converter && !unavailable) {
        try {
            const char* installed = "/usr/share/opencc/t2s.json";
            converter = std::make_unique<opencc::SimpleConverter>(
                std::filesystem::exists(installed) ? installed : "t2s.json");
        } catch (const std::exception&) {
            unavailable = true;
        }
    }
    if (!converter)
        return std::string(text);
    return converter->Convert(std::string(text));
}

namespace {

const std::vector<std::string>& cjk_legal_forms()
{
    static const std::vector<std::string> forms = { "股份有限公司", "有限责任公司", "有限公司",
        "股份公司", "株式会社", "有限会社", "合同会社", "合资会社", "合名会社", "유한책임회사",
        "주식회사", "유한회사", "합자회사", "합명회사", "사단법인", "재단법인", "(주)", "(유)",
        "(사)", "(재)", "(株)", "(有)", "(合)" };
    return forms;
}

} // namespace

std::string without_partial_legal_form(std::string_view name)
{
    std::string typed = text::trim(name);
    for (const auto& form : cjk_legal_forms()) {
        // the form's proper prefixes, longest first, whole characters only
        auto points = to_u32(form);
        for (size_t length = points.size() - 1; length >= 1; --length) {
            auto prefix = to_utf8(points.substr(0, length));
            if (typed.size() <= prefix.size()
                || typed.compare(typed.size() - prefix.size(), prefix.size(), prefix) != 0)
                continue;
            auto rest = typed.substr(0, typed.size() - prefix.size());
            bool spaced = !rest.empty() && rest.back() == ' ';
            // Korean words stand apart ("대한물산 주식"); Chinese and Japanese forms follow the
            // name directly, so only two characters or more count there ("华夏集团有限")
            bool hangul = points[0] >= 0xAC00 && points[0] <= 0xD7A3;
            if ((hangul && spaced) || (!hangul && length >= 2 && points[0] != U'('))
                return text::trim(rest);
        }
    }
    return typed;
}

std::string company_name_key(std::string_view name)
{
    // NFKC turns ㈜ into (주), ㈱ into (株) and full-width letters into ASCII before anything else
    auto folded = to_simplified(text::fold(name));

    // legal forms written in CJK are unambiguous wherever they stand (prefix or suffix); longer
    // forms first so that 股份有限公司 is not left as 股份
    for (const auto& form : cjk_legal_forms())
        folded = replace_all(folded, form, " ");
    // 公司 alone ("company") at the very end is a legal form too: 星辰电子公司 is 星辰电子有限公司
    auto trimmed = text::trim(folded);
    if (trimmed.size() > 6 && trimmed.compare(trimmed.size() - 6, 6, "公司") == 0)
        folded = trimmed.substr(0, trimmed.size() - 6);

    // Latin legal forms are common words elsewhere ("Company", "AG"), so only trailing tokens go;
    // dots go first so that S.A. and L.L.C. read as one token
    folded = replace_all(folded, ".", "");
    static const std::set<std::string> latin_forms
        = { "co", "corp", "corporation", "company", "inc", "incorporated", "ltd", "limited", "llc",
              "llp", "lp", "plc", "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv",
              "pte", "pty", "oy", "ab", "kk", "jsc", "ooo" };
    std::vector<std::u32string> tokens;
    std::u32string token;
    for (char32_t c : to_u32(folded) + U" ") {
        if (is_letter_or_digit(c)) {
            token.push_back(c);
        } else if (!token.empty()) {
            tokens.push_back(token);
            token.clear();
        }
    }
    std::u32string all;
    for (const auto& part : tokens)
        all += part;
    while (!tokens.empty() && latin_forms.count(to_utf8(tokens.back())))
        tokens.pop_back();
    std::u32string key;
    for (const auto& part : tokens)
        key += part;
    // a name made only of legal words ("Company Ltd") keeps them rather than becoming empty
    return to_utf8(key.empty() ? all : key);
}

std::string phone_region(std::string_view currency, std::string_view locale)
{
    static const std::map<std::string, std::string, std::less<>> by_currency = { { "KRW", "KR" },
        { "CNY", "CN" }, { "JPY", "JP" }, { "TWD", "TW" }, { "HKD", "HK" }, { "MOP", "MO" },
        { "SGD", "SG" }, { "USD", "US" }, { "GBP", "GB" }, { "CAD", "CA" }, { "AUD", "AU" },
        { "NZD", "NZ" }, { "VND", "VN" }, { "THB", "TH" }, { "MYR", "MY" }, { "PHP", "PH" },
        { "IDR", "ID" }, { "INR", "IN" }, { "CHF", "CH" }, { "SEK", "SE" }, { "NOK", "NO" },
        { "DKK", "DK" }, { "PLN", "PL" }, { "MXN", "MX" }, { "BRL", "BR" }, { "RUB", "RU" } };
    if (auto found = by_currency.find(currency); found != by_currency.end())
        return found->second;
    // the euro and other shared currencies say nothing about the country: ask the locale
    auto lower = text::fold(locale);
    if (auto dash = lower.find_first_of("-_");
        dash != std::string::npos && lower.size() >= dash + 3) {
        auto region = lower.substr(dash + 1, 2);
        std::transform(region.begin(), region.end(), region.begin(), ::toupper);
        return region;
    }
    static const std::map<std::string, std::string, std::less<>> by_language
        = { { "ko", "KR" }, { "zh", "CN" }, { "ja", "JP" }, { "de", "DE" }, { "fr", "FR" },
              { "es", "ES" }, { "it", "IT" }, { "en", "US" } };
    if (auto found = by_language.find(lower.substr(0, 2)); found != by_language.end())
        return found->second;
    return "US";
}

namespace {

bool parse_phone(std::string_view text, std::string_view region, PhoneNumber& number)
{
    if (text::digits(text).size() < 5)
        return false;
    auto* util = PhoneNumberUtil::GetInstance();
    if (util->Parse(std::string(text), std::string(region), &number)
        != PhoneNumberUtil::NO_PARSING_ERROR)
        return false;
    return util->IsPossibleNumber(number);
}

} // namespace

std::string e164(std::string_view number, std::string_view region)
{
    PhoneNumber parsed;
    if (!parse_phone(number, region, parsed))
        return {};
    std::string out;
    PhoneNumberUtil::GetInstance()->Format(parsed, PhoneNumberUtil::E164, &out);
    return out;
}

std::string national_digits(std::string_view number, std::string_view region)
{
    PhoneNumber parsed;
    if (!parse_phone(number, region, parsed))
        return {};
    std::string out;
    PhoneNumberUtil::GetInstance()->Format(parsed, PhoneNumberUtil::NATIONAL, &out);
    return text::digits(out);
}

double name_similarity(std::string_view a_key, std::string_view b_key)
{
    if (a_key == b_key)
        return a_key.empty() ? 0.0 : 1.0;
    auto grams = [](std::string_view key) {
        auto code_points = to_u32(key);
        std::multiset<std::u32string> out;
        if (code_points.size() == 1)
            out.insert(code_points);
        for (size_t i = 0; i + 1 < code_points.size(); ++i)
            out.insert(code_points.substr(i, 2));
        return out;
    };
    auto a = grams(a_key);
    auto b = grams(b_key);
    if (a.empty() || b.empty())
        return 0.0;
    std::vector<std::u32string> shared;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
    return 2.0 * static_cast<double>(shared.size()) / static_cast<double>(a.size() + b.size());
}

std::vector<std::string> name_grams(std::string_view key)
{
    auto code_points = to_u32(key);
    std::set<std::string> grams;
    if (code_points.size() < 3 && !code_points.empty())
        grams.insert(std::string(key));
    for (size_t i = 0; i + 2 < code_points.size(); ++i)
        grams.insert(to_utf8(code_points.substr(i, 3)));
    return { grams.begin(), grams.end() };
}

} // namespace rapport::name_keys
