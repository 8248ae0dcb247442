// Who owns a customer, and since when: the owner history, transfers by managers, and the one
// function every owner change goes through (create, PATCH, transfer, claim, release, the pool
// rules).
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/request.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rapport::customers {

struct OwnerChange {
    int64_t party_id = 0;
    std::optional<int64_t> from_owner;
    std::optional<int64_t> to_owner;
    std::string action; // created, updated, transferred, claimed, released, returned_to_pool
    std::string reason;
    int64_t changed_by = 0; // 0: the system
};

// Closes the current owner's period and opens the new owner's, inside the caller's transaction.
// Parties older than the history get the previous owner's period from their creation.
void record_owner_change(db::Connection& connection, int64_t tenant_id, const OwnerChange& change);

// The branch a user works in (their membership), to move a customer there with its new owner.
std::optional<int64_t> branch_of_member(
    db::Connection& connection, int64_t tenant_id, int64_t user_id);

// `POST /customers/transfer` {party_ids | from_owner_id, to_owner_id, reason} → {transferred}.
// Only customers visible to the request move; an invisible id is a 404 and nothing moves.
Result<nlohmann::json> transfer_customers(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);

// `GET /customers/{id}/owners` → {items:[{owner_id, owner_name, from, to, action, reason,
// by_user_name}]} newest first.
Result<nlohmann::json> list_owners(
    db::Database& database, const http::RequestContext& context, int64_t party_id);

// Merge hook: the merged party's owner periods now belong to the kept one.
void move_owner_history(
    db::Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id);

} // namespace rapport::customers
