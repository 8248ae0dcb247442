#include "documents/xlsx_writer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <xlsxwriter.h>

namespace rapport::documents {

namespace {

const char* type_name(ColumnType type)
{
    switch (type) {
    case ColumnType::number:
        return "number";
    case ColumnType::date:
        return "date";
    case ColumnType::text:
        break;
    }
    return "text";
}

std::string sheet_name(const std::string& title)
{
    std::string name;
    for (char c : title)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos)
            name.push_back(c);
    // cut at 31 bytes without splitting a UTF-8 sequence
    if (name.size() > 31) {
        size_t cut = 31;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
            --cut;
        name.resize(cut);
    }
    return name.empty() ? "Sheet1" : name;
}

void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const nlohmann::json& cell,
    ColumnType type, lxw_format* format, lxw_format* date_format)
{
    if (cell.is_null())
        return;
    if (cell.is_number()) {
        worksheet_write_number(sheet, row, column, cell.get<double>(), format);
        return;
    }
    auto text = cell.is_string() ? cell.get<std::string>() : cell.dump();
    if (type == ColumnType::date && text.size() == 10 && text[4] == '-' && text[7] == '-') {
        lxw_datetime date {};
        date.year = std::atoi(text.substr(0, 4).c_str());
        date.month = std::atoi(text.substr(5, 2).c_str());
        date.day = std::atoi(text.substr(8, 2).c_str());
        worksheet_write_datetime(sheet, row, column, &date, date_format);
        return;
    }
    worksheet_write_string(sheet, row, column, text.c_str(), format);
}

} // namespace

nlohmann::json report_json(const ReportTable& table)
{
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& column : table.columns)
        columns.push_back({ { "key", column.key }, { "label", column.label },
            { "type", type_name(column.type) } });
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : table.rows)
        rows.push_back(row);
    return { { "columns", columns }, { "rows", rows },
        { "totals", table.totals.empty() ? nlohmann::json() : nlohmann::json(table.totals) } };
}

Result<std::string> write_xlsx(const ReportTable& table)
{
    // libxlsxwriter 1.1.4 writes only to a file: write a private temporary one and read it back
    auto directory = std::filesystem::temp_directory_path();
    std::string pattern = (directory / "rapport-report-XXXXXX").string();
    int descriptor = mkstemp(pattern.data());
    if (descriptor < 0)
        return Error::make(ErrorCode::internal, "export_failed",
            "Could not create a temporary file for the workbook.");
    close(descriptor);
    struct Remove {
        std::string path;
        ~Remove() { std::remove(path.c_str()); }
    } remove { pattern };

    lxw_workbook* workbook = workbook_new(pattern.c_str());
    if (!workbook)
        return Error::make(ErrorCode::internal, "export_failed", "Could not start the workbook.");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name(table.title).c_str());
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* date_format = workbook_add_format(workbook);
    format_set_num_format(date_format, "yyyy-mm-dd");
    lxw_format* bold_date = workbook_add_format(workbook);
    format_set_bold(bold_date);
    format_set_num_format(bold_date, "yyyy-mm-dd");

    for (size_t c = 0; c < table.columns.size(); ++c) {
        worksheet_write_string(sheet, 0, lxw_col_t(c), table.columns[c].label.c_str(), bold);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c),
            table.columns[c].type == ColumnType::text ? 24 : 12, nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    lxw_row_t row = 1;
    for (const auto& cells : table.rows) {
        for (size_t c = 0; c < cells.size() && c < table.columns.size(); ++c)
            write_cell(
                sheet, row, lxw_col_t(c), cells[c], table.columns[c].type, nullptr, date_format);
        ++row;
    }
    if (!table.totals.empty())
        for (size_t c = 0; c < table.totals.size() && c < table.columns.size(); ++c)
            write_cell(
                sheet, row, lxw_col_t(c), table.totals[c], table.columns[c].type, bold, bold_date);

    if (auto error = workbook_close(workbook); error != LXW_NO_ERROR)
        return Error::make(ErrorCode::internal, "export_failed",
            std::string("Could not write the workbook: ") + lxw_strerror(error));
    std::ifstream file(pattern, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

} // namespace rapport::documents
