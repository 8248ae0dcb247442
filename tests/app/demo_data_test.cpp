#include "activities/reminders.h"
#include "app/demo_data.h"
#include "auth/service.h"
#include "core/dates.h"
#include "db/database.h"

#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <random>

using namespace rapport;

namespace {

const std::string owner_email = "owner@demo.rapport.test";
const std::string owner_password = "demo-password-2026";

// The demo's fixed seed makes these exact; a change to the generator shows up here first.
constexpr int64_t expected_customers = 300;
constexpr int64_t expected_prospects = 23;
constexpr int64_t expected_suppliers = 40;
constexpr int64_t expected_contacts = 627;
constexpr int64_t expected_products = 120;
constexpr int64_t expected_users = 7; // the owner and six staff
constexpr int64_t expected_employees = 8;

// The 사업자등록번호 rule, written out again so a wrong weight in the generator cannot hide.
bool valid_registration_number(const std::string& number)
{
    if (number.size() != 12 || number[3] != '-' || number[6] != '-')
        return false;
    std::string digits;
    for (size_t i = 0; i < number.size(); ++i) {
        if (i == 3 || i == 6)
            continue;
        if (number[i] < '0' || number[i] > '9')
            return false;
        digits += number[i];
    }
    const int weights[] = { 1, 3, 7, 1, 3, 7, 1, 3, 5 };
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += (digits[i] - '0') * weights[i];
    sum += (digits[8] - '0') * 5 / 10;
    return (10 - sum % 10) % 10 == digits[9] - '0';
}

std::vector<char32_t> code_points(const std::string& text)
{
    std::vector<char32_t> out;
    for (size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t point = length == 1 ? byte : byte & (0x7F >> length);
        for (int k = 1; k < length && i + k < text.size(); ++k)
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(point);
        i += length;
    }
    return out;
}

struct Scripts {
    bool hangul = false;
    bool han = false;
    bool latin = false;
};

Scripts scripts_of(const std::vector<std::string>& names)
{
    Scripts seen;
    for (const auto& name : names)
        for (char32_t c : code_points(name)) {
            seen.hangul |= c >= 0xAC00 && c <= 0xD7A3;
            seen.han |= c >= 0x4E00 && c <= 0x9FFF;
            seen.latin |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
    return seen;
}

class DemoData : public ::testing::Test {
protected:
    void SetUp() override
    {
        directory = std::filesystem::temp_directory_path()
            / ("rapport_demo_test_" + std::to_string(std::random_device {}()));
        std::filesystem::create_directories(directory);
        auto opened = db::Database::open("sqlite:" + (directory / "demo.db").string(), 2);
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        database = *opened;
        auto migrated = db::migrate(*database);
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    }

    void TearDown() override
    {
        database.reset();
        std::filesystem::remove_all(directory);
    }

    int64_t count(const std::string& sql, int64_t tenant_id)
    {
        return database->read(
            [&](db::Connection& connection) { return connection.scalar(sql, { tenant_id }); });
    }

    std::vector<db::Row> rows(const std::string& sql, int64_t tenant_id)
    {
        return database->read(
            [&](db::Connection& connection) { return connection.query(sql, { tenant_id }); });
    }

    std::vector<std::string> texts(const std::string& sql, int64_t tenant_id)
    {
        std::vector<std::string> out;
        for (const auto& row : rows(sql, tenant_id))
            out.push_back(row.str(0));
        return out;
    }

    // Rows of every table the demo writes to, to prove a second call adds nothing.
    std::vector<int64_t> table_counts(int64_t tenant_id)
    {
        std::vector<int64_t> out;
        for (const char* table :
            { "branches", "memberships", "employees", "parties", "contacts", "products" })
            out.push_back(count(
                std::string("SELECT COUNT(*) FROM ") + table + " WHERE tenant_id = ?", tenant_id));
        return out;
    }

    std::filesystem::path directory;
    std::shared_ptr<db::Database> database;
};

TEST(DemoRegistrationNumber, CheckDigitRuleMatchesAWorkedExample)
{
    // 1·1+2·3+3·7+4·1+5·3+6·7+7·1+8·3+9·5 = 165, + ⌊9·5/10⌋ = 169 → check digit 1
    EXPECT_TRUE(valid_registration_number("123-45-67891"));
    EXPECT_FALSE(valid_registration_number("123-45-67892"));
    EXPECT_FALSE(valid_registration_number("1234567891"));
}

TEST_F(DemoData, CreatesTheCompanyOnceWithItsStaffPartiesAndProducts)
{
    auto started = std::chrono::steady_clock::now();
    auto first = app::ensure_demo_tenant(*database, owner_email, owner_password);
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    ASSERT_TRUE(first.ok()) << first.error().message;
    std::cout << "[ demo     ] created in " << elapsed.count() << " ms\n";
    EXPECT_TRUE(first->created);
    EXPECT_EQ(first->email, owner_email);
    auto tenant_id = first->tenant_id;

    EXPECT_EQ(count("SELECT COUNT(*) FROM parties WHERE tenant_id = ? AND "
                    "(is_customer = 1 OR is_prospect = 1)",
                  tenant_id),
        expected_customers);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM parties WHERE tenant_id = ? AND is_prospect = 1", tenant_id),
        expected_prospects);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM parties WHERE tenant_id = ? AND is_supplier = 1", tenant_id),
        expected_suppliers);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM contacts WHERE tenant_id = ?", tenant_id), expected_contacts);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM products WHERE tenant_id = ?", tenant_id), expected_products);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM memberships WHERE tenant_id = ?", tenant_id), expected_users);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM employees WHERE tenant_id = ?", tenant_id), expected_employees);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM employees WHERE tenant_id = ? AND user_id IS NULL", tenant_id),
        2);
    EXPECT_EQ(texts("SELECT name FROM branches WHERE tenant_id = ? ORDER BY code", tenant_id),
        (std::vector<std::string> { "부산지점", "본사", "上海办事处" }));

    // every party has 1–3 contacts
    EXPECT_EQ(count("SELECT COUNT(*) FROM parties p WHERE p.tenant_id = ? AND (SELECT COUNT(*) "
                    "FROM contacts c WHERE c.tenant_id = p.tenant_id AND c.party_id = p.id) "
                    "NOT BETWEEN 1 AND 3",
                  tenant_id),
        0);

    // the owner and the staff sign in with the demo password
    EXPECT_TRUE(auth::sign_in(*database, owner_email, owner_password).ok());
    EXPECT_TRUE(auth::sign_in(*database, "rep1@demo.rapport.test", owner_password).ok());

    auto second = app::ensure_demo_tenant(*database, owner_email, owner_password);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_FALSE(second->created);
    EXPECT_EQ(second->tenant_id, tenant_id);
    auto before = table_counts(tenant_id);
    EXPECT_EQ(
        database->read([](db::Connection& c) { return c.scalar("SELECT COUNT(*) FROM tenants"); }),
        1);
    EXPECT_EQ(table_counts(tenant_id), before);
}

TEST_F(DemoData, GeneratesValidNumbersWholeWonAndMixedScripts)
{
    auto demo = app::ensure_demo_tenant(*database, owner_email, owner_password);
    ASSERT_TRUE(demo.ok()) << demo.error().message;
    auto tenant_id = demo->tenant_id;

    auto numbers = texts("SELECT registration_number FROM parties WHERE tenant_id = ? AND "
                         "registration_number IS NOT NULL",
        tenant_id);
    EXPECT_GT(numbers.size(), 150u);
    for (const auto& number : numbers)
        EXPECT_TRUE(valid_registration_number(number)) << number;
    EXPECT_EQ(std::set<std::string>(numbers.begin(), numbers.end()).size(), numbers.size());

    // KRW has no minor unit: prices at scale 4 are whole won, credit limits whole won integers
    for (const auto& row : rows("SELECT code, unit_price, cost, tax_rate FROM products "
                                "WHERE tenant_id = ?",
             tenant_id)) {
        EXPECT_EQ(row.i64(1) % 10000, 0) << row.str(0);
        EXPECT_EQ(row.i64(2) % 10000, 0) << row.str(0);
        EXPECT_GT(row.i64(2), 0) << row.str(0);
        EXPECT_LT(row.i64(2), row.i64(1)) << row.str(0);
        EXPECT_TRUE(row.i64(3) == 1000 || row.i64(3) == 0) << row.str(0);
    }
    // credit limits sit in the party's currency: round millions of won, round thousands abroad
    auto limits = rows("SELECT credit_limit, currency FROM parties WHERE tenant_id = ? AND "
                       "credit_limit IS NOT NULL",
        tenant_id);
    EXPECT_GT(limits.size(), 250u);
    for (const auto& row : limits) {
        ASSERT_TRUE(std::holds_alternative<int64_t>(row.value(0)));
        EXPECT_GT(row.i64(0), 0);
        EXPECT_EQ(row.i64(0) % (row.str(1) == "KRW" ? 1'000'000 : 100'000), 0) << row.str(1);
    }

    auto party_scripts
        = scripts_of(texts("SELECT name FROM parties WHERE tenant_id = ?", tenant_id));
    EXPECT_TRUE(party_scripts.hangul);
    EXPECT_TRUE(party_scripts.han);
    EXPECT_TRUE(party_scripts.latin);
    auto product_scripts
        = scripts_of(texts("SELECT name FROM products WHERE tenant_id = ?", tenant_id));
    EXPECT_TRUE(product_scripts.hangul);
    EXPECT_TRUE(product_scripts.han);
    EXPECT_TRUE(product_scripts.latin);
    auto contact_scripts
        = scripts_of(texts("SELECT name FROM contacts WHERE tenant_id = ?", tenant_id));
    EXPECT_TRUE(contact_scripts.hangul);
    EXPECT_TRUE(contact_scripts.han);
    EXPECT_TRUE(contact_scripts.latin);

    // customers are spread over the four sales reps, all of them members of the company
    EXPECT_EQ(count("SELECT COUNT(DISTINCT p.owner_id) FROM parties p JOIN memberships m ON "
                    "m.tenant_id = p.tenant_id AND m.user_id = p.owner_id JOIN roles r ON "
                    "r.tenant_id = m.tenant_id AND r.id = m.role_id WHERE p.tenant_id = ? AND "
                    "r.code = 'sales_rep'",
                  tenant_id),
        4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM parties WHERE tenant_id = ? AND is_supplier = 0 AND "
                    "owner_id IS NULL",
                  tenant_id),
        0);
    EXPECT_EQ(
        count("SELECT COUNT(DISTINCT branch_id) FROM parties WHERE tenant_id = ?", tenant_id), 3);
}

TEST_F(DemoData, IsTheSameCompanyInEveryDatabase)
{
    auto other_opened = db::Database::open("sqlite:" + (directory / "other.db").string(), 2);
    ASSERT_TRUE(other_opened.ok());
    auto other = *other_opened;
    ASSERT_TRUE(db::migrate(*other).ok());
    auto here = app::ensure_demo_tenant(*database, owner_email, owner_password);
    auto there = app::ensure_demo_tenant(*other, owner_email, owner_password);
    ASSERT_TRUE(here.ok() && there.ok());

    // ids differ between databases; everything a user reads must not
    const std::string fingerprint
        = "SELECT p.code || ' ' || p.name || ' ' || COALESCE(p.registration_number, '') || ' ' || "
          "p.phones || ' ' || COALESCE(p.credit_limit, '') || ' ' || (SELECT group_concat(c.name "
          "|| c.phones, ';') FROM contacts c WHERE c.tenant_id = p.tenant_id AND c.party_id = "
          "p.id) "
          "FROM parties p WHERE p.tenant_id = ? UNION ALL SELECT code || ' ' || name || ' ' || "
          "unit_price FROM products WHERE tenant_id = ? ORDER BY 1";
    auto read = [&](db::Database& from, int64_t tenant_id) {
        std::vector<std::string> out;
        for (const auto& row : from.read([&](db::Connection& connection) {
                 return connection.query(fingerprint, { tenant_id, tenant_id });
             }))
            out.push_back(row.str(0));
        return out;
    };
    auto expected = read(*database, here->tenant_id);
    EXPECT_EQ(expected.size(), 460u);
    EXPECT_EQ(read(*other, there->tenant_id), expected);
}

} // namespace

TEST_F(DemoData, EveryRepHasContactsDueTodayAndOverdue)
{
    auto demo = app::ensure_demo_tenant(*database, owner_email, owner_password);
    ASSERT_TRUE(demo.ok()) << demo.error().message;
    auto tenant_id = demo->tenant_id;
    auto today = dates::today_in("Asia/Seoul");

    // the log lies in the past, the customers' dates follow their latest contact
    EXPECT_EQ(count("SELECT COUNT(*) FROM activities WHERE tenant_id = ?", tenant_id), 986);
    EXPECT_EQ(count("SELECT COUNT(*) FROM activities WHERE tenant_id = ? AND occurred_on >= '"
                      + today + "'",
                  tenant_id),
        0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM parties p WHERE p.tenant_id = ? AND "
                    "(p.last_contact_at IS NOT (SELECT MAX(a.occurred_at) FROM activities a WHERE "
                    "a.tenant_id = p.tenant_id AND a.party_id = p.id) OR p.next_contact_date <= "
                    "substr(p.last_contact_at, 1, 10))",
                  tenant_id),
        0);

    std::map<std::string, int64_t> totals;
    for (const auto& rep : rows("SELECT u.id, u.email FROM users u JOIN memberships m ON "
                                "m.user_id = u.id WHERE m.tenant_id = ? AND u.email LIKE 'rep%' "
                                "ORDER BY u.email",
             tenant_id)) {
        http::RequestContext context;
        context.tenant_id = tenant_id;
        context.user_id = rep.i64(0);
        context.role = "sales_rep";
        context.scope = "own";
        auto answer = database->read([&](db::Connection& connection) {
            return activities::contact_reminders(connection, context, { today, "Asia/Seoul" });
        });
        for (const char* group : { "today", "overdue", "tomorrow" }) {
            if (std::string(group) != "tomorrow")
                EXPECT_GT(answer.counts[group], 0) << rep.str(1) << " " << group;
            totals[group] += answer.counts[group];
        }
    }
    EXPECT_EQ(totals,
        (std::map<std::string, int64_t> { { "today", 17 }, { "tomorrow", 7 }, { "overdue", 31 } }));
}

TEST_F(DemoData, PartiesHoldCodesOfTheTenantsLists)
{
    auto demo = app::ensure_demo_tenant(*database, owner_email, owner_password);
    ASSERT_TRUE(demo.ok()) << demo.error().message;
    // the list filters of the web app send codes: a party holding a label would never match
    for (auto [column, list] : { std::pair { "industry", "industries" },
             std::pair { "source", "sources" }, std::pair { "region", "regions" } })
        EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM parties p WHERE p.tenant_id = ? AND p.")
                          + column
                          + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM lists_of_values l WHERE "
                            "l.tenant_id = "
                            "p.tenant_id AND l.list_name = '"
                          + list + "' AND l.code = p." + column + ")",
                      demo->tenant_id),
            0)
            << column;
    EXPECT_EQ(
        texts("SELECT label FROM lists_of_values WHERE tenant_id = ? AND list_name = 'regions' AND "
              "code = 'usa'",
            demo->tenant_id),
        (std::vector<std::string> { "미국" }));
}
