// Tenant-defined fields per entity (customer, supplier, contact, product): their definitions and
// the validation of the values a record carries in its `custom_fields` object (stored as JSON
// text).
#pragma once

#include "core/result.h"
#include "customers/audit.h"
#include "db/database.h"
#include "http/request.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rapport::customers {

Result<nlohmann::json> list_custom_fields(db::Database& database,
    const http::RequestContext& context, const std::optional<std::string>& entity);
Result<nlohmann::json> create_custom_field(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);
// `version` (from If-Match, when sent) must be the current one: 412 with the current definition.
Result<nlohmann::json> update_custom_field(db::Database& database,
    const http::RequestContext& context, int64_t id, std::optional<int64_t> version,
    const nlohmann::json& body);
Status delete_custom_field(db::Database& database, const http::RequestContext& context, int64_t id);

// Checks `given` (the body's custom_fields object, or null when the body has none) against the
// tenant's definitions for `entity` and merges it over `stored` (JSON text; null values remove a
// key). Problems are reported at `custom_fields.<code>`. Answers the JSON text to store.
Result<std::string> merge_custom_values(db::Connection& connection, int64_t tenant_id,
    const std::string& entity, const nlohmann::json* given, const std::string& stored);

// One audit entry per code whose value differs between two stored objects.
std::vector<AuditEntry> custom_value_changes(const std::string& before, const std::string& after,
    const std::string& entity, int64_t entity_id, int64_t party_id, const std::string& action);

// The list filter `custom.<code>=value` over `alias`.custom_fields: equal for single values,
// contained for multiple choices.
std::string custom_value_condition(db::Dialect dialect, const std::string& alias,
    const std::string& code, const std::string& value, db::Params& params);

bool is_custom_field_code(const std::string& code);

struct CustomFieldDefinition {
    std::string code;
    std::string label;
    std::string type; // text, number, date, choice, multi_choice
};
// The tenant's definitions for an entity, in their form order.
std::vector<CustomFieldDefinition> custom_field_definitions(
    db::Connection& connection, int64_t tenant_id, const std::string& entity);

// Cells of an import ({code: text}) as values of the definitions' types: a multiple choice is
// split at commas, semicolons and "、"; the rest are given as typed for merge_custom_values.
nlohmann::json custom_values_from_text(const std::vector<CustomFieldDefinition>& definitions,
    const std::map<std::string, std::string>& texts);

} // namespace rapport::customers
