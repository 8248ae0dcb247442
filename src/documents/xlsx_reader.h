// Reading the first worksheet of an Excel workbook (.xlsx) into a header and rows.
#pragma once

#include "documents/csv_reader.h"

#include <string_view>

namespace rapport::documents {

// Cells come back as the text Excel stores: numbers exactly as written in the file ("18",
// "0.15"), booleans as "TRUE"/"FALSE", date-formatted numbers as ISO dates ("2026-03-01").
// Cells keep their column even when empty cells before them are left out of the file. The first
// non-empty row is the header; blank rows are skipped. Not a workbook gives invalid_input.
Result<Table> read_xlsx(std::string_view bytes);

} // namespace rapport::documents
