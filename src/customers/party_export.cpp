#include "customers/party_export.h"

#include "core/decimal.h"
#include "core/locale_data.h"
#include "customers/custom_fields.h"

#include <nlohmann/json.hpp>

namespace rapport::customers {

namespace {

using documents::ColumnType;
using documents::ReportColumn;
using nlohmann::json;

struct Label {
    const char* key;
    const char* en;
    const char* ko;
    const char* zh;
    ColumnType type = ColumnType::text;
};

const Label standard_columns[] = {
    { "code", "Code", "코드", "编号" },
    { "name", "Name", "이름", "名称" },
    { "kind", "Kind", "구분", "类型" },
    { "registration_number", "Registration number", "사업자등록번호", "统一社会信用代码" },
    { "owner_name", "Owner", "담당 영업", "负责人" },
    { "level", "Level", "등급", "等级" },
    { "industry", "Industry", "업종", "行业" },
    { "source", "Source", "유입 경로", "来源" },
    { "region", "Region", "지역", "地区" },
    { "tags", "Tags", "태그", "标签" },
    { "phones", "Phones", "전화", "电话" },
    { "emails", "E-mails", "이메일", "电子邮件" },
    { "website", "Website", "웹사이트", "网站" },
    { "billing_address", "Billing address", "청구지 주소", "账单地址" },
    { "payment_terms", "Payment terms", "결제 조건", "付款条件" },
    { "currency", "Currency", "통화", "币种" },
    { "credit_limit", "Credit limit", "여신 한도", "信用额度" },
    { "risk", "Risk", "위험도", "风险" },
    { "preferred_channel", "Preferred channel", "선호 연락 수단", "首选渠道" },
    { "last_contact_at", "Last contact", "최근 접촉", "最近联系" },
    { "next_contact_date", "Next contact", "다음 연락", "下次联系", ColumnType::date },
    { "archived", "Archived", "보관", "已归档" },
};

std::string label_in(const Label& label, const std::string& locale)
{
    if (locale == "ko")
        return label.ko;
    if (locale == "zh-CN")
        return label.zh;
    return label.en;
}

json text_or_null(const db::Row& row, const std::string& column)
{
    auto value = row.opt_str(row.index_of(column));
    return value && !value->empty() ? json(*value) : json();
}

// "010-1234-5678; 02-555-0100" from the stored list of {type, number} (or {type, address}).
json joined_entries(const db::Row& row, const std::string& column, const char* field)
{
    auto entries = json::parse(row.str(column), nullptr, false);
    std::string out;
    if (entries.is_array())
        for (const auto& entry : entries)
            if (entry.is_object() && entry.contains(field) && entry[field].is_string())
                out += (out.empty() ? "" : "; ") + entry[field].get<std::string>();
    return out.empty() ? json() : json(out);
}

json joined_tags(const db::Row& row)
{
    auto tags = json::parse(row.str("tags"), nullptr, false);
    std::string out;
    if (tags.is_array())
        for (const auto& tag : tags)
            if (tag.is_string())
                out += (out.empty() ? "" : ", ") + tag.get<std::string>();
    return out.empty() ? json() : json(out);
}

json address_line(const db::Row& row, const std::string& column)
{
    auto address = json::parse(row.str(column), nullptr, false);
    std::string out;
    if (address.is_object())
        for (const char* part : { "line1", "line2", "city", "region", "postal_code", "country" })
            if (address.contains(part) && address[part].is_string()
                && !address[part].get<std::string>().empty())
                out += (out.empty() ? "" : ", ") + address[part].get<std::string>();
    return out.empty() ? json() : json(out);
}

// The credit limit is kept in the minor unit of the party's currency; the sheet shows it as the
// card does, in the major unit ("50000000" won, "12345.67" dollars), as text so no rounding creeps
// in.
json credit_limit(const db::Row& row)
{
    auto minor = row.opt_i64(row.index_of("credit_limit"));
    if (!minor)
        return json();
    auto currency = row.str("currency");
    int digits = currency.empty() || !is_currency(currency) ? 0 : currency_minor_digits(currency);
    return format_decimal(*minor, digits, digits);
}

} // namespace

Result<documents::ReportTable> export_parties(db::Database& database,
    const http::RequestContext& context, PartyView view, const http::Request& request)
{
    db::Params params;
    auto where = party_list_filter(database, context, view, request, params);
    if (!where)
        return where.take_error();
    params.push_back(max_export_rows + 1);

    return database.read([&](db::Connection& connection) -> Result<documents::ReportTable> {
        documents::ReportTable table;
        table.title = view == PartyView::customers
            ? label_in({ "", "Customers", "고객", "客户" }, context.locale)
            : label_in({ "", "Suppliers", "공급처", "供应商" }, context.locale);
        for (const auto& label : standard_columns)
            table.columns.push_back({ label.key, label_in(label, context.locale), label.type });
        auto custom = custom_field_definitions(connection, context.tenant_id, custom_entity(view));
        for (const auto& field : custom)
            table.columns.push_back({ "custom." + field.code, field.label,
                field.type == "number"     ? ColumnType::number
                    : field.type == "date" ? ColumnType::date
                                           : ColumnType::text });

        auto rows = connection.query("SELECT p.code, p.name, p.kind, p.registration_number, u.name "
                                     "AS owner_name, p.level, p.industry, "
                                     "p.source, p.region, p.tags, p.phones, p.emails, p.website, "
                                     "p.billing_address, p.payment_terms, "
                                     "p.currency, p.credit_limit, p.risk, p.preferred_channel, "
                                     "p.last_contact_at, p.next_contact_date, "
                                     "p.archived, p.custom_fields FROM parties p LEFT JOIN users u "
                                     "ON u.id = p.owner_id WHERE "
                + *where + " ORDER BY p.name, p.id LIMIT ?",
            params);
        if (static_cast<int64_t>(rows.size()) > max_export_rows)
            return Error::make(ErrorCode::invalid_input, "export_too_large",
                "More than " + std::to_string(max_export_rows)
                    + " rows match; narrow the filters and export again.");
        for (const auto& row : rows) {
            std::vector<json> cells
                = { text_or_null(row, "code"), row.str("name"), text_or_null(row, "kind"),
                      text_or_null(row, "registration_number"), text_or_null(row, "owner_name"),
                      text_or_null(row, "level"), text_or_null(row, "industry"),
                      text_or_null(row, "source"), text_or_null(row, "region"), joined_tags(row),
                      joined_entries(row, "phones", "number"),
                      joined_entries(row, "emails", "address"), text_or_null(row, "website"),
                      address_line(row, "billing_address"), text_or_null(row, "payment_terms"),
                      text_or_null(row, "currency"), credit_limit(row), text_or_null(row, "risk"),
                      text_or_null(row, "preferred_channel"), text_or_null(row, "last_contact_at"),
                      text_or_null(row, "next_contact_date"), json(row.i64("archived") != 0) };
            auto values = json::parse(row.str("custom_fields"), nullptr, false);
            for (const auto& column : custom) {
                if (!values.is_object() || !values.contains(column.code)
                    || values[column.code].is_null()) {
                    cells.emplace_back();
                    continue;
                }
                const auto& value = values[column.code];
                if (value.is_array()) {
                    std::string joined;
                    for (const auto& item : value)
                        joined += (joined.empty() ? "" : ", ")
                            + (item.is_string() ? item.get<std::string>() : item.dump());
                    cells.emplace_back(joined);
                } else {
                    cells.push_back(value);
                }
            }
            table.rows.push_back(std::move(cells));
        }
        return table;
    });
}

} // namespace rapport::customers
