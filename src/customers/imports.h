// Importing CSV/XLSX files into any registered import kind: upload and preview, column mapping
// with suggestions, a dry run, and jobs run in the background one row per transaction.
//
// Flow: POST /imports/files stores the decoded table (import_files); the wizard maps headers to
// the kind's fields; POST /imports/dry-run checks every cell; POST /imports queues a job
// (import_jobs) which the runner thread of some app process claims and works through.
// The pure parts live in customers/import_mapping.cpp, the services in customers/imports.cpp.
#pragma once

#include "core/result.h"
#include "customers/import_kinds.h"
#include "db/database.h"
#include "http/request.h"
#include "http/router.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::customers {

// --- mapping and checking (no database) ---

// Rows shown in an upload's and a dry run's preview.
constexpr size_t import_preview_rows = 10;

// The fields a column can feed: the kind's record fields, then its extras.
std::vector<const http::FieldSpec*> mappable_fields(const ImportKind& kind);
const http::FieldSpec* find_mappable_field(const ImportKind& kind, const std::string& name);

// A header or field name reduced for matching: case, width, spaces and ASCII punctuation
// ignored, so "Company Name", "company_name" and "COMPANYNAME" meet.
std::string fold_header(std::string_view text);

// {header: field} for the headers that name one of the kind's fields or extras, by folded name
// or by a common English, Korean or Chinese alias; each field is suggested at most once.
nlohmann::json suggest_mapping(const ImportKind& kind, const std::vector<std::string>& headers);

// One file column feeding one field.
struct MappedColumn {
    size_t column = 0;
    std::string header;
    const http::FieldSpec* spec = nullptr;
    bool extra = false; // an extra of the kind rather than a record field
};

// A mapping checked against a file's headers and a kind.
struct ImportPlan {
    const ImportKind* kind = nullptr;
    std::vector<MappedColumn> columns;
    std::string duplicate_policy = "skip"; // "skip", "update" or "create"
    std::string duplicate_key; // "code" or "name"; may be empty for "create"
    // Specs of the "custom.<code>" columns (read as text, checked by the kind against the
    // tenant's definitions); shared so that moving the plan keeps the columns' pointers valid.
    std::vector<std::shared_ptr<const http::FieldSpec>> custom_specs;
};

// Checks `mapping` ({header: field}; an empty or null field leaves the column out). Problems
// come back as one invalid_input error: `mapping.<header>` for unknown headers or fields and
// fields mapped twice, `mapping` for required fields left unmapped, `duplicate_policy` and
// `duplicate_key` for bad choices or a key that no column feeds. An empty policy means "skip";
// an empty key means the first of the kind's keys that is mapped.
Result<ImportPlan> plan_import(const ImportKind& kind, const std::vector<std::string>& headers,
    const nlohmann::json& mapping, const std::string& duplicate_policy,
    const std::string& duplicate_key);

struct RowProblem {
    std::string field;
    std::string message;
};

struct MappedRow {
    ImportRow row;
    nlohmann::json values = nlohmann::json::object(); // {field: value} as the API shows it
    std::vector<RowProblem> problems;
};

// Reads one file row through the plan: every non-empty cell is validated as its field would be
// in a request body; empty cells are left out (a create takes defaults, an update keeps the
// current value); empty required fields and, unless the policy is "create", an empty duplicate
// key are problems.
MappedRow map_row(const ImportPlan& plan, const std::vector<std::string>& cells);

// The number of the row as the user sees it in the file: the header is line 1.
inline int64_t file_row_number(size_t index)
{
    return static_cast<int64_t>(index) + 2;
}

// The dry run of `rows`: {total, valid, invalid, preview:[first 10 {row, values}],
// problems:[{row, field, message}] (at most max_reported_problems)}.
constexpr size_t max_reported_problems = 1000;
// `check`, when given, looks at each row the file alone finds no fault with (what the database
// knows: references, custom fields) and answers its problem or nothing.
using RowCheck = std::function<std::optional<RowProblem>(const ImportRow& row)>;
nlohmann::json check_rows(const ImportPlan& plan, const std::vector<std::vector<std::string>>& rows,
    const RowCheck& check = nullptr);

// A cell a spreadsheet could take for a formula (= + - @ first) gets an apostrophe in front.
std::string neutralise_cell(std::string_view cell);
// The failed rows as CSV (UTF-8 with BOM, CRLF): the file's headers plus "reason";
// `failures` is [{row, reason, cells:[..]}].
std::string failures_csv(const std::vector<std::string>& headers, const nlohmann::json& failures);

// --- services ---

// Reads an uploaded file (encoding: "auto"/"" or a name; delimiter: "auto"/"", ",", ";", "tab"
// or "|") and stores it for the tenant: {id, filename, format, encoding, delimiter, headers,
// row_count, preview (first 10 rows)}.
Result<nlohmann::json> store_upload(db::Database& database, const http::RequestContext& context,
    const std::string& filename, std::string_view bytes, const std::string& encoding,
    const std::string& delimiter);

// {fields:[{field, required}], suggested_mapping:{header: field}}; the suggestion needs the
// headers of a stored file, so without `file_id` it is empty.
Result<nlohmann::json> import_fields(db::Database& database, const http::RequestContext& context,
    const std::string& kind, std::optional<int64_t> file_id);

// Body of both: {file_id, kind, mapping, duplicate_policy, duplicate_key}.
Result<nlohmann::json> dry_run_import(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);
// Queues a job for the runner: {id, status:"queued"}.
Result<nlohmann::json> start_import(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);

// {id, kind, status, total, processed, created, updated, skipped, failed, error, created_at,
// finished_at, file_id, duplicate_policy, duplicate_key}; another tenant's job is not_found.
Result<nlohmann::json> get_import(
    db::Database& database, const http::RequestContext& context, int64_t id);
Result<std::string> import_failures_csv(
    db::Database& database, const http::RequestContext& context, int64_t id);

// Saved mappings, per tenant and kind ("" = every kind); a name is unique per kind.
Result<nlohmann::json> list_import_mappings(
    db::Database& database, const http::RequestContext& context, const std::string& kind);
Result<nlohmann::json> save_import_mapping(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);

// Claims one queued job of any tenant and runs it in the calling thread, as the user who
// started it; answers whether there was one. Several processes may call it at once: the claim
// (queued -> running) is a conditional UPDATE, so each job runs once.
bool run_queued_import(db::Database& database);

// One background thread per process polling for queued jobs every 200 ms; stop joins it after
// the row being written. Starting twice is harmless.
void start_import_runner(std::shared_ptr<db::Database> database);
void stop_import_runner();

// The command line's import: stores `path`, creates the job and runs it in the calling thread as
// `user_email` (empty: the tenant's owner), reporting progress; answers the final job with its
// `failures` ([{row, reason, cells}]). `settings` is the mapping file of
// `rapport import --mapping FILE`:
//     {"mapping": {"CustomerID": "code", "CompanyName": "name"},
//      "duplicate_policy": "update",   // skip (default) | update | create
//      "duplicate_key": "code"}        // code | name (default: the first mapped key)
// A plain {header: field} object without a "mapping" member is taken as the mapping itself.
Result<nlohmann::json> run_import_file(db::Database& database, int64_t tenant_id,
    const std::string& user_email, const std::string& kind, const std::string& path,
    const nlohmann::json& settings,
    const std::function<void(const nlohmann::json& progress)>& on_progress);

void register_import_routes(http::Router& router, std::shared_ptr<db::Database> database);

// The kinds this domain owns: customers, suppliers, contacts, employees
// (customers/import_registrations.cpp). Products register from the catalog domain.
void register_customer_import_kinds();

} // namespace rapport::customers
