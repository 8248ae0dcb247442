// One search box: customers, suppliers and contacts the request may see, ranked exact, prefix,
// partial. The database narrows the candidates through the index; the ranking and what matched
// are then worked out here, where the same keys the index holds can be recomputed per row.
#include "customers/search.h"

#include "core/name_keys.h"
#include "core/registration_number.h"
#include "core/text.h"
#include "customers/parties.h"

#include <algorithm>
#include <map>

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

const char* const match_names[] = { "exact", "prefix", "partial" };

struct Match {
    int rank = 3; // 0 exact, 1 prefix, 2 partial, 3 none
    std::string matched;
};

void consider(Match& best, const std::string& key, const std::vector<std::string>& alternatives,
    const char* matched)
{
    if (key.empty())
        return;
    for (const auto& alternative : alternatives) {
        int rank = key == alternative                    ? 0
            : key.rfind(alternative, 0) == 0             ? 1
            : key.find(alternative) != std::string::npos ? 2
                                                         : 3;
        if (rank < best.rank)
            best = { rank, matched };
    }
}

void consider_name(
    Match& best, const std::string& name, const std::vector<std::string>& alternatives)
{
    for (const auto& [key, label] : labelled_name_keys(name))
        consider(best, key, alternatives, label.c_str());
}

void consider_entries(Match& best, const std::string& stored,
    const std::vector<std::string>& alternatives, const std::string& region)
{
    auto entries = json::parse(stored, nullptr, false);
    if (!entries.is_array())
        return;
    for (const auto& entry : entries) {
        if (entry.contains("number") && entry["number"].is_string()) {
            auto number = entry["number"].get<std::string>();
            consider(best, text::fold(number), alternatives, "phone");
            consider(best, text::digits(number), alternatives, "phone");
            auto international = name_keys::e164(number, region);
            if (!international.empty()) {
                consider(best, international.substr(1), alternatives, "phone");
                consider(best, name_keys::national_digits(number, region), alternatives, "phone");
            }
        }
        if (entry.contains("address") && entry["address"].is_string())
            consider(best, text::fold(entry["address"].get<std::string>()), alternatives, "email");
    }
}

struct Candidate {
    json item;
    int rank = 3;
    std::string sort_name;
};

// The ranking the index cannot give: a whole name key (exact) before its start (prefix).
std::string rank_expression(const std::vector<std::string>& alternatives, db::Params& params)
{
    std::string exact;
    std::string prefix;
    for (const auto& alternative : alternatives) {
        exact += std::string(exact.empty() ? "" : " OR ") + "p.search_names LIKE ? ESCAPE '\\'";
        params.push_back("%\x1f" + text::escape_like(alternative) + "\x1f%");
    }
    for (const auto& alternative : alternatives) {
        prefix += std::string(prefix.empty() ? "" : " OR ") + "p.search_names LIKE ? ESCAPE '\\'";
        params.push_back("%\x1f" + text::escape_like(alternative) + "%");
    }
    return "CASE WHEN " + exact + " THEN 0 WHEN " + prefix + " THEN 1 ELSE 2 END";
}

std::vector<db::Row> matching_parties(Connection& connection, const http::RequestContext& context,
    PartyView view, const std::string& q, const std::vector<std::string>& alternatives, int limit)
{
    db::Params params;
    auto rank = rank_expression(alternatives, params);
    auto where = visibility(context, view, "p", params);
    where += " AND p.archived = 0 AND "
        + party_search_condition(q, "p", params, connection.dialect());
    params.push_back(static_cast<int64_t>(limit));
    return connection.query(
        "SELECT p.id, p.code, p.name, p.registration_number, p.phones, p.emails, p.owner_id, "
        "u.name AS owner_name, p.is_customer, p.is_prospect, "
            + rank + " AS search_rank FROM parties p LEFT JOIN users u ON u.id = p.owner_id WHERE "
            + where + " ORDER BY search_rank, p.name, p.id LIMIT ?",
        params);
}

json owner_of(const db::Row& row)
{
    return row.is_null(row.index_of("owner_name")) ? json() : json(row.str("owner_name"));
}

} // namespace

Result<json> search_everything(
    db::Database& database, const http::RequestContext& context, const std::string& q, int limit)
{
    std::vector<PartyView> views;
    if (context.can("customers.read"))
        views.push_back(PartyView::customers);
    if (context.can("suppliers.read"))
        views.push_back(PartyView::suppliers);
    if (views.empty())
        return Error::make(
            ErrorCode::forbidden, "forbidden", "Your role may not read customers or suppliers.");
    auto alternatives = search_alternatives(q);
    if (alternatives.empty())
        return json { { "items", json::array() } };

    return database.read([&](Connection& connection) -> Result<json> {
        auto region = tenant_phone_region(connection, context.tenant_id);
        std::vector<Candidate> candidates;
        std::map<int64_t, db::Row> parties;
        // a party that matches only through a contact ranks last in SQL, so fetch beyond the page
        int fetch = limit * 3;
        for (auto view : views) {
            for (auto& row : matching_parties(connection, context, view, q, alternatives, fetch)) {
                auto id = row.i64("id");
                if (parties.count(id))
                    continue;
                Match best;
                consider_name(best, row.str("name"), alternatives);
                consider(best, text::fold(row.str("code")), alternatives, "code");
                consider(best, text::fold(row.str("registration_number")), alternatives, "code");
                consider(best, text::digits(row.str("registration_number")), alternatives, "code");
                consider_entries(best, row.str("phones"), alternatives, region);
                consider_entries(best, row.str("emails"), alternatives, region);
                bool customer = view == PartyView::customers;
                if (best.rank < 3) {
                    candidates.push_back(
                        { { { "type", customer ? "customer" : "supplier" }, { "id", id },
                              { "party_id", id }, { "name", row.str("name") },
                              { "code",
                                  row.is_null(row.index_of("code")) ? json()
                                                                    : json(row.str("code")) },
                              { "owner_id",
                                  row.opt_i64(row.index_of("owner_id")) ? json(row.i64("owner_id"))
                                                                        : json() },
                              { "owner_name", owner_of(row) }, { "match", match_names[best.rank] },
                              { "matched", best.matched } },
                            best.rank, text::fold(row.str("name")) });
                }
                parties.emplace(id, std::move(row));
            }
        }

        // contacts of the parties found: the index matched them through the party's text
        if (!parties.empty()) {
            std::string marks;
            db::Params params = { context.tenant_id };
            for (const auto& [id, row] : parties) {
                marks += std::string(marks.empty() ? "" : ", ") + "?";
                params.push_back(id);
            }
            for (const auto& contact : connection.query(
                     "SELECT c.id, c.party_id, c.name, c.phones, c.emails FROM contacts c "
                     "WHERE c.tenant_id = ? AND c.party_id IN ("
                         + marks + ")",
                     params)) {
                Match best;
                consider_name(best, contact.str("name"), alternatives);
                consider_entries(best, contact.str("phones"), alternatives, region);
                consider_entries(best, contact.str("emails"), alternatives, region);
                if (best.rank == 3)
                    continue;
                const auto& party = parties.at(contact.i64("party_id"));
                candidates.push_back(
                    { { { "type", "contact" }, { "id", contact.i64("id") },
                          { "party_id", contact.i64("party_id") }, { "name", contact.str("name") },
                          { "party_name", party.str("name") }, { "code", party.str("code") },
                          { "owner_id",
                              party.opt_i64(party.index_of("owner_id"))
                                  ? json(party.i64("owner_id"))
                                  : json() },
                          { "owner_name", owner_of(party) }, { "match", match_names[best.rank] },
                          { "matched", best.matched } },
                        best.rank, text::fold(contact.str("name")) });
            }
        }

        std::stable_sort(
            candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
                if (a.rank != b.rank)
                    return a.rank < b.rank;
                if (a.sort_name != b.sort_name)
                    return a.sort_name < b.sort_name;
                return a.item["id"].get<int64_t>() < b.item["id"].get<int64_t>();
            });
        json items = json::array();
        for (size_t i = 0; i < candidates.size() && static_cast<int>(i) < limit; ++i)
            items.push_back(std::move(candidates[i].item));
        return json { { "items", items } };
    });
}

Result<json> check_registration(const std::string& number, const std::string& country)
{
    auto typed = text::trim(number);
    if (typed.empty())
        return Error::invalid("number", "required", "is required");
    std::string upper = country;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    if (!upper.empty() && upper != "KR" && upper != "CN")
        return Error::invalid("country", "invalid_choice", "must be KR or CN");

    auto kind = registration_kind(typed);
    auto normalised = normalise_registration_number(typed);
    std::string detected = kind == RegistrationKind::korean_business_number ? "KR"
        : kind == RegistrationKind::chinese_credit_code                     ? "CN"
                                                                            : "";
    json answer = { { "valid", false }, { "normalised", normalised },
        { "country", detected.empty() ? json() : json(detected) }, { "reason", nullptr } };
    if (detected.empty() || (!upper.empty() && upper != detected)) {
        // a Korean number has 10 digits, a Chinese code 18 characters; anything else is not
        // checkable
        answer["reason"] = "wrong_format";
        return answer;
    }
    if (auto valid = check_registration_number(typed); !valid) {
        answer["reason"] = valid.error().detail_code;
        return answer;
    }
    answer["valid"] = true;
    return answer;
}

} // namespace rapport::customers
