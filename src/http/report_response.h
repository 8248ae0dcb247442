// Answering a report table: JSON for programs and the web app, an Excel workbook for people.
#pragma once

#include "core/result.h"
#include "documents/xlsx_writer.h"
#include "http/request.h"

#include <string>

namespace rapport::http {

// The report as JSON, or as `<file_name>.xlsx` when asked by ?format=xlsx or an Accept header
// naming the spreadsheet type; any other format is a 422 at `format`.
Response report_response(
    const Request& request, Result<documents::ReportTable> report, const std::string& file_name);

} // namespace rapport::http
