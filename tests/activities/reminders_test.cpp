// The contact reminders against a real SQLite database, with a fixed as_of.
#include "activities/reminders.h"
#include "auth/service.h"
#include "core/clock.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rapport;

namespace {

struct Fixture {
    std::filesystem::path directory;
    std::shared_ptr<db::Database> database;
    http::RequestContext context;

    Fixture()
    {
        char pattern[] = "/tmp/rapport-reminders-test.XXXXXX";
        directory = mkdtemp(pattern);
        database = *db::Database::open("sqlite:" + (directory / "t.db").string(), 2);
        EXPECT_TRUE(db::migrate(*database).ok());
        auto tenant = auth::create_tenant(*database, { "Seoul Co", "KRW", "Asia/Seoul", "ko" },
            { "Owner", "owner@reminders.test", "owner password 1" });
        context.tenant_id = tenant->tenant_id;
        context.user_id = tenant->user_id;
        context.scope = "all";
    }
    ~Fixture() { std::filesystem::remove_all(directory); }

    // A customer entered long ago, with the given contact dates.
    int64_t customer(const std::string& name, std::optional<std::string> level,
        std::optional<std::string> last_contact_at, std::optional<std::string> next_contact_date)
    {
        return *database->write([&](db::Connection& connection) -> Result<int64_t> {
            auto id = connection.next_id();
            connection.execute(
                "INSERT INTO parties (tenant_id, id, name, kind, is_customer, owner_id, level, "
                "last_contact_at, next_contact_date, created_at, updated_at) "
                "VALUES (?, ?, ?, 'company', 1, ?, ?, ?, ?, '2020-01-01T00:00:00Z', "
                "'2020-01-01T00:00:00Z')",
                { context.tenant_id, id, name, context.user_id, db::nullable(level),
                    db::nullable(last_contact_at), db::nullable(next_contact_date) });
            return id;
        });
    }

    std::map<std::string, std::vector<std::string>> groups(const std::string& as_of)
    {
        activities::ReminderQuery query { as_of, "Asia/Seoul" };
        auto answer = database->read([&](db::Connection& connection) {
            return activities::contact_reminders(connection, context, query);
        });
        std::map<std::string, std::vector<std::string>> out;
        for (const auto& item : answer.items)
            out[item["group"].get<std::string>()].push_back(item["party_name"].get<std::string>());
        for (const auto& [group, names] : out)
            EXPECT_EQ(answer.counts[group], static_cast<int64_t>(names.size())) << group;
        return out;
    }
};

} // namespace

TEST(ContactReminders, GroupsForAFixedDay)
{
    Fixture f;
    f.customer("today", "B", "2026-12-01T02:00:00Z", "2026-12-10");
    f.customer("tomorrow", "B", "2026-12-01T02:00:00Z", "2026-12-11");
    f.customer("overdue", "B", "2026-11-20T02:00:00Z", "2026-12-03");
    f.customer("dormant A", "A", "2026-10-01T02:00:00Z", std::nullopt); // 70 days, A after 30
    f.customer("quiet B", "B", "2026-10-20T02:00:00Z", std::nullopt); // 51 days, B after 60
    f.customer("dormant C", "C", "2026-09-11T14:59:59Z", std::nullopt); // 90 days in Seoul
    f.customer("quiet C", "C", "2026-09-11T15:00:00Z", std::nullopt); // 89 days in Seoul
    f.customer("never contacted", std::nullopt, std::nullopt, std::nullopt); // entered in 2020

    auto groups = f.groups("2026-12-10");
    EXPECT_EQ(groups["today"], (std::vector<std::string> { "today" }));
    EXPECT_EQ(groups["tomorrow"], (std::vector<std::string> { "tomorrow" }));
    EXPECT_EQ(groups["overdue"], (std::vector<std::string> { "overdue" }));
    EXPECT_EQ(groups["dormant"],
        (std::vector<std::string> { "never contacted", "dormant C", "dormant A" }));
}
