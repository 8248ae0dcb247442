#include "documents/xlsx_reader.h"
#include "documents/xlsx_writer.h"

#include <gtest/gtest.h>

using namespace rapport::documents;
using nlohmann::json;

namespace {

ReportTable sample()
{
    ReportTable table;
    table.title = "Visits [by] region: 2026/12 and a very long title";
    table.columns = { { "region", "지역", ColumnType::text }, { "day", "Day", ColumnType::date },
        { "visits", "Visits", ColumnType::number } };
    table.rows
        = { { "서울", "2026-12-04", 3 }, { "上海", "2026-12-05", 12 }, { nullptr, nullptr, 0 } };
    table.totals = { "Total", nullptr, 15 };
    return table;
}

} // namespace

TEST(XlsxWriter, WritesHeaderRowsAndTotalsThatReadBack)
{
    auto bytes = write_xlsx(sample());
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    ASSERT_EQ(bytes->substr(0, 2), "PK");
    auto table = read_xlsx(*bytes);
    ASSERT_TRUE(table.ok()) << table.error().message;
    EXPECT_EQ(table->headers, (std::vector<std::string> { "지역", "Day", "Visits" }));
    ASSERT_EQ(table->rows.size(), 4u);
    // numbers are stored as numbers and dates as date-formatted serials, which read back as ISO
    // dates
    EXPECT_EQ(table->rows[0], (std::vector<std::string> { "서울", "2026-12-04", "3" }));
    EXPECT_EQ(table->rows[1], (std::vector<std::string> { "上海", "2026-12-05", "12" }));
    EXPECT_EQ(table->rows[2][2], "0");
    EXPECT_EQ(table->rows[3][0], "Total");
    EXPECT_EQ(table->rows[3][2], "15");
}

TEST(XlsxWriter, TableWithoutTotalsOrRows)
{
    ReportTable table;
    table.title = "";
    table.columns = { { "bucket", "Bucket", ColumnType::text } };
    auto bytes = write_xlsx(table);
    ASSERT_TRUE(bytes.ok());
    auto read = read_xlsx(*bytes);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->headers, (std::vector<std::string> { "Bucket" }));
    EXPECT_TRUE(read->rows.empty());
}

TEST(XlsxWriter, JsonShapeOfAReport)
{
    auto body = report_json(sample());
    EXPECT_EQ(body["columns"][2],
        (json { { "key", "visits" }, { "label", "Visits" }, { "type", "number" } }));
    EXPECT_EQ(body["columns"][1]["type"], "date");
    EXPECT_EQ(body["rows"][1], (json { "上海", "2026-12-05", 12 }));
    EXPECT_EQ(body["totals"], (json { "Total", nullptr, 15 }));
    ReportTable bare;
    EXPECT_TRUE(report_json(bare)["totals"].is_null());
}
