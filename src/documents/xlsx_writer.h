// Writing a report table — a header row, data rows and an optional totals row — as an Excel
// workbook (.xlsx) with real numbers and dates, so a user can sum and filter it in Excel.
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rapport::documents {

enum class ColumnType { text, number, date };

struct ReportColumn {
    std::string key; // stable name for programs ("visits")
    std::string label; // header text for people, in the user's language
    ColumnType type = ColumnType::text;
};

// Cells are JSON values: numbers, strings (dates as "YYYY-MM-DD") or null for an empty cell.
struct ReportTable {
    std::string title; // the sheet name; Excel allows at most 31 characters and no []:*?/\ .
    std::vector<ReportColumn> columns;
    std::vector<std::vector<nlohmann::json>> rows;
    std::vector<nlohmann::json> totals; // empty: no totals row
};

// The same table as the API answers it: {columns:[{key,label,type}], rows:[[…]], totals:[…]|null}.
nlohmann::json report_json(const ReportTable& table);

// The workbook's bytes. Number columns hold numbers, date columns Excel dates shown as
// yyyy-mm-dd, the header and totals rows are bold and the header row stays in view when scrolling.
Result<std::string> write_xlsx(const ReportTable& table);

} // namespace rapport::documents
