// The parts of a display name, for the N property of a contact that keeps only one name.
//
// Phones sort and show contacts by N, and read it in the order the name's script writes it:
// Korean, Chinese and Japanese names start with the family name (김민수, 王小明), Latin names
// usually end with it (John Smith). A split is made only when that order is not in doubt. In
// every other case the whole name goes into the given-name part and the family part stays empty
// (`N:;Kim Minsu;;;`, which vCard 3.0 and 4.0 allow): every phone then shows the name exactly as
// stored and only sorts it by its first word, where a wrong split would show it swapped.
#include "core/text.h"
#include "customers/vcard.h"

#include <algorithm>
#include <optional>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <vector>

namespace rapport::customers::vcard {

namespace {

// The two-syllable family names of Korea (남궁 민수); all others have one syllable.
const std::vector<std::string> korean_two_syllable_family_names
    = { "남궁", "황보", "제갈", "사공", "선우", "서문", "독고", "동방" };

// The two-character family names of China, Simplified and Traditional (欧阳娜娜).
const std::vector<std::string> chinese_two_character_family_names
    = { "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟",
          "尉遲", "公孙", "公孫", "慕容", "令狐", "长孙", "長孫", "宇文", "司徒", "夏侯", "轩辕",
          "軒轅", "端木", "南宫", "南宮", "西门", "西門", "独孤", "獨孤", "百里", "呼延", "澹台",
          "澹臺", "申屠", "闻人", "聞人", "万俟", "萬俟" };

// Common family names of Korea, China, Hong Kong, Taiwan, Japan and Vietnam as written in Latin
// letters (case-folded). "Kim Minsu" may be family first, as Koreans write it at home, or given
// first like "Kim Basinger": a Latin name starting with one of these is not split.
const std::vector<std::string> east_asian_family_names = { "kim", "gim", "lee", "yi", "rhee", "i",
    "park", "pak", "bak", "choi", "choe", "jung", "jeong", "chung", "kang", "gang", "cho", "jo",
    "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "o", "seo", "suh", "shin", "sin",
    "kwon", "gwon", "hwang", "ahn", "an", "song", "ryu", "yoo", "yu", "jeon", "jun", "hong", "ko",
    "go", "moon", "mun", "yang", "son", "bae", "baek", "paik", "heo", "hur", "nam", "noh", "roh",
    "ha", "kwak", "sung", "cha", "joo", "woo", "min", "byun", "koo", "gu", "na", "jin", "eom", "um",
    "won", "chae", "wang", "li", "zhang", "liu", "chen", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "tang", "feng",
    "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "yuan", "pan", "cai", "jiang", "du",
    "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "fan", "fang", "shi", "tan",
    "liao", "zou", "xiong", "qiu", "qin", "meng", "chan", "wong", "cheung", "lau", "ng", "leung",
    "lam", "tsang", "chow", "yip", "ho", "lai", "kwok", "tse", "fung", "mak", "chu", "hui", "lo",
    "kwan", "tsai", "hsu", "chiang", "chou", "tseng", "kuo", "sato", "suzuki", "takahashi",
    "tanaka", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato", "yoshida", "yamada",
    "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi", "shimizu", "nguyen", "nguyễn",
    "tran", "trần", "le", "lê", "pham", "phạm", "hoang", "hoàng", "huynh", "huỳnh", "phan", "vu",
    "vũ", "vo", "võ", "dang", "đặng", "bui", "bùi", "do", "đỗ", "hồ", "ngo", "ngô", "duong",
    "dương", "ly", "lý" };

// Generational and academic suffixes: "Smith, Jr." is not "family, given".
const std::vector<std::string> name_suffixes
    = { "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq" };

bool contains(const std::vector<std::string>& list, const std::string& word)
{
    return std::find(list.begin(), list.end(), word) != list.end();
}

std::vector<UChar32> code_points_of(std::string_view text)
{
    std::vector<UChar32> out;
    int32_t i = 0;
    auto length = static_cast<int32_t>(text.size());
    while (i < length) {
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        out.push_back(c);
    }
    return out;
}

UScriptCode script_of(UChar32 c)
{
    UErrorCode status = U_ZERO_ERROR;
    auto script = uscript_getScript(c, &status);
    return U_SUCCESS(status) ? script : USCRIPT_INVALID_CODE;
}

// Written in Hangul, Han characters or kana only (the prolonged sound mark ー included).
bool is_east_asian_word(std::string_view word)
{
    auto points = code_points_of(word);
    return !points.empty() && std::all_of(points.begin(), points.end(), [](UChar32 c) {
        auto script = script_of(c);
        return script == USCRIPT_HANGUL || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA
            || script == USCRIPT_KATAKANA || c == 0x30FC;
    });
}

bool is_all(std::string_view word, UScriptCode wanted)
{
    auto points = code_points_of(word);
    return !points.empty() && std::all_of(points.begin(), points.end(), [&](UChar32 c) {
        return script_of(c) == wanted;
    });
}

// Latin letters, with hyphens and apostrophes between them (Jean-Luc, O'Brien); no dots or
// digits, so titles and suffixes such as "Dr." or "3rd" do not pass.
bool is_latin_word(std::string_view word)
{
    auto points = code_points_of(word);
    if (points.empty())
        return false;
    for (size_t i = 0; i < points.size(); ++i) {
        auto c = points[i];
        bool joiner = c == '-' || c == '\'' || c == 0x2019;
        if (joiner && i > 0 && i + 1 < points.size())
            continue;
        if (!u_isalpha(c) || script_of(c) != USCRIPT_LATIN)
            return false;
    }
    return true;
}

std::vector<std::string> words_of(const std::string& name)
{
    std::vector<std::string> words;
    std::string word;
    for (char c : name + " ") {
        if (c == ' ' || c == '\t') {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word.push_back(c);
        }
    }
    return words;
}

// The first `count` code points of `text` and the rest.
NameParts split_after(const std::string& text, size_t count)
{
    int32_t offset = 0;
    auto length = static_cast<int32_t>(text.size());
    for (size_t i = 0; i < count && offset < length; ++i)
        U8_FWD_1(text.data(), offset, length);
    return { text.substr(0, static_cast<size_t>(offset)),
        text.substr(static_cast<size_t>(offset)) };
}

// A Korean or Chinese name written without a space. Given names have one or two syllables, so
// two- and three-syllable names start with a one-syllable family name and four-syllable ones
// with a two-syllable family name. Left unsplit: three syllables starting like a two-syllable
// family name (선우진: 선 우진 or 선우 진? 欧阳修), and four without one (田中太郎 may be Japanese,
// 陈李美玲 carries two family names). A Japanese name in kanji of three characters without a
// space is read the Chinese way; Japanese phones write N themselves, so such names rarely come
// in without it.
std::optional<NameParts> split_unspaced(const std::string& name)
{
    const std::vector<std::string>* two_syllable_family_names = nullptr;
    if (is_all(name, USCRIPT_HANGUL))
        two_syllable_family_names = &korean_two_syllable_family_names;
    else if (is_all(name, USCRIPT_HAN))
        two_syllable_family_names = &chinese_two_character_family_names;
    else
        return std::nullopt;

    auto length = code_points_of(name).size();
    bool two_syllable_family
        = length >= 3 && contains(*two_syllable_family_names, split_after(name, 2).family);
    if (length == 2 || (length == 3 && !two_syllable_family))
        return split_after(name, 1);
    if (length == 4 && two_syllable_family)
        return split_after(name, 2);
    return std::nullopt;
}

// "Doe, John": the sorting form address books write, family name first.
std::optional<NameParts> split_at_comma(const std::string& name)
{
    auto comma = name.find(',');
    if (comma == std::string::npos || name.find(',', comma + 1) != std::string::npos)
        return std::nullopt;
    auto family = words_of(name.substr(0, comma));
    auto given = words_of(name.substr(comma + 1));
    if (family.size() != 1 || given.empty() || !is_latin_word(family[0]))
        return std::nullopt;
    for (const auto& word : given)
        if (!is_latin_word(word) || contains(name_suffixes, text::fold(word)))
            return std::nullopt;
    return NameParts { family[0], text::trim(name.substr(comma + 1)) };
}

} // namespace

NameParts split_display_name(std::string_view display_name)
{
    auto name = text::trim(display_name);
    NameParts unsplit { "", name };
    if (name.empty())
        return {};

    if (auto parts = split_at_comma(name))
        return *parts;

    auto words = words_of(name);
    if (std::all_of(words.begin(), words.end(), is_east_asian_word)) {
        // 김 민수, 王 小明, 山田 太郎: the family name is the first word
        if (words.size() == 2)
            return { words[0], words[1] };
        if (words.size() == 1)
            return split_unspaced(name).value_or(unsplit);
        return unsplit;
    }

    // John Smith; three or more words are not split (Anna Maria Schmidt, Gabriel García Márquez)
    if (words.size() == 2 && is_latin_word(words[0]) && is_latin_word(words[1])
        && !contains(east_asian_family_names, text::fold(words[0])))
        return { words[1], words[0] };
    return unsplit;
}

} // namespace rapport::customers::vcard
