// Reading vCard files. The order of steps matters: lines are unfolded on raw bytes, values are
// decoded (quoted-printable) and converted from their charset to UTF-8, and only then split at
// ';' and unescaped — Shift_JIS, Big5 and GBK use the byte of '\' inside characters.
#include "customers/vcard.h"

#include "core/text.h"
#include "customers/vcard_values.h"
#include "documents/text_decoding.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

namespace rapport::customers::vcard {

namespace {

using namespace values;

std::string upper(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
    return out;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    return out;
}

bool is_blank(std::string_view line)
{
    return line.find_first_not_of(" \t\x1a") == std::string_view::npos;
}

struct PhysicalLine {
    int number;
    std::string_view text;
};

// Splits at LF (or at CR for files without any LF) and drops every trailing CR: iOS 5 wrote
// CR CR LF.
std::vector<PhysicalLine> split_lines(std::string_view bytes)
{
    char separator = bytes.find('\n') == std::string_view::npos ? '\r' : '\n';
    std::vector<PhysicalLine> lines;
    size_t start = 0;
    int number = 1;
    while (start < bytes.size()) {
        auto end = bytes.find(separator, start);
        if (end == std::string_view::npos)
            end = bytes.size();
        auto line = bytes.substr(start, end - start);
        while (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back({ number++, line });
        start = end + 1;
    }
    return lines;
}

// The part before the first ':' outside double quotes; npos when there is none.
size_t value_start(std::string_view line)
{
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ':' && !quoted)
            return i;
    }
    return std::string_view::npos;
}

bool header_has(std::string_view line, std::string_view word)
{
    auto colon = value_start(line);
    return colon != std::string_view::npos
        && upper(line.substr(0, colon)).find(word) != std::string::npos;
}

bool is_base64_text(std::string_view line)
{
    return !line.empty()
        && line.find_first_not_of(
               "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t")
        == std::string_view::npos;
}

bool is_card_boundary(std::string_view line)
{
    auto text = upper(text::trim(line));
    return text == "END:VCARD" || text == "BEGIN:VCARD";
}

struct LogicalLine {
    int number;
    std::string text;
};

// Joins folded lines (a leading space or tab), quoted-printable soft line breaks (a value ending
// in '=') and vCard 2.1 base64 blocks (unindented lines up to a blank line).
std::vector<LogicalLine> unfold(const std::vector<PhysicalLine>& lines)
{
    std::vector<LogicalLine> out;
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (!out.empty() && !line.text.empty() && (line.text[0] == ' ' || line.text[0] == '\t')
            && !is_blank(out.back().text)) {
            out.back().text.append(line.text.substr(1));
            continue;
        }
        out.push_back({ line.number, std::string(line.text) });
        auto& current = out.back();
        while (i + 1 < lines.size()) {
            const auto& next = lines[i + 1].text;
            bool quoted_printable = header_has(current.text, "QUOTED-PRINTABLE");
            bool base64
                = header_has(current.text, "BASE64") || header_has(current.text, "ENCODING=B");
            if (quoted_printable && !current.text.empty() && current.text.back() == '='
                && !is_card_boundary(next)) {
                current.text.pop_back();
                current.text.append(next);
            } else if (base64 && is_base64_text(next)
                && value_start(next) == std::string_view::npos) {
                current.text.append(text::trim(next));
            } else if (!next.empty() && (next[0] == ' ' || next[0] == '\t')) {
                current.text.append(next.substr(1));
            } else {
                break;
            }
            ++i;
        }
    }
    return out;
}

struct Parameter {
    std::string name; // upper case; empty for a vCard 2.1 bare value such as CELL
    std::vector<std::string> values;
};

struct Property {
    int line = 0;
    std::string name; // upper case, without the group
    std::vector<Parameter> parameters;
    std::string value; // raw bytes, still encoded
};

std::string unquote(std::string_view text)
{
    auto trimmed = text::trim(text);
    if (trimmed.size() >= 2 && trimmed.front() == '"' && trimmed.back() == '"')
        return trimmed.substr(1, trimmed.size() - 2);
    return trimmed;
}

// Splits at `separator` outside double quotes.
std::vector<std::string_view> split_outside_quotes(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    bool quoted = false;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] == '"')
            quoted = !quoted;
        if (i == text.size() || (text[i] == separator && !quoted)) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

std::optional<Property> parse_property(const LogicalLine& line)
{
    std::string_view text = line.text;
    auto colon = value_start(text);
    if (colon == std::string_view::npos)
        return std::nullopt;
    auto parts = split_outside_quotes(text.substr(0, colon), ';');
    std::string name = text::trim(parts[0]);
    if (auto dot = name.rfind('.'); dot != std::string::npos)
        name = name.substr(dot + 1);
    if (name.empty()
        || name.find_first_not_of(
               "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            != std::string::npos)
        return std::nullopt;

    Property property { line.number, upper(name), {}, std::string(text.substr(colon + 1)) };
    for (size_t i = 1; i < parts.size(); ++i) {
        auto equals = parts[i].find('=');
        Parameter parameter;
        std::string_view values = parts[i];
        if (equals != std::string_view::npos) {
            parameter.name = upper(text::trim(parts[i].substr(0, equals)));
            values = parts[i].substr(equals + 1);
        }
        for (auto value : split_outside_quotes(values, ','))
            if (auto clean = unquote(value); !clean.empty())
                parameter.values.push_back(clean);
        property.parameters.push_back(std::move(parameter));
    }
    return property;
}

std::string parameter(const Property& property, std::string_view name)
{
    for (const auto& p : property.parameters)
        if (p.name == name && !p.values.empty())
            return p.values.front();
    return {};
}

// TYPE values and vCard 2.1 bare values, lower case.
std::vector<std::string> types_of(const Property& property)
{
    std::vector<std::string> types;
    for (const auto& p : property.parameters)
        if (p.name == "TYPE" || p.name.empty())
            for (const auto& value : p.values)
                types.push_back(lower(value));
    return types;
}

bool has_type(const std::vector<std::string>& types, std::initializer_list<std::string_view> wanted)
{
    for (const auto& type : types)
        for (auto w : wanted)
            if (type == w)
                return true;
    return false;
}

std::string encoding_of(const Property& property)
{
    auto encoding = upper(parameter(property, "ENCODING"));
    if (encoding.empty())
        for (const auto& type : types_of(property))
            if (type == "quoted-printable" || type == "base64")
                encoding = upper(type);
    return encoding;
}

struct Decoding {
    std::string fallback_converter; // for values without CHARSET that are not UTF-8
};

// The text of a value as UTF-8, not yet unescaped; an error text when its charset is unknown.
std::optional<std::string> decode_value(
    const Property& property, const Decoding& decoding, std::string& error)
{
    auto encoding = encoding_of(property);
    std::string bytes = encoding == "QUOTED-PRINTABLE" || encoding == "Q"
        ? decode_quoted_printable(property.value)
        : encoding == "BASE64" || encoding == "B" ? decode_base64(property.value)
                                                  : property.value;
    auto charset = parameter(property, "CHARSET");
    std::string converter;
    if (!charset.empty()) {
        auto known = converter_for(charset);
        if (!known) {
            error = "unknown charset " + charset;
            return std::nullopt;
        }
        converter = *known;
    } else if (text::is_valid_utf8(bytes)) {
        converter = "UTF-8";
    } else if (!decoding.fallback_converter.empty()) {
        converter = decoding.fallback_converter;
    } else if (auto detected = documents::decode_text(bytes); detected) {
        return detected->utf8;
    } else {
        error = "text that is not UTF-8 and whose charset cannot be told; the card needs a CHARSET";
        return std::nullopt;
    }
    auto text = to_utf8(bytes, converter);
    // quoted-printable notes carry CR LF as =0D=0A
    std::string out;
    for (size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))
            out.push_back(text[i] == '\r' ? '\n' : text[i]);
    return out;
}

std::string component(const std::vector<std::string>& parts, size_t index)
{
    return index < parts.size() ? parts[index] : std::string();
}

std::string phone_type(const std::vector<std::string>& types)
{
    if (has_type(types, { "fax" }))
        return "fax";
    if (has_type(types, { "cell", "mobile", "iphone" }))
        return "mobile";
    if (has_type(types, { "home" }))
        return "home";
    if (has_type(types, { "work", "main", "company" }))
        return "work";
    if (has_type(types,
            { "other", "x-other", "pager", "car", "isdn", "video", "bbs", "modem", "textphone" }))
        return "other";
    return "work";
}

// Types that say nothing about whose address it is.
bool neutral_type(const std::string& type)
{
    static const std::vector<std::string> neutral = { "pref", "internet", "x400", "voice", "postal",
        "parcel", "dom", "intl", "quoted-printable", "base64", "text", "uri" };
    return std::find(neutral.begin(), neutral.end(), type) != neutral.end();
}

std::string place_type(const std::vector<std::string>& types)
{
    if (has_type(types, { "home" }))
        return "home";
    if (has_type(types, { "work" }))
        return "work";
    for (const auto& type : types)
        if (!neutral_type(type))
            return "other";
    return "work";
}

struct MessengerKind {
    const char* property;
    const char* type;
    const char* service;
};

const MessengerKind messenger_properties[] = {
    { "X-KAKAOTALK", "kakaotalk", "kakaotalk" },
    { "X-KAKAO", "kakaotalk", "kakaotalk" },
    { "X-WECHAT", "wechat", "wechat" },
    { "X-WEIXIN", "wechat", "wechat" },
    { "X-LINE", "line", "line" },
    { "X-WHATSAPP", "whatsapp", "whatsapp" },
    { "X-TELEGRAM", "telegram", "telegram" },
    { "X-SKYPE", "other", "skype" },
    { "X-SKYPE-USERNAME", "other", "skype" },
    { "X-MSN", "other", "msn" },
    { "X-AIM", "other", "aim" },
    { "X-YAHOO", "other", "yahoo" },
    { "X-QQ", "other", "qq" },
    { "X-ICQ", "other", "icq" },
    { "X-JABBER", "other", "jabber" },
    { "X-GTALK", "other", "gtalk" },
    { "X-GOOGLE-TALK", "other", "gtalk" },
    { "X-MS-IMADDRESS", "other", "im" },
    { "X-GADUGADU", "other", "gadugadu" },
};

// The messenger type of a service name as IMPP and X-SOCIALPROFILE spell it.
std::string messenger_type(std::string_view service)
{
    auto name = lower(service);
    if (name == "kakaotalk" || name == "kakao")
        return "kakaotalk";
    if (name == "wechat" || name == "weixin")
        return "wechat";
    if (name == "line" || name == "whatsapp" || name == "telegram")
        return name;
    return "other";
}

void add_messenger(Card& card, const Property& property, const std::string& value)
{
    if (value.empty())
        return;
    for (const auto& kind : messenger_properties)
        if (property.name == kind.property) {
            card.messengers.push_back({ kind.type, value, kind.service });
            return;
        }
    std::string service = parameter(property, "X-SERVICE-TYPE");
    if (service.empty())
        for (const auto& type : types_of(property))
            if (!neutral_type(type) && type != "home" && type != "work")
                service = type;
    std::string id = value;
    if (property.name == "IMPP") {
        // "skype:kim.minsu", "xmpp:kim@example.com": the scheme names the service
        auto colon = value.find(':');
        if (colon != std::string::npos && colon > 0
            && value.find_first_not_of(
                   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
                == colon) {
            if (service.empty())
                service = value.substr(0, colon);
            id = value.substr(colon + 1);
        }
    } else if (auto user = parameter(property, "X-USER"); !user.empty()) {
        id = user;
    }
    card.messengers.push_back({ messenger_type(service), id, lower(service) });
}

// The building blocks of one card, applied property by property.
void apply(Card& card, const Property& property, const std::string& value)
{
    const auto& name = property.name;
    if (name == "FN") {
        if (card.name.empty())
            card.name = unescape(value);
    } else if (name == "N") {
        auto parts = components(value);
        auto words = [](std::string text) {
            std::replace(text.begin(), text.end(), ',', ' ');
            return text::trim(text);
        };
        card.family_name = words(component(parts, 0));
        card.given_name = words(component(parts, 1));
        card.additional_names = words(component(parts, 2));
        card.prefix = words(component(parts, 3));
        card.suffix = words(component(parts, 4));
    } else if (name == "ORG") {
        auto parts = components(value);
        if (card.organization.empty() && !component(parts, 0).empty()) {
            card.organization = parts[0];
            std::string department;
            for (size_t i = 1; i < parts.size(); ++i)
                if (!parts[i].empty())
                    department += (department.empty() ? "" : ", ") + parts[i];
            card.department = department;
        }
    } else if (name == "TITLE") {
        if (card.title.empty())
            card.title = unescape(value);
    } else if (name == "TEL") {
        auto number = unescape(value);
        if (lower(number).rfind("tel:", 0) == 0)
            number = text::trim(number.substr(4));
        if (!number.empty())
            card.phones.push_back({ phone_type(types_of(property)), number });
    } else if (name == "EMAIL") {
        auto address = unescape(value);
        if (lower(address).rfind("mailto:", 0) == 0)
            address = address.substr(7);
        if (!address.empty())
            card.emails.push_back({ place_type(types_of(property)), address });
    } else if (name == "ADR") {
        auto parts = components(value);
        Address address { place_type(types_of(property)), "", "", component(parts, 3),
            component(parts, 4), component(parts, 5), component(parts, 6) };
        std::vector<std::string> lines;
        for (size_t i : { size_t(2), size_t(1), size_t(0) })
            if (!component(parts, i).empty())
                lines.push_back(component(parts, i));
        if (!lines.empty())
            address.line1 = lines[0];
        for (size_t i = 1; i < lines.size(); ++i)
            address.line2 += (address.line2.empty() ? "" : ", ") + lines[i];
        bool empty = address.line1.empty() && address.city.empty() && address.region.empty()
            && address.postal_code.empty() && address.country.empty();
        if (!empty)
            card.addresses.push_back(address);
    } else if (name == "BDAY") {
        if (card.birthday.empty())
            card.birthday = parse_date(unescape(value));
    } else if (name == "NOTE") {
        auto note = unescape(value);
        if (!note.empty())
            card.notes += (card.notes.empty() ? "" : "\n") + note;
    } else if (name == "URL") {
        if (auto url = unescape(value); !url.empty())
            card.urls.push_back(url);
    } else if (name == "IMPP" || name == "X-SOCIALPROFILE"
        || std::any_of(std::begin(messenger_properties), std::end(messenger_properties),
            [&](const MessengerKind& kind) { return name == kind.property; })) {
        add_messenger(card, property, unescape(value));
    }
}

bool is_wanted(const std::string& name)
{
    static const std::vector<std::string> wanted = { "FN", "N", "ORG", "TITLE", "TEL", "EMAIL",
        "ADR", "BDAY", "NOTE", "URL", "IMPP", "X-SOCIALPROFILE" };
    if (std::find(wanted.begin(), wanted.end(), name) != wanted.end())
        return true;
    return std::any_of(std::begin(messenger_properties), std::end(messenger_properties),
        [&](const MessengerKind& kind) { return name == kind.property; });
}

// A name for cards without FN: the parts of N in the order the script writes them, else the
// organisation. A phone number or an e-mail address is no name: such a card waits for the user's.
void fill_name(Card& card)
{
    if (!card.name.empty())
        return;
    auto cjk = [](const std::string& text) {
        return !text.empty() && static_cast<unsigned char>(text[0]) >= 0xE1;
    };
    if (cjk(card.family_name)) {
        card.name = card.family_name + card.given_name;
    } else {
        for (const auto* part : { &card.prefix, &card.given_name, &card.additional_names,
                 &card.family_name, &card.suffix })
            if (!part->empty())
                card.name += (card.name.empty() ? "" : " ") + *part;
    }
    if (card.name.empty())
        card.name = card.organization;
    if (card.name.empty())
        card.warnings.push_back({ "name", "no_name",
            "the card has no FN, N or ORG: the contact needs a name before it can be imported",
            "" });
}

struct Block {
    int index = 0;
    int line = 0;
    std::vector<LogicalLine> lines;
    std::string problem; // set when the block is broken
    int problem_line = 0;
};

void build(const Block& block, const Decoding& decoding, ParseResult& result)
{
    if (!block.problem.empty()) {
        result.errors.push_back({ block.index, block.problem_line, block.problem });
        return;
    }
    Card card;
    card.index = block.index;
    card.line = block.line;
    for (const auto& line : block.lines) {
        auto property = parse_property(line);
        if (!property) {
            result.errors.push_back({ block.index, line.number,
                "line " + std::to_string(line.number) + " is not a property (NAME:value)" });
            return;
        }
        if (property->name == "VERSION") {
            card.version = text::trim(property->value);
            continue;
        }
        if (!is_wanted(property->name))
            continue;
        std::string error;
        auto value = decode_value(*property, decoding, error);
        if (!value) {
            result.errors.push_back(
                { block.index, line.number, "line " + std::to_string(line.number) + ": " + error });
            return;
        }
        apply(card, *property, *value);
    }
    fill_name(card);
    result.cards.push_back(std::move(card));
}

bool is_named(const LogicalLine& line, std::string_view name, std::string_view value)
{
    auto colon = line.text.find(':');
    if (colon == std::string::npos)
        return false;
    return upper(text::trim(std::string_view(line.text).substr(0, colon))) == name
        && upper(text::trim(std::string_view(line.text).substr(colon + 1))) == value;
}

} // namespace

ParseResult parse(std::string_view bytes)
{
    // UTF-16 files (some Outlook exports) are turned into UTF-8 first; all others stay bytes
    std::string converted;
    if (bytes.find('\0') != std::string_view::npos) {
        if (auto decoded = documents::decode_text(bytes); decoded) {
            converted = decoded->utf8;
            bytes = converted;
        }
    }
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0)
        bytes.remove_prefix(3);

    Decoding decoding;
    if (!text::is_valid_utf8(bytes))
        if (auto decoded = documents::decode_text(bytes); decoded)
            if (auto converter = converter_for(decoded->encoding))
                decoding.fallback_converter = *converter;

    ParseResult result;
    auto lines = unfold(split_lines(bytes));
    int next_index = 0;
    std::optional<Block> card; // the card being read
    Block orphans; // lines outside any card
    int nested = 0; // depth of an embedded card (vCard 2.1 AGENT)

    auto flush_orphans = [&](const std::string& reason) {
        if (orphans.lines.empty())
            return;
        orphans.index = next_index++;
        orphans.problem = reason;
        orphans.problem_line = orphans.lines.front().number;
        build(orphans, decoding, result);
        orphans = Block {};
    };

    for (const auto& line : lines) {
        if (is_blank(line.text) || line.text[0] == '#')
            continue;
        if (nested > 0) {
            nested += is_named(line, "BEGIN", "VCARD") ? 1
                : is_named(line, "END", "VCARD")       ? -1
                                                       : 0;
            continue;
        }
        if (is_named(line, "BEGIN", "VCARD")) {
            if (card) {
                auto& last = card->lines;
                bool agent = !last.empty() && upper(last.back().text).rfind("AGENT", 0) == 0;
                if (agent) {
                    nested = 1;
                    continue;
                }
                card->problem = "no END:VCARD before the next BEGIN:VCARD at line "
                    + std::to_string(line.number);
                card->problem_line = card->line;
                build(*card, decoding, result);
            }
            flush_orphans("lines outside a card: no BEGIN:VCARD before line "
                + std::to_string(orphans.lines.empty() ? 0 : orphans.lines.back().number + 1));
            card = Block { next_index++, line.number, {}, {}, 0 };
        } else if (is_named(line, "END", "VCARD")) {
            if (card) {
                build(*card, decoding, result);
                card.reset();
            } else {
                orphans.lines.push_back(line);
                flush_orphans(
                    "no BEGIN:VCARD for the END:VCARD at line " + std::to_string(line.number));
            }
        } else if (card) {
            card->lines.push_back(line);
        } else {
            orphans.lines.push_back(line);
        }
    }
    if (card) {
        card->problem = "no END:VCARD: the file ends inside this card";
        card->problem_line = card->line;
        build(*card, decoding, result);
    }
    flush_orphans("lines outside a card: no BEGIN:VCARD and no END:VCARD");
    return result;
}

} // namespace rapport::customers::vcard
