// Merging two parties keeps one: every domain's rows move to it through the merge hooks, what the
// kept party lacks is filled from the merged one, and the merged party is deleted — all in one
// transaction, so a failing hook leaves both parties as they were.
#include "core/clock.h"
#include "core/text.h"
#include "customers/audit.h"
#include "customers/merge_hooks.h"
#include "customers/parties.h"
#include "customers/search.h"

#include <set>

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

Error not_found()
{
    return Error::make(ErrorCode::not_found, "not_found", "No such record.");
}

// Columns copied from the merged party when the kept one has nothing there.
const char* const fillable_columns[] = { "code", "registration_number", "level", "industry",
    "source", "region", "website", "billing_address", "shipping_address", "payment_terms",
    "currency", "notes", "owner_id", "branch_id", "next_contact_date" };

// The union of two JSON lists, without entries that are the same after folding.
std::string merged_list(const std::string& kept, const std::string& merged)
{
    auto out = json::parse(kept, nullptr, false);
    auto more = json::parse(merged, nullptr, false);
    if (!out.is_array())
        out = json::array();
    if (!more.is_array())
        return out.dump();
    std::set<std::string> seen;
    auto key_of = [](const json& entry) {
        if (entry.is_object() && entry.contains("number") && entry["number"].is_string())
            return text::digits(entry["number"].get<std::string>());
        if (entry.is_object() && entry.contains("address") && entry["address"].is_string())
            return text::fold(entry["address"].get<std::string>());
        return text::fold(entry.dump());
    };
    for (const auto& entry : out)
        seen.insert(key_of(entry));
    for (const auto& entry : more)
        if (seen.insert(key_of(entry)).second)
            out.push_back(entry);
    return out.dump();
}

std::optional<db::Row> load_party_for_merge(
    Connection& connection, const http::RequestContext& context, int64_t id)
{
    db::Params params;
    auto where = visibility(context, PartyView::customers, "p", params);
    params.push_back(id);
    return connection.query_one(
        "SELECT p.id FROM parties p WHERE " + where + " AND p.id = ?", params);
}

Result<Ok> merge_rows(
    Connection& connection, const http::RequestContext& context, int64_t id, int64_t into_id)
{
    std::string columns = "p.id, p.name, p.tags, p.phones, p.emails, p.last_contact_at, "
                          "p.is_customer, p.is_prospect, "
                          "p.is_supplier, p.is_competitor, p.is_partner";
    for (const char* column : fillable_columns)
        columns += std::string(", p.") + column;
    auto load = [&](int64_t party_id) {
        db::Params params;
        auto where = visibility(context, PartyView::customers, "p", params);
        params.push_back(party_id);
        return connection.query_one(
            "SELECT " + columns + " FROM parties p WHERE " + where + " AND p.id = ?", params);
    };
    auto source = load(id);
    auto target = load(into_id);
    if (!source || !target)
        return not_found();

    run_merge_hooks(connection, context.tenant_id, id, into_id);

    // the kept party keeps what it has and gains what only the merged one had
    std::string assignments
        = "updated_at = ?, version = version + 1, tags = ?, phones = ?, emails = ?";
    db::Params params = { clock::now_iso(), merged_list(target->str("tags"), source->str("tags")),
        merged_list(target->str("phones"), source->str("phones")),
        merged_list(target->str("emails"), source->str("emails")) };
    for (const char* role :
        { "is_customer", "is_prospect", "is_supplier", "is_competitor", "is_partner" }) {
        assignments += std::string(", ") + role + " = ?";
        params.push_back(int64_t(target->i64(role) != 0 || source->i64(role) != 0 ? 1 : 0));
    }
    if (source->str("last_contact_at") > target->str("last_contact_at")) {
        assignments += ", last_contact_at = ?";
        params.push_back(source->str("last_contact_at"));
    }
    std::vector<std::pair<std::string, db::Param>> filled;
    for (const char* column : fillable_columns) {
        auto index = target->index_of(column);
        if (!target->is_null(index) && !target->str(index).empty())
            continue;
        auto from = source->index_of(column);
        if (source->is_null(from))
            continue;
        // the code is unique per tenant: it moves only once the merged party has let go of it
        if (std::string(column) == "code")
            continue;
        assignments += std::string(", ") + column + " = ?";
        if (std::holds_alternative<int64_t>(source->value(from)))
            params.push_back(source->i64(from));
        else
            params.push_back(source->str(from));
    }
    params.insert(params.end(), { context.tenant_id, into_id });

    forget_search_keys(connection, context.tenant_id, id);
    connection.execute(
        "DELETE FROM parties WHERE tenant_id = ? AND id = ?", { context.tenant_id, id });
    connection.execute(
        "UPDATE parties SET " + assignments + " WHERE tenant_id = ? AND id = ?", params);
    if (target->is_null(target->index_of("code")) && !source->is_null(source->index_of("code")))
        connection.execute("UPDATE parties SET code = ? WHERE tenant_id = ? AND id = ?",
            { source->str("code"), context.tenant_id, into_id });
    refresh_search_text(connection, context.tenant_id, into_id);

    record_audit(connection, context.tenant_id, context.user_id,
        { { "party", into_id, into_id, "merged", "",
            json { { "id", id }, { "name", source->str("name") } }, json { { "id", into_id } },
            "merged " + source->str("name") + " into this party" } });
    return Ok {};
}

} // namespace

Result<json> merge_party(
    db::Database& database, const http::RequestContext& context, int64_t id, const json& body)
{
    auto merged = database.write([&](Connection& connection) -> Result<int64_t> {
        // an unknown or foreign id is "no such record" whatever the body says
        if (!load_party_for_merge(connection, context, id))
            return not_found();
        for (const auto& [name, value] : body.items())
            if (name != "into_id")
                return Error::invalid(name, "unknown_field", "is not a field of a merge");
        if (!body.contains("into_id") || !body["into_id"].is_number_integer()
            || body["into_id"].get<int64_t>() <= 0)
            return Error::invalid(
                "into_id", "invalid_type", "must be the id of the customer to keep");
        auto into_id = body["into_id"].get<int64_t>();
        if (into_id == id)
            return Error::invalid("into_id", "same_party", "cannot merge a customer into itself");
        if (auto done = merge_rows(connection, context, id, into_id); !done)
            return done.take_error();
        return into_id;
    });
    if (!merged)
        return merged.take_error();
    return get_party(database, context, PartyView::customers, *merged);
}

} // namespace rapport::customers
