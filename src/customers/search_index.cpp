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
} // namespace rapport::customers
