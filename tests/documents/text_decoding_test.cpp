#include "documents/text_decoding.h"

#include <gtest/gtest.h>
#include <random>
#include <string>
#include <unicode/ucnv.h>

namespace rapport::documents {
namespace {

// Re-encodes UTF-8 test text into a legacy encoding, the way a Korean or Chinese Excel saves CSV.
std::string encode_as(const std::string& utf8, const char* icu_converter)
{
    UErrorCode status = U_ZERO_ERROR;
    std::string bytes(utf8.size() * 4 + 16, '\0');
    int32_t length
        = ucnv_convert(icu_converter, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
            utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
    bytes.resize(static_cast<std::size_t>(length));
    return bytes;
}

std::string bytes_of(std::initializer_list<unsigned char> values)
{
    return std::string(values.begin(), values.end());
}

std::vector<std::string> candidates_of(const Error& error)
{
    std::vector<std::string> names;
    for (const FieldError& field : error.fields) {
        EXPECT_EQ(field.path, "encoding");
        EXPECT_EQ(field.code, "candidate");
        names.push_back(field.message);
    }
    return names;
}

// "한빛상사,홍길동\n" in CP949: 한 C7D1, 빛 BAFB, 상 BBF3, 사 BBE7, 홍 C8AB, 길 B1E6, 동 B5BF.
const std::string korean_line = bytes_of({ 0xC7, 0xD1, 0xBA, 0xFB, 0xBB, 0xF3, 0xBB, 0xE7, 0x2C,
    0xC8, 0xAB, 0xB1, 0xE6, 0xB5, 0xBF, 0x0A });
// "회사명,대표자\n" in CP949: 회 C8B8, 사 BBE7, 명 B8ED, 대 B4EB, 표 C7A5, 자 C0DA.
const std::string korean_header = bytes_of(
    { 0xC8, 0xB8, 0xBB, 0xE7, 0xB8, 0xED, 0x2C, 0xB4, 0xEB, 0xC7, 0xA5, 0xC0, 0xDA, 0x0A });

TEST(DecodeText, KoreanLineInCp949)
{
    Result<DecodedText> decoded = decode_text(korean_line);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "CP949");
    EXPECT_EQ(decoded->utf8, "한빛상사,홍길동\n");
}

TEST(DecodeText, TwoLineKoreanSampleInCp949)
{
    Result<DecodedText> decoded = decode_text(korean_header + korean_line);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "CP949");
    EXPECT_EQ(decoded->utf8, "회사명,대표자\n한빛상사,홍길동\n");
}

TEST(DecodeText, SimplifiedChineseInGb18030)
{
    // 华 BBAA, 夏 CFC4, 集 BCAF, 团 CDC5
    Result<DecodedText> decoded
        = decode_text(bytes_of({ 0xBB, 0xAA, 0xCF, 0xC4, 0xBC, 0xAF, 0xCD, 0xC5 }));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "GB18030");
    EXPECT_EQ(decoded->utf8, "华夏集团");
}

TEST(DecodeText, TraditionalChineseInBig5)
{
    // 華 B5D8, 夏 AE4C, 集 B6B0, 團 B9CE
    Result<DecodedText> decoded
        = decode_text(bytes_of({ 0xB5, 0xD8, 0xAE, 0x4C, 0xB6, 0xB0, 0xB9, 0xCE }));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "Big5");
    EXPECT_EQ(decoded->utf8, "華夏集團");
}

TEST(DecodeText, Utf16LittleEndianWithBom)
{
    // "名,A\n" : BOM FFFE, 名 U+540D, ',' , 'A', LF
    Result<DecodedText> decoded
        = decode_text(bytes_of({ 0xFF, 0xFE, 0x0D, 0x54, 0x2C, 0x00, 0x41, 0x00, 0x0A, 0x00 }));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "UTF-16LE");
    EXPECT_EQ(decoded->utf8, "名,A\n");
}

TEST(DecodeText, Utf16BigEndianWithBom)
{
    Result<DecodedText> decoded = decode_text(bytes_of({ 0xFE, 0xFF, 0x00, 0x41, 0xD5, 0x5C }));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "UTF-16BE");
    EXPECT_EQ(decoded->utf8, "A한");
}

TEST(DecodeText, Utf16LittleEndianWithoutBomByNulPattern)
{
    std::u16string text = u"Name,City\nMaria,Berlin\n";
    std::string bytes;
    for (char16_t unit : text) {
        bytes += static_cast<char>(unit & 0xFF);
        bytes += static_cast<char>(unit >> 8);
    }
    Result<DecodedText> decoded = decode_text(bytes);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "UTF-16LE");
    EXPECT_EQ(decoded->utf8, "Name,City\nMaria,Berlin\n");
}

TEST(DecodeText, Utf8WithBomLosesTheBom)
{
    Result<DecodedText> decoded = decode_text("\xEF\xBB\xBFname,이름\n");
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "UTF-8");
    EXPECT_EQ(decoded->utf8, "name,이름\n");
}

TEST(DecodeText, PlainUtf8AndAscii)
{
    Result<DecodedText> decoded = decode_text("Avda. de la Constitución 2222");
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, "UTF-8");
    EXPECT_EQ(decoded->utf8, "Avda. de la Constitución 2222");

    Result<DecodedText> empty = decode_text("");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->utf8, "");
}

TEST(DecodeText, RandomBytesAreUndetected)
{
    std::mt19937 generator(20260301);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string bytes;
    for (int i = 0; i < 4096; ++i)
        bytes += static_cast<char>(byte(generator));

    Result<DecodedText> decoded = decode_text(bytes);
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, ErrorCode::encoding_undetected);
    EXPECT_EQ(decoded.error().detail_code, "encoding_undetected");
    EXPECT_NE(decoded.error().message.find("could not be detected"), std::string::npos);
    EXPECT_FALSE(candidates_of(decoded.error()).empty());
}

TEST(DecodeText, LatinGarbageIsUndetectedRatherThanMisread)
{
    // windows-1252 "Café,Müller\nRené,Straße\n": not UTF-8, and no CJK reading is clean
    Result<DecodedText> decoded = decode_text("Caf\xE9,M\xFCller\nRen\xE9,Stra\xDF"
                                              "e\n");
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, ErrorCode::encoding_undetected);
    std::vector<std::string> candidates = candidates_of(decoded.error());
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), "CP949"), candidates.end());
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), "windows-1252"), candidates.end());
}

TEST(DecodeText, HighBytesThatDecodeAsCjkGibberishAreUndetected)
{
    // Latin-1 accented pairs such as "ÉÊ" happen to be valid double-byte codes everywhere
    Result<DecodedText> decoded = decode_text("\xC9\xCA\xE8\xE9\xF4\xF5");
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, ErrorCode::encoding_undetected);
}

TEST(DecodeText, RealisticKoreanCsvInCp949)
{
    std::string csv = "거래처명,대표자,전화번호,주소,담당자\n";
    const char* names[] = { "한빛상사", "대한무역", "서울전자", "부산물산", "미래산업" };
    const char* people[] = { "홍길동", "김철수", "이영희", "박민수", "최지은" };
    const char* cities[] = { "서울특별시 강남구 테헤란로", "부산광역시 해운대구 센텀로",
        "인천광역시 남동구 논현로", "대구광역시 중구 동성로" };
    for (int i = 0; i < 60; ++i)
        csv += std::string("(주)") + names[i % 5] + "," + people[(i * 3) % 5] + ",02-555-"
            + std::to_string(1000 + i) + "," + cities[i % 4] + " " + std::to_string(i + 1) + "길,"
            + people[i % 5] + "\n";

    Result<DecodedText> decoded = decode_text(encode_as(csv, "windows-949-2000"));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded->encoding, "CP949");
    EXPECT_EQ(decoded->utf8, csv);
}

TEST(DecodeText, RealisticChineseCsvInGb18030AndBig5)
{
    std::string simplified = "客户名称,联系人,电话,地址\n";
    std::string traditional = "客戶名稱,聯絡人,電話,地址\n";
    for (int i = 0; i < 40; ++i) {
        simplified += "华夏集团有限公司,张伟,010-8888" + std::to_string(1000 + i)
            + ",北京市朝阳区建国路" + std::to_string(i + 1) + "号\n";
        traditional += "華夏集團股份有限公司,陳大文,02-2345" + std::to_string(1000 + i)
            + ",台北市信義區忠孝東路" + std::to_string(i + 1) + "號\n";
    }

    Result<DecodedText> gb = decode_text(encode_as(simplified, "gb18030"));
    ASSERT_TRUE(gb) << gb.error().message;
    EXPECT_EQ(gb->encoding, "GB18030");
    EXPECT_EQ(gb->utf8, simplified);

    Result<DecodedText> big5 = decode_text(encode_as(traditional, "windows-950-2000"));
    ASSERT_TRUE(big5) << big5.error().message;
    EXPECT_EQ(big5->encoding, "Big5");
    EXPECT_EQ(big5->utf8, traditional);
}

TEST(DecodeText, OverrideAcceptsAliasesAndReportsTheCanonicalName)
{
    Result<DecodedText> euc_kr = decode_text(korean_line, "euc-kr");
    ASSERT_TRUE(euc_kr);
    EXPECT_EQ(euc_kr->encoding, "EUC-KR");
    EXPECT_EQ(euc_kr->utf8, "한빛상사,홍길동\n");

    Result<DecodedText> cp949 = decode_text(korean_line, "cp949");
    ASSERT_TRUE(cp949);
    EXPECT_EQ(cp949->encoding, "CP949");

    Result<DecodedText> gb2312 = decode_text(bytes_of({ 0xBB, 0xAA, 0xCF, 0xC4 }), "gb2312");
    ASSERT_TRUE(gb2312);
    EXPECT_EQ(gb2312->encoding, "GBK");
    EXPECT_EQ(gb2312->utf8, "华夏");

    Result<DecodedText> latin = decode_text("Caf\xE9", "Windows-1252");
    ASSERT_TRUE(latin);
    EXPECT_EQ(latin->encoding, "windows-1252");
    EXPECT_EQ(latin->utf8, "Café");

    Result<DecodedText> automatic = decode_text(korean_line, "AUTO");
    ASSERT_TRUE(automatic);
    EXPECT_EQ(automatic->encoding, "CP949");
}

TEST(DecodeText, OverrideThatDoesNotDecodeCleanlyIsInvalidInput)
{
    Result<DecodedText> decoded = decode_text(korean_line, "UTF-8");
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, ErrorCode::invalid_input);
    ASSERT_EQ(decoded.error().fields.size(), 1u);
    EXPECT_EQ(decoded.error().fields[0].path, "encoding");
    EXPECT_EQ(decoded.error().fields[0].code, "not_decodable");
}

TEST(DecodeText, UnknownOverrideIsInvalidInput)
{
    Result<DecodedText> decoded = decode_text("abc", "KOI8-R");
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, ErrorCode::invalid_input);
    ASSERT_EQ(decoded.error().fields.size(), 1u);
    EXPECT_EQ(decoded.error().fields[0].path, "encoding");
    EXPECT_EQ(decoded.error().fields[0].code, "unsupported");
}

TEST(DecodeText, RefusesFilesOverTheLimit)
{
    std::string bytes(max_document_bytes + 1, 'a');
    Result<DecodedText> decoded = decode_text(bytes);
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, ErrorCode::payload_too_large);
    EXPECT_EQ(decoded.error().detail_code, "file_too_large");
}

} // namespace
} // namespace rapport::documents
