// An .xlsx file is a zip of XML parts: the workbook lists the sheets, its relationships name each
// sheet's part, shared strings and styles are kept apart from the cells that use them.
#include "documents/xlsx_reader.h"

#include "documents/text_decoding.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>
#include <zip.h>

namespace rapport::documents {

namespace {

// Generous for any real sheet of a 50 MiB upload, small enough to stop a zip bomb.
constexpr zip_uint64_t max_part_bytes = 512ull * 1024 * 1024;

Error not_a_workbook(std::string_view why)
{
    return Error::make(ErrorCode::invalid_input, "xlsx_unreadable",
        fmt::format("The file is not a readable Excel workbook: {}.", why));
}

class ZipArchive {
public:
    static std::optional<ZipArchive> open(std::string_view bytes)
    {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source == nullptr)
            return std::nullopt;
        zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
        zip_error_fini(&error);
        if (archive == nullptr) {
            zip_source_free(source);
            return std::nullopt;
        }
        return ZipArchive(archive);
    }

    // The part's bytes, or nothing when the archive lacks it or it cannot be inflated.
    std::optional<std::string> read(const std::string& name) const
    {
        zip_stat_t stat;
        if (zip_stat(m_archive.get(), name.c_str(), 0, &stat) != 0 || stat.size > max_part_bytes)
            return std::nullopt;

        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
            zip_fopen(m_archive.get(), name.c_str(), 0), &zip_fclose);
        if (!file)
            return std::nullopt;
        std::string content(stat.size, '\0');
        zip_int64_t read = zip_fread(file.get(), content.data(), stat.size);
        if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
            return std::nullopt;
        return content;
    }

private:
    explicit ZipArchive(zip_t* archive)
        : m_archive(archive, &zip_discard)
    {
    }

    std::unique_ptr<zip_t, decltype(&zip_discard)> m_archive;
};

// Element names without their namespace prefix: generators differ in the prefixes they use.
std::string_view local_name(const pugi::xml_node& node)
{
    std::string_view name = node.name();
    std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name)
{
    for (pugi::xml_node node : parent.children())
        if (local_name(node) == name)
            return node;
    return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view name)
{
    std::vector<pugi::xml_node> found;
    for (pugi::xml_node node : parent.children())
        if (local_name(node) == name)
            found.push_back(node);
    return found;
}

// Attributes such as r:id carry a prefix too.
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name)
{
    for (pugi::xml_attribute attr : node.attributes()) {
        std::string_view attr_name = attr.name();
        std::size_t colon = attr_name.find(':');
        if (attr_name == name
            || (colon != std::string_view::npos && attr_name.substr(colon + 1) == name))
            return attr;
    }
    return {};
}

std::optional<pugi::xml_document> parse_part(const ZipArchive& archive, const std::string& name)
{
    std::optional<std::string> content = archive.read(name);
    if (!content)
        return std::nullopt;
    std::optional<pugi::xml_document> document(std::in_place);
    if (!document->load_buffer(content->data(), content->size()))
        return std::nullopt;
    return document;
}

// Text of a string item: plain <t>, or the runs of rich text; phonetic hints (<rPh>) are not
// part of the value.
std::string string_item_text(const pugi::xml_node& item)
{
    std::string text;
    for (pugi::xml_node node : item.children()) {
        if (local_name(node) == "t")
            text += node.text().get();
        else if (local_name(node) == "r")
            text += child(node, "t").text().get();
    }
    return text;
}

std::vector<std::string> read_shared_strings(const ZipArchive& archive)
{
    std::vector<std::string> strings;
    std::optional<pugi::xml_document> document = parse_part(archive, "xl/sharedStrings.xml");
    if (!document)
        return strings;
    for (pugi::xml_node item : children(document->document_element(), "si"))
        strings.push_back(string_item_text(item));
    return strings;
}

// Whether a custom number format shows a date: it names days, months or years once quoted text,
// [colour]/[locale] sections and escaped characters are set aside. An "m" without "d" or "y" is
// a month only when no hours or seconds make it minutes.
bool is_date_format_code(std::string_view code)
{
    bool has_day_or_year = false;
    bool has_month_or_minute = false;
    bool has_time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
        if (c == '"') {
            i = code.find('"', i + 1);
        } else if (c == '[') {
            i = code.find(']', i + 1);
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == 'y' || c == 'd') {
            has_day_or_year = true;
        } else if (c == 'm') {
            has_month_or_minute = true;
        } else if (c == 'h' || c == 's') {
            has_time = true;
        }
        if (i == std::string_view::npos)
            break;
    }
    return has_day_or_year || (has_month_or_minute && !has_time);
}

// Built-in formats 14-22 are dates everywhere; 27-36 and 50-58 are the dates of the Korean,
// Chinese and Japanese versions of Excel, which is where many of our files come from.
bool is_builtin_date_format(int id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// For each cell style index (the `s` of a cell), whether it formats numbers as dates.
std::vector<bool> read_date_styles(const ZipArchive& archive)
{
    std::vector<bool> date_styles;
    std::optional<pugi::xml_document> document = parse_part(archive, "xl/styles.xml");
    if (!document)
        return date_styles;
    pugi::xml_node style_sheet = document->document_element();

    std::vector<int> custom_date_ids;
    for (pugi::xml_node format : children(child(style_sheet, "numFmts"), "numFmt"))
        if (is_date_format_code(attribute(format, "formatCode").value()))
            custom_date_ids.push_back(attribute(format, "numFmtId").as_int());

    for (pugi::xml_node xf : children(child(style_sheet, "cellXfs"), "xf")) {
        int id = attribute(xf, "numFmtId").as_int();
        bool custom = std::find(custom_date_ids.begin(), custom_date_ids.end(), id)
            != custom_date_ids.end();
        date_styles.push_back(is_builtin_date_format(id) || custom);
    }
    return date_styles;
}

// Excel counts days from 1899-12-31 as day 1 and, copying Lotus 1-2-3, treats 1900 as a leap
// year: from day 61 (1900-03-01) on, serials are one day ahead of the true count.
std::optional<std::string> serial_to_iso_date(std::string_view serial_text, bool date1904)
{
    char* end = nullptr;
    std::string serial_copy(serial_text);
    double serial = std::strtod(serial_copy.c_str(), &end);
    if (end == serial_copy.c_str() || *end != '\0' || serial < 0 || serial > 2958465)
        return std::nullopt;

    using namespace std::chrono;
    auto whole_days = static_cast<int>(std::floor(serial));
    sys_days date = date1904 ? sys_days(year { 1904 } / January / 1) + days(whole_days)
        : whole_days >= 61   ? sys_days(year { 1899 } / December / 30) + days(whole_days)
                             : sys_days(year { 1899 } / December / 31) + days(whole_days);
    year_month_day ymd(date);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// Zero-based column of a reference such as "AA10", or nothing when it has no letters.
std::optional<std::size_t> column_of(std::string_view reference)
{
    std::size_t column = 0;
    std::size_t letters = 0;
    for (char c : reference) {
        char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (upper < 'A' || upper > 'Z')
            break;
        column = column * 26 + static_cast<std::size_t>(upper - 'A' + 1);
        ++letters;
    }
    if (letters == 0 || letters > 3)
        return std::nullopt;
    return column - 1;
}

struct SheetContext {
    const std::vector<std::string>& shared_strings;
    const std::vector<bool>& date_styles;
    bool date1904 = false;
};

std::string cell_text(const pugi::xml_node& cell, const SheetContext& context)
{
    std::string_view type = attribute(cell, "t").value();
    std::string value = child(cell, "v").text().get();

    if (type == "s") {
        std::size_t index = static_cast<std::size_t>(std::strtoull(value.c_str(), nullptr, 10));
        return index < context.shared_strings.size() ? context.shared_strings[index] : "";
    }
    if (type == "inlineStr")
        return string_item_text(child(cell, "is"));
    if (type == "b")
        return value == "1" ? "TRUE" : "FALSE";
    if (type.empty() || type == "n") {
        std::size_t style = attribute(cell, "s").as_uint();
        if (style < context.date_styles.size() && context.date_styles[style] && !value.empty())
            if (std::optional<std::string> date = serial_to_iso_date(value, context.date1904))
                return *date;
    }
    return value; // numbers as written, formula string results ("str"), errors ("e"), ISO "d"
}

std::vector<std::string> read_row(const pugi::xml_node& row, const SheetContext& context)
{
    std::vector<std::string> cells;
    std::size_t next_column = 0;
    for (pugi::xml_node cell : children(row, "c")) {
        std::size_t column = column_of(attribute(cell, "r").value()).value_or(next_column);
        if (column >= 16384)
            continue; // beyond Excel's last column (XFD): a corrupt reference
        if (cells.size() <= column)
            cells.resize(column + 1);
        cells[column] = cell_text(cell, context);
        next_column = column + 1;
    }
    while (!cells.empty() && cells.back().empty())
        cells.pop_back();
    return cells;
}

// Targets in workbook.xml.rels are relative to xl/, or absolute within the package.
std::string part_path(std::string_view target)
{
    if (target.starts_with("/"))
        return std::string(target.substr(1));
    return "xl/" + std::string(target);
}

struct WorkbookInfo {
    std::string first_sheet_path;
    bool date1904 = false;
};

std::optional<WorkbookInfo> read_workbook(const ZipArchive& archive)
{
    std::optional<pugi::xml_document> workbook = parse_part(archive, "xl/workbook.xml");
    std::optional<pugi::xml_document> relations = parse_part(archive, "xl/_rels/workbook.xml.rels");
    if (!workbook || !relations)
        return std::nullopt;

    pugi::xml_node root = workbook->document_element();
    pugi::xml_node first_sheet = child(child(root, "sheets"), "sheet");
    std::string_view relation_id = attribute(first_sheet, "id").value();
    if (relation_id.empty())
        return std::nullopt;

    std::string_view date1904 = attribute(child(root, "workbookPr"), "date1904").value();
    for (pugi::xml_node relation : children(relations->document_element(), "Relationship"))
        if (relation_id == attribute(relation, "Id").value())
            return WorkbookInfo { part_path(attribute(relation, "Target").value()),
                date1904 == "1" || date1904 == "true" };
    return std::nullopt;
}

std::string trim(std::string_view text)
{
    constexpr std::string_view space = " \t\r\n";
    std::size_t first = text.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    std::size_t last = text.find_last_not_of(space);
    return std::string(text.substr(first, last - first + 1));
}

} // namespace

Result<Table> read_xlsx(std::string_view bytes)
{
    if (bytes.size() > max_document_bytes)
        return file_too_large(bytes.size());

    std::optional<ZipArchive> archive = ZipArchive::open(bytes);
    if (!archive)
        return not_a_workbook("it is not a zip archive");
    std::optional<WorkbookInfo> workbook = read_workbook(*archive);
    if (!workbook)
        return not_a_workbook("it has no worksheet");
    std::optional<pugi::xml_document> sheet = parse_part(*archive, workbook->first_sheet_path);
    if (!sheet)
        return not_a_workbook("its first worksheet cannot be read");

    std::vector<std::string> shared_strings = read_shared_strings(*archive);
    std::vector<bool> date_styles = read_date_styles(*archive);
    SheetContext context { shared_strings, date_styles, workbook->date1904 };

    // rows missing from the XML are blank rows, skipped like blank lines of a CSV file
    Table table { {}, {}, "xlsx", "UTF-8", 0 };
    pugi::xml_node sheet_data = child(sheet->document_element(), "sheetData");
    for (pugi::xml_node row_node : children(sheet_data, "row")) {
        std::vector<std::string> row = read_row(row_node, context);
        if (row.empty())
            continue;
        if (table.headers.empty()) {
            for (const std::string& header : row)
                table.headers.push_back(trim(header));
            continue;
        }
        if (row.size() < table.headers.size())
            row.resize(table.headers.size());
        table.rows.push_back(std::move(row));
    }
    return table;
}

} // namespace rapport::documents
