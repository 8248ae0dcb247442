#include "documents/csv_reader.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace rapport::documents {
namespace {

using Row = std::vector<std::string>;

Table read_ok(std::string_view bytes, const CsvOptions& options = {})
{
    Result<Table> table = read_csv(bytes, options);
    EXPECT_TRUE(table) << (table ? "" : table.error().message);
    return table ? std::move(*table) : Table {};
}

TEST(ReadCsv, CommaSeparatedWithCrlfLineEnds)
{
    Table table = read_ok("name,city\r\nAlfreds,Berlin\r\nAna,México D.F.\r\n");
    EXPECT_EQ(table.format, "csv");
    EXPECT_EQ(table.encoding, "UTF-8");
    EXPECT_EQ(table.delimiter, ',');
    EXPECT_EQ(table.headers, (Row { "name", "city" }));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0], (Row { "Alfreds", "Berlin" }));
    EXPECT_EQ(table.rows[1], (Row { "Ana", "México D.F." }));
}

TEST(ReadCsv, SemicolonSeparatedAsWrittenByEuropeanExcel)
{
    Table table = read_ok("Name;Preis;Ort\nSchraube;0,15;Köln\nMutter;1,20;Bonn\n");
    EXPECT_EQ(table.delimiter, ';');
    EXPECT_EQ(table.headers, (Row { "Name", "Preis", "Ort" }));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0], (Row { "Schraube", "0,15", "Köln" }));
}

TEST(ReadCsv, TabSeparated)
{
    Table table = read_ok("code\tname, full\tqty\nA-1\tBolt, steel\t18\n");
    EXPECT_EQ(table.delimiter, '\t');
    EXPECT_EQ(table.headers, (Row { "code", "name, full", "qty" }));
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0], (Row { "A-1", "Bolt, steel", "18" }));
}

TEST(ReadCsv, ExplicitDelimiterWins)
{
    Table table = read_ok("a;b,c\n1;2,3\n", CsvOptions { "", ',' });
    EXPECT_EQ(table.delimiter, ',');
    EXPECT_EQ(table.headers, (Row { "a;b", "c" }));
    EXPECT_EQ(table.rows[0], (Row { "1;2", "3" }));
}

TEST(ReadCsv, QuotedFieldsKeepDelimitersNewlinesAndDoubledQuotes)
{
    Table table = read_ok("name,address,note\n"
                          "\"Kim, Ltd.\",\"12 Main St\r\nSuite 4\",\"say \"\"hi\"\"\"\n"
                          "\"\",plain,\"multi\nline\"\n");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0], (Row { "Kim, Ltd.", "12 Main St\r\nSuite 4", "say \"hi\"" }));
    EXPECT_EQ(table.rows[1], (Row { "", "plain", "multi\nline" }));
}

TEST(ReadCsv, StrayQuoteInsideAnUnquotedFieldIsText)
{
    Table table = read_ok("size,label\n12\",Pipe 12\" long\n");
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0], (Row { "12\"", "Pipe 12\" long" }));
}

TEST(ReadCsv, UnterminatedQuoteNamesTheLine)
{
    Result<Table> table = read_csv("name,note\nKim,ok\nLee,\"never closed\nstill open\n");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(table.error().detail_code, "csv_unterminated_quote");
    EXPECT_NE(table.error().message.find("line 3"), std::string::npos) << table.error().message;
}

TEST(ReadCsv, HeadersTrimmedBomStrippedBlankLinesDropped)
{
    Table table = read_ok("\xEF\xBB\xBF\n\n  name , city\n\nKim,Seoul\n\r\n\n");
    EXPECT_EQ(table.encoding, "UTF-8");
    EXPECT_EQ(table.headers, (Row { "name", "city" }));
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0], (Row { "Kim", "Seoul" }));
}

TEST(ReadCsv, ShortRowsPaddedLongRowsKeepExtras)
{
    Table table = read_ok("a,b,c\n1\n1,2,3,4\n1,2,3");
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[0], (Row { "1", "", "" }));
    EXPECT_EQ(table.rows[1], (Row { "1", "2", "3", "4" }));
    EXPECT_EQ(table.rows[2], (Row { "1", "2", "3" }));
}

TEST(ReadCsv, EmptyInputGivesAnEmptyTable)
{
    Table table = read_ok("");
    EXPECT_TRUE(table.headers.empty());
    EXPECT_TRUE(table.rows.empty());
}

TEST(ReadCsv, KoreanCp949FileIsDecoded)
{
    // "회사명,대표자\n한빛상사,홍길동\n" in CP949
    const unsigned char bytes[] = { 0xC8, 0xB8, 0xBB, 0xE7, 0xB8, 0xED, 0x2C, 0xB4, 0xEB, 0xC7,
        0xA5, 0xC0, 0xDA, 0x0A, 0xC7, 0xD1, 0xBA, 0xFB, 0xBB, 0xF3, 0xBB, 0xE7, 0x2C, 0xC8, 0xAB,
        0xB1, 0xE6, 0xB5, 0xBF, 0x0A };
    Table table = read_ok(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
    EXPECT_EQ(table.encoding, "CP949");
    EXPECT_EQ(table.headers, (Row { "회사명", "대표자" }));
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0], (Row { "한빛상사", "홍길동" }));
}

TEST(ReadCsv, UndetectableEncodingIsPassedOn)
{
    Result<Table> table = read_csv("a,b\n\xC9\xCA,\xE8\xE9\n");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::encoding_undetected);

    Result<Table> chosen = read_csv("a,b\n\xC9\xCA,\xE8\xE9\n", CsvOptions { "windows-1252", 0 });
    ASSERT_TRUE(chosen);
    EXPECT_EQ(chosen->rows[0], (Row { "ÉÊ", "èé" }));
}

TEST(ReadCsv, NorthwindCustomers)
{
    std::ifstream file(
        std::string(RAPPORT_SHARED_DATA) + "/northwind/customers.csv", std::ios::binary);
    ASSERT_TRUE(file);
    std::stringstream content;
    content << file.rdbuf();

    Table table = read_ok(content.str());
    EXPECT_EQ(table.headers.size(), 11u);
    EXPECT_EQ(table.headers[0], "CustomerID");
    EXPECT_EQ(table.headers[2], "ContactName");
    EXPECT_EQ(table.headers[4], "Address");
    ASSERT_EQ(table.rows.size(), 91u);

    auto find_row = [&](std::string_view id) -> const Row* {
        for (const Row& row : table.rows)
            if (row[0] == id)
                return &row;
        return nullptr;
    };
    const Row* alfki = find_row("ALFKI");
    ASSERT_NE(alfki, nullptr);
    EXPECT_EQ((*alfki)[2], "Maria Anders");
    const Row* anatr = find_row("ANATR");
    ASSERT_NE(anatr, nullptr);
    EXPECT_EQ((*anatr)[4], "Avda. de la Constitución 2222");
}

} // namespace
} // namespace rapport::documents
