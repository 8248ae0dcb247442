// The audit trail of parties and their contacts (DESIGN.md §4 "Audit"): who changed which field,
// when, from what to what, and the events of a customer's life (created, transferred, claimed,
// released, returned to the pool, merged). Written in the transaction of the change it records.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/record.h"
#include "http/request.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rapport::customers {

struct AuditEntry {
    std::string entity; // "party" or "contact"
    int64_t entity_id = 0;
    int64_t party_id = 0;
    std::string action; // created, updated, deleted, contact_added, transferred, claimed …
    std::string field; // empty for events about the whole record
    std::optional<nlohmann::json> from;
    std::optional<nlohmann::json> to;
    std::string note;
};

// Appends entries; user_id 0 means the system (the pool rules).
void record_audit(db::Connection& connection, int64_t tenant_id, int64_t user_id,
    const std::vector<AuditEntry>& entries);

// One "updated" entry per field whose new value differs from the stored row (both read through
// `specs`, so JSON lists compare as JSON and flags as booleans).
std::vector<AuditEntry> field_changes(const db::Row& stored, const http::ColumnValues& values,
    const std::vector<http::FieldSpec>& specs, const std::string& entity, int64_t entity_id,
    int64_t party_id, const std::string& action);

// `GET /customers/{id}/audit`: the party's and its contacts' entries, newest first; the party
// must be visible to the request (404 otherwise).
Result<nlohmann::json> list_audit(db::Database& database, const http::RequestContext& context,
    int64_t party_id, const http::Request& request);

// Merge hook: the merged party's history now belongs to the kept one.
void move_audit(db::Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id);

} // namespace rapport::customers
