#include "activities/analytics.h"

#include "activities/model.h"
#include "activities/store.h"
#include "auth/service.h"
#include "core/dates.h"
#include "customers/parties.h"

#include <map>

namespace rapport::activities {

namespace {

using db::Connection;
using documents::ColumnType;
using documents::ReportColumn;
using documents::ReportTable;
using nlohmann::json;

// Column headings in the user's language; the web app may show its own by `key`.
std::string label(const std::string& locale, const std::string& key)
{
    static const std::map<std::string, std::array<const char*, 3>> labels = {
        // key: en, ko, zh-CN
        { "period", { "Period", "기간", "期间" } },
        { "employee", { "Employee", "담당자", "员工" } },
        { "type", { "Type", "유형", "类型" } },
        { "count", { "Activities", "활동 수", "活动数" } },
        { "total", { "Total", "합계", "合计" } },
        { "bucket", { "Days since last contact", "마지막 연락 후 경과일", "距上次联系天数" } },
        { "customers", { "Customers", "고객 수", "客户数" } },
        { "region", { "Region", "지역", "地区" } },
        { "visits", { "Visits", "방문 수", "拜访次数" } },
        { "visited_customers", { "Customers visited", "방문 고객 수", "拜访客户数" } },
        { "no_region", { "(no region)", "(지역 없음)", "(无地区)" } },
        { "never", { "Never", "연락 없음", "从未联系" } },
        { "over_180", { "Over 180", "180일 초과", "180天以上" } },
        { "unassigned", { "(unassigned)", "(미지정)", "(未指定)" } },
        { "phone_call", { "Phone call", "전화", "电话" } },
        { "email", { "E-mail", "이메일", "邮件" } },
        { "wechat", { "WeChat", "위챗", "微信" } },
        { "kakaotalk", { "KakaoTalk", "카카오톡", "KakaoTalk" } },
        { "line", { "LINE", "라인", "LINE" } },
        { "messenger_other", { "Other messenger", "기타 메신저", "其他即时通讯" } },
        { "visit", { "Visit", "방문", "拜访" } },
        { "meeting", { "Meeting", "미팅", "会议" } },
        { "note", { "Note", "메모", "备注" } },
    };
    auto found = labels.find(key);
    if (found == labels.end())
        return key;
    return found->second[locale == "ko" ? 1 : locale == "zh-CN" ? 2 : 0];
}

struct Range {
    std::string from;
    std::string to;
};

Result<std::string> date_parameter(const http::Request& request, const std::string& name)
{
    auto value = request.query_value(name);
    if (!value || value->empty())
        return std::string();
    if (!clock::is_iso_date(*value))
        return Error::invalid(name, "invalid_date", "must be a date as YYYY-MM-DD");
    return *value;
}

// from/to as given, else the 90 days up to the tenant's today.
Result<Range> read_range(const http::Request& request, const std::string& today)
{
    auto from = date_parameter(request, "from");
    if (!from)
        return from.take_error();
    auto to = date_parameter(request, "to");
    if (!to)
        return to.take_error();
    Range range { *from, *to };
    if (range.to.empty())
        range.to = range.from.empty() ? today : std::max(today, range.from);
    if (range.from.empty())
        range.from = dates::add_days(range.to, -89);
    if (range.from > range.to)
        return Error::invalid("to", "before_from", "must be on or after from");
    if (dates::days_between(range.from, range.to) > 3660)
        return Error::invalid("from", "range_too_long", "the period may span at most ten years");
    return range;
}

Result<std::string> choice(
    const http::Request& request, const std::string& name, const std::vector<std::string>& choices)
{
    auto value = request.query_value(name).value_or("");
    if (value.empty())
        return choices.front();
    for (const auto& choice : choices)
        if (choice == value)
            return value;
    std::string allowed;
    for (const auto& choice : choices)
        allowed += (allowed.empty() ? "" : ", ") + choice;
    return Error::invalid(name, "invalid_choice", "must be one of " + allowed);
}

std::string period_of(const std::string& date, const std::string& period)
{
    if (period == "week")
        return dates::week_start(date);
    if (period == "month")
        return date.substr(0, 7);
    return date;
}

// Fixed types first in their usual order, then the tenant's own alphabetically.
std::vector<std::string> ordered_types(const std::set<std::string>& present)
{
    static const std::vector<std::string> fixed = { "phone_call", "email", "wechat", "kakaotalk",
        "line", "messenger_other", "visit", "meeting", "note" };
    std::vector<std::string> out;
    for (const auto& type : fixed)
        if (present.count(type))
            out.push_back(type);
    for (const auto& type : present)
        if (!fixed_activity_types().count(type))
            out.push_back(type);
    return out;
}

// Sums of the number columns; the first column says "Total".
std::vector<json> totals_of(const ReportTable& table, const std::string& locale)
{
    std::vector<json> totals(table.columns.size());
    for (size_t c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].type != ColumnType::number)
            continue;
        int64_t sum = 0;
        for (const auto& row : table.rows)
            if (row[c].is_number_integer())
                sum += row[c].get<int64_t>();
        totals[c] = sum;
    }
    if (!totals.empty())
        totals[0] = label(locale, "total");
    return totals;
}

} // namespace

Result<ReportTable> activity_report(
    db::Database& database, const http::RequestContext& context, const http::Request& request)
{
    auto group = choice(request, "group", { "employee", "type" });
    if (!group)
        return group.take_error();
    auto period = choice(request, "period", { "month", "week", "day" });
    if (!period)
        return period.take_error();

    return database.read([&](Connection& connection) -> Result<ReportTable> {
        auto range = read_range(
            request, dates::today_in(auth::tenant_time_zone(connection, context.tenant_id)));
        if (!range)
            return range.take_error();
        db::Params params;
        auto where = customers::visibility(context, customers::PartyView::customers, "p", params);
        params.insert(params.end(), { context.tenant_id, range->from, range->to });
        auto rows = connection.query(
            "SELECT a.occurred_on, a.type, COALESCE(e.name, u.name) AS who, COUNT(*) AS n FROM "
            "activities a "
            "JOIN parties p ON p.tenant_id = a.tenant_id AND p.id = a.party_id "
            "LEFT JOIN employees e ON e.tenant_id = a.tenant_id AND e.id = a.employee_id "
            "LEFT JOIN users u ON u.id = a.user_id WHERE "
                + where
                + " AND a.tenant_id = ? AND a.occurred_on >= ? AND a.occurred_on <= ? "
                  "GROUP BY a.occurred_on, a.type, COALESCE(e.name, u.name)",
            params);

        // (period, employee or type) -> type -> count
        std::map<std::pair<std::string, std::string>, std::map<std::string, int64_t>> cells;
        std::set<std::string> types;
        for (const auto& row : rows) {
            auto key = *group == "employee"
                ? (row.is_null(2) ? label(context.locale, "unassigned") : row.str(2))
                : row.str(1);
            cells[{ period_of(row.str(0), *period), key }][row.str(1)] += row.i64(3);
            types.insert(row.str(1));
        }

        ReportTable table;
        table.title = "Activities";
        auto period_type = *period == "month" ? ColumnType::text : ColumnType::date;
        table.columns.push_back({ "period", label(context.locale, "period"), period_type });
        if (*group == "employee") {
            table.columns.push_back(
                { "employee", label(context.locale, "employee"), ColumnType::text });
            auto columns = ordered_types(types);
            for (const auto& type : columns)
                table.columns.push_back({ type, label(context.locale, type), ColumnType::number });
            table.columns.push_back(
                { "total", label(context.locale, "total"), ColumnType::number });
            for (const auto& [key, counts] : cells) {
                std::vector<json> row = { key.first, key.second };
                int64_t total = 0;
                for (const auto& type : columns) {
                    auto found = counts.find(type);
                    int64_t n = found == counts.end() ? 0 : found->second;
                    row.push_back(n);
                    total += n;
                }
                row.push_back(total);
                table.rows.push_back(std::move(row));
            }
        } else {
            table.columns.push_back({ "type", label(context.locale, "type"), ColumnType::text });
            table.columns.push_back(
                { "count", label(context.locale, "count"), ColumnType::number });
            for (const auto& [key, counts] : cells)
                table.rows.push_back({ key.first, key.second, counts.begin()->second });
        }
        table.totals = totals_of(table, context.locale);
        return table;
    });
}

Result<ReportTable> last_contact_report(
    db::Database& database, const http::RequestContext& context, const http::Request& request)
{
    auto as_of = date_parameter(request, "as_of");
    if (!as_of)
        return as_of.take_error();

    return database.read([&](Connection& connection) -> Result<ReportTable> {
        auto zone = auth::tenant_time_zone(connection, context.tenant_id);
        auto day = as_of->empty() ? dates::today_in(zone) : *as_of;
        // bucket edges as instants: a contact on or after the start of day (as_of - 7) is 0–7 days
        // ago
        struct Bucket {
            std::string key;
            int newest_days; // contacts at most this many days ago fall in this bucket or a newer
                             // one
        };
        const std::vector<Bucket> buckets
            = { { "0-7", 7 }, { "8-30", 30 }, { "31-60", 60 }, { "61-90", 90 }, { "91-180", 180 } };
        // as the day ended: contacts logged later do not count (customers entered later count as
        // never contacted)
        auto day_end = dates::start_of_day(zone, dates::add_days(day, 1));
        db::Params params;
        std::string bucket_case = "CASE WHEN last_contact IS NULL THEN 'never'";
        for (const auto& bucket : buckets) {
            bucket_case += " WHEN last_contact >= ? THEN '" + bucket.key + "'";
            params.push_back(dates::start_of_day(zone, dates::add_days(day, -bucket.newest_days)));
        }
        bucket_case += " ELSE 'over_180' END";
        params.push_back(day_end);
        auto where = customers::visibility(context, customers::PartyView::customers, "p", params);
        std::map<std::string, int64_t> counts;
        for (const auto& row : connection.query("SELECT " + bucket_case
                     + " AS bucket, COUNT(*) FROM (SELECT (SELECT MAX(a.occurred_at) FROM "
                       "activities a "
                       "WHERE a.tenant_id = p.tenant_id AND a.party_id = p.id AND a.occurred_at < "
                       "?) "
                       "AS last_contact FROM parties p WHERE "
                     + where + " AND p.archived = 0) b GROUP BY 1",
                 params))
            counts[row.str(0)] = row.i64(1);

        ReportTable table;
        table.title = "Last contact";
        table.columns = { { "bucket", label(context.locale, "bucket"), ColumnType::text },
            { "customers", label(context.locale, "customers"), ColumnType::number } };
        for (const auto& bucket : buckets)
            table.rows.push_back({ bucket.key, counts[bucket.key] });
        table.rows.push_back({ label(context.locale, "over_180"), counts["over_180"] });
        table.rows.push_back({ label(context.locale, "never"), counts["never"] });
        table.totals = totals_of(table, context.locale);
        return table;
    });
}

Result<ReportTable> visits_by_region_report(
    db::Database& database, const http::RequestContext& context, const http::Request& request)
{
    return database.read([&](Connection& connection) -> Result<ReportTable> {
        auto range = read_range(
            request, dates::today_in(auth::tenant_time_zone(connection, context.tenant_id)));
        if (!range)
            return range.take_error();
        db::Params params;
        auto where = customers::visibility(context, customers::PartyView::customers, "p", params);
        params.insert(params.end(), { context.tenant_id, range->from, range->to });
        auto rows = connection.query("SELECT COALESCE(p.region, '') AS region, COUNT(*) AS visits, "
                                     "COUNT(DISTINCT a.party_id) AS customers "
                                     "FROM activities a JOIN parties p ON p.tenant_id = "
                                     "a.tenant_id AND p.id = a.party_id WHERE "
                + where
                + " AND a.tenant_id = ? AND a.type = 'visit' AND a.occurred_on >= ? AND "
                  "a.occurred_on <= ? "
                  "GROUP BY COALESCE(p.region, '') ORDER BY visits DESC, region",
            params);

        ReportTable table;
        table.title = "Visits by region";
        table.columns = { { "region", label(context.locale, "region"), ColumnType::text },
            { "visits", label(context.locale, "visits"), ColumnType::number },
            { "customers", label(context.locale, "visited_customers"), ColumnType::number } };
        for (const auto& row : rows)
            table.rows.push_back(
                { row.str(0).empty() ? label(context.locale, "no_region") : row.str(0), row.i64(1),
                    row.i64(2) });
        table.totals = totals_of(table, context.locale);
        return table;
    });
}

} // namespace rapport::activities
