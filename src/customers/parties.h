// Parties — companies and persons that are customers, prospects, suppliers, competitors or
// partners — and their contacts. One model; /customers and /suppliers are two views of it.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/record.h"
#include "http/request.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rapport::customers {

// Which view of the parties a request goes through: it sets the default role, the permission
// domain ("customers" or "suppliers") and whether the data scope applies.
enum class PartyView { customers, suppliers };
std::string domain_of(PartyView view);
// The entity whose custom field definitions a party's values follow: "customer" or "supplier".
std::string custom_entity(PartyView view);

// The SQL condition (over `alias`) for the parties a request may see through a view: the tenant,
// the view's roles and, for customers, the data scope of DESIGN.md §4 (own, branch, all). Lists,
// search, reminders, reports and exports all go through it.
std::string visibility(const http::RequestContext& context, PartyView view,
    const std::string& alias, db::Params& params);

const std::vector<http::FieldSpec>& party_fields();
const std::vector<http::FieldSpec>& contact_fields();

// The WHERE condition (over alias "p") of a list request's filters — q, level, region, industry,
// source, kind, owner_id, tag, archived, custom.<code> — within the request's visibility.
Result<std::string> party_list_filter(db::Database& database, const http::RequestContext& context,
    PartyView view, const http::Request& request, db::Params& params);

Result<nlohmann::json> list_parties(db::Database& database, const http::RequestContext& context,
    PartyView view, const http::Request& request);
Result<nlohmann::json> get_party(
    db::Database& database, const http::RequestContext& context, PartyView view, int64_t id);
Result<nlohmann::json> create_party(db::Database& database, const http::RequestContext& context,
    PartyView view, const nlohmann::json& body);
Result<nlohmann::json> update_party(db::Database& database, const http::RequestContext& context,
    PartyView view, int64_t id, int64_t version, const nlohmann::json& body);
Status delete_party(
    db::Database& database, const http::RequestContext& context, PartyView view, int64_t id);

Result<nlohmann::json> list_contacts(
    db::Database& database, const http::RequestContext& context, PartyView view, int64_t party_id);
Result<nlohmann::json> create_contact(db::Database& database, const http::RequestContext& context,
    PartyView view, int64_t party_id, const nlohmann::json& body);
Result<nlohmann::json> update_contact(db::Database& database, const http::RequestContext& context,
    PartyView view, int64_t party_id, int64_t contact_id, std::optional<int64_t> version,
    const nlohmann::json& body);
Status delete_contact(db::Database& database, const http::RequestContext& context, PartyView view,
    int64_t party_id, int64_t contact_id);

// Building blocks for imports, inside the caller's transaction.
std::optional<int64_t> find_party(db::Connection& connection, const http::RequestContext& context,
    PartyView view, const std::string& key_column, const std::string& value);
Result<int64_t> insert_party(db::Connection& connection, const http::RequestContext& context,
    PartyView view, http::ColumnValues values);
// What insert_party and update_party_columns would refuse in `values` (owner and branch, the
// transfer rule included, code, registration number, currency), read without writing.
Status check_party_values(db::Connection& connection, const http::RequestContext& context,
    const http::ColumnValues& values, std::optional<int64_t> party_id);
Status update_party_columns(db::Connection& connection, const http::RequestContext& context,
    int64_t id, const http::ColumnValues& values);
Result<int64_t> insert_contact(db::Connection& connection, const http::RequestContext& context,
    int64_t party_id, const http::ColumnValues& values);
// Recomputes the folded text that `q` searches: name, code, registration number, e-mails, phone
// digits, and the same of every contact.
void refresh_search_text(db::Connection& connection, int64_t tenant_id, int64_t party_id);

} // namespace rapport::customers
