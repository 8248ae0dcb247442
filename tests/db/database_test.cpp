#include "db/database.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rapport;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        char pattern[] = "/tmp/rapport-db-test.XXXXXX";
        path = mkdtemp(pattern);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

} // namespace

TEST(Database, MigratesOnceAndPersistsAcrossReopening)
{
    TempDir dir;
    auto url = "sqlite:" + (dir.path / "t.db").string();
    {
        auto database = db::Database::open(url, 2);
        ASSERT_TRUE(database.ok());
        ASSERT_TRUE(db::migrate(**database).ok());
        ASSERT_TRUE(db::migrate(**database).ok());
        auto first
            = (*database)->write([](db::Connection& c) -> Result<int64_t> { return c.next_id(); });
        auto second
            = (*database)->write([](db::Connection& c) -> Result<int64_t> { return c.next_id(); });
        EXPECT_EQ(*second, *first + 1);
        (*database)->write([](db::Connection& c) -> Result<Ok> {
            c.execute("INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, "
                      "?, ?, ?, ?)",
                { int64_t(5000000000LL), std::string("kim@example.kr"), std::string("김철수"),
                    std::string("x"), std::string("2026-12-04T00:00:00Z") });
            return Ok {};
        });
    }
    auto reopened = db::Database::open(url, 1);
    ASSERT_TRUE(reopened.ok());
    auto row = (*reopened)->read(
        [](db::Connection& c) { return c.query_one("SELECT id, name, created_at FROM users"); });
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->i64(0), 5000000000LL);
    EXPECT_EQ(row->str(1), "김철수");
    EXPECT_EQ(row->str(2), "2026-12-04T00:00:00Z");
    auto null_row = (*reopened)->read(
        [](db::Connection& c) { return c.query_one("SELECT CAST(NULL AS TEXT) AS missing"); });
    EXPECT_TRUE(null_row->is_null(0));
    EXPECT_EQ((*reopened)->read([](db::Connection& c) {
        return c.scalar("SELECT COUNT(*) FROM schema_migrations WHERE version <= 4");
    }),
        4);
}

TEST(Database, RollsBackWhenTheWorkAnswersAnError)
{
    TempDir dir;
    auto database = db::Database::open("sqlite:" + (dir.path / "t.db").string(), 1);
    ASSERT_TRUE(db::migrate(**database).ok());
    auto result = (*database)->write([](db::Connection& c) -> Result<Ok> {
        c.execute("INSERT INTO users (id, email, name, password_hash, created_at) VALUES (1, "
                  "'a@b.c', 'A', 'x', 'now')");
        return Error::make(ErrorCode::invalid_input, "no", "refused");
    });
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(
        (*database)->read([](db::Connection& c) { return c.scalar("SELECT COUNT(*) FROM users"); }),
        0);
}

TEST(Database, RefusesUnknownUrls)
{
    auto database = db::Database::open("mysql://x", 1);
    ASSERT_FALSE(database.ok());
    EXPECT_EQ(database.error().detail_code, "invalid_database_url");
}
