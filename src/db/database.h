// The one storage interface: SQLite (one file, WAL) or PostgreSQL behind SOCI, a connection pool,
// positional `?` parameters and transactions that roll back when the work returns an Error.
#pragma once

#include "core/result.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace soci {
class session;
}

namespace rapport::db {

enum class Dialect { sqlite, postgresql };

using Param = std::variant<std::nullptr_t, int64_t, std::string>;
using Params = std::vector<Param>;

// A NULL parameter when the optional is empty.
template <typename T> Param nullable(const std::optional<T>& value)
{
    if (!value)
        return nullptr;
    if constexpr (std::is_integral_v<T>)
        return static_cast<int64_t>(*value);
    else
        return std::string(*value);
}

using Value = std::variant<std::monostate, int64_t, double, std::string>;

class Row {
public:
    Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> values)
        : m_columns(std::move(columns))
        , m_values(std::move(values))
    {
    }
    size_t size() const { return m_values.size(); }
    bool is_null(size_t index) const
    {
        return std::holds_alternative<std::monostate>(m_values.at(index));
    }
    int64_t i64(size_t index) const;
    std::string str(size_t index) const; // "" for NULL
    std::optional<int64_t> opt_i64(size_t index) const;
    std::optional<std::string> opt_str(size_t index) const;
    const Value& value(size_t index) const { return m_values.at(index); }
    const std::vector<std::string>& columns() const { return *m_columns; }
    size_t index_of(std::string_view column) const;
    int64_t i64(std::string_view column) const { return i64(index_of(column)); }
    std::string str(std::string_view column) const { return str(index_of(column)); }

private:
    std::shared_ptr<const std::vector<std::string>> m_columns;
    std::vector<Value> m_values;
};

// One pooled connection. Errors from the database are thrown as db::Failure (a bug or an outage);
// expected conditions (a unique key taken) are checked by the service before writing.
class Connection {
public:
    Connection(std::unique_ptr<soci::session> session, Dialect dialect);
    ~Connection();

    Dialect dialect() const { return m_dialect; }
    std::vector<Row> query(std::string_view sql, const Params& params = {});
    std::optional<Row> query_one(std::string_view sql, const Params& params = {});
    int64_t scalar(std::string_view sql, const Params& params = {});
    // Runs a statement; answers the number of rows it changed.
    int64_t execute(std::string_view sql, const Params& params = {});
    // A new id, unique across the installation (ids of different tenants never collide).
    int64_t next_id();
    void execute_script(std::string_view script);
    soci::session& session() { return *m_session; }

private:
    std::unique_ptr<soci::session> m_session;
    Dialect m_dialect;
};

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Database {
public:
    // url: "sqlite:PATH" or "postgresql://…"
    static Result<std::shared_ptr<Database>> open(const std::string& url, size_t pool_size);
    ~Database();

    Dialect dialect() const { return m_dialect; }
    size_t pool_size() const { return m_connections.size(); }
    size_t connections_in_use() const;

    class Lease {
    public:
        Lease(Database& database, Connection* connection)
            : m_database(&database)
            , m_connection(connection)
        {
        }
        Lease(Lease&& other) noexcept
            : m_database(other.m_database)
            , m_connection(other.m_connection)
        {
            other.m_connection = nullptr;
        }
        ~Lease();
        Connection& operator*() { return *m_connection; }
        Connection* operator->() { return m_connection; }

    private:
        Database* m_database;
        Connection* m_connection;
    };
    Lease acquire();

    // Runs `work` in one transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of
    // failing); commits when it returns a value, rolls back on an Error or an exception.
    template <typename T> Result<T> transaction(const std::function<Result<T>(Connection&)>& work)
    {
        auto lease = acquire();
        begin(*lease);
        try {
            Result<T> result = work(*lease);
            if (result.ok())
                commit(*lease);
            else
                rollback(*lease);
            return result;
        } catch (...) {
            rollback(*lease);
            throw;
        }
    }
    template <typename F> auto write(F&& work)
    {
        using R = std::invoke_result_t<F, Connection&>;
        return transaction<std::decay_t<decltype(std::declval<R>().value())>>(
            std::forward<F>(work));
    }
    template <typename F> auto read(F&& work)
    {
        auto lease = acquire();
        return work(*lease);
    }

private:
    Database() = default;
    void begin(Connection& connection);
    void commit(Connection& connection);
    void rollback(Connection& connection);
    void release(Connection* connection);

    Dialect m_dialect = Dialect::sqlite;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<Connection*> m_idle;
    mutable std::mutex m_mutex;
    std::condition_variable m_available;
};

// Brings the schema to the newest version; safe to run on every start and from several processes.
Status migrate(Database& database);

} // namespace rapport::db
