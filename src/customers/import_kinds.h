// The registry of import kinds. The import engine (customers/imports.*) knows nothing about
// products or employees; each domain registers the kinds it owns at start-up.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/record.h"
#include "http/request.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapport::customers {

// One mapped row: the values of record fields, plus extra fields a kind understands itself
// (e.g. a customer row's contact_name, a contact row's party_code).
struct ImportRow {
    http::ColumnValues values;
    std::map<std::string, std::string> extras;
};

struct ImportKind {
    std::string name; // "customers"
    std::string permission; // needed to import, e.g. "customers.create"
    std::vector<http::FieldSpec> fields; // record fields a column can map to
    std::vector<http::FieldSpec> extras; // extra fields, validated the same way
    std::vector<std::string> keys; // duplicate keys offered: "code", "name"
    // The custom field entity ("customer") whose fields columns may feed as "custom.<code>";
    // empty when the kind has none. The kind's create and update store them.
    std::string custom_entity;
    // Finds an existing record by a duplicate key.
    std::function<std::optional<int64_t>(db::Connection&, const http::RequestContext&,
        const std::string& key, const std::string& value)>
        find;
    std::function<Result<int64_t>(db::Connection&, const http::RequestContext&, const ImportRow&)>
        create;
    std::function<Status(
        db::Connection&, const http::RequestContext&, int64_t id, const ImportRow&)>
        update;
    // What the database would refuse in a row (references, custom fields), read without writing,
    // for the dry run; `existing` is the record the row would update. May be empty.
    std::function<Status(db::Connection&, const http::RequestContext&,
        std::optional<int64_t> existing, const ImportRow&)>
        check;
};

void register_import_kind(ImportKind kind);
const ImportKind* find_import_kind(const std::string& name);
std::vector<std::string> import_kind_names();

} // namespace rapport::customers
