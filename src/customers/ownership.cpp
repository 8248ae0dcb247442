#include "customers/ownership.h"

#include "core/clock.h"
#include "customers/audit.h"
#include "customers/parties.h"
#include "http/json_input.h"

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

db::Param user_param(int64_t user_id)
{
    return user_id == 0 ? db::Param(nullptr) : db::Param(user_id);
}

} // namespace

void record_owner_change(Connection& connection, int64_t tenant_id, const OwnerChange& change)
{
    if (change.from_owner == change.to_owner)
        return;
    auto now = clock::now_iso();
    auto closed = connection.execute(
        "UPDATE party_owners SET ended_at = ? WHERE tenant_id = ? AND party_id = ? AND "
        "ended_at IS NULL",
        { now, tenant_id, change.party_id });
    if (closed == 0 && change.from_owner) {
        auto created
            = connection.query_one("SELECT created_at FROM parties WHERE tenant_id = ? AND id = ?",
                { tenant_id, change.party_id });
        connection.execute("INSERT INTO party_owners (tenant_id, id, party_id, owner_id, "
                           "started_at, ended_at, action, "
                           "reason, changed_by) VALUES (?, ?, ?, ?, ?, ?, 'created', NULL, NULL)",
            { tenant_id, connection.next_id(), change.party_id, *change.from_owner,
                created ? created->str(0) : now, now });
    }
    if (change.to_owner)
        connection.execute("INSERT INTO party_owners (tenant_id, id, party_id, owner_id, "
                           "started_at, ended_at, action, "
                           "reason, changed_by) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)",
            { tenant_id, connection.next_id(), change.party_id, *change.to_owner, now,
                change.action,
                change.reason.empty() ? db::Param(nullptr) : db::Param(change.reason),
                user_param(change.changed_by) });
}

std::optional<int64_t> branch_of_member(Connection& connection, int64_t tenant_id, int64_t user_id)
{
    auto row = connection.query_one(
        "SELECT branch_id FROM memberships WHERE tenant_id = ? AND user_id = ?",
        { tenant_id, user_id });
    return row ? row->opt_i64(0) : std::nullopt;
}

Result<json> transfer_customers(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    http::JsonInput input(body);
    std::vector<int64_t> party_ids;
    if (const auto* ids = input.raw("party_ids"); ids && !ids->is_null()) {
        if (!ids->is_array() || ids->empty() || ids->size() > 1000)
            input.fail("party_ids", "invalid_type", "must be a list of 1 to 1000 customer ids");
        else
            for (size_t i = 0; i < ids->size(); ++i) {
                if (!(*ids)[i].is_number_integer() || (*ids)[i].get<int64_t>() < 1)
                    input.fail("party_ids[" + std::to_string(i) + "]", "invalid_type",
                        "must be a customer id");
                else
                    party_ids.push_back((*ids)[i].get<int64_t>());
            }
    }
    auto from_owner = input.integer("from_owner_id", false, 1);
    auto to_owner = input.integer("to_owner_id", true, 1);
    auto reason = input.text("reason", true, 500);
    bool has_ids = input.present("party_ids") && !input.is_null("party_ids");
    if (has_ids == input.present("from_owner_id"))
        input.fail("party_ids", "one_required", "give either party_ids or from_owner_id");
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        if (!connection.query_one("SELECT user_id FROM memberships WHERE tenant_id = ? AND user_id "
                                  "= ? AND active = 1",
                { context.tenant_id, *to_owner }))
            return Error::invalid(
                "to_owner_id", "not_found", "is not an active user of this company");

        // the customers to move, each as the request may see it (a manager: the branch)
        std::vector<std::pair<int64_t, std::optional<int64_t>>> parties;
        db::Params params;
        auto where = visibility(context, PartyView::customers, "p", params);
        if (has_ids) {
            for (auto id : party_ids) {
                db::Params one = params;
                one.push_back(id);
                auto row = connection.query_one(
                    "SELECT p.id, p.owner_id FROM parties p WHERE " + where + " AND p.id = ?", one);
                if (!row)
                    return Error::make(ErrorCode::not_found, "not_found",
                        "No customer " + std::to_string(id) + " that you may transfer.");
                parties.emplace_back(id, row->opt_i64(1));
            }
        } else {
            params.push_back(*from_owner);
            for (const auto& row : connection.query("SELECT p.id, p.owner_id FROM parties p WHERE "
                         + where + " AND p.owner_id = ? ORDER BY p.id",
                     params))
                parties.emplace_back(row.i64(0), row.opt_i64(1));
        }

        // the customer follows its new owner into the owner's branch, so the branch manager sees it
        auto branch = branch_of_member(connection, context.tenant_id, *to_owner);
        int64_t transferred = 0;
        std::set<int64_t> done;
        for (const auto& [id, owner] : parties) {
            if (owner == to_owner || !done.insert(id).second)
                continue;
            connection.execute("UPDATE parties SET owner_id = ?, branch_id = COALESCE(?, "
                               "branch_id), updated_at = ?, "
                               "version = version + 1 WHERE tenant_id = ? AND id = ?",
                { *to_owner, db::nullable(branch), clock::now_iso(), context.tenant_id, id });
            record_owner_change(connection, context.tenant_id,
                { id, owner, to_owner, "transferred", *reason, context.user_id });
            record_audit(connection, context.tenant_id, context.user_id,
                { { "party", id, id, "transferred", "owner_id", owner ? json(*owner) : json(),
                    json(*to_owner), *reason } });
            ++transferred;
        }
        return json { { "transferred", transferred } };
    });
}

Result<json> list_owners(
    db::Database& database, const http::RequestContext& context, int64_t party_id)
{
    return database.read([&](Connection& connection) -> Result<json> {
        db::Params params;
        auto where = visibility(context, PartyView::customers, "p", params);
        params.push_back(party_id);
        auto party
            = connection.query_one("SELECT p.id, p.owner_id, p.created_at, u.name FROM parties p "
                                   "LEFT JOIN users u ON u.id = p.owner_id WHERE "
                    + where + " AND p.id = ?",
                params);
        if (!party)
            return Error::make(ErrorCode::not_found, "not_found", "No such record.");
        json items = json::array();
        for (const auto& row :
            connection.query(
                "SELECT o.owner_id, u.name AS owner_name, o.started_at, o.ended_at, o.action, "
                "o.reason, "
                "b.name AS by_user_name FROM party_owners o JOIN users u ON u.id = o.owner_id "
                "LEFT JOIN users b ON b.id = o.changed_by WHERE o.tenant_id = ? AND o.party_id = ? "
                "ORDER BY o.started_at DESC, o.id DESC",
                { context.tenant_id, party_id }))
            items.push_back({ { "owner_id", row.i64(0) }, { "owner_name", row.str(1) },
                { "from", row.str(2) }, { "to", row.is_null(3) ? json() : json(row.str(3)) },
                { "action", row.str(4) }, { "reason", row.is_null(5) ? json() : json(row.str(5)) },
                { "by_user_name", row.is_null(6) ? json() : json(row.str(6)) } });
        // a customer owned since before the history began still shows its owner
        if (items.empty() && !party->is_null(1))
            items.push_back({ { "owner_id", party->i64(1) }, { "owner_name", party->str(3) },
                { "from", party->str(2) }, { "to", nullptr }, { "action", "created" },
                { "reason", nullptr }, { "by_user_name", nullptr } });
        return json { { "items", items } };
    });
}

void move_owner_history(Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id)
{
    // the kept party's own owner stays current: the merged party's open period ends with the merge
    connection.execute("UPDATE party_owners SET ended_at = ? WHERE tenant_id = ? AND party_id = ? "
                       "AND ended_at IS NULL",
        { clock::now_iso(), tenant_id, from_id });
    connection.execute("UPDATE party_owners SET party_id = ? WHERE tenant_id = ? AND party_id = ?",
        { into_id, tenant_id, from_id });
}

} // namespace rapport::customers
