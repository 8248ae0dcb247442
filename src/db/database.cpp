#include "db/database.h"

#include <charconv>
#include <filesystem>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace rapport::db {

namespace {

// SOCI names parameters; Rapport's SQL uses `?` in order. String literals never hold a `?`.
std::string number_placeholders(std::string_view sql)
{
    std::string out;
    out.reserve(sql.size() + 16);
    int index = 0;
    for (char c : sql) {
        if (c == '?')
            out += ":p" + std::to_string(++index);
        else
            out.push_back(c);
    }
    return out;
}

struct Bindings {
    std::vector<std::string> strings;
    std::vector<long long> numbers;
    std::vector<soci::indicator> indicators;

    void bind(soci::statement& statement, const Params& params)
    {
        strings.reserve(params.size());
        numbers.reserve(params.size());
        indicators.reserve(params.size());
        for (const auto& param : params) {
            if (std::holds_alternative<int64_t>(param)) {
                numbers.push_back(std::get<int64_t>(param));
                statement.exchange(soci::use(numbers.back()));
            } else if (std::holds_alternative<std::string>(param)) {
                strings.push_back(std::get<std::string>(param));
                statement.exchange(soci::use(strings.back()));
            } else {
                strings.emplace_back();
                indicators.push_back(soci::i_null);
                statement.exchange(soci::use(strings.back(), indicators.back()));
            }
        }
    }
};

Value read_value(const soci::row& row, size_t index)
{
    if (row.get_indicator(index) == soci::i_null)
        return std::monostate {};
    switch (row.get_properties(index).get_data_type()) {
    case soci::dt_integer:
        return static_cast<int64_t>(row.get<int>(index));
    case soci::dt_long_long:
        return static_cast<int64_t>(row.get<long long>(index));
    case soci::dt_unsigned_long_long:
        return static_cast<int64_t>(row.get<unsigned long long>(index));
    case soci::dt_double:
        return row.get<double>(index);
    case soci::dt_string:
        return row.get<std::string>(index);
    default:
        throw Failure("unsupported column type in " + row.get_properties(index).get_name());
    }
}

// libpq keyword form of a postgresql:// URL ("host=… port=… dbname=…"): SOCI would read the URL's
// scheme as a backend name and mangle the rest.
std::string libpq_keywords(const std::string& url)
{
    auto rest = url.substr(url.find("://") + 3);
    std::string keywords;
    auto add = [&](const std::string& key, const std::string& value) {
        if (value.empty())
            return;
        std::string quoted;
        for (char c : value) {
            if (c == '\\' || c == '\'')
                quoted.push_back('\\');
            quoted.push_back(c);
        }
        keywords += (keywords.empty() ? "" : " ") + key + "='" + quoted + "'";
    };
    auto query_start = rest.find('?');
    auto query = query_start == std::string::npos ? std::string() : rest.substr(query_start + 1);
    rest = rest.substr(0, query_start);
    auto slash = rest.find('/');
    auto authority = rest.substr(0, slash);
    auto database = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
    auto at = authority.rfind('@');
    if (at != std::string::npos) {
        auto credentials = authority.substr(0, at);
        authority = authority.substr(at + 1);
        auto colon = credentials.find(':');
        add("user", credentials.substr(0, colon));
        if (colon != std::string::npos)
            add("password", credentials.substr(colon + 1));
    }
    auto colon = authority.rfind(':');
    if (colon != std::string::npos && authority.find(']') == std::string::npos) {
        add("host", authority.substr(0, colon));
        add("port", authority.substr(colon + 1));
    } else {
        add("host", authority);
    }
    add("dbname", database);
    while (!query.empty()) {
        auto end = query.find('&');
        auto pair = query.substr(0, end);
        auto equals = pair.find('=');
        if (equals != std::string::npos)
            add(pair.substr(0, equals), pair.substr(equals + 1));
        query = end == std::string::npos ? std::string() : query.substr(end + 1);
    }
    return keywords;
}

} // namespace

int64_t Row::i64(size_t index) const
{
    const auto& value = m_values.at(index);
    if (auto number = std::get_if<int64_t>(&value))
        return *number;
    if (auto real = std::get_if<double>(&value))
        return static_cast<int64_t>(*real);
    if (auto text = std::get_if<std::string>(&value)) {
        int64_t number = 0;
        std::from_chars(text->data(), text->data() + text->size(), number);
        return number;
    }
    return 0;
}

std::string Row::str(size_t index) const
{
    const auto& value = m_values.at(index);
    if (auto text = std::get_if<std::string>(&value))
        return *text;
    if (auto number = std::get_if<int64_t>(&value))
        return std::to_string(*number);
    if (auto real = std::get_if<double>(&value))
        return std::to_string(*real);
    return {};
}

std::optional<int64_t> Row::opt_i64(size_t index) const
{
    return is_null(index) ? std::nullopt : std::optional<int64_t>(i64(index));
}

std::optional<std::string> Row::opt_str(size_t index) const
{
    return is_null(index) ? std::nullopt : std::optional<std::string>(str(index));
}

size_t Row::index_of(std::string_view column) const
{
    for (size_t i = 0; i < m_columns->size(); ++i)
        if ((*m_columns)[i] == column)
            return i;
    throw Failure("no column " + std::string(column));
}

Connection::Connection(std::unique_ptr<soci::session> session, Dialect dialect)
    : m_session(std::move(session))
    , m_dialect(dialect)
{
}

Connection::~Connection() = default;

std::vector<Row> Connection::query(std::string_view sql, const Params& params)
{
    try {
        soci::row row;
        soci::statement statement(*m_session);
        Bindings bindings;
        bindings.bind(statement, params);
        statement.exchange(soci::into(row));
        statement.alloc();
        statement.prepare(number_placeholders(sql));
        statement.define_and_bind();

        std::vector<Row> rows;
        std::shared_ptr<std::vector<std::string>> columns;
        if (statement.execute(true)) {
            do {
                if (!columns) {
                    columns = std::make_shared<std::vector<std::string>>();
                    for (size_t i = 0; i < row.size(); ++i)
                        columns->push_back(row.get_properties(i).get_name());
                }
                std::vector<Value> values;
                values.reserve(row.size());
                for (size_t i = 0; i < row.size(); ++i)
                    values.push_back(read_value(row, i));
                rows.emplace_back(columns, std::move(values));
            } while (statement.fetch());
        }
        return rows;
    } catch (const soci::soci_error& error) {
        throw Failure(std::string(error.what()) + " [" + std::string(sql.substr(0, 200)) + "]");
    }
}

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params)
{
    auto rows = query(sql, params);
    if (rows.empty())
        return std::nullopt;
    return std::move(rows.front());
}

int64_t Connection::scalar(std::string_view sql, const Params& params)
{
    auto row = query_one(sql, params);
    return row && row->size() > 0 ? row->i64(0) : 0;
}

int64_t Connection::execute(std::string_view sql, const Params& params)
{
    try {
        soci::statement statement(*m_session);
        Bindings bindings;
        bindings.bind(statement, params);
        statement.alloc();
        statement.prepare(number_placeholders(sql));
        statement.define_and_bind();
        statement.execute(true);
        return statement.get_affected_rows();
    } catch (const soci::soci_error& error) {
        throw Failure(std::string(error.what()) + " [" + std::string(sql.substr(0, 200)) + "]");
    }
}

int64_t Connection::next_id()
{
    if (m_dialect == Dialect::postgresql)
        return scalar("SELECT nextval('rapport_ids')");
    return scalar("UPDATE id_counter SET value = value + 1 RETURNING value");
}

void Connection::execute_script(std::string_view script)
{
    // statements end with ";" at the end of a line; no statement holds such a line inside a literal
    std::string statement;
    size_t start = 0;
    while (start < script.size()) {
        auto end = script.find('\n', start);
        if (end == std::string_view::npos)
            end = script.size();
        auto line = script.substr(start, end - start);
        start = end + 1;
        auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line.substr(first, 2) == "--")
            continue;
        statement.append(line).push_back('\n');
        auto last = line.find_last_not_of(" \t\r");
        if (last != std::string_view::npos && line[last] == ';') {
            execute(statement);
            statement.clear();
        }
    }
    if (statement.find_first_not_of(" \t\r\n") != std::string::npos)
        execute(statement);
}

Result<std::shared_ptr<Database>> Database::open(const std::string& url, size_t pool_size)
{
    std::shared_ptr<Database> database(new Database());
    try {
        if (url.rfind("sqlite:", 0) == 0) {
            database->m_dialect = Dialect::sqlite;
            std::filesystem::path path = url.substr(7);
            if (path.empty())
                return Error::make(
                    ErrorCode::invalid_input, "invalid_database_url", "sqlite: needs a file path");
            if (path.has_parent_path())
                std::filesystem::create_directories(path.parent_path());
            for (size_t i = 0; i < pool_size; ++i) {
                auto session = std::make_unique<soci::session>(
                    soci::sqlite3, "db=" + path.string() + " timeout=30");
                *session << "PRAGMA journal_mode=WAL";
                *session << "PRAGMA synchronous=NORMAL";
                *session << "PRAGMA foreign_keys=ON";
                *session << "PRAGMA busy_timeout=30000";
                database->m_connections.push_back(
                    std::make_unique<Connection>(std::move(session), Dialect::sqlite));
            }
        } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
            database->m_dialect = Dialect::postgresql;
            for (size_t i = 0; i < pool_size; ++i) {
                auto session
                    = std::make_unique<soci::session>(soci::postgresql, libpq_keywords(url));
                *session << "SET client_min_messages = warning";
                database->m_connections.push_back(
                    std::make_unique<Connection>(std::move(session), Dialect::postgresql));
            }
        } else {
            return Error::make(ErrorCode::invalid_input, "invalid_database_url",
                "the database URL must start with sqlite: or postgresql://");
        }
    } catch (const std::exception& error) {
        return Error::make(ErrorCode::internal, "database_unavailable",
            std::string("cannot open the database: ") + error.what());
    }
    for (auto& connection : database->m_connections)
        database->m_idle.push_back(connection.get());
    return database;
}

Database::~Database() = default;

size_t Database::connections_in_use() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size() - m_idle.size();
}

Database::Lease Database::acquire()
{
    std::unique_lock lock(m_mutex);
    m_available.wait(lock, [&] { return !m_idle.empty(); });
    auto connection = m_idle.back();
    m_idle.pop_back();
    return Lease(*this, connection);
}

Database::Lease::~Lease()
{
    if (m_connection)
        m_database->release(m_connection);
}

void Database::release(Connection* connection)
{
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(connection);
    }
    m_available.notify_one();
}

void Database::begin(Connection& connection)
{
    connection.execute(m_dialect == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void Database::commit(Connection& connection)
{
    connection.execute("COMMIT");
}

void Database::rollback(Connection& connection)
{
    try {
        connection.execute("ROLLBACK");
    } catch (const Failure&) {
        // the transaction may already be gone after a failed statement; nothing is left to undo
    }
}

} // namespace rapport::db
