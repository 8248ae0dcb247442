// One search box over customers, suppliers and contacts; duplicate pairs and merging
// (docs/api.md, Search and duplicates). The keys both rely on are kept by search_index.cpp.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/request.h"
#include "http/router.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rapport::customers {

// The region phones of the tenant are read in (name_keys::phone_region of its currency and locale).
std::string tenant_phone_region(db::Connection& connection, int64_t tenant_id);

// The folded keys of a name a person may type, each with what it is ("name", "initials",
// "pinyin"): the name, its Simplified form, initial consonants, pinyin and pinyin initials.
std::vector<std::pair<std::string, std::string>> labelled_name_keys(const std::string& name);

// The folded forms of a query the search tries: as typed, phone digits, initial consonants,
// Simplified Chinese, pinyin without spaces.
std::vector<std::string> search_alternatives(const std::string& q);
// The keyword condition over `alias` (a parties row) using the dialect's index: FTS5 trigram on
// SQLite for keys of three characters or more, LIKE (served by pg_trgm) otherwise.
std::string party_search_condition(
    const std::string& q, const std::string& alias, db::Params& params, db::Dialect dialect);

// Removes a party's search and duplicate keys (before the party row itself goes).
void forget_search_keys(db::Connection& connection, int64_t tenant_id, int64_t party_id);
// Recomputes the keys of parties written before the current key version (after an upgrade).
void refresh_stale_search_keys(db::Database& database);

// `GET /search`: parties and contacts the request may see, ranked exact, prefix, partial.
Result<nlohmann::json> search_everything(
    db::Database& database, const http::RequestContext& context, const std::string& q, int limit);
// `GET /duplicates`: likely duplicate pairs with at least one side visible to the request.
Result<nlohmann::json> find_duplicates(
    db::Database& database, const http::RequestContext& context, int limit);
// `POST /customers/{id}/merge` {into_id}: moves everything of `id` onto `into_id` and deletes `id`.
Result<nlohmann::json> merge_party(db::Database& database, const http::RequestContext& context,
    int64_t id, const nlohmann::json& body);
// `GET /registration-numbers/check`: {valid, normalised, reason}.
Result<nlohmann::json> check_registration(const std::string& number, const std::string& country);

// Routes: /search, /customers/similar, /duplicates, /customers/{id}/merge,
// /registration-numbers/check. Also registers the merge hook that moves contacts.
void register_search_routes(http::Router& router, std::shared_ptr<db::Database> database);

} // namespace rapport::customers
