#include "documents/table_reader.h"
#include "documents/text_decoding.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>
#include <xlsxwriter.h>

namespace rapport::documents {
namespace {

using Row = std::vector<std::string>;

std::string small_workbook()
{
    std::filesystem::path path = std::filesystem::temp_directory_path()
        / ("rapport-table-" + std::to_string(::getpid()) + ".xlsx");
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    worksheet_write_string(sheet, 0, 0, "name", nullptr);
    worksheet_write_string(sheet, 0, 1, "qty", nullptr);
    worksheet_write_string(sheet, 1, 0, "华夏集团", nullptr);
    worksheet_write_number(sheet, 1, 1, 7, nullptr);
    EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);

    std::ifstream file(path, std::ios::binary);
    std::stringstream content;
    content << file.rdbuf();
    std::filesystem::remove(path);
    return content.str();
}

TEST(ReadTable, SpreadsheetByContentWhateverTheName)
{
    Result<Table> table = read_table(small_workbook(), "customers.csv");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->format, "xlsx");
    EXPECT_EQ(table->headers, (Row { "name", "qty" }));
    ASSERT_EQ(table->rows.size(), 1u);
    EXPECT_EQ(table->rows[0], (Row { "华夏集团", "7" }));
}

TEST(ReadTable, TextIsReadAsCsvWithTheOptions)
{
    Result<Table> table = read_table("a|b\n1|2\n", "export.xlsx", CsvOptions { "UTF-8", '|' });
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->format, "csv");
    EXPECT_EQ(table->delimiter, '|');
    EXPECT_EQ(table->headers, (Row { "a", "b" }));
    EXPECT_EQ(table->rows[0], (Row { "1", "2" }));
}

TEST(ReadTable, ErrorsNameTheFile)
{
    Result<Table> csv = read_table("a\n\"open\n", "leads.csv");
    ASSERT_FALSE(csv);
    EXPECT_EQ(csv.error().code, ErrorCode::invalid_input);
    EXPECT_TRUE(csv.error().message.starts_with("leads.csv: ")) << csv.error().message;

    Result<Table> xlsx = read_table("PK\x03\x04"
                                    "broken",
        "orders.xlsx");
    ASSERT_FALSE(xlsx);
    EXPECT_EQ(xlsx.error().code, ErrorCode::invalid_input);
    EXPECT_TRUE(xlsx.error().message.starts_with("orders.xlsx: ")) << xlsx.error().message;
}

TEST(ReadTable, RefusesFilesOverFiftyMebibytes)
{
    std::string bytes(max_document_bytes + 1, 'x');
    Result<Table> table = read_table(bytes, "huge.csv");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::payload_too_large);
    EXPECT_EQ(table.error().detail_code, "file_too_large");

    Result<Table> at_limit = read_table(std::string(max_document_bytes, 'x'), "big.csv");
    EXPECT_TRUE(at_limit);
}

} // namespace
} // namespace rapport::documents
