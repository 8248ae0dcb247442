// The customer and supplier lists as a table to download: the same filters and data scope as the
// list, every row (up to a limit), custom fields as columns, headers in the user's language.
#pragma once

#include "core/result.h"
#include "customers/parties.h"
#include "db/database.h"
#include "documents/xlsx_writer.h"
#include "http/request.h"

namespace rapport::customers {

// Rows beyond this are refused rather than cut: a partial export looks complete in Excel.
constexpr int64_t max_export_rows = 100000;

Result<documents::ReportTable> export_parties(db::Database& database,
    const http::RequestContext& context, PartyView view, const http::Request& request);

} // namespace rapport::customers
