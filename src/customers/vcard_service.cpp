#include "customers/vcard_service.h"

#include "auth/service.h"
#include "core/clock.h"
#include "customers/parties.h"
#include "customers/similar.h"
#include "http/json_input.h"
#include "http/record.h"

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

Error not_found()
{
    return Error::make(ErrorCode::not_found, "not_found", "No such record.");
}

// The contact a card becomes, in the shape POST /customers/{id}/contacts takes.
json contact_body(const vcard::Card& card)
{
    json body = { { "name", card.name } };
    auto set = [&](const char* key, const std::string& value) {
        if (!value.empty())
            body[key] = value;
    };
    set("title", card.title);
    set("department", card.department);
    set("birthday", card.birthday);
    set("notes", card.notes);
    json phones = json::array();
    for (const auto& phone : card.phones)
        phones.push_back({ { "type", phone.type }, { "number", phone.number } });
    json emails = json::array();
    for (const auto& email : card.emails)
        emails.push_back({ { "type", email.type }, { "address", email.address } });
    json messengers = json::array();
    for (const auto& messenger : card.messengers)
        messengers.push_back({ { "type", messenger.type }, { "id", messenger.id } });
    body["phones"] = phones;
    body["emails"] = emails;
    body["messengers"] = messengers;
    return body;
}

// The customer a card creates: named after its organisation, else after the person; the card's
// first work address becomes the billing address. `overrides` are the user's own party fields.
json party_body(const vcard::Card& card, const json& overrides)
{
    json body = { { "name", card.organization.empty() ? card.name : card.organization },
        { "kind", card.organization.empty() ? "person" : "company" } };
    const vcard::Address* address = nullptr;
    for (const auto& a : card.addresses)
        if (!address || (a.type == "work" && address->type != "work"))
            address = &a;
    if (address) {
        json billing = json::object();
        auto set = [&](const char* key, const std::string& value) {
            if (!value.empty())
                billing[key] = value;
        };
        set("line1", address->line1);
        set("line2", address->line2);
        set("city", address->city);
        set("region", address->region);
        set("postal_code", address->postal_code);
        set("country", address->country);
        body["billing_address"] = billing;
    }
    if (!card.urls.empty())
        body["website"] = card.urls.front();
    if (overrides.is_object())
        for (const auto& [key, value] : overrides.items())
            body[key] = value;
    return body;
}

// The first problem storing `body` (a few fields of a contact or a customer) would meet.
std::optional<FieldError> storage_problem(
    const std::vector<http::FieldSpec>& fields, const json& body)
{
    http::JsonInput input(body);
    http::read_fields(input, fields, false);
    auto stored = input.finish();
    if (stored)
        return std::nullopt;
    return stored.error().fields.front();
}

// Leaves out a text of the card that `field` cannot store.
void keep_storable_text(std::string& value, const std::string& path,
    const std::vector<http::FieldSpec>& fields, const std::string& field,
    std::vector<vcard::Warning>& warnings)
{
    if (value.empty())
        return;
    if (auto problem = storage_problem(fields, json { { field, value } })) {
        warnings.push_back({ path, problem->code, problem->message, value });
        value.clear();
    }
}

enum class Stored { as_list, one_of_them };

// Leaves out the entries that storage refuses on their own (an e-mail that is not an address)
// or, for a list field, past the most the list holds. A field that keeps one of the card's
// entries (the website from the URLs) checks each alone. `entry_of` answers an entry's JSON and
// its value as the user reads it.
template <typename Entry, typename EntryOf>
void keep_storable_entries(std::vector<Entry>& entries, const std::string& path,
    const std::vector<http::FieldSpec>& fields, const std::string& field, Stored stored_as,
    EntryOf entry_of, std::vector<vcard::Warning>& warnings)
{
    std::vector<Entry> kept;
    json stored = json::array();
    for (size_t i = 0; i < entries.size(); ++i) {
        auto [entry, value] = entry_of(entries[i]);
        json longer = stored;
        longer.push_back(entry);
        auto checked = stored_as == Stored::as_list ? longer : entry;
        if (auto problem = storage_problem(fields, json { { field, checked } })) {
            warnings.push_back(
                { path + "[" + std::to_string(i) + "]", problem->code, problem->message, value });
            continue;
        }
        stored = std::move(longer);
        kept.push_back(entries[i]);
    }
    entries = std::move(kept);
}

std::string joined(std::initializer_list<std::string> parts)
{
    std::string out;
    for (const auto& part : parts)
        if (!part.empty())
            out += (out.empty() ? "" : ", ") + part;
    return out;
}

// Error fields re-addressed under the card's place in the request.
Error under(Error error, const std::string& prefix)
{
    for (auto& field : error.fields)
        field.path = prefix + "." + field.path;
    return error;
}

bool party_visible(Connection& connection, const http::RequestContext& context, int64_t party_id)
{
    db::Params params;
    auto where = visibility(context, PartyView::customers, "p", params);
    params.push_back(party_id);
    return connection
        .query_one("SELECT p.id FROM parties p WHERE " + where + " AND p.id = ?", params)
        .has_value();
}

struct Imported {
    int64_t party_id = 0;
    int64_t contact_id = 0;
    bool created_party = false;
};

Result<Imported> import_one(db::Database& database, const http::RequestContext& context,
    const json& item, const std::string& path, const std::string& action)
{
    const json& card_json = item.contains("card") ? item.at("card") : item;
    if (!card_json.is_object())
        return Error::invalid(
            path + ".card", "invalid_type", "must be a card as /vcard/parse answers it");
    auto card = vcard::from_json(card_json);

    auto contact = contact_body(card);
    http::JsonInput contact_input(contact, path + ".card");
    auto contact_values = http::read_fields(contact_input, contact_fields(), true);
    if (auto valid = contact_input.finish(); !valid) {
        auto error = valid.take_error();
        // a card without FN, N or ORG (warning no_name of /vcard/parse): the user names the contact
        for (auto& field : error.fields)
            if (field.path == path + ".card.name" && field.code == "required")
                field = { field.path, "no_name",
                    "the card has no name: give the contact one before importing it" };
        return error;
    }

    if (action == "attach") {
        if (auto allowed = auth::require(context, "customers.edit"); !allowed)
            return allowed.take_error();
        auto party_id = item.find("party_id");
        if (party_id == item.end() || !party_id->is_number_integer()
            || party_id->get<int64_t>() < 1)
            return Error::invalid(
                path + ".party_id", "required", "must be the id of the customer to attach to");
        return database.write([&](Connection& connection) -> Result<Imported> {
            if (!party_visible(connection, context, party_id->get<int64_t>()))
                return Error { ErrorCode::not_found, "No such customer.",
                    { { path + ".party_id", "not_found", "is not a customer you can see" } },
                    "not_found" };
            auto contact_id
                = insert_contact(connection, context, party_id->get<int64_t>(), contact_values);
            if (!contact_id)
                return under(contact_id.take_error(), path);
            connection.execute("UPDATE parties SET updated_at = ?, version = version + 1 WHERE "
                               "tenant_id = ? AND id = ?",
                { clock::now_iso(), context.tenant_id, party_id->get<int64_t>() });
            return Imported { party_id->get<int64_t>(), *contact_id, false };
        });
    }

    if (auto allowed = auth::require(context, "customers.create"); !allowed)
        return allowed.take_error();
    auto party = party_body(card, item.contains("party") ? item.at("party") : json());
    http::JsonInput party_input(party, path + ".party");
    auto party_values = http::read_fields(party_input, party_fields(), true);
    if (auto valid = party_input.finish(); !valid)
        return valid.take_error();
    return database.write([&](Connection& connection) -> Result<Imported> {
        auto party_id = insert_party(connection, context, PartyView::customers, party_values);
        if (!party_id)
            return under(party_id.take_error(), path + ".party");
        auto contact_id = insert_contact(connection, context, *party_id, contact_values);
        if (!contact_id)
            return under(contact_id.take_error(), path + ".card");
        return Imported { *party_id, *contact_id, true };
    });
}

// The card a stored contact makes, with its customer's name as ORG when the customer is a company.
vcard::Card card_of(const json& party, const json& contact)
{
    auto text = [](const json& object, const char* key) {
        auto found = object.find(key);
        return found != object.end() && found->is_string() ? found->get<std::string>()
                                                           : std::string();
    };
    vcard::Card card = vcard::from_json(json { { "name", text(contact, "name") },
        { "title", text(contact, "title") }, { "department", text(contact, "department") },
        { "birthday", text(contact, "birthday") }, { "notes", text(contact, "notes") },
        { "phones", contact.value("phones", json::array()) },
        { "emails", contact.value("emails", json::array()) },
        { "messengers", contact.value("messengers", json::array()) } });
    if (text(party, "kind") != "person")
        card.organization = text(party, "name");
    if (auto address = party.find("billing_address");
        address != party.end() && address->is_object()) {
        auto a = vcard::from_json(json { { "addresses", json::array({ *address }) } })
                     .addresses.front();
        a.type = "work";
        card.addresses.push_back(a);
    }
    if (auto website = text(party, "website"); !website.empty())
        card.urls.push_back(website);
    return card;
}

} // namespace

void leave_out_unstorable_values(vcard::Card& card)
{
    auto& warnings = card.warnings;
    const auto& contact = contact_fields();
    bool had_name = !card.name.empty();
    keep_storable_text(card.name, "name", contact, "name", warnings);
    keep_storable_text(card.title, "title", contact, "title", warnings);
    keep_storable_text(card.department, "department", contact, "department", warnings);
    keep_storable_text(card.notes, "notes", contact, "notes", warnings);
    keep_storable_text(card.birthday, "birthday", contact, "birthday", warnings);
    keep_storable_entries(
        card.phones, "phones", contact, "phones", Stored::as_list,
        [](const vcard::Phone& phone) {
            return std::pair(
                json { { "type", phone.type }, { "number", phone.number } }, phone.number);
        },
        warnings);
    keep_storable_entries(
        card.emails, "emails", contact, "emails", Stored::as_list,
        [](const vcard::Email& email) {
            return std::pair(
                json { { "type", email.type }, { "address", email.address } }, email.address);
        },
        warnings);
    keep_storable_entries(
        card.messengers, "messengers", contact, "messengers", Stored::as_list,
        [](const vcard::Messenger& messenger) {
            return std::pair(
                json { { "type", messenger.type }, { "id", messenger.id } }, messenger.id);
        },
        warnings);

    // what a customer created from the card takes: its name, billing address and website
    const auto& party = party_fields();
    keep_storable_text(card.organization, "organization", party, "name", warnings);
    keep_storable_entries(
        card.addresses, "addresses", party, "billing_address", Stored::one_of_them,
        [](const vcard::Address& a) {
            json address = json::object();
            auto set = [&](const char* key, const std::string& value) {
                if (!value.empty())
                    address[key] = value;
            };
            set("line1", a.line1);
            set("line2", a.line2);
            set("city", a.city);
            set("region", a.region);
            set("postal_code", a.postal_code);
            set("country", a.country);
            return std::pair(
                address, joined({ a.line1, a.line2, a.city, a.region, a.postal_code, a.country }));
        },
        warnings);
    keep_storable_entries(
        card.urls, "urls", party, "website", Stored::one_of_them,
        [](const std::string& url) { return std::pair(json(url), url); }, warnings);

    if (had_name && card.name.empty())
        warnings.push_back({ "name", "no_name",
            "the card's name cannot be kept: the contact needs a name before it can be imported",
            "" });
}

Result<json> parse_cards(
    db::Database& database, const http::RequestContext& context, const std::string& bytes)
{
    auto parsed = vcard::parse(bytes);
    json cards = json::array();
    database.read([&](Connection& connection) {
        for (auto& card : parsed.cards) {
            leave_out_unstorable_values(card);
            auto out = vcard::to_json(card);
            SimilarQuery query;
            query.name = card.organization.empty() ? card.name : card.organization;
            query.phone = card.phones.empty() ? "" : card.phones.front().number;
            query.email = card.emails.empty() ? "" : card.emails.front().address;
            query.limit = 5;
            // find_similar answers the /customers/similar body {items:[…]}; a card carries the list
            auto similar = find_similar(connection, context, query);
            out["candidates"]
                = similar.is_object() && similar.contains("items") ? similar["items"] : similar;
            cards.push_back(std::move(out));
        }
        return 0;
    });
    json errors = json::array();
    for (const auto& error : parsed.errors)
        errors.push_back(
            { { "index", error.index }, { "line", error.line }, { "reason", error.reason } });
    return json { { "cards", cards }, { "errors", errors } };
}

Result<json> import_cards(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    auto cards = body.find("cards");
    if (cards == body.end() || !cards->is_array() || cards->empty())
        return Error::invalid(
            "cards", "required", "must be a non-empty list of cards with their action");
    for (const auto& [key, value] : body.items())
        if (key != "cards")
            return Error::invalid(key, "unknown_field", "is not a field of this request");

    int created_parties = 0, created_contacts = 0, attached = 0, skipped = 0, failed = 0;
    json items = json::array();
    for (size_t i = 0; i < cards->size(); ++i) {
        const auto& item = (*cards)[i];
        auto path = "cards[" + std::to_string(i) + "]";
        json entry = { { "index", i }, { "party_id", nullptr }, { "contact_id", nullptr } };
        if (item.is_object() && item.contains("card") && item["card"].is_object()
            && item["card"].contains("index"))
            entry["card_index"] = item["card"]["index"];
        auto action = item.is_object() && item.contains("action") && item["action"].is_string()
            ? item["action"].get<std::string>()
            : std::string();
        if (action == "skip") {
            ++skipped;
            entry["status"] = "skipped";
            items.push_back(entry);
            continue;
        }
        Result<Imported> imported = action == "attach" || action == "create"
            ? import_one(database, context, item, path, action)
            : Result<Imported>(Error::invalid(
                path + ".action", "invalid_choice", "must be one of attach, create, skip"));
        if (!imported) {
            ++failed;
            const auto& error = imported.error();
            json problems = json::array();
            for (const auto& field : error.fields)
                problems.push_back({ { "path", field.path }, { "code", field.code },
                    { "message", field.message } });
            if (problems.empty())
                problems.push_back({ { "path", path }, { "code", error.detail_code },
                    { "message", error.message } });
            entry["status"] = "failed";
            entry["code"] = error.detail_code;
            entry["errors"] = problems;
            items.push_back(entry);
            continue;
        }
        entry["party_id"] = imported->party_id;
        entry["contact_id"] = imported->contact_id;
        entry["status"] = imported->created_party ? "created" : "attached";
        ++created_contacts;
        ++(imported->created_party ? created_parties : attached);
        items.push_back(entry);
    }
    return json { { "created_parties", created_parties }, { "created_contacts", created_contacts },
        { "attached", attached }, { "skipped", skipped }, { "failed", failed },
        { "items", items } };
}

Result<std::string> export_contacts(db::Database& database, const http::RequestContext& context,
    int64_t party_id, std::optional<int64_t> contact_id, vcard::Version version)
{
    auto party = get_party(database, context, PartyView::customers, party_id);
    if (!party)
        return party.take_error();
    std::string out;
    bool found = false;
    for (const auto& contact : (*party)["contacts"]) {
        if (contact_id && contact.value("id", int64_t(0)) != *contact_id)
            continue;
        found = true;
        out += vcard::write(card_of(*party, contact), version);
    }
    if (contact_id && !found)
        return not_found();
    return out;
}

} // namespace rapport::customers
