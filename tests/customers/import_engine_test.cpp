// The import engine's pure parts: mapping suggestions, the mapping check, reading cells into
// rows, the dry run's counts and the failures CSV.
#include "catalog/import_registration.h"
#include "customers/imports.h"

#include <gtest/gtest.h>

namespace rapport::customers {
namespace {

using nlohmann::json;
using Headers = std::vector<std::string>;

const ImportKind& kind(const std::string& name)
{
    static bool registered = [] {
        register_customer_import_kinds();
        catalog::register_product_import_kind();
        return true;
    }();
    (void)registered;
    const ImportKind* found = find_import_kind(name);
    EXPECT_NE(found, nullptr) << name;
    return *found;
}

ImportPlan make_plan(const std::string& kind_name, const Headers& headers, const json& mapping,
    const std::string& policy = "skip", const std::string& key = "")
{
    auto plan = plan_import(kind(kind_name), headers, mapping, policy, key);
    EXPECT_TRUE(plan) << (plan ? "" : plan.error().message);
    return plan ? *plan : ImportPlan {};
}

std::vector<std::string> paths_of(const Error& error)
{
    std::vector<std::string> paths;
    for (const auto& field : error.fields)
        paths.push_back(field.path + " " + field.code);
    return paths;
}

TEST(ImportKinds, EveryKindIsRegistered)
{
    kind("customers");
    EXPECT_EQ(import_kind_names(),
        (Headers { "contacts", "customers", "employees", "products", "suppliers" }));
    EXPECT_EQ(find_import_kind("invoices"), nullptr);
}

TEST(FoldHeader, IgnoresCaseWidthSpacesAndPunctuation)
{
    EXPECT_EQ(fold_header("Company Name"), "companyname");
    EXPECT_EQ(fold_header("company_name"), "companyname");
    EXPECT_EQ(fold_header(" E-Mail. "), "email");
    EXPECT_EQ(fold_header("ＣｏｍｐａｎｙＮａｍｅ"), "companyname");
    EXPECT_EQ(fold_header("회사명 *"), "회사명");
    EXPECT_EQ(fold_header("(공급처 코드)"), "공급처코드");
    EXPECT_EQ(fold_header("---"), "");
}

TEST(SuggestMapping, NorthwindCustomers)
{
    Headers headers = { "CustomerID", "CompanyName", "ContactName", "ContactTitle", "Address",
        "City", "Region", "PostalCode", "Country", "Phone", "Fax" };
    EXPECT_EQ(suggest_mapping(kind("customers"), headers),
        json({ { "CustomerID", "code" }, { "CompanyName", "name" },
            { "ContactName", "contact_name" }, { "ContactTitle", "contact_title" },
            { "Address", "address" }, { "City", "city" }, { "Region", "region" },
            { "PostalCode", "postal_code" }, { "Country", "country" }, { "Phone", "phones" },
            { "Fax", "fax" } }));
}

TEST(SuggestMapping, NorthwindSuppliersAndProducts)
{
    EXPECT_EQ(suggest_mapping(kind("suppliers"),
                  { "SupplierID", "CompanyName", "ContactName", "Phone", "HomePage" }),
        json({ { "SupplierID", "code" }, { "CompanyName", "name" },
            { "ContactName", "contact_name" }, { "Phone", "phones" }, { "HomePage", "website" } }));
    Headers products = { "ProductID", "ProductName", "SupplierID", "CategoryID", "QuantityPerUnit",
        "UnitPrice", "UnitsInStock", "UnitsOnOrder", "ReorderLevel", "Discontinued" };
    EXPECT_EQ(suggest_mapping(kind("products"), products),
        json({ { "ProductID", "code" }, { "ProductName", "name" },
            { "QuantityPerUnit", "specification" }, { "UnitPrice", "unit_price" },
            { "Discontinued", "discontinued" } }));
}

TEST(SuggestMapping, KoreanAndChineseHeaders)
{
    EXPECT_EQ(suggest_mapping(kind("customers"),
                  { "코드", "상호", "사업자등록번호", "전화", "팩스", "담당자", "주소", "비고" }),
        json({ { "코드", "code" }, { "상호", "name" }, { "사업자등록번호", "registration_number" },
            { "전화", "phones" }, { "팩스", "fax" }, { "담당자", "contact_name" },
            { "주소", "address" }, { "비고", "notes" } }));
    EXPECT_EQ(suggest_mapping(kind("customers"), { "회사명", "编号" }),
        json({ { "회사명", "name" }, { "编号", "code" } }));
    EXPECT_EQ(suggest_mapping(kind("suppliers"), { "公司名称", "电话", "联系人", "传真", "邮编" }),
        json({ { "公司名称", "name" }, { "电话", "phones" }, { "联系人", "contact_name" },
            { "传真", "fax" }, { "邮编", "postal_code" } }));
    EXPECT_EQ(suggest_mapping(kind("products"), { "품번", "품명", "규격", "단가", "단위" }),
        json({ { "품번", "code" }, { "품명", "name" }, { "규격", "specification" },
            { "단가", "unit_price" }, { "단위", "unit" } }));
    EXPECT_EQ(suggest_mapping(kind("products"), { "编号", "品名", "单价" }),
        json({ { "编号", "code" }, { "品名", "name" }, { "单价", "unit_price" } }));
}

TEST(SuggestMapping, OwnNameBeatsAliasAndEachFieldOnce)
{
    // "name" is the field's own name, so CompanyName stays unmapped; the second phone column too
    EXPECT_EQ(
        suggest_mapping(kind("customers"), { "CompanyName", "name", "Tel", "Phone", "Color" }),
        json({ { "name", "name" }, { "Tel", "phones" } }));
    // in a contact list, ContactName is the contact's own name and CustomerID its party
    EXPECT_EQ(suggest_mapping(kind("contacts"), { "CustomerID", "ContactName", "ContactTitle" }),
        json({ { "CustomerID", "party_code" }, { "ContactName", "name" },
            { "ContactTitle", "title" } }));
    EXPECT_EQ(
        suggest_mapping(kind("employees"), { "EmployeeID", "Title", "HomePhone", "LastName" }),
        json({ { "EmployeeID", "code" }, { "Title", "title" }, { "HomePhone", "phone" },
            { "LastName", "last_name" } }));
}

TEST(PlanImport, AcceptsAMappingInColumnOrder)
{
    auto plan = make_plan("customers", { "Name", "Ignored", "Code", "Fax" },
        { { "Code", "code" }, { "Name", "name" }, { "Fax", "fax" }, { "Ignored", "" } }, "update");
    ASSERT_EQ(plan.columns.size(), 3u);
    EXPECT_EQ(plan.columns[0].header, "Name");
    EXPECT_EQ(plan.columns[1].column, 2u);
    EXPECT_FALSE(plan.columns[1].extra);
    EXPECT_TRUE(plan.columns[2].extra);
    EXPECT_EQ(plan.duplicate_policy, "update");
    EXPECT_EQ(plan.duplicate_key, "code"); // the first of the kind's keys that is mapped
}

TEST(PlanImport, ReportsEveryProblemWithItsPath)
{
    auto plan = plan_import(kind("customers"), { "Name", "Code", "Phone" },
        { { "Name", "nickname" }, { "Code", "code" }, { "Phone", "code" }, { "Missing", "notes" } },
        "merge", "email");
    ASSERT_FALSE(plan);
    EXPECT_EQ(plan.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(paths_of(plan.error()),
        (Headers { "mapping.Missing unknown_column", "mapping.Name unknown_field",
            "mapping.Phone mapped_twice", "mapping required", "duplicate_policy invalid_choice",
            "duplicate_key invalid_choice" }));
    EXPECT_EQ(plan.error().fields[0].message, "the file has no column Missing");
    EXPECT_EQ(plan.error().fields[1].message, "customers have no field nickname");
    EXPECT_EQ(plan.error().fields[3].message, "name must be mapped to a column");
}

TEST(PlanImport, TheDuplicateKeyMustBeMappedUnlessCreating)
{
    auto plan
        = plan_import(kind("customers"), { "Name" }, { { "Name", "name" } }, "update", "code");
    ASSERT_FALSE(plan);
    EXPECT_EQ(paths_of(plan.error()), (Headers { "duplicate_key unmapped" }));
    EXPECT_TRUE(
        plan_import(kind("customers"), { "Name" }, { { "Name", "name" } }, "create", "code"));
    EXPECT_FALSE(plan_import(kind("customers"), { "Name" }, json::array(), "skip", ""));
}

TEST(MapRow, ValidatesCellsLikeARequestBody)
{
    auto plan = make_plan("products", { "Code", "Name", "Price", "Discontinued", "Tax" },
        { { "Code", "code" }, { "Name", "name" }, { "Price", "unit_price" },
            { "Discontinued", "discontinued" }, { "Tax", "tax_rate" } });

    auto good = map_row(plan, { " P-1 ", "Chai", "18", "1", "" });
    EXPECT_TRUE(good.problems.empty());
    EXPECT_EQ(good.values,
        json({ { "code", "P-1" }, { "name", "Chai" }, { "unit_price", "18.00" },
            { "discontinued", true } }));
    ASSERT_EQ(good.row.values.size(), 3u); // the empty tax cell is left out
    EXPECT_EQ(good.row.values[2].first, "unit_price");
    EXPECT_EQ(std::get<int64_t>(good.row.values[2].second), 180000); // 4 decimal places
    EXPECT_EQ(good.row.extras, (std::map<std::string, std::string> { { "discontinued", "1" } }));

    auto bad = map_row(plan, { "P-2", "", "18.123456", "maybe" });
    ASSERT_EQ(bad.problems.size(), 3u);
    EXPECT_EQ(bad.problems[0].field, "unit_price");
    EXPECT_EQ(bad.problems[0].message, "at most 4 decimal places");
    EXPECT_EQ(bad.problems[1].field, "discontinued");
    EXPECT_EQ(bad.problems[1].message, "must be yes/no, true/false or 1/0");
    EXPECT_EQ(bad.problems[2].field, "name");
    EXPECT_EQ(bad.problems[2].message, "is required");
}

TEST(MapRow, ListsAndExtrasOfAParty)
{
    auto plan = make_plan("customers", { "Name", "Phone", "Fax", "Mail", "ContactName" },
        { { "Name", "name" }, { "Phone", "phones" }, { "Fax", "fax" }, { "Mail", "emails" },
            { "ContactName", "contact_name" } },
        "create");
    auto row
        = map_row(plan, { "Alfreds", "030-0074321", "030-0076545", "sales@alfreds.de", "Maria" });
    EXPECT_TRUE(row.problems.empty());
    EXPECT_EQ(row.values["phones"], json::parse(R"([{"type":"work","number":"030-0074321"}])"));
    EXPECT_EQ(
        row.values["emails"], json::parse(R"([{"type":"work","address":"sales@alfreds.de"}])"));
    EXPECT_EQ(row.row.extras.at("contact_name"), "Maria");
    EXPECT_EQ(json::parse(row.row.extras.at("fax")),
        json::parse(R"([{"type":"work","number":"030-0076545"}])"));

    auto bad = map_row(plan, { "Alfreds", "n/a", "", "not mail" });
    ASSERT_EQ(bad.problems.size(), 2u);
    EXPECT_EQ(bad.problems[0].field, "phones");
    EXPECT_EQ(bad.problems[0].message, "must contain a phone number");
    EXPECT_EQ(bad.problems[1].field, "emails");
    EXPECT_EQ(bad.problems[1].message, "is not an e-mail address");
}

TEST(MapRow, AnEmptyDuplicateKeyIsAProblemUnlessCreating)
{
    Headers headers = { "Code", "Name" };
    json mapping = { { "Code", "code" }, { "Name", "name" } };
    auto row = map_row(make_plan("customers", headers, mapping, "update", "code"), { "", "Acme" });
    ASSERT_EQ(row.problems.size(), 1u);
    EXPECT_EQ(row.problems[0].field, "code");
    EXPECT_EQ(row.problems[0].message, "is required to find an existing record");
    EXPECT_TRUE(map_row(make_plan("customers", headers, mapping, "create"), { "", "Acme" })
                    .problems.empty());
}

TEST(CheckRows, CountsAndNumbersRowsAsTheFileShowsThem)
{
    auto plan = make_plan("customers", { "Code", "Name", "Email" },
        { { "Code", "code" }, { "Name", "name" }, { "Email", "emails" } });
    std::vector<std::vector<std::string>> rows;
    for (int i = 1; i <= 12; ++i)
        rows.push_back({ "C" + std::to_string(i), "Company " + std::to_string(i), "" });
    rows[2][1] = ""; // row 4: no name
    rows[11][2] = "broken"; // row 13: bad e-mail

    auto answer = check_rows(plan, rows);
    EXPECT_EQ(answer["total"], 12);
    EXPECT_EQ(answer["valid"], 10);
    EXPECT_EQ(answer["invalid"], 2);
    EXPECT_EQ(answer["problems"], json::parse(R"([{"row":4,"field":"name","message":"is required"},
                        {"row":13,"field":"emails","message":"is not an e-mail address"}])"));
    ASSERT_EQ(answer["preview"].size(), 10u);
    EXPECT_EQ(answer["preview"][0],
        json::parse(R"({"row":2,"values":{"code":"C1","name":"Company 1"}})"));
    EXPECT_EQ(answer["preview"][2], json::parse(R"({"row":4,"values":{"code":"C3"}})"));
}

TEST(FailuresCsv, NeutralisesFormulasAndQuotes)
{
    EXPECT_EQ(neutralise_cell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
    EXPECT_EQ(neutralise_cell("+82 10-1234-5678"), "'+82 10-1234-5678");
    EXPECT_EQ(neutralise_cell("-5"), "'-5");
    EXPECT_EQ(neutralise_cell("@cmd"), "'@cmd");
    EXPECT_EQ(neutralise_cell("a=b"), "a=b");
    EXPECT_EQ(neutralise_cell(""), "");

    auto failures = json::parse(R"json([
        {"row": 3, "reason": "name: is required", "cells": ["K1", "", "=HYPERLINK(\"x\")"]},
        {"row": 7, "reason": "code K2 is already used by another record", "cells": ["K2", "가나, 다"]}
    ])json");
    EXPECT_EQ(failures_csv({ "code", "name", "note" }, failures),
        "\xEF\xBB\xBF"
        "code,name,note,reason\r\n"
        "K1,,\"'=HYPERLINK(\"\"x\"\")\",name: is required\r\n"
        "K2,\"가나, 다\",,code K2 is already used by another record\r\n");
}

} // namespace
} // namespace rapport::customers
