// Contact analysis: activities per period by employee or type, customers by days since their last
// contact, visits per region — each a table the web app charts and users export to XLSX. All of
// them count only customers in the request's data scope.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "documents/xlsx_writer.h"
#include "http/request.h"

namespace rapport::activities {

// ?from=&to=&group=employee|type&period=day|week|month (default: the 90 days up to today, employee,
// month)
Result<documents::ReportTable> activity_report(
    db::Database& database, const http::RequestContext& context, const http::Request& request);
// ?as_of= (default today): customers per bucket 0–7, 8–30, 31–60, 61–90, 91–180, over 180 days,
// never
Result<documents::ReportTable> last_contact_report(
    db::Database& database, const http::RequestContext& context, const http::Request& request);
// ?from=&to=: visits and visited customers per customer region
Result<documents::ReportTable> visits_by_region_report(
    db::Database& database, const http::RequestContext& context, const http::Request& request);

} // namespace rapport::activities
