// Writing vCard 3.0 and 4.0, and the JSON form of a card.
#include "core/text.h"
#include "customers/vcard.h"

#include <algorithm>
#include <cctype>

namespace rapport::customers::vcard {

namespace {

using nlohmann::json;

// Escapes a text value (RFC 6350 §3.4): backslash, newline, ',' and ';'.
std::string escape(std::string_view text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' || c == ',' || c == ';') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string structured(std::initializer_list<std::string_view> parts)
{
    std::string out;
    bool first = true;
    for (auto part : parts) {
        if (!first)
            out.push_back(';');
        out += escape(part);
        first = false;
    }
    return out;
}

// Folds at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence, and ends with CRLF.
void append_line(std::string& out, const std::string& line)
{
    size_t start = 0;
    size_t limit = 75;
    while (line.size() - start > limit) {
        size_t cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out.append(line, start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = 74; // the leading space of a continuation line counts
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
}

// Family and given name for N: the card's own when it came with N, else a split of the display
// name.
NameParts name_parts(const Card& card)
{
    if (!card.family_name.empty() || !card.given_name.empty())
        return { card.family_name, card.given_name };
    return split_display_name(card.name);
}

std::string phone_types(const std::string& type, bool v4)
{
    std::string types = type == "mobile" ? "cell,voice"
        : type == "fax"                  ? "work,fax"
        : type == "home"                 ? "home,voice"
        : type == "other"                ? "other"
                                         : "work,voice";
    if (type == "fax")
        types = "fax";
    if (!v4)
        for (auto& c : types)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return types;
}

std::string place_types(const std::string& type, bool v4, bool email)
{
    std::string types = type.empty() ? "work" : type;
    if (!v4) {
        for (auto& c : types)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (email)
            types = "INTERNET," + types;
    }
    return types;
}

std::string messenger_property(const std::string& type)
{
    if (type == "kakaotalk")
        return "X-KAKAOTALK";
    if (type == "wechat")
        return "X-WECHAT";
    if (type == "line")
        return "X-LINE";
    if (type == "whatsapp")
        return "X-WHATSAPP";
    if (type == "telegram")
        return "X-TELEGRAM";
    return {};
}

json text_or_null(const std::string& text)
{
    return text.empty() ? json() : json(text);
}

std::string string_of(const json& object, const char* key)
{
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? text::trim(found->get<std::string>())
                                                       : std::string();
}

} // namespace

std::string write(const Card& card, Version version)
{
    bool v4 = version == Version::v4_0;
    std::string out;
    append_line(out, "BEGIN:VCARD");
    append_line(out, v4 ? "VERSION:4.0" : "VERSION:3.0");
    append_line(out, "FN:" + escape(card.name));
    auto [family, given] = name_parts(card);
    append_line(
        out, "N:" + structured({ family, given, card.additional_names, card.prefix, card.suffix }));
    if (!card.organization.empty() || !card.department.empty())
        append_line(out,
            "ORG:"
                + (card.department.empty() ? escape(card.organization)
                                           : structured({ card.organization, card.department })));
    if (!card.title.empty())
        append_line(out, "TITLE:" + escape(card.title));
    for (const auto& phone : card.phones)
        append_line(out, "TEL;TYPE=" + phone_types(phone.type, v4) + ":" + escape(phone.number));
    for (const auto& email : card.emails)
        append_line(
            out, "EMAIL;TYPE=" + place_types(email.type, v4, true) + ":" + escape(email.address));
    for (const auto& a : card.addresses)
        append_line(out,
            "ADR;TYPE=" + place_types(a.type, v4, false) + ":"
                + structured({ "", a.line2, a.line1, a.city, a.region, a.postal_code, a.country }));
    if (!card.birthday.empty()) {
        auto date = card.birthday;
        if (v4)
            date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
        append_line(out, "BDAY:" + date);
    }
    if (!card.notes.empty())
        append_line(out, "NOTE:" + escape(card.notes));
    for (const auto& url : card.urls)
        append_line(out, "URL:" + url);
    for (const auto& messenger : card.messengers) {
        auto property = messenger_property(messenger.type);
        if (!property.empty())
            append_line(out, property + ":" + escape(messenger.id));
        else
            append_line(out,
                "IMPP;X-SERVICE-TYPE=" + (messenger.service.empty() ? "other" : messenger.service)
                    + ":x-" + (messenger.service.empty() ? "other" : messenger.service) + ":"
                    + escape(messenger.id));
    }
    append_line(out, "END:VCARD");
    return out;
}

json to_json(const Card& card)
{
    json phones = json::array();
    for (const auto& phone : card.phones)
        phones.push_back({ { "type", phone.type }, { "number", phone.number } });
    json emails = json::array();
    for (const auto& email : card.emails)
        emails.push_back({ { "type", email.type }, { "address", email.address } });
    json addresses = json::array();
    for (const auto& a : card.addresses)
        addresses.push_back({ { "type", a.type }, { "line1", text_or_null(a.line1) },
            { "line2", text_or_null(a.line2) }, { "city", text_or_null(a.city) },
            { "region", text_or_null(a.region) }, { "postal_code", text_or_null(a.postal_code) },
            { "country", text_or_null(a.country) } });
    json messengers = json::array();
    for (const auto& m : card.messengers)
        messengers.push_back(
            { { "type", m.type }, { "id", m.id }, { "service", text_or_null(m.service) } });
    json warnings = json::array();
    for (const auto& w : card.warnings)
        warnings.push_back({ { "path", w.path }, { "code", w.code }, { "message", w.message },
            { "value", text_or_null(w.value) } });
    return { { "index", card.index }, { "line", card.line },
        { "version", text_or_null(card.version) }, { "name", text_or_null(card.name) },
        { "given_name", text_or_null(card.given_name) },
        { "family_name", text_or_null(card.family_name) },
        { "organization", text_or_null(card.organization) }, { "title", text_or_null(card.title) },
        { "department", text_or_null(card.department) }, { "phones", phones }, { "emails", emails },
        { "addresses", addresses }, { "birthday", text_or_null(card.birthday) },
        { "notes", text_or_null(card.notes) }, { "messengers", messengers }, { "urls", card.urls },
        { "warnings", warnings } };
}

Card from_json(const json& object)
{
    Card card;
    if (!object.is_object())
        return card;
    if (auto index = object.find("index"); index != object.end() && index->is_number_integer())
        card.index = index->get<int>();
    card.name = string_of(object, "name");
    card.given_name = string_of(object, "given_name");
    card.family_name = string_of(object, "family_name");
    card.organization = string_of(object, "organization");
    card.department = string_of(object, "department");
    card.title = string_of(object, "title");
    card.birthday = string_of(object, "birthday");
    card.notes = string_of(object, "notes");
    auto list = [&](const char* key) {
        auto found = object.find(key);
        return found != object.end() && found->is_array() ? *found : json::array();
    };
    for (const auto& phone : list("phones"))
        if (phone.is_object())
            card.phones.push_back({ string_of(phone, "type"), string_of(phone, "number") });
    for (const auto& email : list("emails"))
        if (email.is_object())
            card.emails.push_back({ string_of(email, "type"), string_of(email, "address") });
    for (const auto& a : list("addresses"))
        if (a.is_object())
            card.addresses.push_back({ string_of(a, "type"), string_of(a, "line1"),
                string_of(a, "line2"), string_of(a, "city"), string_of(a, "region"),
                string_of(a, "postal_code"), string_of(a, "country") });
    for (const auto& m : list("messengers"))
        if (m.is_object())
            card.messengers.push_back(
                { string_of(m, "type"), string_of(m, "id"), string_of(m, "service") });
    for (const auto& url : list("urls"))
        if (url.is_string())
            card.urls.push_back(url.get<std::string>());
    return card;
}

} // namespace rapport::customers::vcard
