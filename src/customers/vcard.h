// Business cards: reading vCard 2.1, 3.0 and 4.0 files as phones, Outlook, Google and Apple write
// them, and writing contacts as vCard 3.0 and 4.0. Pure functions: no database, no HTTP.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::customers::vcard {

struct Phone {
    std::string type; // work, mobile, fax, home, other (the contact's phone types)
    std::string number;
    bool operator==(const Phone&) const = default;
};

struct Email {
    std::string type; // work, home, other
    std::string address;
    bool operator==(const Email&) const = default;
};

struct Address {
    std::string type; // work, home, other
    std::string line1; // the street
    std::string line2; // extended address and post office box
    std::string city;
    std::string region;
    std::string postal_code;
    std::string country;
    bool operator==(const Address&) const = default;
};

struct Messenger {
    std::string type; // kakaotalk, wechat, line, whatsapp, telegram, other
    std::string id;
    std::string service; // as the card named it (skype, qq, msn …), for "other"
    bool operator==(const Messenger&) const = default;
};

// A value of the card that was left out, or a gap the user must fill before the card can be
// imported. `path` names the place in the card as read: emails[1] is the card's second EMAIL.
struct Warning {
    std::string path;
    std::string code; // no_name, invalid_email, invalid_phone, too_long, too_many
    std::string message;
    std::string value; // the value left out; empty for no_name
    bool operator==(const Warning&) const = default;
};

struct Card {
    int index = 0; // position in the file, counting broken cards too
    int line = 0; // line of BEGIN:VCARD
    std::string version;
    // FN, else built from N, else the organisation; empty when the card has none of them (a phone
    // number or an e-mail address is not a name) and then `warnings` holds no_name
    std::string name;
    std::string given_name;
    std::string family_name;
    std::string additional_names;
    std::string prefix;
    std::string suffix;
    std::string organization;
    std::string department;
    std::string title;
    std::vector<Phone> phones;
    std::vector<Email> emails;
    std::vector<Address> addresses;
    std::string birthday; // YYYY-MM-DD, or empty when absent or without a year
    std::string notes;
    std::vector<Messenger> messengers;
    std::vector<std::string> urls;
    std::vector<Warning> warnings;
};

// A card that could not be read: its position in the file, the line at fault and why.
struct CardError {
    int index = 0;
    int line = 0;
    std::string reason;
};

struct ParseResult {
    std::vector<Card> cards;
    std::vector<CardError> errors;
};

// Reads every card of a .vcf file given as uploaded (any charset). A broken card (no BEGIN or
// END, a line that is not a property, an unknown charset) lands in `errors`; the others still
// parse. Photos, sounds and keys are skipped without being decoded.
ParseResult parse(std::string_view bytes);

// "YYYY-MM-DD" from the birthday spellings cards use (19800322, 1980-03-22, 1980/3/22,
// 22.03.1980, with or without a time); empty when there is no full date.
std::string parse_date(std::string_view text);

enum class Version { v3_0, v4_0 };

// The family and given name N carries for a display name whose parts are not known (a contact
// keeps one name). See vcard_names.cpp for when the split is trusted.
struct NameParts {
    std::string family;
    std::string given;
    bool operator==(const NameParts&) const = default;
};
NameParts split_display_name(std::string_view name);

// One card as vCard 3.0 or 4.0: escaped, folded at 75 octets without splitting a UTF-8
// sequence, CRLF line ends.
std::string write(const Card& card, Version version);

// The card as the API shows it (docs/api.md, Business cards (vCard)) and back; absent texts
// are null. Warnings are shown, never read back: the import body carries what the user chose.
nlohmann::json to_json(const Card& card);
Card from_json(const nlohmann::json& object);

} // namespace rapport::customers::vcard
