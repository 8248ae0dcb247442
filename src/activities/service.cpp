#include "activities/service.h"

#include "activities/model.h"
#include "activities/store.h"
#include "auth/service.h"
#include "core/dates.h"
#include "core/text.h"
#include "customers/merge_hooks.h"
#include "http/json_input.h"
#include "http/listing.h"

namespace rapport::activities {

namespace {

using db::Connection;
using nlohmann::json;

Error not_found()
{
    return Error::make(ErrorCode::not_found, "not_found", "No such record.");
}

// What a request body asks to set, read and checked for form; the checks that need the database
// (the party, contact, employee and type exist; the next date is not before the contact) follow.
struct ActivityInput {
    store::Columns columns;
    std::optional<int64_t> party_id;
    std::optional<int64_t> contact_id;
    std::optional<int64_t> employee_id;
    std::optional<std::string> type;
    std::optional<clock::Instant> occurred_at;
    bool next_contact_date_given = false;
    std::optional<std::string> next_contact_date;
};

Result<ActivityInput> read_input(const json& body, bool creating)
{
    http::JsonInput input(body);
    ActivityInput out;
    if (creating)
        out.party_id = input.integer("party_id", true, 1);
    auto optional_id = [&](const std::string& name, std::optional<int64_t>& into) {
        if (!input.present(name))
            return;
        into = input.integer(name, false, 1);
        out.columns.emplace_back(name, db::nullable(into));
    };
    optional_id("contact_id", out.contact_id);
    optional_id("employee_id", out.employee_id);
    if (creating || input.present("type")) {
        out.type = input.text("type", true, 50);
        if (out.type)
            out.columns.emplace_back("type", *out.type);
    }
    if (input.present("occurred_at")) {
        auto text = input.text("occurred_at", !creating, 40);
        if (text) {
            out.occurred_at = dates::parse_instant(*text);
            if (!out.occurred_at)
                input.fail("occurred_at", "invalid_instant",
                    "must be an instant such as 2026-12-04T15:58:22Z");
        }
    }
    if (input.present("duration_minutes"))
        out.columns.emplace_back("duration_minutes",
            db::nullable(input.integer("duration_minutes", false, 0, max_duration_minutes)));
    for (auto [name, limit] : { std::pair { "subject", 200 }, std::pair { "content", 10000 },
             std::pair { "outcome", 1000 } })
        if (input.present(name))
            out.columns.emplace_back(name, db::nullable(input.text(name, false, limit)));
    if (input.present("next_contact_date")) {
        out.next_contact_date_given = true;
        out.next_contact_date = input.date("next_contact_date");
        out.columns.emplace_back("next_contact_date", db::nullable(out.next_contact_date));
    }
    if (auto valid = input.finish(); !valid)
        return valid.take_error();
    return out;
}

// The database checks of a create or an update, all reported together.
Status check_references(Connection& connection, const http::RequestContext& context,
    int64_t party_id, const ActivityInput& input)
{
    Error error { ErrorCode::invalid_input, "The request has invalid fields.", {},
        "invalid_fields" };
    if (input.contact_id
        && !store::contact_of_party(connection, context.tenant_id, party_id, *input.contact_id))
        error.fields.push_back({ "contact_id", "not_found", "is not a contact of this customer" });
    if (input.employee_id
        && !store::employee_exists(connection, context.tenant_id, *input.employee_id))
        error.fields.push_back(
            { "employee_id", "not_found", "is not an employee of this company" });
    if (input.type && !fixed_activity_types().count(*input.type)
        && !store::is_tenant_activity_type(connection, context.tenant_id, *input.type))
        error.fields.push_back({ "type", "invalid_choice",
            "must be phone_call, email, wechat, kakaotalk, line, messenger_other, visit, meeting, "
            "note or a type "
            "from the activity_types list" });
    if (!error.fields.empty())
        return error;
    return Ok {};
}

Status check_next_date(
    const std::optional<std::string>& next_contact_date, const std::string& occurred_on)
{
    if (next_contact_date && *next_contact_date < occurred_on)
        return Error::invalid("next_contact_date", "before_contact",
            "must be on or after the day of the contact (" + occurred_on + ")");
    return Ok {};
}

std::vector<std::string> split_types(const std::string& text)
{
    std::vector<std::string> types;
    size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos)
            end = text.size();
        auto type = text::trim(text.substr(start, end - start));
        if (!type.empty())
            types.push_back(type);
        start = end + 1;
    }
    return types;
}

Result<store::ActivityFilter> read_filter(const http::Request& request)
{
    store::ActivityFilter filter;
    Error error { ErrorCode::invalid_input, "The request has invalid fields.", {},
        "invalid_fields" };
    auto id_of = [&](const char* name) -> std::optional<int64_t> {
        auto value = request.query_value(name);
        if (!value || value->empty())
            return std::nullopt;
        try {
            size_t used = 0;
            auto id = std::stoll(*value, &used);
            if (used == value->size() && id > 0)
                return id;
        } catch (const std::exception&) {
        }
        error.fields.push_back({ name, "invalid_id", "must be a record id" });
        return std::nullopt;
    };
    filter.party_id = id_of("party_id");
    filter.employee_id = id_of("employee_id");
    if (auto types = request.query_value("type"))
        filter.types = split_types(*types);
    for (auto [name, into] :
        { std::pair { "from", &filter.from }, std::pair { "to", &filter.to } }) {
        auto value = request.query_value(name);
        if (!value || value->empty())
            continue;
        if (!clock::is_iso_date(*value))
            error.fields.push_back({ name, "invalid_date", "must be a date as YYYY-MM-DD" });
        else
            *into = *value;
    }
    if (!error.fields.empty())
        return error;
    return filter;
}

} // namespace

Result<json> list_activities(db::Database& database, const http::RequestContext& context,
    const http::Request& request, std::optional<int64_t> party_id)
{
    auto filter = read_filter(request);
    if (!filter)
        return filter.take_error();
    if (party_id)
        filter->party_id = party_id;
    auto order
        = http::read_list_order(request, { { "occurred_at", "a.occurred_at" } }, "-occurred_at");
    if (!order)
        return order.take_error();

    return database.read([&](Connection& connection) -> Result<json> {
        if (party_id && !store::party_visible(connection, context, *party_id))
            return not_found();
        auto rows = store::list_activities(connection, context, *filter, *order);
        json items = json::array();
        json next_cursor;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (static_cast<int>(i) == order->limit) {
                next_cursor
                    = http::make_cursor(rows[i - 1].str("occurred_at"), rows[i - 1].i64("id"));
                break;
            }
            items.push_back(store::activity_json(rows[i]));
        }
        return json { { "items", items }, { "next_cursor", next_cursor } };
    });
}

Result<json> create_activity(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    auto input = read_input(body, true);
    if (!input)
        return input.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        int64_t party_id = *input->party_id;
        if (!store::party_visible(connection, context, party_id))
            return not_found();
        if (auto valid = check_references(connection, context, party_id, *input); !valid)
            return valid.take_error();

        // the contact's day is the tenant's, not UTC's: 00:30 in Seoul is still the previous day in
        // UTC
        auto occurred_at = input->occurred_at.value_or(clock::now());
        auto occurred_on
            = dates::date_in(auth::tenant_time_zone(connection, context.tenant_id), occurred_at);
        if (auto valid = check_next_date(input->next_contact_date, occurred_on); !valid)
            return valid.take_error();

        auto columns = input->columns;
        columns.emplace_back("party_id", party_id);
        columns.emplace_back("occurred_at", clock::iso_instant(occurred_at));
        columns.emplace_back("occurred_on", occurred_on);
        columns.emplace_back("user_id", context.user_id);
        if (!input->employee_id)
            if (auto employee
                = store::employee_of_user(connection, context.tenant_id, context.user_id))
                columns.emplace_back("employee_id", *employee);
        int64_t id = connection.next_id();
        store::insert_activity(connection, context.tenant_id, id, columns);
        store::refresh_contact_dates(connection, context.tenant_id, party_id);
        return store::activity_json(*store::load_activity(connection, context, id));
    });
}

Result<json> update_activity(db::Database& database, const http::RequestContext& context,
    int64_t id, int64_t version, const json& body)
{
    auto input = read_input(body, false);
    if (!input)
        return input.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        auto current = store::load_activity(connection, context, id);
        if (!current)
            return not_found();
        if (current->i64("version") != version) {
            Error stale = Error::make(ErrorCode::version_mismatch, "version_mismatch",
                "Someone else changed this activity; here is the current version.");
            stale.fields.push_back({ "current", "record", store::activity_json(*current).dump() });
            return stale;
        }
        int64_t party_id = current->i64("party_id");
        if (auto valid = check_references(connection, context, party_id, *input); !valid)
            return valid.take_error();

        auto columns = input->columns;
        auto occurred_on = current->str("occurred_on");
        if (input->occurred_at) {
            occurred_on = dates::date_in(
                auth::tenant_time_zone(connection, context.tenant_id), *input->occurred_at);
            columns.emplace_back("occurred_at", clock::iso_instant(*input->occurred_at));
            columns.emplace_back("occurred_on", occurred_on);
        }
        auto next_contact_date = input->next_contact_date_given
            ? input->next_contact_date
            : current->opt_str(current->index_of("next_contact_date"));
        if (auto valid = check_next_date(next_contact_date, occurred_on); !valid)
            return valid.take_error();

        store::update_activity(connection, context.tenant_id, id, columns);
        store::refresh_contact_dates(connection, context.tenant_id, party_id);
        return store::activity_json(*store::load_activity(connection, context, id));
    });
}

Status delete_activity(db::Database& database, const http::RequestContext& context, int64_t id)
{
    return database.write([&](Connection& connection) -> Result<Ok> {
        auto current = store::load_activity(connection, context, id);
        if (!current)
            return not_found();
        store::delete_activity(connection, context.tenant_id, id);
        store::refresh_contact_dates(connection, context.tenant_id, current->i64("party_id"));
        return Ok {};
    });
}

void register_activity_merge_hook()
{
    customers::register_merge_hook("activities",
        [](Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id) {
            store::move_activities(connection, tenant_id, from_id, into_id);
        });
}

} // namespace rapport::activities
