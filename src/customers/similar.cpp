// Duplicate detection: candidates come from exact keys (registration number, E.164 phone, e-mail,
// normalised name) and from names sharing a trigram, then are scored here. Candidates come from
// the whole tenant — a rep must learn that a colleague already serves the customer — but only id,
// code, name, owner and last contact of a party outside the request's scope are shown.
#include "customers/similar.h"

#include "core/name_keys.h"
#include "core/registration_number.h"
#include "core/text.h"
#include "customers/parties.h"
#include "customers/search.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

// How strongly each reason alone says "the same party"; several reasons add a little.
constexpr int registration_score = 100;
constexpr int phone_score = 90;
constexpr int email_score = 90;

struct Evidence {
    std::set<std::string> reasons;
    int score = 0;

    void add(const std::string& reason, int points)
    {
        reasons.insert(reason);
        score = std::max(score, points);
    }
    int total() const { return std::min(100, score + 5 * (static_cast<int>(reasons.size()) - 1)); }
};

// Reasons in a fixed order: the strongest first.
json reason_list(const Evidence& evidence)
{
    json out = json::array();
    for (const char* reason : { "registration_number", "phone", "email", "name" })
        if (evidence.reasons.count(reason))
            out.push_back(reason);
    return out;
}

std::vector<int64_t> parties_with_key(
    Connection& connection, int64_t tenant_id, const std::string& kind, const std::string& key)
{
    std::vector<int64_t> out;
    for (const auto& row : connection.query(
             "SELECT party_id FROM party_keys WHERE tenant_id = ? AND kind = ? AND match_key = ?",
             { tenant_id, kind, key }))
        out.push_back(row.i64(0));
    return out;
}

std::string id_marks(size_t count)
{
    std::string out;
    for (size_t i = 0; i < count; ++i)
        out += i ? ", ?" : "?";
    return out;
}

// How many names may share a trigram before it stops telling names apart ("ing", "深圳市").
constexpr int64_t common_gram_postings = 1000;

// Parties sharing trigrams with `name_key`, most shared first, scored by name similarity. Common
// trigrams are left out of the lookup: a name similar enough to be a duplicate shares its rare
// trigrams too, and the common ones would make every lookup read thousands of postings.
void similar_names(Connection& connection, int64_t tenant_id, const std::string& name_key,
    std::map<int64_t, Evidence>& found)
{
    std::vector<std::pair<int64_t, std::string>> grams;
    for (auto& gram : name_keys::name_grams(name_key)) {
        auto postings = connection.scalar(
            "SELECT COUNT(*) FROM (SELECT 1 FROM party_keys WHERE tenant_id = ? AND kind = 'gram' "
            "AND match_key = ? LIMIT "
                + std::to_string(common_gram_postings + 1) + ") g",
            { tenant_id, gram });
        if (postings > 0)
            grams.emplace_back(postings, std::move(gram));
    }
    std::sort(grams.begin(), grams.end());
    // all common: the two rarest still find the names that share them
    while (grams.size() > 2 && grams.back().first > common_gram_postings)
        grams.pop_back();
    if (grams.empty())
        return;
    db::Params params = { tenant_id };
    for (const auto& gram : grams)
        params.push_back(gram.second);
    // "+party_id" keeps SQLite on the key index: grouping by the bare column makes it walk every
    // key of the tenant through party_keys_party to save a sort (PostgreSQL needs the bare column)
    std::string group = connection.dialect() == db::Dialect::sqlite ? "+party_id" : "party_id";
    auto rows = connection.query(
        "SELECT p.id, p.name_key FROM parties p JOIN (SELECT party_id, COUNT(*) AS shared FROM "
        "party_keys WHERE tenant_id = ? AND kind = 'gram' AND match_key IN ("
            + id_marks(grams.size()) + ") GROUP BY " + group
            + " ORDER BY shared DESC, party_id LIMIT 200) k ON k.party_id = p.id WHERE p.tenant_id "
              "= ?",
        [&] {
            auto all = params;
            all.push_back(tenant_id);
            return all;
        }());
    for (const auto& row : rows) {
        auto similarity = name_keys::name_similarity(name_key, row.str(1));
        if (similarity >= name_keys::duplicate_name_threshold)
            found[row.i64(0)].add("name", static_cast<int>(std::lround(similarity * 100)));
    }
}

// id → {code, name, owner, last contact, roles, visible} of the parties in `ids`.
std::map<int64_t, json> describe_parties(
    Connection& connection, const http::RequestContext& context, const std::vector<int64_t>& ids)
{
    std::map<int64_t, json> out;
    if (ids.empty())
        return out;
    db::Params params;
    std::string visible;
    if (context.can("customers.read"))
        visible = "(" + visibility(context, PartyView::customers, "p", params) + ")";
    if (context.can("suppliers.read"))
        visible += (visible.empty() ? "(" : " OR (")
            + visibility(context, PartyView::suppliers, "p", params) + ")";
    if (visible.empty())
        visible = "1 = 0";
    params.push_back(context.tenant_id);
    for (auto id : ids)
        params.push_back(id);
    auto rows = connection.query(
        "SELECT p.id, p.code, p.name, p.owner_id, u.name AS owner_name, p.last_contact_at, "
        "p.is_customer, p.is_prospect, p.is_supplier, p.is_competitor, p.is_partner, CASE WHEN "
            + visible
            + " THEN 1 ELSE 0 END AS visible FROM parties p LEFT JOIN users u ON u.id = "
              "p.owner_id WHERE p.tenant_id = ? AND p.id IN ("
            + id_marks(ids.size()) + ")",
        params);
    for (const auto& row : rows) {
        auto nullable = [&](const char* column) {
            return row.is_null(row.index_of(column)) ? json() : json(row.str(column));
        };
        json party
            = { { "id", row.i64("id") }, { "code", nullable("code") }, { "name", row.str("name") },
                  { "owner_id",
                      row.is_null(row.index_of("owner_id")) ? json() : json(row.i64("owner_id")) },
                  { "owner_name", nullable("owner_name") },
                  { "last_contact_at", nullable("last_contact_at") },
                  { "visible", row.i64("visible") != 0 } };
        if (row.i64("visible") != 0) {
            json roles = json::array();
            for (const char* role : { "customer", "prospect", "supplier", "competitor", "partner" })
                if (row.i64(std::string("is_") + role) != 0)
                    roles.push_back(role);
            party["roles"] = roles;
        }
        out.emplace(row.i64("id"), std::move(party));
    }
    return out;
}

} // namespace

json find_similar(
    Connection& connection, const http::RequestContext& context, const SimilarQuery& query)
{
    auto tenant_id = context.tenant_id;
    std::map<int64_t, Evidence> found;

    if (!text::trim(query.registration_number).empty()) {
        auto number = normalise_registration_number(query.registration_number);
        for (auto id : parties_with_key(connection, tenant_id, "registration", number))
            found[id].add("registration_number", registration_score);
    }
    if (!text::trim(query.phone).empty()) {
        auto phone = name_keys::e164(query.phone, tenant_phone_region(connection, tenant_id));
        if (phone.empty() && text::digits(query.phone).size() >= 7)
            phone = text::digits(query.phone);
        if (!phone.empty())
            for (auto id : parties_with_key(connection, tenant_id, "phone", phone))
                found[id].add("phone", phone_score);
    }
    if (!text::trim(query.email).empty()) {
        for (auto id :
            parties_with_key(connection, tenant_id, "email", text::fold(text::trim(query.email))))
            found[id].add("email", email_score);
    }
    // the name may still be typed: "대한물산 주식" on its way to "대한물산 주식회사"
    if (auto name_key
        = name_keys::company_name_key(name_keys::without_partial_legal_form(query.name));
        !name_key.empty()) {
        for (auto id : parties_with_key(connection, tenant_id, "name", name_key))
            found[id].add("name", 100);
        similar_names(connection, tenant_id, name_key, found);
    }
    if (query.exclude_id)
        found.erase(*query.exclude_id);

    std::vector<int64_t> ids;
    for (const auto& [id, evidence] : found)
        ids.push_back(id);
    auto parties = describe_parties(connection, context, ids);
    std::vector<json> items;
    for (const auto& [id, evidence] : found) {
        auto party = parties.find(id);
        if (party == parties.end())
            continue; // keys of a party deleted since
        json item = party->second;
        item.erase("visible");
        item["reasons"] = reason_list(evidence);
        item["score"] = evidence.total();
        items.push_back(std::move(item));
    }
    std::stable_sort(items.begin(), items.end(), [](const json& a, const json& b) {
        if (a["score"] != b["score"])
            return a["score"].get<int>() > b["score"].get<int>();
        return a["id"].get<int64_t>() < b["id"].get<int64_t>();
    });
    if (static_cast<int>(items.size()) > query.limit)
        items.resize(static_cast<size_t>(std::max(0, query.limit)));
    return json { { "items", items } };
}

Result<json> find_duplicates(db::Database& database, const http::RequestContext& context, int limit)
{
    return database.read([&](Connection& connection) -> Result<json> {
        std::map<std::pair<int64_t, int64_t>, Evidence> pairs;
        const std::map<std::string, std::pair<std::string, int>> exact_kinds
            = { { "registration", { "registration_number", registration_score } },
                  { "phone", { "phone", phone_score } }, { "email", { "email", email_score } },
                  { "name", { "name", 100 } } };

        // equal keys: a self-join on the key postings (a key shared by hundreds of parties, such as
        // a head office switchboard, still yields every pair up to the cap)
        for (const auto& row : connection.query(
                 "SELECT a.party_id, b.party_id, a.kind FROM party_keys a JOIN party_keys b "
                 "ON b.tenant_id = a.tenant_id AND b.kind = a.kind AND b.match_key = a.match_key "
                 "AND b.party_id > a.party_id WHERE a.tenant_id = ? AND a.kind IN "
                 "('registration', 'phone', 'email', 'name') LIMIT 20000",
                 { context.tenant_id })) {
            const auto& [reason, points] = exact_kinds.at(row.str(2));
            pairs[{ row.i64(0), row.i64(1) }].add(reason, points);
        }

        // near names: pairs sharing a trigram that few names have (a near-duplicate shares its rare
        // trigrams too, while a common one like "ing" or "有限" would pair everything with
        // everything)
        auto near = connection.query(
            "SELECT a.party_id, b.party_id, pa.name_key, pb.name_key FROM party_keys a JOIN "
            "party_keys b ON b.tenant_id = "
            "a.tenant_id AND b.kind = a.kind AND b.match_key = a.match_key AND b.party_id > "
            "a.party_id "
            "JOIN parties pa ON pa.tenant_id = a.tenant_id AND pa.id = a.party_id "
            "JOIN parties pb ON pb.tenant_id = b.tenant_id AND pb.id = b.party_id "
            "WHERE a.tenant_id = ? AND a.kind = 'gram' AND pa.name_key <> pb.name_key AND "
            "a.match_key IN "
            "(SELECT match_key FROM party_keys WHERE tenant_id = ? AND kind = 'gram' GROUP BY "
            "match_key "
            "HAVING COUNT(*) BETWEEN 2 AND 50) GROUP BY a.party_id, b.party_id, pa.name_key, "
            "pb.name_key LIMIT 20000",
            { context.tenant_id, context.tenant_id });
        for (const auto& row : near) {
            auto similarity = name_keys::name_similarity(row.str(2), row.str(3));
            if (similarity >= name_keys::duplicate_name_threshold)
                pairs[{ row.i64(0), row.i64(1) }].add(
                    "name", static_cast<int>(std::lround(similarity * 100)));
        }

        std::set<int64_t> involved;
        for (const auto& [pair, evidence] : pairs) {
            involved.insert(pair.first);
            involved.insert(pair.second);
        }
        auto parties = describe_parties(connection, context, { involved.begin(), involved.end() });
        std::vector<json> items;
        for (const auto& [pair, evidence] : pairs) {
            auto a = parties.find(pair.first);
            auto b = parties.find(pair.second);
            // both must still exist, and the request must see at least one of them
            if (a == parties.end() || b == parties.end()
                || (!a->second["visible"] && !b->second["visible"]))
                continue;
            auto side = [](const json& party) {
                return json { { "id", party["id"] }, { "name", party["name"] },
                    { "owner_name", party["owner_name"] } };
            };
            items.push_back({ { "a", side(a->second) }, { "b", side(b->second) },
                { "reasons", reason_list(evidence) }, { "score", evidence.total() } });
        }
        std::stable_sort(items.begin(), items.end(), [](const json& x, const json& y) {
            return x["score"].get<int>() > y["score"].get<int>();
        });
        if (static_cast<int>(items.size()) > limit)
            items.resize(static_cast<size_t>(limit));
        return json { { "items", items } };
    });
}

} // namespace rapport::customers
