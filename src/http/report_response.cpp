#include "http/report_response.h"

namespace rapport::http {

namespace {

const char* const xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

} // namespace

Response report_response(
    const Request& request, Result<documents::ReportTable> report, const std::string& file_name)
{
    if (!report)
        return Response::problem(report.error());
    auto format = request.query_value("format").value_or("");
    if (!format.empty() && format != "json" && format != "xlsx")
        return Response::problem(
            Error::invalid("format", "invalid_choice", "must be json or xlsx"));
    bool wants_xlsx = format == "xlsx"
        || (format.empty()
            && request.header("Accept").value_or("").find(xlsx_type) != std::string::npos);
    if (!wants_xlsx)
        return Response::json(documents::report_json(*report));
    auto bytes = documents::write_xlsx(*report);
    if (!bytes)
        return Response::problem(bytes.error());
    Response response;
    response.content_type = xlsx_type;
    response.body = std::move(*bytes);
    response.headers.emplace_back(
        "Content-Disposition", "attachment; filename=\"" + file_name + ".xlsx\"");
    return response;
}

} // namespace rapport::http
