// What the keyword search of parties matches: a folded text per party, recomputed whenever the
// party or one of its contacts changes.
#include "customers/parties.h"

#include "core/text.h"

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

void append_search_parts(std::string& out, const db::Row& row, const std::string& name_column)
{
    out += " " + row.str(name_column);
    for (const char* list : {"phones", "emails"}) {
        auto entries = json::parse(row.str(list), nullptr, false);
        if (!entries.is_array())
            continue;
        for (const auto& entry : entries) {
            if (entry.contains("number"))
                out += " " + entry["number"].get<std::string>() + " " + text::digits(entry["number"].get<std::string>());
            if (entry.contains("address"))
                out += " " + entry["address"].get<std::string>();
        }
    }
}
} // namespace

void refresh_search_text(Connection& connection, int64_t tenant_id, int64_t party_id)
{
    auto party = connection.query_one("SELECT name, code, registration_number, phones, emails FROM parties "
                                      "WHERE tenant_id = ? AND id = ?",
        {tenant_id, party_id});
    if (!party)
        return;
    std::string search = party->str("code") + " " + party->str("registration_number") + " " +
                         text::digits(party->str("registration_number"));
    append_search_parts(search, *party, "name");
    for (const auto& contact : connection.query("SELECT name, phones, emails FROM contacts WHERE tenant_id = ? AND party_id = ?",
             {tenant_id, party_id}))
        append_search_parts(search, contact, "name");
    connection.execute("UPDATE parties SET search_text = ? WHERE tenant_id = ? AND id = ?",
        {text::fold(search), tenant_id, party_id});
}
std::string party_search_condition(const std::string& q, const std::string& alias, db::Params& params)
{
    auto folded = text::fold(text::trim(q));
    auto digits = text::digits(q);
    std::string condition = "(" + alias + ".search_text LIKE ? ESCAPE '\\'";
    params.push_back("%" + text::escape_like(folded) + "%");
    // "010-1234" or "(5) 555" find the same phones as their digits alone
    if (digits.size() >= 3 && digits.size() * 2 >= folded.size()) {
        condition += " OR " + alias + ".search_text LIKE ? ESCAPE '\\'";
        params.push_back("%" + digits + "%");
    }
    return condition + ")";
}

} // namespace rapport::customers
