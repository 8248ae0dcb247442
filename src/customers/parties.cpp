#include "customers/parties.h"

#include "core/clock.h"
#include "core/locale_data.h"
#include "core/registration_number.h"
#include "core/text.h"
#include "customers/audit.h"
#include "customers/custom_fields.h"
#include "customers/ownership.h"
#include "customers/search.h"
#include "http/listing.h"

#include <algorithm>

namespace rapport::customers {

namespace {

using db::Connection;
using http::FieldKind;
using http::FieldSpec;
using nlohmann::json;

const std::vector<std::string> role_names
    = { "customer", "prospect", "supplier", "competitor", "partner" };

Error not_found()
{
    return Error::make(ErrorCode::not_found, "not_found", "No such record.");
}

nlohmann::json custom_values(const db::Row& row)
{
    auto values = nlohmann::json::parse(row.str("custom_fields"), nullptr, false);
    return values.is_object() ? values : nlohmann::json::object();
}

} // namespace

// Rows a request may see through a view: its roles, its tenant and, for customers, the data scope.
std::string visibility(const http::RequestContext& context, PartyView view,
    const std::string& alias, db::Params& params)
{
    std::string where = alias + ".tenant_id = ?";
    params.push_back(context.tenant_id);
    if (view == PartyView::suppliers) {
        where += " AND " + alias + ".is_supplier = 1";
        return where;
    }
    where += " AND (" + alias + ".is_customer = 1 OR " + alias + ".is_prospect = 1)";
    if (context.scope == "own") {
        where += " AND " + alias + ".owner_id = ?";
        params.push_back(context.user_id);
    } else if (context.scope == "branch") {
        where += " AND " + alias + ".branch_id = ?";
        params.push_back(db::nullable(context.branch_id));
    }
    return where;
}

namespace {

std::string party_select()
{
    return "SELECT p.id, " + http::column_list(party_fields(), "p")
        + ", p.custom_fields, p.is_customer, p.is_prospect, p.is_supplier, p.is_competitor, "
          "p.is_partner, p.created_at, p.updated_at, "
          "p.version, p.last_contact_at, p.next_contact_date, u.name AS owner_name, (SELECT c.name "
          "FROM contacts c WHERE c.tenant_id = p.tenant_id AND "
          "c.party_id = p.id ORDER BY c.id LIMIT 1) AS contact_name FROM parties p "
          "LEFT JOIN users u ON u.id = p.owner_id ";
}

json party_json(const db::Row& row)
{
    json out = { { "id", row.i64("id") } };
    http::write_fields(out, row, party_fields());
    json roles = json::array();
    for (const auto& role : role_names)
        if (row.i64("is_" + role) != 0)
            roles.push_back(role);
    out["roles"] = roles;
    out["custom_fields"] = custom_values(row);
    out["owner_name"]
        = row.is_null(row.index_of("owner_name")) ? json() : json(row.str("owner_name"));
    out["contact_name"]
        = row.is_null(row.index_of("contact_name")) ? json() : json(row.str("contact_name"));
    // kept by the contact log, never written through the party itself
    for (const char* column : { "last_contact_at", "next_contact_date" })
        out[column] = row.is_null(row.index_of(column)) ? json() : json(row.str(column));
    out["created_at"] = row.str("created_at");
    out["updated_at"] = row.str("updated_at");
    out["version"] = row.i64("version");
    return out;
}

json contact_json(const db::Row& row)
{
    json out = { { "id", row.i64("id") }, { "party_id", row.i64("party_id") } };
    http::write_fields(out, row, contact_fields());
    out["custom_fields"] = custom_values(row);
    out["version"] = row.i64("version");
    return out;
}

std::optional<db::Row> load_party(
    Connection& connection, const http::RequestContext& context, PartyView view, int64_t id)
{
    db::Params params;
    auto where = visibility(context, view, "p", params);
    params.push_back(id);
    return connection.query_one(party_select() + "WHERE " + where + " AND p.id = ?", params);
}

// Reads the roles list into is_* columns; the view's own role must stay.
void read_roles(http::JsonInput& input, const json& body, PartyView view, bool creating,
    http::ColumnValues& values)
{
    auto roles = input.raw("roles");
    if (!roles) {
        if (creating)
            values.emplace_back(
                view == PartyView::customers ? "is_customer" : "is_supplier", int64_t(1));
        return;
    }
    if (!roles->is_array() || roles->empty()) {
        input.fail("roles", "invalid_type",
            "must be a non-empty list of customer, prospect, supplier, competitor, partner");
        return;
    }
    std::set<std::string> chosen;
    for (size_t i = 0; i < roles->size(); ++i) {
        const auto& role = (*roles)[i];
        if (!role.is_string()
            || std::find(role_names.begin(), role_names.end(), role.get<std::string>())
                == role_names.end()) {
            input.fail("roles[" + std::to_string(i) + "]", "invalid_choice",
                "must be one of customer, prospect, supplier, competitor, partner");
            return;
        }
        chosen.insert(role.get<std::string>());
    }
    bool keeps_view = view == PartyView::suppliers
        ? chosen.count("supplier") > 0
        : chosen.count("customer") > 0 || chosen.count("prospect") > 0;
    if (!keeps_view) {
        input.fail("roles", "view_role_required",
            view == PartyView::suppliers ? "must include supplier"
                                         : "must include customer or prospect");
        return;
    }
    for (const auto& role : role_names)
        values.emplace_back("is_" + role, int64_t(chosen.count(role) ? 1 : 0));
}

const db::Param* value_of(const http::ColumnValues& values, const std::string& column)
{
    for (const auto& [name, value] : values)
        if (name == column)
            return &value;
    return nullptr;
}

// Rules that need the database: owner and branch belong to the tenant, code is free, currency real.
Status check_references(Connection& connection, const http::RequestContext& context,
    const http::ColumnValues& values, std::optional<int64_t> party_id)
{
    Error error { ErrorCode::invalid_input, "The request has invalid fields.", {},
        "invalid_fields" };
    // handing a customer to someone else, or to another branch, is a transfer: without that right
    // a user may only keep the current owner and branch or name themself and their own branch
    std::optional<db::Row> current;
    if (party_id)
        current = connection.query_one(
            "SELECT owner_id, branch_id FROM parties WHERE tenant_id = ? AND id = ?",
            { context.tenant_id, *party_id });
    bool may_transfer = context.can("customers.transfer");
    if (auto owner = value_of(values, "owner_id");
        owner && std::holds_alternative<int64_t>(*owner)) {
        auto owner_id = std::get<int64_t>(*owner);
        bool unchanged = current && current->opt_i64(0) == owner_id;
        if (!may_transfer && !unchanged && owner_id != context.user_id)
            return Error::make(ErrorCode::forbidden, "transfer_needed",
                "Your role may not give a customer to another owner; a manager transfers it.");
        if (!unchanged
            && !connection.query_one("SELECT user_id FROM memberships WHERE tenant_id = ? AND "
                                     "user_id = ? AND active = 1",
                { context.tenant_id, owner_id }))
            error.fields.push_back(
                { "owner_id", "not_found", "is not an active user of this company" });
    }
    if (auto branch = value_of(values, "branch_id");
        branch && std::holds_alternative<int64_t>(*branch)) {
        auto branch_id = std::get<int64_t>(*branch);
        bool unchanged = current && current->opt_i64(1) == branch_id;
        if (!may_transfer && !unchanged && std::optional<int64_t>(branch_id) != context.branch_id)
            return Error::make(ErrorCode::forbidden, "transfer_needed",
                "Your role may not move a customer to another branch; a manager transfers it.");
        if (!connection.query_one("SELECT id FROM branches WHERE tenant_id = ? AND id = ?",
                { context.tenant_id, branch_id }))
            error.fields.push_back({ "branch_id", "not_found", "is not a branch of this company" });
    }
    if (auto code = value_of(values, "code"); code && std::holds_alternative<std::string>(*code)) {
        if (connection.query_one(
                "SELECT id FROM parties WHERE tenant_id = ? AND code = ? AND id <> ?",
                { context.tenant_id, std::get<std::string>(*code), party_id.value_or(0) }))
            error.fields.push_back({ "code", "taken", "another party already has this code" });
    }
    if (auto number = value_of(values, "registration_number");
        number && std::holds_alternative<std::string>(*number)) {
        if (auto valid = check_registration_number(std::get<std::string>(*number)); !valid)
            error.fields.push_back(
                { "registration_number", valid.error().detail_code, valid.error().message });
    }
    if (auto currency = value_of(values, "currency");
        currency && std::holds_alternative<std::string>(*currency)) {
        if (!is_currency(std::get<std::string>(*currency)))
            error.fields.push_back(
                { "currency", "invalid_currency", "must be an ISO 4217 currency code" });
    }
    if (!error.fields.empty())
        return error;
    return Ok {};
}

Result<json> read_party(
    Connection& connection, const http::RequestContext& context, PartyView view, int64_t id)
{
    auto row = load_party(connection, context, view, id);
    if (!row)
        return not_found();
    auto party = party_json(*row);
    json contacts = json::array();
    for (const auto& contact :
        connection.query("SELECT c.id, c.party_id, " + http::column_list(contact_fields(), "c")
                + ", c.custom_fields, c.version FROM contacts c WHERE c.tenant_id = ? AND "
                  "c.party_id = ? ORDER BY c.id",
            { context.tenant_id, id }))
        contacts.push_back(contact_json(contact));
    party["contacts"] = contacts;
    return party;
}

} // namespace

std::string domain_of(PartyView view)
{
    return view == PartyView::customers ? "customers" : "suppliers";
}

std::string custom_entity(PartyView view)
{
    return view == PartyView::customers ? "customer" : "supplier";
}

const std::vector<FieldSpec>& party_fields()
{
    static const std::vector<FieldSpec> fields = {
        { "code", FieldKind::text, false, 50 },
        { "name", FieldKind::text, true, 200 },
        { "kind", FieldKind::choice, false, 20, { "company", "person" } },
        { "registration_number", FieldKind::text, false, 50 },
        { "owner_id", FieldKind::integer, false, 0, {}, 0, 0, 1 },
        { "branch_id", FieldKind::integer, false, 0, {}, 0, 0, 1 },
        { "level", FieldKind::text, false, 50 },
        { "industry", FieldKind::text, false, 100 },
        { "source", FieldKind::text, false, 100 },
        { "region", FieldKind::text, false, 100 },
        { "tags", FieldKind::tags },
        { "phones", FieldKind::phones },
        { "emails", FieldKind::emails },
        { "website", FieldKind::text, false, 200 },
        { "billing_address", FieldKind::address },
        { "shipping_address", FieldKind::address },
        { "payment_terms", FieldKind::text, false, 100 },
        { "credit_limit", FieldKind::integer, false, 0, {}, 0, 0, 0 },
        { "currency", FieldKind::text, false, 3 },
        { "notes", FieldKind::text, false, 4000 },
        { "archived", FieldKind::boolean },
        { "risk", FieldKind::choice, false, 10, { "low", "medium", "high" } },
        { "preferred_channel", FieldKind::text, false, 50 },
    };
    return fields;
}

const std::vector<FieldSpec>& contact_fields()
{
    static const std::vector<FieldSpec> fields = {
        { "name", FieldKind::text, true, 100 },
        { "title", FieldKind::text, false, 100 },
        { "department", FieldKind::text, false, 100 },
        { "phones", FieldKind::phones },
        { "emails", FieldKind::emails },
        { "messengers", FieldKind::messengers },
        { "birthday", FieldKind::date },
        { "notes", FieldKind::text, false, 4000 },
        { "hobbies", FieldKind::text, false, 1000 },
        { "habits", FieldKind::text, false, 1000 },
        { "preferred_channel", FieldKind::text, false, 50 },
    };
    return fields;
}

std::optional<int64_t> find_party(Connection& connection, const http::RequestContext& context,
    PartyView view, const std::string& key_column, const std::string& value)
{
    db::Params params;
    auto where = visibility(context, view, "p", params);
    params.push_back(value);
    auto column = key_column == "code" ? "p.code" : "p.name";
    auto row = connection.query_one("SELECT p.id FROM parties p WHERE " + where + " AND " + column
            + " = ? ORDER BY p.id LIMIT 1",
        params);
    return row ? std::optional<int64_t>(row->i64(0)) : std::nullopt;
}

Result<int64_t> insert_party(Connection& connection, const http::RequestContext& context,
    PartyView view, http::ColumnValues values)
{
    // defaults fill what the caller left empty: a new customer belongs to whoever creates it
    auto set_default = [&](const std::string& column, db::Param value) {
        for (auto& [name, current] : values)
            if (name == column) {
                if (std::holds_alternative<std::nullptr_t>(current))
                    current = std::move(value);
                return;
            }
        values.emplace_back(column, std::move(value));
    };
    set_default(
        "owner_id", view == PartyView::customers ? db::Param(context.user_id) : db::Param(nullptr));
    set_default("branch_id", db::nullable(context.branch_id));
    set_default("kind", std::string("company"));
    if (!value_of(values, "is_customer") && !value_of(values, "is_supplier"))
        values.emplace_back(
            view == PartyView::customers ? "is_customer" : "is_supplier", int64_t(1));
    if (auto valid = check_references(connection, context, values, std::nullopt); !valid)
        return valid.take_error();

    int64_t id = connection.next_id();
    auto now = clock::now_iso();
    std::string columns = "tenant_id, id, created_at, updated_at, version";
    std::string marks = "?, ?, ?, ?, 1";
    db::Params params = { context.tenant_id, id, now, now };
    std::set<std::string> seen;
    // later entries (defaults above) never override what the caller gave
    for (const auto& [column, value] : values) {
        if (!seen.insert(column).second)
            continue;
        if (column == "archived" && std::holds_alternative<std::nullptr_t>(value))
            continue;
        columns += ", " + column;
        marks += ", ?";
        params.push_back(value);
    }
    connection.execute("INSERT INTO parties (" + columns + ") VALUES (" + marks + ")", params);
    refresh_search_text(connection, context.tenant_id, id);

    if (auto owner = value_of(values, "owner_id"); owner && std::holds_alternative<int64_t>(*owner))
        record_owner_change(connection, context.tenant_id,
            { id, std::nullopt, std::get<int64_t>(*owner), "created", "", context.user_id });
    auto name = value_of(values, "name");
    record_audit(connection, context.tenant_id, context.user_id,
        { { "party", id, id, "created", "", std::nullopt, std::nullopt,
            name && std::holds_alternative<std::string>(*name) ? std::get<std::string>(*name)
                                                               : "" } });
    return id;
}

Status check_party_values(Connection& connection, const http::RequestContext& context,
    const http::ColumnValues& values, std::optional<int64_t> party_id)
{
    return check_references(connection, context, values, party_id);
}

Status update_party_columns(Connection& connection, const http::RequestContext& context, int64_t id,
    const http::ColumnValues& values)
{
    if (auto valid = check_references(connection, context, values, id); !valid)
        return valid;
    // the trail compares with the row as stored in this transaction, so it sees every earlier
    // change
    auto stored = connection.query_one("SELECT " + http::column_list(party_fields(), "p")
            + ", p.custom_fields, p.is_customer, p.is_prospect, p.is_supplier, p.is_competitor, "
              "p.is_partner FROM parties p WHERE p.tenant_id = ? AND p.id = ?",
        { context.tenant_id, id });
    std::vector<AuditEntry> changes;
    if (stored) {
        changes = field_changes(*stored, values, party_fields(), "party", id, id, "updated");
        // the roles are five flags; the trail shows them as one list, as the card does
        json roles_before = json::array();
        json roles_after = json::array();
        for (const auto& role : role_names) {
            bool before = stored->i64("is_" + role) != 0;
            bool after = before;
            if (auto given = value_of(values, "is_" + role);
                given && std::holds_alternative<int64_t>(*given))
                after = std::get<int64_t>(*given) != 0;
            if (before)
                roles_before.push_back(role);
            if (after)
                roles_after.push_back(role);
        }
        if (roles_before != roles_after)
            changes.push_back(
                { "party", id, id, "updated", "roles", roles_before, roles_after, "" });
        if (auto custom = value_of(values, "custom_fields");
            custom && std::holds_alternative<std::string>(*custom))
            for (auto& change : custom_value_changes(stored->str("custom_fields"),
                     std::get<std::string>(*custom), "party", id, id, "updated"))
                changes.push_back(std::move(change));
    }
    std::string assignments = "updated_at = ?, version = version + 1";
    db::Params params = { clock::now_iso() };
    for (const auto& [column, value] : values) {
        if (column == "archived" && std::holds_alternative<std::nullptr_t>(value))
            continue;
        assignments += ", " + column + " = ?";
        params.push_back(value);
    }
    params.push_back(context.tenant_id);
    params.push_back(id);
    connection.execute(
        "UPDATE parties SET " + assignments + " WHERE tenant_id = ? AND id = ?", params);
    refresh_search_text(connection, context.tenant_id, id);

    record_audit(connection, context.tenant_id, context.user_id, changes);
    if (auto owner = value_of(values, "owner_id"); owner && stored) {
        auto before = stored->opt_i64(stored->index_of("owner_id"));
        auto after = std::holds_alternative<int64_t>(*owner)
            ? std::optional<int64_t>(std::get<int64_t>(*owner))
            : std::nullopt;
        record_owner_change(
            connection, context.tenant_id, { id, before, after, "updated", "", context.user_id });
    }
    return Ok {};
}

Result<std::string> party_list_filter(db::Database& database, const http::RequestContext& context,
    PartyView view, const http::Request& request, db::Params& params)
{
    auto where = visibility(context, view, "p", params);
    auto archived = request.query_value("archived").value_or("false");
    if (archived != "all") {
        if (archived != "true" && archived != "false")
            return Error::invalid("archived", "invalid_choice", "must be true, false or all");
        where += " AND p.archived = ?";
        params.push_back(int64_t(archived == "true" ? 1 : 0));
    }
    for (const char* filter : { "level", "region", "industry", "source", "kind" }) {
        if (auto value = request.query_value(filter); value && !value->empty()) {
            where += std::string(" AND p.") + filter + " = ?";
            params.push_back(*value);
        }
    }
    if (auto owner = request.query_value("owner_id"); owner && !owner->empty()) {
        if (owner->size() > 18 || !std::all_of(owner->begin(), owner->end(), [](char c) {
                return c >= '0' && c <= '9';
            }))
            return Error::invalid("owner_id", "invalid_integer", "must be a user id");
        where += " AND p.owner_id = ?";
        params.push_back(static_cast<int64_t>(std::stoll(*owner)));
    }
    if (auto tag = request.query_value("tag"); tag && !tag->empty()) {
        where += " AND p.tags LIKE ? ESCAPE '\\'";
        params.push_back("%" + text::escape_like(json(*tag).dump()) + "%");
    }
    if (auto q = request.query_value("q"); q && !text::trim(*q).empty())
        where += " AND " + party_search_condition(*q, "p", params, database.dialect());
    std::vector<CustomFieldDefinition> definitions;
    bool definitions_read = false;
    for (const auto& [key, value] : request.query) {
        if (key.rfind("custom.", 0) != 0)
            continue;
        auto code = key.substr(7);
        if (!definitions_read) {
            definitions = database.read([&](Connection& connection) {
                return custom_field_definitions(connection, context.tenant_id, custom_entity(view));
            });
            definitions_read = true;
        }
        if (!is_custom_field_code(code)
            || std::none_of(definitions.begin(), definitions.end(),
                [&](const CustomFieldDefinition& d) { return d.code == code; }))
            return Error::invalid(
                key, "unknown_field", "is not a custom field of " + domain_of(view));
        where += " AND " + custom_value_condition(database.dialect(), "p", code, value, params);
    }
    return where;
}

Result<json> list_parties(db::Database& database, const http::RequestContext& context,
    PartyView view, const http::Request& request)
{
    auto order = http::read_list_order(request,
        { { "name", "p.name" }, { "code", "p.code" }, { "created_at", "p.created_at" },
            { "updated_at", "p.updated_at" } },
        "name");
    if (!order)
        return order.take_error();

    db::Params params;
    auto filter = party_list_filter(database, context, view, request, params);
    if (!filter)
        return filter.take_error();
    auto where = *filter;
    auto tail = http::keyset_clause(*order, "p.id", where, params);

    return database.read([&](Connection& connection) -> Result<json> {
        auto rows = connection.query(party_select() + "WHERE " + where + tail, params);
        json items = json::array();
        json next_cursor;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (static_cast<int>(i) == order->limit) {
                const auto& last = rows[i - 1];
                auto column = order->column.substr(2);
                next_cursor = http::make_cursor(last.str(column), last.i64("id"));
                break;
            }
            items.push_back(party_json(rows[i]));
        }
        return json { { "items", items }, { "next_cursor", next_cursor } };
    });
}

Result<json> get_party(
    db::Database& database, const http::RequestContext& context, PartyView view, int64_t id)
{
    return database.read(
        [&](Connection& connection) { return read_party(connection, context, view, id); });
}

Result<json> create_party(
    db::Database& database, const http::RequestContext& context, PartyView view, const json& body)
{
    http::JsonInput input(body);
    auto values = http::read_fields(input, party_fields(), true);
    read_roles(input, body, view, true, values);
    const auto* custom = input.raw("custom_fields");
    if (auto valid = input.finish(); !valid)
        return valid.take_error();
    return database.write([&](Connection& connection) -> Result<json> {
        auto custom_text
            = merge_custom_values(connection, context.tenant_id, custom_entity(view), custom, "{}");
        if (!custom_text)
            return custom_text.take_error();
        values.emplace_back("custom_fields", *custom_text);
        auto id = insert_party(connection, context, view, values);
        if (!id)
            return id.take_error();
        return read_party(connection, context, view, *id);
    });
}

Result<json> update_party(db::Database& database, const http::RequestContext& context,
    PartyView view, int64_t id, int64_t version, const json& body)
{
    http::JsonInput input(body);
    auto values = http::read_fields(input, party_fields(), false);
    read_roles(input, body, view, false, values);
    const auto* custom = input.raw("custom_fields");
    if (auto valid = input.finish(); !valid)
        return valid.take_error();
    return database.write([&](Connection& connection) -> Result<json> {
        auto current = load_party(connection, context, view, id);
        if (!current)
            return not_found();
        if (current->i64("version") != version) {
            Error stale = Error::make(ErrorCode::version_mismatch, "version_mismatch",
                "Someone else changed this record; here is the current version.");
            stale.fields.push_back(
                { "current", "record", read_party(connection, context, view, id)->dump() });
            return stale;
        }
        // only what the body names changes: stored values of other codes stay
        if (custom) {
            auto custom_text = merge_custom_values(connection, context.tenant_id,
                custom_entity(view), custom, current->str("custom_fields"));
            if (!custom_text)
                return custom_text.take_error();
            values.emplace_back("custom_fields", *custom_text);
        }
        if (auto updated = update_party_columns(connection, context, id, values); !updated)
            return updated.take_error();
        // a rep who hands the customer to someone else no longer sees it; answer with what was
        // saved
        auto saved = read_party(connection, context, view, id);
        if (!saved) {
            http::RequestContext everything = context;
            everything.scope = "all";
            return read_party(connection, everything, view, id);
        }
        return saved;
    });
}

Status delete_party(
    db::Database& database, const http::RequestContext& context, PartyView view, int64_t id)
{
    return database.write([&](Connection& connection) -> Result<Ok> {
        auto party = load_party(connection, context, view, id);
        if (!party)
            return not_found();
        auto contacts = connection.scalar(
            "SELECT COUNT(*) FROM contacts WHERE tenant_id = ? AND party_id = ?",
            { context.tenant_id, id });
        if (contacts > 0)
            return Error::make(ErrorCode::conflict, "party_referenced",
                "This party has " + std::to_string(contacts)
                    + " contact(s) and cannot be deleted; archive it instead.");
        auto activities = connection.scalar(
            "SELECT COUNT(*) FROM activities WHERE tenant_id = ? AND party_id = ?",
            { context.tenant_id, id });
        if (activities > 0)
            return Error::make(ErrorCode::conflict, "party_referenced",
                "This party has " + std::to_string(activities)
                    + " logged contact(s) and cannot be deleted; archive it instead.");
        connection.execute("DELETE FROM pool_warnings WHERE tenant_id = ? AND party_id = ?",
            { context.tenant_id, id });
        forget_search_keys(connection, context.tenant_id, id);
        connection.execute(
            "DELETE FROM parties WHERE tenant_id = ? AND id = ?", { context.tenant_id, id });
        record_audit(connection, context.tenant_id, context.user_id,
            { { "party", id, id, "deleted", "", std::nullopt, std::nullopt, party->str("name") } });
        return Ok {};
    });
}

Result<json> list_contacts(
    db::Database& database, const http::RequestContext& context, PartyView view, int64_t party_id)
{
    return database.read([&](Connection& connection) -> Result<json> {
        auto party = read_party(connection, context, view, party_id);
        if (!party)
            return party.take_error();
        return json { { "items", (*party)["contacts"] }, { "next_cursor", nullptr } };
    });
}

Result<int64_t> insert_contact(Connection& connection, const http::RequestContext& context,
    int64_t party_id, const http::ColumnValues& values)
{
    int64_t id = connection.next_id();
    auto now = clock::now_iso();
    std::string columns = "tenant_id, id, party_id, created_at, updated_at, version";
    std::string marks = "?, ?, ?, ?, ?, 1";
    db::Params params = { context.tenant_id, id, party_id, now, now };
    for (const auto& [column, value] : values) {
        columns += ", " + column;
        marks += ", ?";
        params.push_back(value);
    }
    connection.execute("INSERT INTO contacts (" + columns + ") VALUES (" + marks + ")", params);
    refresh_search_text(connection, context.tenant_id, party_id);
    auto name = value_of(values, "name");
    record_audit(connection, context.tenant_id, context.user_id,
        { { "contact", id, party_id, "contact_added", "", std::nullopt, std::nullopt,
            name && std::holds_alternative<std::string>(*name) ? std::get<std::string>(*name)
                                                               : "" } });
    return id;
}

Result<json> create_contact(db::Database& database, const http::RequestContext& context,
    PartyView view, int64_t party_id, const json& body)
{
    http::JsonInput input(body);
    auto values = http::read_fields(input, contact_fields(), true);
    const auto* custom = input.raw("custom_fields");
    if (auto valid = input.finish(); !valid)
        return valid.take_error();
    return database.write([&](Connection& connection) -> Result<json> {
        if (!load_party(connection, context, view, party_id))
            return not_found();
        auto custom_text
            = merge_custom_values(connection, context.tenant_id, "contact", custom, "{}");
        if (!custom_text)
            return custom_text.take_error();
        values.emplace_back("custom_fields", *custom_text);
        auto id = insert_contact(connection, context, party_id, values);
        connection.execute("UPDATE parties SET updated_at = ?, version = version + 1 WHERE "
                           "tenant_id = ? AND id = ?",
            { clock::now_iso(), context.tenant_id, party_id });
        auto row = connection.query_one("SELECT c.id, c.party_id, "
                + http::column_list(contact_fields(), "c")
                + ", c.custom_fields, c.version FROM contacts c WHERE c.tenant_id = ? AND c.id = ?",
            { context.tenant_id, *id });
        return contact_json(*row);
    });
}

Result<json> update_contact(db::Database& database, const http::RequestContext& context,
    PartyView view, int64_t party_id, int64_t contact_id, std::optional<int64_t> version,
    const json& body)
{
    http::JsonInput input(body);
    auto values = http::read_fields(input, contact_fields(), false);
    const auto* custom = input.raw("custom_fields");
    if (auto valid = input.finish(); !valid)
        return valid.take_error();
    return database.write([&](Connection& connection) -> Result<json> {
        if (!load_party(connection, context, view, party_id))
            return not_found();
        auto select = "SELECT c.id, c.party_id, " + http::column_list(contact_fields(), "c")
            + ", c.custom_fields, c.version FROM contacts c WHERE c.tenant_id = ? AND c.party_id = "
              "? AND c.id = ?";
        auto current = connection.query_one(select, { context.tenant_id, party_id, contact_id });
        if (!current)
            return not_found();
        if (version && current->i64("version") != *version) {
            Error stale = Error::make(ErrorCode::version_mismatch, "version_mismatch",
                "Someone else changed this contact; here is the current version.");
            stale.fields.push_back({ "current", "record", contact_json(*current).dump() });
            return stale;
        }
        if (custom) {
            auto custom_text = merge_custom_values(
                connection, context.tenant_id, "contact", custom, current->str("custom_fields"));
            if (!custom_text)
                return custom_text.take_error();
            values.emplace_back("custom_fields", *custom_text);
        }
        auto changes = field_changes(
            *current, values, contact_fields(), "contact", contact_id, party_id, "contact_updated");
        if (custom)
            for (auto& change : custom_value_changes(current->str("custom_fields"),
                     std::get<std::string>(values.back().second), "contact", contact_id, party_id,
                     "contact_updated"))
                changes.push_back(std::move(change));
        std::string assignments = "updated_at = ?, version = version + 1";
        db::Params params = { clock::now_iso() };
        for (const auto& [column, value] : values) {
            assignments += ", " + column + " = ?";
            params.push_back(value);
        }
        params.insert(params.end(), { context.tenant_id, contact_id });
        connection.execute(
            "UPDATE contacts SET " + assignments + " WHERE tenant_id = ? AND id = ?", params);
        refresh_search_text(connection, context.tenant_id, party_id);
        record_audit(connection, context.tenant_id, context.user_id, changes);
        return contact_json(
            *connection.query_one(select, { context.tenant_id, party_id, contact_id }));
    });
}

Status delete_contact(db::Database& database, const http::RequestContext& context, PartyView view,
    int64_t party_id, int64_t contact_id)
{
    return database.write([&](Connection& connection) -> Result<Ok> {
        if (!load_party(connection, context, view, party_id))
            return not_found();
        auto contact = connection.query_one(
            "SELECT name FROM contacts WHERE tenant_id = ? AND party_id = ? AND id = ?",
            { context.tenant_id, party_id, contact_id });
        if (!contact)
            return not_found();
        auto activities = connection.scalar(
            "SELECT COUNT(*) FROM activities WHERE tenant_id = ? AND contact_id = ?",
            { context.tenant_id, contact_id });
        if (activities > 0)
            return Error::make(ErrorCode::conflict, "contact_referenced",
                "This contact person appears in " + std::to_string(activities)
                    + " logged contact(s) and cannot be deleted.");
        connection.execute("DELETE FROM contacts WHERE tenant_id = ? AND party_id = ? AND id = ?",
            { context.tenant_id, party_id, contact_id });
        refresh_search_text(connection, context.tenant_id, party_id);
        record_audit(connection, context.tenant_id, context.user_id,
            { { "contact", contact_id, party_id, "contact_removed", "", std::nullopt, std::nullopt,
                contact->str(0) } });
        return Ok {};
    });
}

} // namespace rapport::customers
