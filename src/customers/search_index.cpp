// What the keyword search and the duplicate detector of parties look at, recomputed by the service
// whenever a party or one of its contacts changes (no triggers, DESIGN.md §4):
// - parties.search_text: folded name, code, registration number, phones (as typed, digits, E.164
//   and national digits), e-mails, and name keys (initial consonants, pinyin, Simplified form),
//   the same for every contact; indexed by FTS5 trigram (SQLite, table party_search) or pg_trgm;
// - parties.search_names: the party's own name keys between \x1f marks, for ranking exact and
//   prefix matches without a second query;
// - parties.name_key and party_keys: normalised name, its trigrams, E.164 phones, e-mails and the
//   registration number, looked up by the duplicate detector.
#include "core/name_keys.h"
#include "core/registration_number.h"
#include "core/text.h"
#include "customers/parties.h"
#include "customers/search.h"

#include <set>
#include <spdlog/spdlog.h>

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

// Bumped when the keys are computed differently; parties with an older version are recomputed at
// start-up (refresh_stale_search_keys).
constexpr int64_t search_keys_version = 1;
const std::string mark = "\x1f";

std::vector<std::string> name_search_keys(const std::string& name)
{
    std::vector<std::string> keys;
    for (auto& [key, label] : labelled_name_keys(name))
        keys.push_back(std::move(key));
    return keys;
}

struct KeySet {
    std::string text; // search_text before folding
    std::set<std::string> phones; // E.164 (or digits when unparseable)
    std::set<std::string> emails; // folded
};

void append_entries(KeySet& keys, const db::Row& row, const std::string& region)
{
    for (const char* list : { "phones", "emails" }) {
        auto entries = json::parse(row.str(list), nullptr, false);
        if (!entries.is_array())
            continue;
        for (const auto& entry : entries) {
            if (entry.contains("number") && entry["number"].is_string()) {
                auto number = entry["number"].get<std::string>();
                auto digits = text::digits(number);
                auto international = name_keys::e164(number, region);
                keys.text += " " + number + " " + digits;
                if (!international.empty()) {
                    // "+82 10…" and "010…" find each other: both forms' digits are kept
                    keys.text += " " + international.substr(1) + " "
                        + name_keys::national_digits(number, region);
                    keys.phones.insert(international);
                } else if (digits.size() >= 7) {
                    keys.phones.insert(digits);
                }
            }
            if (entry.contains("address") && entry["address"].is_string()) {
                auto address = entry["address"].get<std::string>();
                keys.text += " " + address;
                if (!text::trim(address).empty())
                    keys.emails.insert(text::fold(text::trim(address)));
            }
        }
    }
}

void append_name(KeySet& keys, const std::string& name)
{
    for (const auto& key : name_search_keys(name))
        keys.text += " " + key;
}

// Writes the key rows of one party, replacing what was there.
void write_party_keys(Connection& connection, int64_t tenant_id, int64_t party_id,
    const std::string& name_key, const std::string& registration, const KeySet& keys)
{
    connection.execute(
        "DELETE FROM party_keys WHERE tenant_id = ? AND party_id = ?", { tenant_id, party_id });
    std::vector<std::pair<std::string, std::string>> rows;
    if (!name_key.empty()) {
        rows.emplace_back("name", name_key);
        for (auto& gram : name_keys::name_grams(name_key))
            rows.emplace_back("gram", std::move(gram));
    }
    if (!registration.empty())
        rows.emplace_back("registration", registration);
    for (const auto& phone : keys.phones)
        rows.emplace_back("phone", phone);
    for (const auto& email : keys.emails)
        rows.emplace_back("email", email);
    if (rows.empty())
        return;
    std::string sql = "INSERT INTO party_keys (tenant_id, party_id, kind, match_key) VALUES ";
    db::Params params;
    std::set<std::pair<std::string, std::string>> seen;
    for (auto& [kind, key] : rows) {
        if (!seen.insert({ kind, key }).second)
            continue;
        sql += std::string(params.empty() ? "" : ", ") + "(?, ?, ?, ?)";
        params.insert(params.end(), { tenant_id, party_id, kind, key });
    }
    connection.execute(sql, params);
}

// "%…%" LIKE pattern and FTS5 phrase for one alternative of the query.
std::string like_pattern(const std::string& value)
{
    return "%" + text::escape_like(value) + "%";
}

std::string fts_phrase(const std::string& value)
{
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += "\"\"";
        else
            out.push_back(c);
    }
    return out + "\"";
}

} // namespace

// Name keys a person may type: the name, its Simplified form, initial consonants (also of the name
// without its legal form, so ㅎㅂㅅㅅ finds (주)한빛상사), pinyin and pinyin initials.
std::vector<std::pair<std::string, std::string>> labelled_name_keys(const std::string& name)
{
    std::vector<std::pair<std::string, std::string>> keys;
    auto add = [&](std::string key, const char* label) {
        key = text::fold(key);
        for (const auto& known : keys)
            if (known.first == key)
                return;
        if (!key.empty())
            keys.emplace_back(std::move(key), label);
    };
    add(name, "name");
    add(name_keys::to_simplified(name), "name");
    add(name_keys::hangul_initials(name), "initials");
    add(name_keys::hangul_initials(name_keys::company_name_key(name)), "initials");
    add(name_keys::pinyin(name), "pinyin");
    add(name_keys::pinyin_initials(name), "pinyin");
    return keys;
}

std::string tenant_phone_region(Connection& connection, int64_t tenant_id)
{
    auto tenant
        = connection.query_one("SELECT currency, locale FROM tenants WHERE id = ?", { tenant_id });
    return tenant ? name_keys::phone_region(tenant->str("currency"), tenant->str("locale")) : "US";
}

void refresh_search_text(Connection& connection, int64_t tenant_id, int64_t party_id)
{
    auto party = connection.query_one(
        "SELECT name, code, registration_number, phones, emails FROM parties "
        "WHERE tenant_id = ? AND id = ?",
        { tenant_id, party_id });
    if (!party)
        return;
    auto region = tenant_phone_region(connection, tenant_id);
    auto name = party->str("name");
    auto registration = party->str("registration_number");

    KeySet keys;
    keys.text = party->str("code") + " " + registration + " " + text::digits(registration);
    append_name(keys, name);
    append_entries(keys, *party, region);
    for (const auto& contact : connection.query(
             "SELECT name, phones, emails FROM contacts WHERE tenant_id = ? AND party_id = ?",
             { tenant_id, party_id })) {
        append_name(keys, contact.str("name"));
        append_entries(keys, contact, region);
    }

    // the party's own name keys and code, each between marks: "exact" is a whole key, "prefix" its
    // start
    std::string search_names = mark;
    for (const auto& key : name_search_keys(name))
        search_names += key + mark;
    if (!party->str("code").empty())
        search_names += text::fold(party->str("code")) + mark;

    auto search_text = text::fold(keys.text);
    auto name_key = name_keys::company_name_key(name);
    connection.execute("UPDATE parties SET search_text = ?, search_names = ?, name_key = ?, "
                       "search_keys_version = ? "
                       "WHERE tenant_id = ? AND id = ?",
        { search_text, search_names, name_key, search_keys_version, tenant_id, party_id });
    auto normalised_registration = text::trim(registration).empty()
        ? std::string()
        : normalise_registration_number(registration);
    write_party_keys(connection, tenant_id, party_id, name_key, normalised_registration, keys);
    if (connection.dialect() == db::Dialect::sqlite) {
        // party ids are unique across tenants, so the FTS rowid is the party id
        connection.execute("DELETE FROM party_search WHERE rowid = ?", { party_id });
        connection.execute(
            "INSERT INTO party_search (rowid, search_text, tenant_id) VALUES (?, ?, ?)",
            { party_id, search_text, tenant_id });
    }
}

void forget_search_keys(Connection& connection, int64_t tenant_id, int64_t party_id)
{
    connection.execute(
        "DELETE FROM party_keys WHERE tenant_id = ? AND party_id = ?", { tenant_id, party_id });
    if (connection.dialect() == db::Dialect::sqlite)
        connection.execute(
            "DELETE FROM party_search WHERE rowid = ? AND tenant_id = ?", { party_id, tenant_id });
}

void refresh_stale_search_keys(db::Database& database)
{
    size_t refreshed = 0;
    for (;;) {
        // batches keep each transaction short while other processes may be starting too
        auto done = database.write([&](Connection& connection) -> Result<bool> {
            auto stale = connection.query(
                "SELECT tenant_id, id FROM parties WHERE search_keys_version < ? LIMIT 500",
                { search_keys_version });
            for (const auto& row : stale)
                refresh_search_text(connection, row.i64(0), row.i64(1));
            refreshed += stale.size();
            return stale.empty();
        });
        if (!done || *done)
            break;
    }
    if (refreshed > 0)
        spdlog::info("search keys recomputed for {} parties", refreshed);
}

std::vector<std::string> search_alternatives(const std::string& q)
{
    std::vector<std::string> out;
    auto add = [&](std::string value) {
        if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end())
            out.push_back(std::move(value));
    };
    auto folded = text::fold(text::trim(q));
    add(folded);
    // "010-1234" or "(5) 555" find the same phones as their digits alone
    auto digits = text::digits(q);
    if (digits.size() >= 3 && digits.size() * 2 >= folded.size())
        add(digits);
    if (name_keys::has_hangul_jamo(q))
        add(text::fold(name_keys::hangul_initials(q)));
    if (name_keys::has_han(q))
        add(text::fold(name_keys::to_simplified(folded)));
    // "hua xia" is typed with spaces that the pinyin keys do not have
    bool latin_words = folded.find(' ') != std::string::npos
        && std::all_of(folded.begin(), folded.end(),
            [](char c) { return (c >= 'a' && c <= 'z') || c == ' '; });
    if (latin_words) {
        std::string joined;
        for (char c : folded)
            if (c != ' ')
                joined.push_back(c);
        add(joined);
    }
    return out;
}

std::string party_search_condition(
    const std::string& q, const std::string& alias, db::Params& params, db::Dialect dialect)
{
    std::vector<std::string> conditions;
    std::string fts_query;
    for (const auto& alternative : search_alternatives(q)) {
        // trigram indexes need three characters; shorter keys fall back to LIKE
        if (dialect == db::Dialect::sqlite && text::code_points(alternative) >= 3) {
            fts_query += (fts_query.empty() ? "" : " OR ") + fts_phrase(alternative);
            continue;
        }
        conditions.push_back(alias + ".search_text LIKE ? ESCAPE '\\'");
        params.push_back(like_pattern(alternative));
    }
    if (!fts_query.empty()) {
        conditions.push_back(
            alias + ".id IN (SELECT rowid FROM party_search WHERE party_search MATCH ?)");
        params.push_back(fts_query);
    }
    if (conditions.empty())
        return "1 = 1";
    std::string out = "(";
    for (size_t i = 0; i < conditions.size(); ++i)
        out += (i ? " OR " : "") + conditions[i];
    return out + ")";
}

} // namespace rapport::customers
