// Encoding detection favours refusing over guessing: a wrong guess silently imports mojibake into
// customer names, while a refusal lets the user pick the encoding in the import preview.
#include "documents/text_decoding.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <vector>

namespace rapport::documents {

namespace {

struct Encoding {
    std::string_view canonical;
    const char* icu_converter;
};

// EUC-KR and GBK are decoded with their supersets (CP949, GB18030): files labelled with the
// older name routinely contain the extra characters, and the superset decodes the rest the same.
constexpr std::array<Encoding, 9> supported_encodings { {
    { "UTF-8", "UTF-8" },
    { "UTF-16LE", "UTF-16LE" },
    { "UTF-16BE", "UTF-16BE" },
    { "CP949", "windows-949-2000" },
    { "EUC-KR", "windows-949-2000" },
    { "GB18030", "gb18030" },
    { "GBK", "gb18030" },
    { "Big5", "windows-950-2000" },
    { "windows-1252", "ibm-5348_P100-1997" },
} };

struct Alias {
    std::string_view name;
    std::string_view canonical;
};

constexpr std::array<Alias, 22> encoding_aliases { {
    { "utf8", "UTF-8" },
    { "utf-16", "UTF-16LE" },
    { "utf16le", "UTF-16LE" },
    { "utf16be", "UTF-16BE" },
    { "ms949", "CP949" },
    { "uhc", "CP949" },
    { "windows-949", "CP949" },
    { "ks_c_5601-1987", "CP949" },
    { "euckr", "EUC-KR" },
    { "gb2312", "GBK" },
    { "euc-cn", "GBK" },
    { "cp936", "GBK" },
    { "windows-936", "GBK" },
    { "big-5", "Big5" },
    { "cp950", "Big5" },
    { "windows-950", "Big5" },
    { "cp1252", "windows-1252" },
    { "latin1", "windows-1252" },
    { "iso-8859-1", "windows-1252" },
    { "iso8859-1", "windows-1252" },
    { "ascii", "UTF-8" },
    { "us-ascii", "UTF-8" },
} };

std::string lower_ascii(std::string_view text)
{
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
        [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return lowered;
}

std::optional<Encoding> find_encoding(std::string_view name)
{
    std::string wanted = lower_ascii(name);
    for (const Alias& alias : encoding_aliases)
        if (alias.name == wanted)
            wanted = lower_ascii(alias.canonical);

    for (const Encoding& encoding : supported_encodings)
        if (lower_ascii(encoding.canonical) == wanted)
            return encoding;
    return std::nullopt;
}

const Encoding& encoding_named(std::string_view canonical)
{
    return *std::find_if(supported_encodings.begin(), supported_encodings.end(),
        [&](const Encoding& encoding) { return encoding.canonical == canonical; });
}

// Decodes strictly: any byte sequence the converter cannot map makes the whole decode fail,
// because substituting U+FFFD is exactly the silent damage detection must avoid.
std::optional<std::u16string> decode_strict(std::string_view bytes, const char* icu_converter)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
        ucnv_open(icu_converter, &status), &ucnv_close);
    if (U_FAILURE(status))
        return std::nullopt;
    ucnv_setToUCallBack(
        converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);

    // every supported encoding yields at most one UTF-16 unit per input byte
    std::u16string text(bytes.size() + 1, u'\0');
    int32_t length = ucnv_toUChars(converter.get(), text.data(), static_cast<int32_t>(text.size()),
        bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
        return std::nullopt;
    text.resize(static_cast<std::size_t>(length));
    return text;
}

// Clean text has no replacement characters and no control characters beyond tab, CR and LF.
// Private-use characters are also refused while guessing: a wrong legacy decode lands there often.
bool is_clean(std::u16string_view text, bool allow_private_use)
{
    for (char16_t unit : text) {
        if (unit == u'\t' || unit == u'\r' || unit == u'\n')
            continue;
        if (unit < 0x20 || (unit >= 0x7F && unit < 0xA0) || unit == 0xFFFD)
            return false;
        if (!allow_private_use && unit >= 0xE000 && unit <= 0xF8FF)
            return false;
    }
    return true;
}

std::string to_utf8(std::u16string_view text)
{
    if (!text.empty() && text.front() == u'\uFEFF')
        text.remove_prefix(1);

    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strToUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
    std::string utf8(static_cast<std::size_t>(length), '\0');
    status = U_ZERO_ERROR;
    u_strToUTF8(
        utf8.data(), length, &length, text.data(), static_cast<int32_t>(text.size()), &status);
    return utf8;
}

// The common case, checked in place: most uploads are UTF-8 and need no conversion at all.
bool is_clean_utf8(std::string_view bytes)
{
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    auto length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0 || c == 0xFFFD || (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
            || (c >= 0x7F && c < 0xA0))
            return false;
    }
    return true;
}

std::optional<DecodedText> decode_clean(
    std::string_view bytes, const Encoding& encoding, bool allow_private_use)
{
    std::optional<std::u16string> text = decode_strict(bytes, encoding.icu_converter);
    if (!text || !is_clean(*text, allow_private_use))
        return std::nullopt;
    return DecodedText { to_utf8(*text), std::string(encoding.canonical) };
}

std::optional<std::string_view> encoding_from_bom(std::string_view bytes)
{
    if (bytes.starts_with("\xEF\xBB\xBF"))
        return "UTF-8";
    if (bytes.starts_with("\xFF\xFE"))
        return "UTF-16LE";
    if (bytes.starts_with("\xFE\xFF"))
        return "UTF-16BE";
    return std::nullopt;
}

// Text in UTF-16 without a BOM still betrays itself: mostly-ASCII content puts a NUL in every
// other byte, on the odd side for little-endian and the even side for big-endian.
std::optional<std::string_view> utf16_from_nul_pattern(std::string_view bytes)
{
    if (bytes.size() < 4 || bytes.size() % 2 != 0)
        return std::nullopt;

    std::size_t sample = std::min<std::size_t>(bytes.size(), 4096);
    std::size_t even_nuls = 0;
    std::size_t odd_nuls = 0;
    for (std::size_t i = 0; i < sample; ++i)
        if (bytes[i] == '\0')
            ++(i % 2 == 0 ? even_nuls : odd_nuls);

    std::size_t pairs = sample / 2;
    if (odd_nuls * 10 >= pairs * 3 && even_nuls * 20 < pairs)
        return "UTF-16LE";
    if (even_nuls * 10 >= pairs * 3 && odd_nuls * 20 < pairs)
        return "UTF-16BE";
    return std::nullopt;
}

// --- legacy CJK encodings -----------------------------------------------------------------------

constexpr std::array<std::string_view, 3> legacy_candidates { "CP949", "GB18030", "Big5" };

// Frequent characters of each language (given names and surnames, business and address words
// included, because that is what imported customer files contain). Mojibake from a wrong decode
// rarely lands on them, which is what separates candidates on samples too short for ICU.
constexpr std::string_view common_korean
    = "이의다는에가고하지기사대서리로자도한을를은정아스수시인어주나일상전보부제구성장국원신여요동영"
      "우화해소문무세오연경마거공회관업계유중개방면선명실물양내위발분통점결들적학비모당식생것만건산"
      "운"
      "저진금현업팀과표팩서울부천광대구울기강충청라북남제주군읍번호층빌딩센터타워김박최조윤임황안송"
      "류"
      "홍고손배백허심노곽차우민엄채방변염추석설길표반왕옥육맹탁편용예봉복태목형피두감음빈온범좌승철"
      "희"
      "숙미혜순준재훈빛님씨객래처담당영업리은행품질합계액단가수량월일년";

constexpr std::string_view common_simplified
    = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对"
      "可"
      "她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同"
      "三"
      "已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定"
      "女"
      "问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化"
      "由"
      "却代军产入先山五太水万市眼体别处总才场师书比住员九性通目华报立马命张活难神数件安表原车白应路"
      "期"
      "常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接许八特觉望"
      "直"
      "服林题建南度统色字请交爱让认算论百运集团科技贸易股份限责厂商店街号区省县镇村楼室深圳广州沪津"
      "庆杭苏销售价格单量额客户联系话址邮箱";

constexpr std::string_view common_traditional = "的一是不了人我在有他這中大來上國個到說們為子和你地"
                                                "出道也時年得就那要下以生會自著去之過家學對可"
                                                "她裡後小麼心多天而能好都然沒日於起還發成事只作當想"
                                                "看文無開手十用主行方又如前所本見經頭面公同三"
                                                "已老從動兩長知民樣現分將外但身些與高意進把法此實回"
                                                "二理美點月明其種聲全工己話兒者向情部正名定女"
                                                "問力機給等幾很業最間新什打便位因重被走電四第門相次"
                                                "東政海口使教西再平真聽世氣信北少關並內加化由"
                                                "卻代軍產入先山五太水萬市眼體別處總才場師書比住員九"
                                                "性通目華報立馬命張活難神數件安表原車白應路期"
                                                "常提感金何更反合放做系計或司利受光王果親界及今京務"
                                                "制解各任至清物臺台象記邊共風戰干接許八特覺望"
                                                "直服林題建南度統色字請交愛讓認算論百運集團科技貿易"
                                                "股份限責廠商店街號區省縣鎮村樓室香港高雄銷售"
                                                "價格單量額客戶聯繫址郵箱";

std::u16string utf16_of(std::string_view utf8)
{
    std::u16string text(utf8.size(), u'\0');
    int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(text.data(), static_cast<int32_t>(text.size()), &length, utf8.data(),
        static_cast<int32_t>(utf8.size()), &status);
    text.resize(static_cast<std::size_t>(length));
    return text;
}

std::string_view common_characters_of(std::string_view candidate)
{
    if (candidate == "CP949")
        return common_korean;
    return candidate == "GB18030" ? common_simplified : common_traditional;
}

bool is_hangul_or_han(char16_t unit)
{
    return (unit >= 0xAC00 && unit <= 0xD7A3) || (unit >= 0x4E00 && unit <= 0x9FFF);
}

// Share of the Hangul/Han characters that are among the language's frequent ones.
double common_share(std::u16string_view text, std::string_view candidate)
{
    std::u16string common = utf16_of(common_characters_of(candidate));
    std::size_t letters = 0;
    std::size_t frequent = 0;
    for (char16_t unit : text) {
        if (!is_hangul_or_han(unit))
            continue;
        ++letters;
        if (common.find(unit) != std::u16string::npos)
            ++frequent;
    }
    return letters == 0 ? 0.0 : static_cast<double>(frequent) / static_cast<double>(letters);
}

// Weight of one double-byte character by where the encoding puts it: the everyday block of the
// language (KS X 1001 Hangul, GB2312 level 1, Big5 frequent characters) scores 1, rarer blocks
// less, punctuation rows are not counted (negative).
double cp949_weight(unsigned char lead, unsigned char trail)
{
    if (lead >= 0xA1 && lead <= 0xAC && trail >= 0xA1)
        return -1;
    if (lead >= 0xB0 && lead <= 0xC8 && trail >= 0xA1)
        return 1.0;
    if (lead <= 0xC6 && trail < 0xA1)
        return 0.75; // the extended Hangul of CP949
    return 0.25; // Hanja
}

double gb18030_weight(unsigned char lead, unsigned char trail)
{
    if (lead >= 0xA1 && lead <= 0xA9 && trail >= 0xA1)
        return -1;
    if (lead >= 0xB0 && lead <= 0xD7 && trail >= 0xA1)
        return 1.0;
    if (lead >= 0xD8 && lead <= 0xF7 && trail >= 0xA1)
        return 0.5;
    return 0.1; // the GBK extension blocks
}

double big5_weight(unsigned char lead, unsigned char trail)
{
    unsigned code = (static_cast<unsigned>(lead) << 8) | trail;
    if (code < 0xA440)
        return -1;
    if (code <= 0xC67E)
        return 1.0;
    if (code >= 0xC940 && code <= 0xF9D5)
        return 0.5;
    return 0.0;
}

// Average weight of the multi-byte characters; only called on bytes that decoded strictly.
double block_fit(std::string_view bytes, std::string_view candidate)
{
    double total = 0;
    std::size_t counted = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0x80 || i + 1 >= bytes.size())
            continue;
        auto trail = static_cast<unsigned char>(bytes[i + 1]);

        double weight = 0;
        if (candidate == "GB18030" && trail >= 0x30 && trail <= 0x39) {
            i += 3; // four-byte sequences encode characters outside GBK, rare in business text
        } else {
            weight = candidate == "CP949" ? cp949_weight(lead, trail)
                : candidate == "GB18030"  ? gb18030_weight(lead, trail)
                                          : big5_weight(lead, trail);
            i += 1;
        }
        if (weight < 0)
            continue;
        total += weight;
        ++counted;
    }
    return counted == 0 ? 0.0 : total / static_cast<double>(counted);
}

struct LegacyCandidate {
    std::string_view encoding;
    std::u16string text;
    double score = 0;
    int icu_confidence = 0;
};

// ICU's statistical detector, given the start of the file; it only knows EUC-KR as a name for
// Korean, whose CP949 superset we decode with.
void add_icu_confidence(std::string_view bytes, std::vector<LegacyCandidate>& candidates)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(
        ucsdet_open(&status), &ucsdet_close);
    std::string_view sample = bytes.substr(0, 64 * 1024);
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t match_count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &match_count, &status);
    if (U_FAILURE(status))
        return;

    for (int32_t i = 0; i < match_count; ++i) {
        std::string name = lower_ascii(ucsdet_getName(matches[i], &status));
        int confidence = ucsdet_getConfidence(matches[i], &status);
        std::string_view encoding = name == "euc-kr" ? "CP949"
            : name == "gb18030"                      ? "GB18030"
            : name == "big5"                         ? "Big5"
                                                     : "";
        for (LegacyCandidate& candidate : candidates)
            if (candidate.encoding == encoding)
                candidate.icu_confidence = std::max(candidate.icu_confidence, confidence);
    }
}

Error undetected(const std::vector<LegacyCandidate>& candidates)
{
    std::vector<std::string_view> names;
    for (const LegacyCandidate& candidate : candidates)
        names.push_back(candidate.encoding);
    if (names.empty())
        names = { "CP949", "GB18030", "Big5", "windows-1252" };

    Error error = Error::make(ErrorCode::encoding_undetected, "encoding_undetected",
        fmt::format("The file's encoding could not be detected; choose one of: {}.",
            fmt::join(names, ", ")));
    for (std::string_view name : names)
        error.fields.push_back({ "encoding", "candidate", std::string(name) });
    return error;
}

Result<DecodedText> detect_legacy(std::string_view bytes)
{
    // only encodings that decode to clean text stay in the running
    std::vector<LegacyCandidate> candidates;
    for (std::string_view encoding : legacy_candidates) {
        std::optional<std::u16string> text
            = decode_strict(bytes, encoding_named(encoding).icu_converter);
        if (!text || !is_clean(*text, false))
            continue;
        double fit = block_fit(bytes, encoding);
        double score = 0.4 * fit + 0.6 * common_share(*text, encoding);
        candidates.push_back({ encoding, std::move(*text), fit < 0.5 ? 0.0 : score, 0 });
    }
    if (candidates.empty())
        return undetected(candidates);
    add_icu_confidence(bytes, candidates);

    // a confident statistical verdict wins on long texts; on short ones ICU stays near 10
    auto by_icu = std::max_element(candidates.begin(), candidates.end(),
        [](auto& a, auto& b) { return a.icu_confidence < b.icu_confidence; });
    if (by_icu->icu_confidence >= 50 && by_icu->score >= 0.5)
        return DecodedText { to_utf8(by_icu->text), std::string(by_icu->encoding) };

    std::sort(
        candidates.begin(), candidates.end(), [](auto& a, auto& b) { return a.score > b.score; });
    const LegacyCandidate& best = candidates.front();
    double runner_up = candidates.size() > 1 ? candidates[1].score : 0.0;
    if (best.score >= 0.6 && best.score - runner_up >= 0.15)
        return DecodedText { to_utf8(best.text), std::string(best.encoding) };
    return undetected(candidates);
}

Result<DecodedText> decode_with_override(std::string_view bytes, std::string_view name)
{
    std::optional<Encoding> encoding = find_encoding(name);
    if (!encoding) {
        Error error = Error::invalid(
            "encoding", "unsupported", fmt::format("The encoding \"{}\" is not supported.", name));
        error.message = error.fields.front().message;
        return error;
    }

    // a BOM of the chosen encoding is no content
    std::string_view content = bytes;
    if (encoding_from_bom(bytes) == encoding->canonical)
        content.remove_prefix(encoding->canonical == "UTF-8" ? 3 : 2);

    if (encoding->canonical == "UTF-8" && is_clean_utf8(content))
        return DecodedText { std::string(content), "UTF-8" };
    if (std::optional<DecodedText> decoded = decode_clean(content, *encoding, true))
        return std::move(*decoded);
    Error error = Error::invalid("encoding", "not_decodable",
        fmt::format(
            "The file is not valid {} text; choose another encoding.", encoding->canonical));
    error.message = error.fields.front().message;
    return error;
}

} // namespace

Error file_too_large(std::size_t size)
{
    return Error::make(ErrorCode::payload_too_large, "file_too_large",
        fmt::format("The file is {:.1f} MiB; files up to {} MiB can be read.",
            static_cast<double>(size) / (1024 * 1024), max_document_bytes / (1024 * 1024)));
}

Result<DecodedText> decode_text(std::string_view bytes, std::string_view encoding_override)
{
    if (bytes.size() > max_document_bytes)
        return file_too_large(bytes.size());
    if (!encoding_override.empty() && lower_ascii(encoding_override) != "auto")
        return decode_with_override(bytes, encoding_override);

    if (std::optional<std::string_view> bom_encoding = encoding_from_bom(bytes))
        return decode_with_override(bytes, *bom_encoding);

    if (is_clean_utf8(bytes))
        return DecodedText { std::string(bytes), "UTF-8" };

    if (std::optional<std::string_view> utf16 = utf16_from_nul_pattern(bytes))
        if (std::optional<DecodedText> decoded = decode_clean(bytes, encoding_named(*utf16), true))
            return std::move(*decoded);

    return detect_legacy(bytes);
}

} // namespace rapport::documents
