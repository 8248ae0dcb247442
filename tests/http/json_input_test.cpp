#include "http/json_input.h"
#include "http/record.h"

#include <gtest/gtest.h>

using namespace rapport;
using namespace rapport::http;

TEST(JsonInput, CollectsEveryProblemWithItsPath)
{
    auto body = nlohmann::json::parse(
        R"({"name": "", "age": "7", "email": "not-mail", "nickname": "x"})");
    JsonInput input(body);
    input.text("name", true);
    input.integer("age");
    input.email("email");
    auto result = input.finish();
    ASSERT_FALSE(result.ok());
    std::map<std::string, std::string> codes;
    for (const auto& field : result.error().fields)
        codes[field.path] = field.code;
    EXPECT_EQ(codes,
        (std::map<std::string, std::string> { { "name", "required" }, { "age", "invalid_type" },
            { "email", "invalid_email" }, { "nickname", "unknown_field" } }));
}

TEST(Record, ValidatesNestedListsWithIndexedPaths)
{
    std::vector<FieldSpec> specs = { { "name", FieldKind::text, true, 5 },
        { "emails", FieldKind::emails }, { "price", FieldKind::decimal, false, 0, {}, 4, 2, 0 } };
    auto body = nlohmann::json::parse(
        R"({"name": "한빛상사와친구", "emails": [{"address": "a@b.kr"}, {"address": "nope"}], "price": "1.00001"})");
    JsonInput input(body);
    read_fields(input, specs, true);
    auto result = input.finish();
    ASSERT_FALSE(result.ok());
    std::map<std::string, std::string> codes;
    for (const auto& field : result.error().fields)
        codes[field.path] = field.code;
    EXPECT_EQ(codes,
        (std::map<std::string, std::string> { { "name", "too_long" },
            { "emails[1].address", "invalid_email" }, { "price", "invalid_decimal" } }));
}

TEST(Record, ReadsTextCellsForImports)
{
    FieldSpec price { "unit_price", FieldKind::decimal, false, 0, {}, 4, 2, 0 };
    EXPECT_EQ(std::get<int64_t>(read_text_field(price, "18").value()), 180000);
    FieldSpec active { "active", FieldKind::boolean };
    EXPECT_EQ(std::get<int64_t>(read_text_field(active, "yes").value()), 1);
    EXPECT_FALSE(read_text_field(active, "maybe").ok());
    FieldSpec phones { "phones", FieldKind::phones };
    EXPECT_EQ(std::get<std::string>(read_text_field(phones, "030-0074321").value()),
        R"([{"number":"030-0074321","type":"work"}])");
}
