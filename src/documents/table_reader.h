// One entry point for imports: a spreadsheet or delimited text file, told apart by content.
#pragma once

#include "documents/csv_reader.h"

#include <string_view>

namespace rapport::documents {

// Reads an XLSX workbook (zip magic "PK\x03\x04") or else CSV text with `options`. The filename
// only names the file in error messages: users rename files, so extensions are not trusted.
// Files over max_document_bytes give payload_too_large ("file_too_large").
Result<Table> read_table(
    std::string_view bytes, std::string_view filename, const CsvOptions& options = {});

} // namespace rapport::documents
