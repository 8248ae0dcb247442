// Reading delimited text files (CSV, semicolon- or tab-separated) into a header and rows.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapport::documents {

struct CsvOptions {
    std::string encoding; // "" or "auto" = detect; otherwise a name decode_text accepts
    char delimiter = 0; // 0 = detect among ',', ';' and '\t'
};

// A file's cells as text, whatever the file format; every import maps its columns from here.
struct Table {
    std::vector<std::string> headers; // first non-empty row, trimmed
    std::vector<std::vector<std::string>> rows; // never shorter than headers; may be longer
    std::string format; // "csv" or "xlsx"
    std::string encoding; // of a CSV file; "UTF-8" for XLSX
    char delimiter = 0; // of a CSV file; 0 for XLSX
};

// Reads RFC 4180 text: quoted fields may hold delimiters, doubled quotes and line breaks; lines
// end in CRLF or LF. Blank lines are skipped, short rows padded with "". An unterminated quote
// gives invalid_input naming the line where the field starts.
Result<Table> read_csv(std::string_view bytes, const CsvOptions& options = {});

} // namespace rapport::documents
