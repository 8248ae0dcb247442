// Decoding the text of vCard values: quoted-printable, base64, charsets, escapes and dates.
#include "customers/vcard_values.h"

#include "core/text.h"

#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

namespace rapport::customers::vcard {

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    return out;
}

int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace

namespace values {

std::string decode_quoted_printable(std::string_view text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '=' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0
            && hex_digit(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2])));
            i += 2;
        } else if (text[i] == '=' && i + 1 == text.size()) {
            break; // a soft line break at the very end
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::string decode_base64(std::string_view text)
{
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        int value = c >= 'A' && c <= 'Z' ? c - 'A'
            : c >= 'a' && c <= 'z'       ? c - 'a' + 26
            : c >= '0' && c <= '9'       ? c - '0' + 52
            : c == '+'                   ? 62
            : c == '/'                   ? 63
                                         : -1;
        if (value < 0)
            continue;
        buffer = (buffer << 6) | static_cast<uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

// ICU converter names for the charsets cards declare; the legacy CJK names map to their
// supersets because phones label CP949 text as EUC-KR and GBK text as GB2312.
std::optional<std::string> converter_for(std::string_view charset)
{
    auto name = lower(text::trim(charset));
    if (name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii")
        return "UTF-8";
    if (name == "shift_jis" || name == "shift-jis" || name == "sjis" || name == "cp932"
        || name == "windows-31j" || name == "x-sjis" || name == "ms_kanji")
        return "ibm-943_P15A-2003";
    if (name == "euc-kr" || name == "cp949" || name == "ks_c_5601-1987" || name == "uhc"
        || name == "ms949" || name == "windows-949")
        return "windows-949-2000";
    if (name == "gb2312" || name == "gbk" || name == "gb18030" || name == "cp936"
        || name == "euc-cn")
        return "gb18030";
    if (name == "big5" || name == "big-5" || name == "cp950" || name == "big5-hkscs")
        return "windows-950-2000";
    if (name == "iso-8859-1" || name == "latin1" || name == "iso8859-1" || name == "windows-1252"
        || name == "cp1252")
        return "ibm-5348_P100-1997";
    if (name == "euc-jp")
        return "ibm-33722_P12A_P12A-2009_U2";
    if (name == "iso-2022-jp")
        return "ISO_2022,locale=ja,version=4";
    if (name == "utf-16" || name == "utf-16le")
        return "UTF-16LE";
    // anything else ICU knows by name (ISO-8859-2, KOI8-R …) is accepted as ICU spells it
    UErrorCode status = U_ZERO_ERROR;
    if (ucnv_getAlias(std::string(charset).c_str(), 0, &status) && U_SUCCESS(status))
        return std::string(charset);
    return std::nullopt;
}

// Converts with substitution: one bad byte in a phone's export must not lose the whole card.
std::string to_utf8(std::string_view bytes, const std::string& converter_name)
{
    if (converter_name == "UTF-8" && text::is_valid_utf8(bytes))
        return std::string(bytes);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
        ucnv_open(converter_name.c_str(), &status), &ucnv_close);
    if (U_FAILURE(status))
        return std::string(bytes);
    std::u16string wide(bytes.size() * 2 + 2, u'\0');
    auto length = ucnv_toUChars(converter.get(), wide.data(), static_cast<int32_t>(wide.size()),
        bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status))
        return std::string(bytes);
    wide.resize(static_cast<size_t>(length));
    std::string out(wide.size() * 3 + 1, '\0');
    int32_t written = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &written, wide.data(),
        static_cast<int32_t>(wide.size()), 0xFFFD, nullptr, &status);
    out.resize(U_SUCCESS(status) ? static_cast<size_t>(written) : 0);
    return out;
}

// Splits a structured value at unescaped ';' and unescapes each part.
std::vector<std::string> components(std::string_view text, char separator)
{
    std::vector<std::string> parts(1);
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            char next = text[i + 1];
            if (next == 'n' || next == 'N')
                parts.back().push_back('\n');
            else if (next == '\\' || next == ';' || next == ',' || next == ':')
                parts.back().push_back(next);
            else {
                parts.back().push_back(c);
                continue;
            }
            ++i;
        } else if (c == separator) {
            parts.emplace_back();
        } else {
            parts.back().push_back(c);
        }
    }
    for (auto& part : parts)
        part = text::trim(part);
    return parts;
}

std::string unescape(std::string_view text)
{
    return components(text, '\0').front();
}

} // namespace values

namespace {

bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

std::string format_date(int year, int month, int day)
{
    static const int lengths[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1)
        return {};
    if (day > lengths[month - 1] + (month == 2 && is_leap(year) ? 1 : 0))
        return {};
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

} // namespace

std::string parse_date(std::string_view input)
{
    auto text = text::trim(input);
    if (text.rfind("--", 0) == 0)
        return {}; // a birthday without its year
    if (auto t = text.find_first_of("Tt "); t != std::string::npos && t >= 8)
        text = text.substr(0, t);
    std::vector<std::string> numbers(1);
    char separator = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            numbers.back().push_back(c);
        } else if (!numbers.back().empty()) {
            separator = separator ? separator : c;
            numbers.emplace_back();
        }
    }
    if (numbers.back().empty())
        numbers.pop_back();
    auto number = [](const std::string& digits) { return std::atoi(digits.c_str()); };
    if (numbers.size() == 1 && numbers[0].size() == 8)
        return format_date(number(numbers[0].substr(0, 4)), number(numbers[0].substr(4, 2)),
            number(numbers[0].substr(6, 2)));
    if (numbers.size() != 3)
        return {};
    if (numbers[0].size() == 4)
        return format_date(number(numbers[0]), number(numbers[1]), number(numbers[2]));
    // 22.03.1980 (day first, as Europe writes it); 03/22/1980 (month first, as the US does)
    if (numbers[2].size() == 4)
        return separator == '/'
            ? format_date(number(numbers[2]), number(numbers[0]), number(numbers[1]))
            : format_date(number(numbers[2]), number(numbers[1]), number(numbers[0]));
    return {};
}

} // namespace rapport::customers::vcard
