// The import kinds of the customers domain: customers, suppliers, contacts and employees.
//
// A customer or supplier row may carry its first contact (contact_name, contact_title,
// contact_phone, contact_email), a fax number and the parts of a billing address (address, city,
// postal_code, country) — the columns of a typical customer list such as Northwind's. The
// party's own `region` field also becomes the address's region when address parts are given.
#include "core/clock.h"
#include "customers/custom_fields.h"
#include "customers/employees.h"
#include "customers/imports.h"
#include "customers/parties.h"

#include <algorithm>
#include <map>

namespace rapport::customers {

namespace {

using db::Connection;
using http::FieldKind;
using http::FieldSpec;
using http::RequestContext;
using nlohmann::json;

std::optional<std::string> extra(const ImportRow& row, const std::string& name)
{
    auto found = row.extras.find(name);
    if (found == row.extras.end() || found->second.empty())
        return std::nullopt;
    return found->second;
}

std::optional<std::string> column_text(const http::ColumnValues& values, const std::string& column)
{
    for (const auto& [name, value] : values)
        if (name == column)
            if (auto text = std::get_if<std::string>(&value))
                return *text;
    return std::nullopt;
}

// Sets a column, replacing what the row had for it.
void set_column(http::ColumnValues& values, const std::string& column, db::Param value)
{
    for (auto& [name, current] : values)
        if (name == column) {
            current = std::move(value);
            return;
        }
    values.emplace_back(column, std::move(value));
}

json parsed_list(const std::optional<std::string>& text)
{
    auto list = text ? json::parse(*text, nullptr, false) : json::array();
    return list.is_array() ? list : json::array();
}

const std::vector<FieldSpec>& party_extras()
{
    static const std::vector<FieldSpec> extras = {
        { "contact_name", FieldKind::text, false, 100 },
        { "contact_title", FieldKind::text, false, 100 },
        { "contact_phone", FieldKind::phones },
        { "contact_email", FieldKind::emails },
        { "fax", FieldKind::phones },
        { "address", FieldKind::text, false, 200 },
        { "city", FieldKind::text, false, 200 },
        { "postal_code", FieldKind::text, false, 200 },
        { "country", FieldKind::text, false, 200 },
    };
    return extras;
}

// The party's columns from a row: the fax joins the phones, address parts make billing_address.
http::ColumnValues party_values(const ImportRow& row)
{
    auto values = row.values;
    if (auto fax = extra(row, "fax")) {
        auto phones = parsed_list(column_text(values, "phones"));
        for (auto entry : parsed_list(fax)) {
            entry["type"] = "fax";
            phones.push_back(entry);
        }
        set_column(values, "phones", phones.dump());
    }

    static const std::vector<std::pair<std::string, std::string>> address_parts
        = { { "address", "line1" }, { "city", "city" }, { "postal_code", "postal_code" },
              { "country", "country" } };
    bool has_address = false;
    for (const auto& [name, part] : address_parts)
        has_address = has_address || extra(row, name).has_value();
    if (has_address) {
        auto current = column_text(values, "billing_address");
        auto address = current ? json::parse(*current, nullptr, false) : json::object();
        if (!address.is_object())
            address = json::object();
        for (const auto& [name, part] : address_parts)
            if (auto text = extra(row, name))
                address[part] = *text;
        if (auto region = column_text(values, "region"))
            address["region"] = *region;
        set_column(values, "billing_address", address.dump());
    }
    return values;
}

void update_contact_columns(
    Connection& connection, int64_t tenant_id, int64_t id, const http::ColumnValues& values)
{
    std::string assignments = "updated_at = ?, version = version + 1";
    db::Params params = { clock::now_iso() };
    for (const auto& [column, value] : values) {
        assignments += ", " + column + " = ?";
        params.push_back(value);
    }
    params.push_back(tenant_id);
    params.push_back(id);
    connection.execute(
        "UPDATE contacts SET " + assignments + " WHERE tenant_id = ? AND id = ?", params);
}

std::optional<int64_t> contact_named(
    Connection& connection, int64_t tenant_id, int64_t party_id, const std::string& name)
{
    auto row = connection.query_one("SELECT id FROM contacts WHERE tenant_id = ? AND party_id = ? "
                                    "AND name = ? ORDER BY id LIMIT 1",
        { tenant_id, party_id, name });
    return row ? std::optional<int64_t>(row->i64(0)) : std::nullopt;
}

// Adds the contact to the party, or changes the party's contact of the same name.
Status save_contact(Connection& connection, const RequestContext& context, int64_t party_id,
    const std::string& name, const http::ColumnValues& values)
{
    if (auto existing = contact_named(connection, context.tenant_id, party_id, name)) {
        update_contact_columns(connection, context.tenant_id, *existing, values);
        refresh_search_text(connection, context.tenant_id, party_id);
    } else if (auto inserted = insert_contact(connection, context, party_id, values); !inserted) {
        return inserted.take_error();
    }
    connection.execute("UPDATE parties SET updated_at = ?, version = version + 1 "
                       "WHERE tenant_id = ? AND id = ?",
        { clock::now_iso(), context.tenant_id, party_id });
    return Ok {};
}

// The row's contact_* extras as the party's contact.
Status save_party_contact(
    Connection& connection, const RequestContext& context, int64_t party_id, const ImportRow& row)
{
    auto name = extra(row, "contact_name");
    auto title = extra(row, "contact_title");
    auto phones = extra(row, "contact_phone");
    auto emails = extra(row, "contact_email");
    if (!name) {
        if (title || phones || emails)
            return Error::invalid(
                "contact_name", "required", "is needed for the contact's details");
        return Ok {};
    }
    http::ColumnValues values = { { "name", *name } };
    if (title)
        values.emplace_back("title", *title);
    if (phones)
        values.emplace_back("phones", *phones);
    if (emails)
        values.emplace_back("emails", *emails);
    return save_contact(connection, context, party_id, *name, values);
}

// The row's "custom.<code>" cells merged over the party's stored values (`stored`, JSON text),
// checked against the tenant's definitions as the party form checks them.
Result<std::string> custom_fields_of(Connection& connection, const RequestContext& context,
    PartyView view, const ImportRow& row, const std::string& stored)
{
    std::map<std::string, std::string> texts;
    for (const auto& [name, value] : row.extras)
        if (name.rfind("custom.", 0) == 0 && !value.empty())
            texts[name.substr(7)] = value;
    auto entity = custom_entity(view);
    auto given = custom_values_from_text(
        custom_field_definitions(connection, context.tenant_id, entity), texts);
    return merge_custom_values(connection, context.tenant_id, entity, &given, stored);
}

ImportKind party_kind(PartyView view)
{
    ImportKind kind;
    kind.name = domain_of(view);
    kind.permission = kind.name + ".create";
    kind.fields = party_fields();
    kind.extras = party_extras();
    kind.keys = { "code", "name" };
    kind.find = [view](Connection& connection, const RequestContext& context,
                    const std::string& key, const std::string& value) {
        return find_party(connection, context, view, key, value);
    };
    kind.custom_entity = custom_entity(view);
    kind.check = [view](Connection& connection, const RequestContext& context,
                     std::optional<int64_t> existing, const ImportRow& row) -> Status {
        if (auto valid = check_party_values(connection, context, party_values(row), existing);
            !valid)
            return valid;
        auto stored = existing ? connection.query_one(
                          "SELECT custom_fields FROM parties WHERE tenant_id = ? AND id = ?",
                          { context.tenant_id, *existing })
                               : std::nullopt;
        if (auto custom
            = custom_fields_of(connection, context, view, row, stored ? stored->str(0) : "{}");
            !custom)
            return custom.take_error();
        return Ok {};
    };
    kind.create = [view](Connection& connection, const RequestContext& context,
                      const ImportRow& row) -> Result<int64_t> {
        auto values = party_values(row);
        auto custom = custom_fields_of(connection, context, view, row, "{}");
        if (!custom)
            return custom.take_error();
        values.emplace_back("custom_fields", *custom);
        auto id = insert_party(connection, context, view, values);
        if (!id)
            return id;
        if (auto saved = save_party_contact(connection, context, *id, row); !saved)
            return saved.take_error();
        return id;
    };
    kind.update = [view](Connection& connection, const RequestContext& context, int64_t id,
                      const ImportRow& row) -> Status {
        auto values = party_values(row);
        if (std::any_of(row.extras.begin(), row.extras.end(),
                [](const auto& extra) { return extra.first.rfind("custom.", 0) == 0; })) {
            auto stored = connection.query_one(
                "SELECT custom_fields FROM parties WHERE tenant_id = ? AND id = ?",
                { context.tenant_id, id });
            auto custom
                = custom_fields_of(connection, context, view, row, stored ? stored->str(0) : "{}");
            if (!custom)
                return custom.take_error();
            values.emplace_back("custom_fields", *custom);
        }
        if (auto updated = update_party_columns(connection, context, id, values); !updated)
            return updated;
        return save_party_contact(connection, context, id, row);
    };
    return kind;
}

// The party a contact row names by code: a customer (or prospect) in the user's scope, or a
// supplier the user may edit.
Result<int64_t> party_of(
    Connection& connection, const RequestContext& context, const ImportRow& row)
{
    auto code = extra(row, "party_code").value_or("");
    if (auto party = find_party(connection, context, PartyView::customers, "code", code))
        return *party;
    if (auto party = find_party(connection, context, PartyView::suppliers, "code", code)) {
        if (!context.can("suppliers.edit"))
            return Error::make(
                ErrorCode::forbidden, "forbidden", "your role may not change supplier " + code);
        return *party;
    }
    return Error::make(ErrorCode::invalid_input, "unknown_party", "no party with code " + code);
}

ImportKind contact_kind()
{
    ImportKind kind;
    kind.name = "contacts";
    kind.permission = "customers.edit";
    kind.fields = contact_fields();
    kind.extras = { { "party_code", FieldKind::text, true, 50 } };
    kind.keys = { "name" };
    // FIXME: the registry's find sees only the key, not the row's party, so "skip"
    // also skips a new contact whose name a contact of another party has; update re-checks below.
    kind.find = [](Connection& connection, const RequestContext& context, const std::string& key,
                    const std::string& value) -> std::optional<int64_t> {
        if (key != "name")
            return std::nullopt;
        auto row = connection.query_one(
            "SELECT id FROM contacts WHERE tenant_id = ? AND name = ? ORDER BY id LIMIT 1",
            { context.tenant_id, value });
        return row ? std::optional<int64_t>(row->i64(0)) : std::nullopt;
    };
    kind.create = [](Connection& connection, const RequestContext& context,
                      const ImportRow& row) -> Result<int64_t> {
        auto party = party_of(connection, context, row);
        if (!party)
            return party.take_error();
        auto id = insert_contact(connection, context, *party, row.values);
        if (!id)
            return id;
        connection.execute("UPDATE parties SET updated_at = ?, version = version + 1 "
                           "WHERE tenant_id = ? AND id = ?",
            { clock::now_iso(), context.tenant_id, *party });
        return id;
    };
    // the contact found by name may belong to another party: then the row's party gets its own
    kind.update = [](Connection& connection, const RequestContext& context, int64_t id,
                      const ImportRow& row) -> Status {
        auto party = party_of(connection, context, row);
        if (!party)
            return party.take_error();
        auto name = column_text(row.values, "name").value_or("");
        auto current
            = connection.query_one("SELECT party_id FROM contacts WHERE tenant_id = ? AND id = ?",
                { context.tenant_id, id });
        if (current && current->i64(0) == *party) {
            update_contact_columns(connection, context.tenant_id, id, row.values);
            refresh_search_text(connection, context.tenant_id, *party);
            connection.execute("UPDATE parties SET updated_at = ?, version = version + 1 "
                               "WHERE tenant_id = ? AND id = ?",
                { clock::now_iso(), context.tenant_id, *party });
            return Ok {};
        }
        return save_contact(connection, context, *party, name, row.values);
    };
    return kind;
}

// Staff lists often split the name (Northwind: FirstName, LastName); the parts make the name
// when no name column is mapped, so `name` is not required of the columns, only of the row.
// FIXME: the dry run cannot see that rule, so a row with no name at all fails only when run.
http::ColumnValues employee_values(const ImportRow& row)
{
    auto values = row.values;
    if (column_text(values, "name"))
        return values;
    auto first = extra(row, "first_name").value_or("");
    auto last = extra(row, "last_name").value_or("");
    auto name = first.empty() || last.empty() ? first + last : first + " " + last;
    if (!name.empty())
        set_column(values, "name", name);
    return values;
}

ImportKind employee_kind()
{
    ImportKind kind;
    kind.name = "employees";
    kind.permission = "employees.create";
    kind.fields = employee_fields();
    for (auto& field : kind.fields)
        if (field.name == "name")
            field.required = false;
    kind.extras = { { "first_name", FieldKind::text, false, 100 },
        { "last_name", FieldKind::text, false, 100 } };
    kind.keys = { "code", "name" };
    kind.find = [](Connection& connection, const RequestContext& context, const std::string& key,
                    const std::string& value) {
        return find_employee(connection, context.tenant_id, key, value);
    };
    kind.create = [](Connection& connection, const RequestContext& context,
                      const ImportRow& row) -> Result<int64_t> {
        auto values = employee_values(row);
        if (!column_text(values, "name"))
            return Error::invalid("name", "required", "is required (or first_name and last_name)");
        return insert_employee(connection, context.tenant_id, values);
    };
    kind.update = [](Connection& connection, const RequestContext& context, int64_t id,
                      const ImportRow& row) {
        return update_employee_columns(connection, context.tenant_id, id, employee_values(row));
    };
    return kind;
}

} // namespace

void register_customer_import_kinds()
{
    register_import_kind(party_kind(PartyView::customers));
    register_import_kind(party_kind(PartyView::suppliers));
    register_import_kind(contact_kind());
    register_import_kind(employee_kind());
}

} // namespace rapport::customers
