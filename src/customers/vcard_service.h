// Business cards against the database: parsed cards with their duplicate candidates, importing
// the chosen cards as contacts, exporting contacts as vCard.
#pragma once

#include "core/result.h"
#include "customers/vcard.h"
#include "db/database.h"
#include "http/request.h"
#include "http/router.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rapport::customers {

// Leaves out of a parsed card what a contact, or the customer it creates, cannot store: an e-mail
// that is not an address, a phone without a number, a text over its length, entries past the
// most a list holds. Each lands in the card's warnings, so the rest of the card imports; a name
// left out adds no_name.
void leave_out_unstorable_values(vcard::Card& card);

// {cards:[card + candidates + warnings], errors:[{index, line, reason}]} for the bytes of a .vcf
// file.
Result<nlohmann::json> parse_cards(
    db::Database& database, const http::RequestContext& context, const std::string& bytes);

// Imports each card in its own transaction: attach to a customer, create one, or skip. A card
// that fails is reported with its index and changes nothing.
Result<nlohmann::json> import_cards(
    db::Database& database, const http::RequestContext& context, const nlohmann::json& body);

// The vCard text of a customer's contacts, or of one of them; 404 outside the data scope.
Result<std::string> export_contacts(db::Database& database, const http::RequestContext& context,
    int64_t party_id, std::optional<int64_t> contact_id, vcard::Version version);

void register_vcard_routes(http::Router& router, std::shared_ptr<db::Database> database);

} // namespace rapport::customers
