#include "customers/imports.h"

#include "auth/service.h"
#include "core/clock.h"
#include "core/text.h"
#include "customers/custom_fields.h"
#include "documents/table_reader.h"
#include "http/guards.h"
#include "http/json_input.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <set>
#include <spdlog/spdlog.h>
#include <sstream>
#include <thread>

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

// --- rows and reasons ---

// "name: is required; phones: must contain a phone number" — one line a user can act on.
std::string reason_of(const Error& error)
{
    if (error.fields.empty())
        return error.message;
    std::string reason;
    for (const auto& field : error.fields)
        reason += (reason.empty() ? "" : "; ") + field.path + ": " + field.message;
    return reason;
}

// A column's value as text (a duplicate key's value), when the row has one.
std::optional<std::string> column_text(const http::ColumnValues& values, const std::string& column)
{
    for (const auto& [name, value] : values) {
        if (name != column)
            continue;
        if (auto number = std::get_if<int64_t>(&value))
            return std::to_string(*number);
        if (auto text = std::get_if<std::string>(&value))
            return *text;
    }
    return std::nullopt;
}

// --- stored files and jobs ---

Error not_found(const std::string& what)
{
    return Error::make(ErrorCode::not_found, "not_found", "No such " + what + ".");
}

struct StoredFile {
    std::string filename;
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

std::optional<StoredFile> load_file(
    Connection& connection, int64_t tenant_id, int64_t file_id, bool with_rows)
{
    auto row = connection.query_one(std::string("SELECT filename, headers")
            + (with_rows ? ", rows_json" : "")
            + " FROM import_files WHERE tenant_id = ? AND id = ?",
        { tenant_id, file_id });
    if (!row)
        return std::nullopt;
    StoredFile file;
    file.filename = row->str(0);
    file.headers = json::parse(row->str(1)).get<std::vector<std::string>>();
    if (with_rows)
        file.rows = json::parse(row->str(2)).get<std::vector<std::vector<std::string>>>();
    return file;
}

// An uploaded file holds the rows of whoever uploaded it: a user whose data scope is their own
// records sees only their own files and the imports made from them.
bool may_read_file(Connection& connection, const http::RequestContext& context, int64_t file_id)
{
    if (context.scope != "own")
        return true;
    return connection
        .query_one("SELECT id FROM import_files WHERE tenant_id = ? AND id = ? AND created_by = ?",
            { context.tenant_id, file_id, context.user_id })
        .has_value();
}

std::optional<StoredFile> load_own_file(
    Connection& connection, const http::RequestContext& context, int64_t file_id, bool with_rows)
{
    if (!may_read_file(connection, context, file_id))
        return std::nullopt;
    return load_file(connection, context.tenant_id, file_id, with_rows);
}

std::string stored_json(const json& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

const char* job_columns = "id, kind, status, total, processed, created_count, updated_count, "
                          "skipped_count, failed_count, error, created_at, finished_at, file_id, "
                          "duplicate_policy, duplicate_key";

json job_json(const db::Row& row)
{
    return { { "id", row.i64("id") }, { "kind", row.str("kind") }, { "status", row.str("status") },
        { "total", row.i64("total") }, { "processed", row.i64("processed") },
        { "created", row.i64("created_count") }, { "updated", row.i64("updated_count") },
        { "skipped", row.i64("skipped_count") }, { "failed", row.i64("failed_count") },
        { "error", row.is_null(row.index_of("error")) ? json() : json(row.str("error")) },
        { "created_at", row.str("created_at") },
        { "finished_at",
            row.is_null(row.index_of("finished_at")) ? json() : json(row.str("finished_at")) },
        { "file_id", row.i64("file_id") }, { "duplicate_policy", row.str("duplicate_policy") },
        { "duplicate_key", row.str("duplicate_key") } };
}

std::optional<json> read_job(Connection& connection, int64_t tenant_id, int64_t id)
{
    auto row = connection.query_one(
        std::string("SELECT ") + job_columns + " FROM import_jobs WHERE tenant_id = ? AND id = ?",
        { tenant_id, id });
    return row ? std::optional<json>(job_json(*row)) : std::nullopt;
}

// Updating existing records takes the edit right of the kind's domain ("customers.create" ->
// "customers.edit"); creating takes the kind's own permission.
std::vector<std::string> needed_permissions(const ImportKind& kind, const ImportPlan& plan)
{
    std::vector<std::string> needed = { "imports.create", kind.permission };
    const std::string create = ".create";
    if (plan.duplicate_policy == "update" && kind.permission.ends_with(create))
        needed.push_back(
            kind.permission.substr(0, kind.permission.size() - create.size()) + ".edit");
    return needed;
}

Status require_all(const http::RequestContext& context, const std::vector<std::string>& needed)
{
    for (const auto& permission : needed)
        if (auto allowed = auth::require(context, permission); !allowed)
            return allowed;
    return Ok {};
}

// Every "custom.<code>" column names a custom field the tenant defined for the kind's entity.
Status check_custom_columns(
    db::Database& database, const http::RequestContext& context, const ImportPlan& plan)
{
    if (plan.custom_specs.empty())
        return Ok {};
    auto definitions = database.read([&](Connection& connection) {
        return custom_field_definitions(connection, context.tenant_id, plan.kind->custom_entity);
    });
    Error error { ErrorCode::invalid_input, "The mapping does not fit the file.", {},
        "invalid_fields" };
    for (const auto& column : plan.columns) {
        if (column.spec->name.rfind("custom.", 0) != 0)
            continue;
        auto code = column.spec->name.substr(7);
        if (std::none_of(definitions.begin(), definitions.end(),
                [&](const CustomFieldDefinition& d) { return d.code == code; }))
            error.fields.push_back({ "mapping." + column.header, "unknown_field",
                plan.kind->name + " have no custom field " + code });
    }
    if (!error.fields.empty())
        return error;
    return Ok {};
}

// The `kind` (a registered import kind) and the required `mapping` of a request body.
std::pair<std::optional<std::string>, const json*> read_kind_and_mapping(http::JsonInput& input)
{
    auto names = import_kind_names();
    auto kind_name = input.choice("kind", { names.begin(), names.end() }, true);
    auto mapping = input.raw("mapping");
    if (!mapping)
        input.fail("mapping", "required", "is required");
    return { kind_name, mapping };
}

// A job request's body, read and checked against its file.
struct JobRequest {
    int64_t file_id = 0;
    ImportPlan plan;
    json mapping;
};

Result<JobRequest> read_job_request(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    http::JsonInput input(body);
    auto file_id = input.integer("file_id", true, 1);
    auto [kind_name, mapping] = read_kind_and_mapping(input);
    auto policy = input.choice("duplicate_policy", { "skip", "update", "create" });
    auto key = input.text("duplicate_key", false, 20);
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    const ImportKind* kind = find_import_kind(*kind_name);
    if (auto allowed = auth::require(context, kind->permission); !allowed)
        return allowed.take_error();
    auto file = database.read([&](Connection& connection) {
        return load_own_file(connection, context, *file_id, false);
    });
    if (!file)
        return not_found("uploaded file");
    auto plan = plan_import(*kind, file->headers, *mapping, policy.value_or(""), key.value_or(""));
    if (!plan)
        return plan.take_error();
    if (auto known = check_custom_columns(database, context, *plan); !known)
        return known.take_error();
    if (auto allowed = require_all(context, needed_permissions(*kind, *plan)); !allowed)
        return allowed.take_error();
    return JobRequest { *file_id, std::move(*plan), *mapping };
}

int64_t insert_job(Connection& connection, const http::RequestContext& context,
    const JobRequest& request, const std::string& status)
{
    int64_t id = connection.next_id();
    connection.execute(
        "INSERT INTO import_jobs (tenant_id, id, file_id, kind, mapping, duplicate_policy, "
        "duplicate_key, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        { context.tenant_id, id, request.file_id, request.plan.kind->name,
            stored_json(request.mapping), request.plan.duplicate_policy, request.plan.duplicate_key,
            status, context.user_id, clock::now_iso() });
    return id;
}

// --- running a job ---

enum class Outcome { created, updated, skipped };

// One row, inside its own transaction: the duplicate policy decides between the record the key
// finds and a new one.
Result<Outcome> apply_row(Connection& connection, const http::RequestContext& context,
    const ImportPlan& plan, const ImportRow& row)
{
    const ImportKind& kind = *plan.kind;
    std::optional<int64_t> existing;
    if (plan.duplicate_policy != "create" && !plan.duplicate_key.empty())
        if (auto key = column_text(row.values, plan.duplicate_key))
            existing = kind.find(connection, context, plan.duplicate_key, *key);
    if (existing && plan.duplicate_policy == "skip")
        return Outcome::skipped;

    // a code names one record; saying so beats the database's unique-key failure
    bool has_code_key = std::find(kind.keys.begin(), kind.keys.end(), "code") != kind.keys.end();
    if (auto code = column_text(row.values, "code"); code && has_code_key) {
        auto holder = kind.find(connection, context, "code", *code);
        if (holder && holder != existing)
            return Error::make(ErrorCode::conflict, "code_taken",
                "code " + *code + " is already used by another record");
    }

    if (existing) {
        if (auto updated = kind.update(connection, context, *existing, row); !updated)
            return updated.take_error();
        return Outcome::updated;
    }
    if (auto created = kind.create(connection, context, row); !created)
        return created.take_error();
    return Outcome::created;
}

struct JobProgress {
    int64_t total = 0;
    int64_t processed = 0;
    int64_t created = 0;
    int64_t updated = 0;
    int64_t skipped = 0;
    int64_t failed = 0;
    json failures = json::array();
};

class JobRun {
public:
    JobRun(db::Database& database, int64_t tenant_id, int64_t id,
        const std::function<void(const json&)>& on_progress, const std::atomic<bool>* stopping)
        : m_database(database)
        , m_tenant_id(tenant_id)
        , m_id(id)
        , m_on_progress(on_progress)
        , m_stopping(stopping)
    {
    }

    void run()
    {
        try {
            work();
        } catch (const std::exception& error) {
            spdlog::error(
                "import job {} of tenant {} stopped: {}", m_id, m_tenant_id, error.what());
            finish("failed", std::string("The import stopped: ") + error.what());
        }
    }

private:
    void work()
    {
        // the job, its file and who started it
        std::optional<db::Row> job;
        std::optional<StoredFile> file;
        std::optional<http::RequestContext> context;
        m_database.read([&](Connection& connection) {
            job = connection.query_one(
                "SELECT kind, mapping, duplicate_policy, duplicate_key, file_id, created_by, "
                "processed, created_count, updated_count, skipped_count, failed_count, failures "
                "FROM import_jobs WHERE tenant_id = ? AND id = ?",
                { m_tenant_id, m_id });
            if (!job)
                return;
            file = load_file(connection, m_tenant_id, job->i64("file_id"), true);
            context = auth::member_context(connection, m_tenant_id, job->i64("created_by"));
        });
        if (!job)
            return;
        // a job resumed after a shutdown carries on after the rows it has done
        m_progress.processed = job->i64("processed");
        m_progress.created = job->i64("created_count");
        m_progress.updated = job->i64("updated_count");
        m_progress.skipped = job->i64("skipped_count");
        m_progress.failed = job->i64("failed_count");
        m_progress.failures = json::parse(job->str("failures"), nullptr, false);
        if (!m_progress.failures.is_array())
            m_progress.failures = json::array();
        m_kind = job->str("kind");

        const ImportKind* kind = find_import_kind(m_kind);
        if (!file)
            return finish("failed", "The uploaded file is gone.");
        if (!context)
            return finish("failed", "The user who started this import is no longer a member.");
        if (!kind)
            return finish("failed", "Imports of " + m_kind + " are not available.");
        auto mapping = json::parse(job->str("mapping"), nullptr, false);
        auto plan = plan_import(
            *kind, file->headers, mapping, job->str("duplicate_policy"), job->str("duplicate_key"));
        if (!plan)
            return finish("failed", reason_of(plan.error()));
        if (auto allowed = require_all(*context, needed_permissions(*kind, *plan)); !allowed)
            return finish("failed",
                "The user who started this import may no longer do it: " + allowed.error().message);

        m_progress.total = static_cast<int64_t>(file->rows.size());
        save_progress();
        for (size_t index = static_cast<size_t>(m_progress.processed); index < file->rows.size();
             ++index) {
            if (m_stopping && m_stopping->load())
                return requeue();
            import_row(*context, *plan, file->headers, file->rows[index], index);
            ++m_progress.processed;
            ++m_rows_since_save;
            if (m_rows_since_save >= 20
                || std::chrono::steady_clock::now() - m_saved_at >= std::chrono::milliseconds(100))
                save_progress();
        }
        finish("done", std::nullopt);
    }

    void import_row(const http::RequestContext& context, const ImportPlan& plan,
        const std::vector<std::string>& headers, const std::vector<std::string>& cells,
        size_t index)
    {
        auto mapped = map_row(plan, cells);
        std::string reason;
        if (!mapped.problems.empty()) {
            for (const auto& problem : mapped.problems)
                reason += (reason.empty() ? "" : "; ") + problem.field + ": " + problem.message;
        } else {
            try {
                auto outcome = m_database.write([&](Connection& connection) -> Result<Outcome> {
                    return apply_row(connection, context, plan, mapped.row);
                });
                if (!outcome)
                    reason = reason_of(outcome.error());
                else if (*outcome == Outcome::created)
                    ++m_progress.created;
                else if (*outcome == Outcome::updated)
                    ++m_progress.updated;
                else
                    ++m_progress.skipped;
            } catch (const std::exception& error) {
                // the row's transaction is rolled back; the detail is for the log, not the user
                spdlog::warn("import job {} of tenant {}: row {} not saved: {}", m_id, m_tenant_id,
                    file_row_number(index), error.what());
                reason = "could not be saved (the database refused it)";
            }
        }
        if (reason.empty())
            return;
        ++m_progress.failed;
        std::vector<std::string> shown(cells.begin(),
            cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), headers.size())));
        m_progress.failures.push_back(
            { { "row", file_row_number(index) }, { "reason", reason }, { "cells", shown } });
    }

    json progress_json(const std::string& status) const
    {
        return { { "id", m_id }, { "kind", m_kind }, { "status", status },
            { "total", m_progress.total }, { "processed", m_progress.processed },
            { "created", m_progress.created }, { "updated", m_progress.updated },
            { "skipped", m_progress.skipped }, { "failed", m_progress.failed } };
    }

    // Counts only: the failures list is written once, at the end, so a file full of bad rows
    // does not rewrite a growing list every 100 ms.
    void save_progress()
    {
        (void)m_database.write([&](Connection& connection) -> Result<Ok> {
            connection.execute(
                "UPDATE import_jobs SET total = ?, processed = ?, created_count = ?, "
                "updated_count = ?, skipped_count = ?, failed_count = ? "
                "WHERE tenant_id = ? AND id = ?",
                { m_progress.total, m_progress.processed, m_progress.created, m_progress.updated,
                    m_progress.skipped, m_progress.failed, m_tenant_id, m_id });
            return Ok {};
        });
        m_rows_since_save = 0;
        m_saved_at = std::chrono::steady_clock::now();
        if (m_on_progress)
            m_on_progress(progress_json("running"));
    }

    // Shutting down mid-file: the next runner (here or in another process) resumes the job.
    void requeue() { store("queued", std::nullopt, false); }

    void finish(const std::string& status, const std::optional<std::string>& error)
    {
        store(status, error, true);
        if (m_on_progress) {
            auto final = progress_json(status);
            final["error"] = error ? json(*error) : json();
            m_on_progress(final);
        }
    }

    void store(const std::string& status, const std::optional<std::string>& error, bool finished)
    {
        (void)m_database.write([&](Connection& connection) -> Result<Ok> {
            connection.execute(
                "UPDATE import_jobs SET status = ?, error = ?, finished_at = ?, total = ?, "
                "processed = ?, created_count = ?, updated_count = ?, skipped_count = ?, "
                "failed_count = ?, failures = ? WHERE tenant_id = ? AND id = ?",
                { status, db::nullable(error),
                    finished ? db::Param(clock::now_iso()) : db::Param(nullptr), m_progress.total,
                    m_progress.processed, m_progress.created, m_progress.updated,
                    m_progress.skipped, m_progress.failed, stored_json(m_progress.failures),
                    m_tenant_id, m_id });
            return Ok {};
        });
    }

    db::Database& m_database;
    int64_t m_tenant_id;
    int64_t m_id;
    const std::function<void(const json&)>& m_on_progress;
    const std::atomic<bool>* m_stopping;
    std::string m_kind;
    JobProgress m_progress;
    int m_rows_since_save = 0;
    std::chrono::steady_clock::time_point m_saved_at = std::chrono::steady_clock::now();
};

// Takes the job if nobody else has: only one UPDATE can move it from queued to running.
bool claim_job(db::Database& database, int64_t tenant_id, int64_t id)
{
    auto claimed = database.write([&](Connection& connection) -> Result<int64_t> {
        return connection.execute("UPDATE import_jobs SET status = 'running' "
                                  "WHERE tenant_id = ? AND id = ? AND status = 'queued'",
            { tenant_id, id });
    });
    return claimed.ok() && *claimed == 1;
}

struct Runner {
    std::mutex mutex;
    std::condition_variable wake;
    std::atomic<bool> stopping { false };
    std::thread thread;
};

Runner& runner()
{
    static Runner instance;
    return instance;
}

bool run_queued_import(db::Database& database, const std::atomic<bool>* stopping)
{
    // the one query across tenants: the queue itself (index import_jobs_status)
    auto queued = database.read([](Connection& connection) {
        return connection.query("SELECT tenant_id, id FROM import_jobs WHERE status = 'queued' "
                                "ORDER BY created_at, id LIMIT 10");
    });
    for (const auto& job : queued) {
        if (!claim_job(database, job.i64(0), job.i64(1)))
            continue;
        std::function<void(const json&)> quiet;
        JobRun(database, job.i64(0), job.i64(1), quiet, stopping).run();
        return true;
    }
    return false;
}

std::optional<int64_t> query_id(const http::Request& request, const std::string& name)
{
    auto text = request.query_value(name);
    if (!text || text->empty())
        return std::nullopt;
    int64_t value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < 1)
        return -1;
    return value;
}

} // namespace

// --- services ---

Result<json> store_upload(db::Database& database, const http::RequestContext& context,
    const std::string& filename, std::string_view bytes, const std::string& encoding,
    const std::string& delimiter)
{
    documents::CsvOptions options;
    options.encoding = encoding == "auto" ? "" : text::trim(encoding);
    if (delimiter == "tab" || delimiter == "\t")
        options.delimiter = '\t';
    else if (delimiter == "," || delimiter == ";" || delimiter == "|")
        options.delimiter = delimiter.front();
    else if (!delimiter.empty() && delimiter != "auto")
        return Error::invalid("delimiter", "invalid_choice", "must be auto, ',', ';', tab or '|'");
    auto name = text::trim(filename);
    if (name.empty())
        name = "upload";
    if (!text::is_valid_utf8(name) || text::code_points(name) > 200)
        return Error::invalid("filename", "too_long", "must be a name of at most 200 characters");

    auto table = documents::read_table(bytes, name, options);
    if (!table)
        return table.take_error();
    if (table->headers.empty())
        return Error::invalid("file", "empty_file", "the file has no header row");

    std::string shown_delimiter = table->delimiter == '\t' ? "tab"
        : table->delimiter == 0                            ? ""
                                                           : std::string(1, table->delimiter);
    auto row_count = static_cast<int64_t>(table->rows.size());
    auto id = database.write([&](Connection& connection) -> Result<int64_t> {
        int64_t id = connection.next_id();
        connection.execute(
            "INSERT INTO import_files (tenant_id, id, filename, format, encoding, delimiter, "
            "headers, rows_json, row_count, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            { context.tenant_id, id, name, table->format, table->encoding, shown_delimiter,
                stored_json(table->headers), stored_json(table->rows), row_count, context.user_id,
                clock::now_iso() });
        return id;
    });
    if (!id)
        return id.take_error();

    json preview = json::array();
    for (size_t i = 0; i < table->rows.size() && i < import_preview_rows; ++i)
        preview.push_back(table->rows[i]);
    return json { { "id", *id }, { "filename", name }, { "format", table->format },
        { "encoding", table->encoding }, { "delimiter", shown_delimiter },
        { "headers", table->headers }, { "row_count", row_count }, { "preview", preview } };
}

Result<json> import_fields(db::Database& database, const http::RequestContext& context,
    const std::string& kind_name, std::optional<int64_t> file_id)
{
    const ImportKind* kind = find_import_kind(kind_name);
    if (!kind) {
        std::string choices;
        for (const auto& name : import_kind_names())
            choices += (choices.empty() ? "" : ", ") + name;
        return Error::invalid(
            "kind", kind_name.empty() ? "required" : "invalid_choice", "must be one of " + choices);
    }
    json fields = json::array();
    for (const auto* spec : mappable_fields(*kind))
        fields.push_back({ { "field", spec->name }, { "required", spec->required } });
    std::vector<CustomFieldDefinition> custom;
    if (!kind->custom_entity.empty())
        custom = database.read([&](Connection& connection) {
            return custom_field_definitions(connection, context.tenant_id, kind->custom_entity);
        });
    for (const auto& definition : custom)
        fields.push_back({ { "field", "custom." + definition.code }, { "required", false },
            { "label", definition.label } });
    json suggested = json::object();
    if (file_id) {
        auto file = database.read([&](Connection& connection) {
            return load_own_file(connection, context, *file_id, false);
        });
        if (!file)
            return not_found("uploaded file");
        suggested = suggest_mapping(*kind, file->headers);
        // a header that is a custom field's label or code feeds it
        for (const auto& header : file->headers) {
            if (suggested.contains(header))
                continue;
            auto folded = fold_header(header);
            for (const auto& definition : custom)
                if (!folded.empty()
                    && (folded == fold_header(definition.label)
                        || folded == fold_header(definition.code))) {
                    suggested[header] = "custom." + definition.code;
                    break;
                }
        }
    }
    return json { { "fields", fields }, { "suggested_mapping", suggested },
        { "keys", kind->keys } };
}

Result<json> dry_run_import(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    auto request = read_job_request(database, context, body);
    if (!request)
        return request.take_error();
    auto file = database.read([&](Connection& connection) {
        return load_own_file(connection, context, request->file_id, true);
    });
    if (!file)
        return not_found("uploaded file");
    const auto& plan = request->plan;
    const ImportKind& kind = *plan.kind;
    if (!kind.check)
        return check_rows(plan, file->rows);
    return database.read([&](Connection& connection) -> Result<json> {
        return check_rows(plan, file->rows, [&](const ImportRow& row) -> std::optional<RowProblem> {
            std::optional<int64_t> existing;
            if (plan.duplicate_policy != "create" && !plan.duplicate_key.empty())
                if (auto key = column_text(row.values, plan.duplicate_key))
                    existing = kind.find(connection, context, plan.duplicate_key, *key);
            if (existing && plan.duplicate_policy == "skip")
                return std::nullopt;
            auto checked = kind.check(connection, context, existing, row);
            if (checked)
                return std::nullopt;
            const auto& error = checked.error();
            return RowProblem { error.fields.empty() ? error.detail_code
                                                     : error.fields.front().path,
                reason_of(error) };
        });
    });
}

Result<json> start_import(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    auto request = read_job_request(database, context, body);
    if (!request)
        return request.take_error();
    auto id = database.write([&](Connection& connection) -> Result<int64_t> {
        return insert_job(connection, context, *request, "queued");
    });
    if (!id)
        return id.take_error();
    runner().wake.notify_all();
    return json { { "id", *id }, { "status", "queued" } };
}

Result<json> get_import(db::Database& database, const http::RequestContext& context, int64_t id)
{
    auto job = database.read([&](Connection& connection) -> std::optional<json> {
        auto found = read_job(connection, context.tenant_id, id);
        if (!found || !may_read_file(connection, context, (*found)["file_id"].get<int64_t>()))
            return std::nullopt;
        return found;
    });
    if (!job)
        return not_found("import");
    return *job;
}

Result<std::string> import_failures_csv(
    db::Database& database, const http::RequestContext& context, int64_t id)
{
    std::optional<std::string> csv;
    database.read([&](Connection& connection) {
        auto job = connection.query_one(
            "SELECT f.headers, j.failures, f.id FROM import_jobs j JOIN import_files f "
            "ON f.tenant_id = j.tenant_id AND f.id = j.file_id WHERE j.tenant_id = ? AND j.id = ?",
            { context.tenant_id, id });
        if (job && may_read_file(connection, context, job->i64(2)))
            csv = failures_csv(json::parse(job->str(0)).get<std::vector<std::string>>(),
                json::parse(job->str(1), nullptr, false));
    });
    if (!csv)
        return not_found("import");
    return *csv;
}

Result<json> list_import_mappings(
    db::Database& database, const http::RequestContext& context, const std::string& kind)
{
    return database.read([&](Connection& connection) -> Result<json> {
        db::Params params = { context.tenant_id };
        std::string sql = "SELECT id, name, kind, mapping FROM import_mappings WHERE tenant_id = ?";
        if (!kind.empty()) {
            sql += " AND kind = ?";
            params.push_back(kind);
        }
        json items = json::array();
        for (const auto& row : connection.query(sql + " ORDER BY kind, name, id", params))
            items.push_back({ { "id", row.i64(0) }, { "name", row.str(1) }, { "kind", row.str(2) },
                { "mapping", json::parse(row.str(3), nullptr, false) } });
        return json { { "items", items } };
    });
}

Result<json> save_import_mapping(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    http::JsonInput input(body);
    auto name = input.text("name", true, 100);
    auto [kind_name, mapping] = read_kind_and_mapping(input);
    if (mapping && !mapping->is_object())
        input.fail("mapping", "invalid_type", "must be an object of {column: field}");
    else if (mapping && kind_name) {
        const ImportKind* kind = find_import_kind(*kind_name);
        for (const auto& [header, field] : mapping->items()) {
            if (field.is_null() || (field.is_string() && field.get<std::string>().empty()))
                continue;
            // custom fields are checked against the tenant's definitions when the mapping is used
            bool custom = field.is_string() && !kind->custom_entity.empty()
                && field.get<std::string>().rfind("custom.", 0) == 0
                && is_custom_field_code(field.get<std::string>().substr(7));
            if (!custom
                && (!field.is_string() || !find_mappable_field(*kind, field.get<std::string>())))
                input.fail("mapping." + header, "unknown_field",
                    *kind_name + " have no field "
                        + (field.is_string() ? field.get<std::string>() : field.dump()));
        }
    }
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        if (connection.query_one("SELECT id FROM import_mappings WHERE tenant_id = ? AND kind = ? "
                                 "AND name = ?",
                { context.tenant_id, *kind_name, *name }))
            return Error::make(ErrorCode::conflict, "mapping_name_taken",
                "A mapping named " + *name + " already exists for " + *kind_name + ".");
        int64_t id = connection.next_id();
        connection.execute("INSERT INTO import_mappings (tenant_id, id, name, kind, mapping, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            { context.tenant_id, id, *name, *kind_name, stored_json(*mapping), clock::now_iso() });
        return json { { "id", id }, { "name", *name }, { "kind", *kind_name },
            { "mapping", *mapping } };
    });
}

bool run_queued_import(db::Database& database)
{
    return run_queued_import(database, &runner().stopping);
}

void start_import_runner(std::shared_ptr<db::Database> database)
{
    auto& state = runner();
    std::lock_guard lock(state.mutex);
    if (state.thread.joinable())
        return;
    state.stopping = false;
    state.thread = std::thread([database, &state] {
        while (!state.stopping) {
            bool ran = false;
            try {
                ran = run_queued_import(*database, &state.stopping);
            } catch (const std::exception& error) {
                spdlog::error("import runner: {}", error.what());
            }
            if (ran)
                continue;
            std::unique_lock lock(state.mutex);
            state.wake.wait_for(
                lock, std::chrono::milliseconds(200), [&] { return state.stopping.load(); });
        }
    });
}

void stop_import_runner()
{
    auto& state = runner();
    {
        std::lock_guard lock(state.mutex);
        state.stopping = true;
    }
    state.wake.notify_all();
    if (state.thread.joinable())
        state.thread.join();
    state.stopping = false;
}

Result<json> run_import_file(db::Database& database, int64_t tenant_id,
    const std::string& user_email, const std::string& kind, const std::string& path,
    const json& settings, const std::function<void(const json& progress)>& on_progress)
{
    // who the import runs as
    auto email = text::fold(text::trim(user_email));
    auto context = database.read(
        [&](Connection& connection) -> std::optional<http::RequestContext> {
            auto user = email.empty()
                ? connection.query_one(
                    "SELECT m.user_id FROM memberships m JOIN roles r ON r.tenant_id = "
                    "m.tenant_id AND r.id = m.role_id WHERE m.tenant_id = ? AND "
                    "r.code = 'owner' AND m.active = 1 ORDER BY m.created_at, m.user_id",
                    { tenant_id })
                : connection.query_one("SELECT m.user_id FROM memberships m JOIN users u ON u.id = "
                                       "m.user_id WHERE m.tenant_id = ? AND lower(u.email) = ?",
                    { tenant_id, email });
            if (!user)
                return std::nullopt;
            return auth::member_context(connection, tenant_id, user->i64(0));
        });
    if (!context)
        return Error::make(ErrorCode::not_found, "not_found",
            email.empty() ? "Company " + std::to_string(tenant_id) + " has no active owner."
                          : user_email + " is not an active member of company "
                    + std::to_string(tenant_id) + ".");
    if (auto allowed = auth::require(*context, "imports.create"); !allowed)
        return allowed.take_error();

    // the file, stored like an upload
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return Error::invalid("file", "unreadable", "cannot read " + path);
    std::stringstream bytes;
    bytes << stream.rdbuf();
    auto filename
        = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    auto upload = store_upload(database, *context, filename, bytes.str(), "auto", "auto");
    if (!upload)
        return upload.take_error();

    // the job, created already running so that no server's runner takes it too
    bool nested
        = settings.is_object() && settings.contains("mapping") && settings["mapping"].is_object();
    json body = { { "file_id", (*upload)["id"] }, { "kind", kind },
        { "mapping", nested ? settings["mapping"] : settings } };
    for (const char* member : { "duplicate_policy", "duplicate_key" })
        if (nested && settings.contains(member))
            body[member] = settings[member];
    auto request = read_job_request(database, *context, body);
    if (!request)
        return request.take_error();
    auto id = database.write([&](Connection& connection) -> Result<int64_t> {
        return insert_job(connection, *context, *request, "running");
    });
    if (!id)
        return id.take_error();

    JobRun(database, tenant_id, *id, on_progress, nullptr).run();
    return database.read([&](Connection& connection) -> Result<json> {
        auto job = read_job(connection, tenant_id, *id);
        auto failures = connection.query_one(
            "SELECT failures FROM import_jobs WHERE tenant_id = ? AND id = ?", { tenant_id, *id });
        (*job)["failures"] = json::parse(failures->str(0), nullptr, false);
        return *job;
    });
}

// --- routes ---

void register_import_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    using http::permitted;
    using http::Request;
    using http::respond;
    using http::Response;
    using http::with_body;
    using http::with_id;
    const std::string base = "/api/v1";

    router.post(base + "/imports/files", "imports",
        "Upload a CSV or XLSX file (raw body) and preview it",
        permitted("imports.create", [database](Request& request) {
            return respond(store_upload(*database, request.context,
                               request.query_value("filename").value_or(""), request.body,
                               request.query_value("encoding").value_or("auto"),
                               request.query_value("delimiter").value_or("auto")),
                201);
        }));
    router.get(base + "/imports/fields", "imports",
        "Fields of an import kind and a suggested mapping for a file",
        permitted("imports.read", [database](Request& request) {
            auto file_id = query_id(request, "file_id");
            if (file_id && *file_id < 0)
                return Response::problem(Error::invalid("file_id", "invalid_id", "must be an id"));
            return respond(import_fields(
                *database, request.context, request.query_value("kind").value_or(""), file_id));
        }));
    router
        .post(base + "/imports/dry-run", "imports", "Check every row of an import without saving",
            permitted("imports.create",
                [database](Request& request) {
                    return with_body(request, [&](const json& body) {
                        return respond(dry_run_import(*database, request.context, body));
                    });
                }))
        .success_status
        = 200;
    router
        .post(base + "/imports", "imports", "Start an import in the background",
            permitted("imports.create",
                [database](Request& request) {
                    return with_body(request, [&](const json& body) {
                        return respond(start_import(*database, request.context, body), 202);
                    });
                }))
        .success_status
        = 202;
    router.get(base + "/imports/{id}", "imports", "Status and counts of an import",
        permitted("imports.read", [database](Request& request) {
            return with_id(request,
                [&](int64_t id) { return respond(get_import(*database, request.context, id)); });
        }));
    router.get(base + "/imports/{id}/failures.csv", "imports",
        "The rows an import could not save, with the reason",
        permitted("imports.read", [database](Request& request) {
            return with_id(request, [&](int64_t id) {
                auto csv = import_failures_csv(*database, request.context, id);
                if (!csv)
                    return Response::problem(csv.error());
                Response response;
                response.content_type = "text/csv; charset=utf-8";
                response.headers.emplace_back("Content-Disposition",
                    "attachment; filename=\"import-" + std::to_string(id) + "-failures.csv\"");
                response.body = std::move(*csv);
                return response;
            });
        }));
    router.get(base + "/import-mappings", "imports", "Saved column mappings",
        permitted("imports.read", [database](Request& request) {
            return respond(list_import_mappings(
                *database, request.context, request.query_value("kind").value_or("")));
        }));
    router.post(base + "/import-mappings", "imports", "Save a column mapping under a name",
        permitted("imports.create", [database](Request& request) {
            return with_body(request, [&](const json& body) {
                return respond(save_import_mapping(*database, request.context, body), 201);
            });
        }));
}

} // namespace rapport::customers
