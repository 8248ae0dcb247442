// The import engine's pure parts: suggesting and checking a column mapping, reading cells into
// rows, the dry run's counts and the failures CSV. No database here (customers/imports.cpp).
#include "core/decimal.h"
#include "core/text.h"
#include "customers/custom_fields.h"
#include "customers/imports.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace rapport::customers {

namespace {

using http::FieldKind;
using http::FieldSpec;
using nlohmann::json;

// --- mapping suggestions ---

using AliasTable = std::vector<std::pair<std::string, std::vector<std::string>>>;

// Header names seen in real customer, supplier, product and staff lists, by field. Aliases that
// mean different things in different files (CustomerID, ProductID) live in the kind's table.
const AliasTable& common_aliases()
{
    static const AliasTable table = {
        { "name",
            { "CompanyName", "Company", "Company Name", "Name", "회사명", "회사", "상호", "상호명",
                "업체명", "거래처명", "법인명", "公司名称", "公司", "名称", "单位名称",
                "企业名称" } },
        { "code", { "Code", "ID", "No", "코드", "번호", "编号", "代码" } },
        { "registration_number",
            { "RegistrationNumber", "BusinessNumber", "TaxID", "VATNumber", "VAT", "사업자등록번호",
                "사업자번호", "등록번호", "统一社会信用代码", "税号", "纳税人识别号" } },
        { "phones",
            { "Phone", "Tel", "Telephone", "PhoneNumber", "전화", "전화번호", "연락처", "대표전화",
                "电话", "电话号码", "联系电话" } },
        { "phone",
            { "Phone", "HomePhone", "Tel", "Telephone", "Mobile", "전화", "전화번호", "연락처",
                "휴대폰", "电话", "手机", "联系电话" } },
        { "emails",
            { "Email", "E-mail", "Mail", "EmailAddress", "이메일", "메일", "전자우편", "电子邮件",
                "邮箱", "电邮" } },
        { "email",
            { "Email", "E-mail", "Mail", "EmailAddress", "이메일", "메일", "电子邮件", "邮箱" } },
        { "website",
            { "Web", "Website", "Homepage", "URL", "홈페이지", "웹사이트", "网站", "网址",
                "主页" } },
        { "fax", { "Fax", "FaxNumber", "팩스", "팩스번호", "传真" } },
        { "contact_name", { "Contact", "ContactPerson", "담당자", "담당자명", "联系人" } },
        { "contact_title", { "ContactPosition", "담당자직위", "담당자직책", "联系人职位" } },
        { "contact_phone",
            { "ContactTel", "담당자전화", "담당자연락처", "담당자휴대폰", "联系人电话",
                "联系人手机" } },
        { "contact_email", { "ContactMail", "담당자이메일", "담당자메일", "联系人邮箱" } },
        { "address",
            { "Address", "Street", "StreetAddress", "Address1", "주소", "소재지", "地址",
                "详细地址" } },
        { "city", { "City", "Town", "도시", "시군구", "城市", "市" } },
        { "region",
            { "Region", "State", "Province", "지역", "시도", "地区", "省", "省份", "区域" } },
        { "postal_code",
            { "PostalCode", "Zip", "ZipCode", "Postcode", "우편번호", "邮编", "邮政编码" } },
        { "country", { "Country", "Nation", "국가", "나라", "国家", "国家地区" } },
        { "industry", { "Industry", "Sector", "업종", "업태", "行业" } },
        { "level", { "Level", "Grade", "Rank", "등급", "等级", "级别" } },
        { "source", { "Source", "LeadSource", "유입경로", "출처", "来源" } },
        { "tags", { "Tags", "Tag", "태그", "标签" } },
        { "payment_terms", { "PaymentTerms", "Terms", "결제조건", "付款条件", "付款方式" } },
        { "credit_limit", { "CreditLimit", "여신한도", "신용한도", "信用额度" } },
        { "currency", { "Currency", "통화", "货币", "币种" } },
        { "notes",
            { "Notes", "Note", "Memo", "Remarks", "Comment", "비고", "메모", "备注", "说明" } },
        { "title", { "Title", "Position", "JobTitle", "직위", "직책", "직급", "职位", "职务" } },
        { "department", { "Department", "Dept", "부서", "部门" } },
        { "birthday",
            { "Birthday", "BirthDate", "DateOfBirth", "생일", "생년월일", "生日", "出生日期" } },
        { "specification",
            { "QuantityPerUnit", "Spec", "Specification", "Size", "규격", "사양", "规格",
                "规格型号" } },
        { "unit", { "Unit", "UOM", "단위", "单位" } },
        { "category",
            { "Category", "CategoryName", "분류", "카테고리", "품목군", "类别", "分类",
                "类别名称" } },
        { "unit_price",
            { "Price", "SalesPrice", "SellingPrice", "단가", "판매가", "판매단가", "单价", "价格",
                "售价" } },
        { "cost",
            { "Cost", "CostPrice", "PurchasePrice", "원가", "매입가", "매입단가", "成本",
                "进价" } },
        { "tax_rate", { "TaxRate", "VATRate", "Tax", "세율", "税率" } },
        { "discontinued", { "Discontinued", "단종", "판매중지", "停产", "停售" } },
        { "active", { "Active", "Enabled", "InUse", "사용", "사용여부", "활성", "启用", "在用" } },
    };
    return table;
}

const std::map<std::string, AliasTable>& kind_alias_tables()
{
    static const std::map<std::string, AliasTable> tables = {
        { "customers",
            { { "code",
                  { "CustomerID", "CustomerCode", "CustomerNo", "ClientID", "고객코드", "고객번호",
                      "거래처코드", "거래처번호", "客户编号", "客户代码", "客户编码" } },
                { "name",
                    { "CustomerName", "Customer", "ClientName", "고객명", "거래처", "客户名称",
                        "客户" } } } },
        { "suppliers",
            { { "code",
                  { "SupplierID", "SupplierCode", "VendorID", "VendorCode", "공급처코드",
                      "매입처코드", "거래처코드", "供应商编号", "供应商代码" } },
                { "name",
                    { "SupplierName", "Supplier", "Vendor", "VendorName", "공급처", "공급처명",
                        "매입처명", "거래처", "供应商名称", "供应商" } } } },
        { "contacts",
            { { "name",
                  { "ContactName", "Contact", "담당자", "담당자명", "성명", "이름", "联系人",
                      "姓名" } },
                { "party_code",
                    { "CustomerID", "CustomerCode", "SupplierID", "CompanyCode", "PartyCode",
                        "거래처코드", "고객코드", "客户编号", "客户代码" } },
                { "title", { "ContactTitle" } },
                { "phones", { "ContactPhone", "Mobile", "휴대폰", "手机" } },
                { "emails", { "ContactEmail" } } } },
        { "products",
            { { "code",
                  { "ProductID", "ProductCode", "ItemCode", "SKU", "PartNo", "PartNumber", "Model",
                      "제품코드", "상품코드", "품목코드", "품번", "모델", "产品编号", "产品代码",
                      "品号", "物料编码", "型号" } },
                { "name",
                    { "ProductName", "Product", "ItemName", "Item", "품명", "제품명", "상품명",
                        "품목명", "产品名称", "品名", "商品名称", "物料名称" } } } },
        { "employees",
            { { "code",
                  { "EmployeeID", "EmployeeNo", "StaffID", "사번", "사원번호", "직원번호",
                      "员工编号", "工号" } },
                { "name",
                    { "EmployeeName", "FullName", "사원명", "직원명", "성명", "이름", "姓名",
                        "员工姓名" } } } },
    };
    return tables;
}

// The alias tables with every alias folded once (folding goes through ICU).
using FoldedAliases = std::vector<std::pair<std::string, std::set<std::string>>>;

FoldedAliases fold_aliases(const AliasTable& table)
{
    FoldedAliases folded;
    for (const auto& [field, aliases] : table) {
        std::set<std::string> names;
        for (const auto& alias : aliases)
            names.insert(fold_header(alias));
        folded.emplace_back(field, std::move(names));
    }
    return folded;
}

const FoldedAliases& folded_common_aliases()
{
    static const FoldedAliases folded = fold_aliases(common_aliases());
    return folded;
}

const FoldedAliases& folded_kind_aliases(const std::string& kind)
{
    static const std::map<std::string, FoldedAliases> folded = [] {
        std::map<std::string, FoldedAliases> tables;
        for (const auto& [name, table] : kind_alias_tables())
            tables[name] = fold_aliases(table);
        return tables;
    }();
    static const FoldedAliases empty;
    auto found = folded.find(kind);
    return found == folded.end() ? empty : found->second;
}

// --- reading cells ---

std::string first_message(const Error& error)
{
    return error.fields.empty() ? error.message : error.fields.front().message;
}

// The value as the API shows it: decimals as text, lists and addresses as JSON.
json shown_value(const FieldSpec& spec, const db::Param& value)
{
    if (std::holds_alternative<std::nullptr_t>(value))
        return nullptr;
    if (auto number = std::get_if<int64_t>(&value)) {
        if (spec.kind == FieldKind::boolean)
            return *number != 0;
        if (spec.kind == FieldKind::decimal)
            return format_decimal(*number, spec.scale, spec.min_fraction);
        return *number;
    }
    const auto& text = std::get<std::string>(value);
    switch (spec.kind) {
    case FieldKind::tags:
    case FieldKind::phones:
    case FieldKind::emails:
    case FieldKind::messengers:
    case FieldKind::address:
        return json::parse(text, nullptr, false);
    default:
        return text;
    }
}

std::string param_text(const db::Param& value)
{
    if (auto number = std::get_if<int64_t>(&value))
        return std::to_string(*number);
    if (auto text = std::get_if<std::string>(&value))
        return *text;
    return {};
}

// --- CSV ---

std::string csv_field(std::string_view cell)
{
    auto text = neutralise_cell(cell);
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csv_line(const std::vector<std::string>& cells)
{
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i)
        line += (i == 0 ? "" : ",") + csv_field(cells[i]);
    return line + "\r\n";
}

} // namespace

const FieldSpec* find_mappable_field(const ImportKind& kind, const std::string& name)
{
    if (auto spec = http::find_field(kind.fields, name))
        return spec;
    return http::find_field(kind.extras, name);
}

std::vector<const FieldSpec*> mappable_fields(const ImportKind& kind)
{
    std::vector<const FieldSpec*> specs;
    for (const auto& spec : kind.fields)
        specs.push_back(&spec);
    for (const auto& spec : kind.extras)
        specs.push_back(&spec);
    return specs;
}

// --- mapping and checking ---

std::string fold_header(std::string_view header)
{
    std::string folded;
    for (unsigned char c : text::fold(header))
        if (c >= 0x80 || std::isalnum(c))
            folded += static_cast<char>(c);
    return folded;
}

json suggest_mapping(const ImportKind& kind, const std::vector<std::string>& headers)
{
    json suggested = json::object();
    std::set<std::string> taken;
    std::vector<std::string> folded;
    for (const auto& header : headers)
        folded.push_back(fold_header(header));
    auto assign = [&](size_t index, const std::string& field) {
        if (taken.count(field) || suggested.contains(headers[index]))
            return false;
        suggested[headers[index]] = field;
        taken.insert(field);
        return true;
    };

    // a header that is a field's own name wins over any alias
    for (size_t i = 0; i < headers.size(); ++i)
        for (const auto* spec : mappable_fields(kind))
            if (!folded[i].empty() && fold_header(spec->name) == folded[i] && assign(i, spec->name))
                break;
    for (size_t i = 0; i < headers.size(); ++i) {
        if (folded[i].empty() || suggested.contains(headers[i]))
            continue;
        bool done = false;
        for (const auto* table : { &folded_kind_aliases(kind.name), &folded_common_aliases() }) {
            for (const auto& [field, aliases] : *table) {
                if (!aliases.count(folded[i]) || !find_mappable_field(kind, field)
                    || taken.count(field))
                    continue;
                done = assign(i, field);
                break;
            }
            if (done)
                break;
        }
    }
    return suggested;
}

Result<ImportPlan> plan_import(const ImportKind& kind, const std::vector<std::string>& headers,
    const json& mapping, const std::string& duplicate_policy, const std::string& duplicate_key)
{
    Error problems { ErrorCode::invalid_input, "The mapping does not fit the file.", {},
        "invalid_fields" };
    auto fail = [&](std::string path, std::string code, std::string message) {
        problems.fields.push_back({ std::move(path), std::move(code), std::move(message) });
    };
    if (!mapping.is_object())
        return Error::invalid("mapping", "invalid_type", "must be an object of {column: field}");

    ImportPlan plan;
    plan.kind = &kind;
    std::map<std::string, std::string> header_of_field;
    for (const auto& [header, field] : mapping.items()) {
        auto path = "mapping." + header;
        if (field.is_null() || (field.is_string() && field.get<std::string>().empty()))
            continue;
        if (!field.is_string()) {
            fail(path, "invalid_type", "must be a field name");
            continue;
        }
        auto name = field.get<std::string>();
        auto column = std::find(headers.begin(), headers.end(), header);
        const FieldSpec* spec = find_mappable_field(kind, name);
        // whether the tenant has the custom field is checked against its definitions later
        if (!spec && !kind.custom_entity.empty() && name.rfind("custom.", 0) == 0
            && is_custom_field_code(name.substr(7))) {
            plan.custom_specs.push_back(std::make_shared<const FieldSpec>(
                FieldSpec { name, FieldKind::text, false, 1000 }));
            spec = plan.custom_specs.back().get();
        }
        if (column == headers.end())
            fail(path, "unknown_column", "the file has no column " + header);
        else if (!spec)
            fail(path, "unknown_field", kind.name + " have no field " + name);
        else if (header_of_field.count(name))
            fail(path, "mapped_twice",
                name + " is already taken from column " + header_of_field[name]);
        else {
            header_of_field[name] = header;
            plan.columns.push_back({ static_cast<size_t>(column - headers.begin()), header, spec,
                http::find_field(kind.fields, name) == nullptr });
        }
    }
    std::sort(plan.columns.begin(), plan.columns.end(),
        [](const MappedColumn& a, const MappedColumn& b) { return a.column < b.column; });
    for (const auto* spec : mappable_fields(kind))
        if (spec->required && !header_of_field.count(spec->name))
            fail("mapping", "required", spec->name + " must be mapped to a column");

    plan.duplicate_policy = duplicate_policy.empty() ? "skip" : duplicate_policy;
    if (plan.duplicate_policy != "skip" && plan.duplicate_policy != "update"
        && plan.duplicate_policy != "create")
        fail("duplicate_policy", "invalid_choice", "must be one of skip, update, create");
    if (duplicate_key.empty()) {
        for (const auto& key : kind.keys)
            if (header_of_field.count(key)) {
                plan.duplicate_key = key;
                break;
            }
        if (plan.duplicate_key.empty() && !kind.keys.empty())
            plan.duplicate_key = kind.keys.front();
    } else if (std::find(kind.keys.begin(), kind.keys.end(), duplicate_key) == kind.keys.end()) {
        std::string choices;
        for (const auto& key : kind.keys)
            choices += (choices.empty() ? "" : ", ") + key;
        fail("duplicate_key", "invalid_choice", "must be one of " + choices);
    } else {
        plan.duplicate_key = duplicate_key;
    }
    if (plan.duplicate_policy != "create" && !plan.duplicate_key.empty()
        && !header_of_field.count(plan.duplicate_key))
        fail("duplicate_key", "unmapped",
            plan.duplicate_key + " must be mapped to a column to find existing records");
    else if (plan.duplicate_policy != "create" && kind.keys.empty())
        fail("duplicate_policy", "invalid_choice", kind.name + " can only be created");

    if (!problems.fields.empty())
        return problems;
    return plan;
}

MappedRow map_row(const ImportPlan& plan, const std::vector<std::string>& cells)
{
    MappedRow mapped;
    std::set<std::string> present;
    std::set<std::string> failed;
    for (const auto& column : plan.columns) {
        const auto& spec = *column.spec;
        auto cell = column.column < cells.size() ? text::trim(cells[column.column]) : "";
        if (cell.empty())
            continue;
        auto value = http::read_text_field(spec, cell);
        if (!value) {
            mapped.problems.push_back({ spec.name, first_message(value.error()) });
            failed.insert(spec.name);
            continue;
        }
        if (std::holds_alternative<std::nullptr_t>(*value))
            continue;
        mapped.values[spec.name] = shown_value(spec, *value);
        present.insert(spec.name);
        if (column.extra)
            mapped.row.extras[spec.name] = param_text(*value);
        else
            mapped.row.values.emplace_back(spec.name, std::move(*value));
    }

    for (const auto* spec : mappable_fields(*plan.kind))
        if (spec->required && !present.count(spec->name) && !failed.count(spec->name)) {
            mapped.problems.push_back({ spec->name, "is required" });
            failed.insert(spec->name);
        }
    const auto& key = plan.duplicate_key;
    if (plan.duplicate_policy != "create" && !key.empty() && !present.count(key)
        && !failed.count(key))
        mapped.problems.push_back({ key, "is required to find an existing record" });
    return mapped;
}

json check_rows(const ImportPlan& plan, const std::vector<std::vector<std::string>>& rows,
    const RowCheck& check)
{
    json preview = json::array();
    json problems = json::array();
    int64_t valid = 0;
    for (size_t index = 0; index < rows.size(); ++index) {
        auto mapped = map_row(plan, rows[index]);
        auto row = file_row_number(index);
        if (mapped.problems.empty() && check)
            if (auto problem = check(mapped.row))
                mapped.problems.push_back(*problem);
        if (mapped.problems.empty())
            ++valid;
        for (const auto& problem : mapped.problems)
            if (problems.size() < max_reported_problems)
                problems.push_back(
                    { { "row", row }, { "field", problem.field }, { "message", problem.message } });
        if (index < import_preview_rows)
            preview.push_back({ { "row", row }, { "values", mapped.values } });
    }
    auto total = static_cast<int64_t>(rows.size());
    return { { "total", total }, { "valid", valid }, { "invalid", total - valid },
        { "preview", preview }, { "problems", problems } };
}

std::string neutralise_cell(std::string_view cell)
{
    if (!cell.empty() && std::string_view("=+-@").find(cell.front()) != std::string_view::npos)
        return "'" + std::string(cell);
    return std::string(cell);
}

std::string failures_csv(const std::vector<std::string>& headers, const json& failures)
{
    std::string csv = "\xEF\xBB\xBF";
    auto header_line = headers;
    header_line.push_back("reason");
    csv += csv_line(header_line);
    for (const auto& failure : failures) {
        std::vector<std::string> line(headers.size());
        const auto& cells = failure.value("cells", json::array());
        for (size_t i = 0; i < headers.size() && i < cells.size(); ++i)
            line[i] = cells[i].is_string() ? cells[i].get<std::string>() : cells[i].dump();
        line.push_back(failure.value("reason", ""));
        csv += csv_line(line);
    }
    return csv;
}

} // namespace rapport::customers
