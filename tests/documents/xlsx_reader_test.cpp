#include "documents/text_decoding.h"
#include "documents/xlsx_reader.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>
#include <utility>
#include <xlsxwriter.h>
#include <zip.h>

namespace rapport::documents {
namespace {

using Row = std::vector<std::string>;

class XlsxReaderTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        m_directory = std::filesystem::temp_directory_path()
            / ("rapport-xlsx-" + std::to_string(::getpid()) + "-" + test->name());
        std::filesystem::create_directories(m_directory);
    }
    void TearDown() override { std::filesystem::remove_all(m_directory); }

    std::string path_of(const std::string& name) const { return (m_directory / name).string(); }

    static std::string slurp(const std::string& path)
    {
        std::ifstream file(path, std::ios::binary);
        std::stringstream content;
        content << file.rdbuf();
        return content.str();
    }

    // A zip holding exactly the given parts, for workbooks libxlsxwriter would never write.
    std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) const
    {
        std::string path = path_of("handmade.zip");
        int error = 0;
        zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        EXPECT_NE(archive, nullptr);
        for (const auto& [name, content] : parts) {
            zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
            EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
        }
        EXPECT_EQ(zip_close(archive), 0);
        return slurp(path);
    }

    Table read_ok(std::string_view bytes) const
    {
        Result<Table> table = read_xlsx(bytes);
        EXPECT_TRUE(table) << (table ? "" : table.error().message);
        return table ? std::move(*table) : Table {};
    }

private:
    std::filesystem::path m_directory;
};

TEST_F(XlsxReaderTest, ReadsTheCellsLibxlsxwriterWrote)
{
    std::string path = path_of("customers.xlsx");
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "거래처");
    lxw_worksheet* second = workbook_add_worksheet(workbook, "Other");
    lxw_format* iso_date = workbook_add_format(workbook);
    format_set_num_format(iso_date, "yyyy-mm-dd");
    lxw_format* builtin_date = workbook_add_format(workbook);
    format_set_num_format_index(builtin_date, 14);
    lxw_format* korean_date = workbook_add_format(workbook);
    format_set_num_format(korean_date, "yyyy\"년\" m\"월\" d\"일\"");
    lxw_format* time_only = workbook_add_format(workbook);
    format_set_num_format(time_only, "h:mm");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);

    // headers, with spaces the reader trims
    const char* headers[] = { " 거래처명 ", "Qty", "Price", "Since", "Note", "Active", "Time" };
    for (lxw_col_t column = 0; column < 7; ++column)
        worksheet_write_string(sheet, 0, column, headers[column], nullptr);

    // row 2: Note (E2) left empty in the middle
    lxw_datetime march_first = { 2026, 3, 1, 0, 0, 0 };
    worksheet_write_string(sheet, 1, 0, "한빛상사", nullptr);
    worksheet_write_number(sheet, 1, 1, 18, nullptr);
    worksheet_write_number(sheet, 1, 2, 0.15, nullptr);
    worksheet_write_datetime(sheet, 1, 3, &march_first, iso_date);
    worksheet_write_boolean(sheet, 1, 5, 1, nullptr);
    worksheet_write_number(sheet, 1, 6, 0.5, time_only);

    // row 3: Qty (B3) empty, a built-in date format, rich text
    lxw_rich_string_tuple plain = { nullptr, const_cast<char*>("Call ") };
    lxw_rich_string_tuple strong = { bold, const_cast<char*>("홍길동") };
    lxw_rich_string_tuple* fragments[] = { &plain, &strong, nullptr };
    worksheet_write_string(sheet, 2, 0, "Kim & Co.", nullptr);
    worksheet_write_number(sheet, 2, 2, 1234567.5, nullptr);
    worksheet_write_number(sheet, 2, 3, 61, builtin_date);
    worksheet_write_rich_string(sheet, 2, 4, fragments, nullptr);
    worksheet_write_boolean(sheet, 2, 5, 0, nullptr);

    // row 4 blank; row 5 with a custom Korean date format and a far column (AA5)
    worksheet_write_number(sheet, 4, 3, 59, korean_date);
    worksheet_write_string(sheet, 4, 26, "far", nullptr);

    worksheet_write_string(second, 0, 0, "not the first sheet", nullptr);
    ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

    Table table = read_ok(slurp(path));
    EXPECT_EQ(table.format, "xlsx");
    EXPECT_EQ(
        table.headers, (Row { "거래처명", "Qty", "Price", "Since", "Note", "Active", "Time" }));
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[0], (Row { "한빛상사", "18", "0.15", "2026-03-01", "", "TRUE", "0.5" }));
    EXPECT_EQ(table.rows[1],
        (Row { "Kim & Co.", "", "1234567.5", "1900-03-01", "Call 홍길동", "FALSE", "" }));

    Row far(27);
    far[3] = "1900-02-28";
    far[26] = "far";
    EXPECT_EQ(table.rows[2], far);
}

TEST_F(XlsxReaderTest, ReadsPrefixedXmlInlineStringsAndCellsWithoutReferences)
{
    std::string workbook = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <x:workbookPr date1904="1"/>
  <x:sheets><x:sheet name="Data" sheetId="1" r:id="rId7"/></x:sheets>
</x:workbook>)";
    std::string relations = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="styles" Target="styles.xml"/>
  <Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/>
</Relationships>)";
    std::string styles = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs>
</x:styleSheet>)";
    std::string shared = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:si><x:t>名称</x:t></x:si>
  <x:si><x:r><x:t>華夏</x:t></x:r><x:r><x:t xml:space="preserve">集團 </x:t></x:r>
    <x:rPh sb="0" eb="2"><x:t>ホア</x:t></x:rPh></x:si>
</x:sst>)";
    std::string sheet = R"(<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:sheetData>
    <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>日期</x:t></x:is></x:c>
      <x:c t="str"><x:v>合计</x:v></x:c></x:row>
    <x:row><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c>
      <x:c t="e"><x:v>#N/A</x:v></x:c></x:row>
  </x:sheetData>
</x:worksheet>)";

    Table table = read_ok(make_zip({ { "xl/workbook.xml", workbook },
        { "xl/_rels/workbook.xml.rels", relations }, { "xl/styles.xml", styles },
        { "xl/sharedStrings.xml", shared }, { "xl/worksheets/data.xml", sheet } }));
    EXPECT_EQ(table.headers, (Row { "名称", "日期", "合计" }));
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0], (Row { "華夏集團 ", "1904-01-01", "#N/A" }));
}

TEST_F(XlsxReaderTest, NotAZipIsInvalidInput)
{
    Result<Table> table = read_xlsx("PK\x03\x04 this is not really a zip archive");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::invalid_input);
    EXPECT_NE(table.error().message.find("not a zip archive"), std::string::npos);
}

TEST_F(XlsxReaderTest, ZipWithoutWorksheetIsInvalidInput)
{
    Result<Table> table = read_xlsx(make_zip({ { "readme.txt", "hello" } }));
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::invalid_input);
    EXPECT_NE(table.error().message.find("no worksheet"), std::string::npos);
}

TEST_F(XlsxReaderTest, RefusesFilesOverTheLimit)
{
    std::string bytes(max_document_bytes + 1, '\0');
    Result<Table> table = read_xlsx(bytes);
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::payload_too_large);
    EXPECT_EQ(table.error().detail_code, "file_too_large");
}

} // namespace
} // namespace rapport::documents
