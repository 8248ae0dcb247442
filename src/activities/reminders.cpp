#include "activities/reminders.h"

#include "activities/model.h"
#include "activities/store.h"
#include "auth/service.h"
#include "core/dates.h"
#include "core/text.h"
#include "customers/lists.h"
#include "customers/parties.h"

namespace rapport::activities {

namespace {

using db::Connection;
using nlohmann::json;

const std::vector<std::string> group_order = { "overdue", "today", "tomorrow", "dormant" };

int group_rank(const std::string& group)
{
    for (size_t i = 0; i < group_order.size(); ++i)
        if (group_order[i] == group)
            return static_cast<int>(i);
    return static_cast<int>(group_order.size());
}

json effective_dormant_days(Connection& connection, int64_t tenant_id)
{
    auto days = default_dormant_days();
    if (auto stored = store::dormant_days(connection, tenant_id))
        days = *stored;
    return days;
}

// Overdue: the date has passed. The party's next_contact_date is always the one its latest
// activity set, so a passed date also means no contact since; the activity that set it does not
// count as that contact even when it happened on the same day.
std::string overdue_condition(db::Params& params, const std::string& as_of)
{
    params.push_back(as_of);
    return "(p.next_contact_date IS NOT NULL AND p.next_contact_date < ?)";
}

// Dormant: the last contact (or, never contacted, the day the customer was entered) began before
// the start of day as_of - N + 1, N by level: at least N days without contact in the tenant's zone.
std::string dormant_condition(db::Params& params, const ReminderQuery& query, const json& days)
{
    auto cutoff = [&](int64_t n) {
        return dates::start_of_day(
            query.timezone, dates::add_days(query.as_of, static_cast<int>(-n + 1)));
    };
    std::string cases;
    // explicit iterators: with structured bindings over items() the levels did not match here
    for (auto level = days.begin(); level != days.end(); ++level) {
        if (level.key() == "default" || !level->is_number_integer())
            continue;
        cases += " WHEN ? THEN ?";
        params.push_back(level.key());
        params.push_back(cutoff(level->get<int64_t>()));
    }
    params.push_back(cutoff(days.value("default", int64_t(90))));
    auto threshold = cases.empty() ? std::string("?") : "CASE p.level" + cases + " ELSE ? END";
    return "COALESCE(p.last_contact_at, p.created_at) < " + threshold;
}

struct Group {
    std::string name;
    std::string condition;
    db::Params params;
    std::string order;
};

json reminder_item(const db::Row& row, const std::string& group, const ReminderQuery& query)
{
    auto due = row.opt_str(row.index_of("next_contact_date"));
    auto last_contact = row.opt_str(row.index_of("last_contact_at"));
    json days_since;
    if (last_contact)
        if (auto instant = dates::parse_instant(*last_contact))
            days_since = dates::days_between(dates::date_in(query.timezone, *instant), query.as_of);
    bool dated = group != "dormant";
    return {
        { "kind", "contact" },
        { "group", group },
        { "party_id", row.i64("id") },
        { "party_name", row.str("name") },
        { "owner_id", row.is_null(row.index_of("owner_id")) ? json() : json(row.i64("owner_id")) },
        { "owner_name",
            row.opt_str(row.index_of("owner_name")) ? json(row.str("owner_name")) : json() },
        { "level", row.opt_str(row.index_of("level")) ? json(row.str("level")) : json() },
        { "due_date", dated && due ? json(*due) : json() },
        { "days_overdue",
            group == "overdue" && due ? json(dates::days_between(*due, query.as_of)) : json(0) },
        { "days_since_contact", days_since },
        { "last_contact_at", last_contact ? json(*last_contact) : json() },
    };
}

} // namespace

ReminderAnswer contact_reminders(
    Connection& connection, const http::RequestContext& context, const ReminderQuery& query)
{
    db::Params scope_params;
    auto scope = customers::visibility(context, customers::PartyView::customers, "p", scope_params)
        + " AND p.archived = 0";
    auto days = effective_dormant_days(connection, context.tenant_id);
    auto tomorrow = dates::add_days(query.as_of, 1);

    std::vector<Group> groups(4);
    groups[0].name = "overdue";
    groups[0].condition = overdue_condition(groups[0].params, query.as_of);
    groups[0].order = "p.next_contact_date, p.name, p.id";
    groups[1].name = "today";
    groups[1].condition = "p.next_contact_date = ?";
    groups[1].params = { query.as_of };
    groups[1].order = "p.name, p.id";
    groups[2].name = "tomorrow";
    groups[2].condition = "p.next_contact_date = ?";
    groups[2].params = { tomorrow };
    groups[2].order = "p.name, p.id";
    // a party shows once: one with a due, today's or tomorrow's date is not also listed as dormant
    groups[3].name = "dormant";
    db::Params& dormant = groups[3].params;
    // one statement per condition: their parameters must go in the order they appear in the SQL
    groups[3].condition = dormant_condition(dormant, query, days);
    groups[3].condition += " AND NOT " + overdue_condition(dormant, query.as_of);
    groups[3].condition
        += " AND (p.next_contact_date IS NULL OR p.next_contact_date NOT IN (?, ?))";
    dormant.push_back(query.as_of);
    dormant.push_back(tomorrow);
    groups[3].order = "COALESCE(p.last_contact_at, p.created_at), p.name, p.id";

    ReminderAnswer answer;
    for (const auto& group : groups) {
        db::Params params = scope_params;
        params.insert(params.end(), group.params.begin(), group.params.end());
        auto where = " FROM parties p LEFT JOIN users u ON u.id = p.owner_id WHERE " + scope
            + " AND " + group.condition;
        answer.counts[group.name] = connection.scalar("SELECT COUNT(*)" + where, params);
        auto rows
            = connection.query("SELECT p.id, p.name, p.owner_id, u.name AS owner_name, p.level, "
                               "p.next_contact_date, p.last_contact_at"
                    + where + " ORDER BY " + group.order + " LIMIT "
                    + std::to_string(query.limit_per_group),
                params);
        for (const auto& row : rows)
            answer.items.push_back(reminder_item(row, group.name, query));
    }
    return answer;
}

void register_contact_reminders()
{
    register_reminder_provider("contact", contact_reminders);
}

Result<json> reminders(db::Database& database, const http::RequestContext& context,
    const std::optional<std::string>& as_of, const std::optional<std::string>& limit)
{
    if (as_of && !as_of->empty() && !clock::is_iso_date(*as_of))
        return Error::invalid("as_of", "invalid_date", "must be a date as YYYY-MM-DD");
    ReminderQuery query;
    if (limit && !limit->empty()) {
        try {
            size_t used = 0;
            query.limit_per_group = std::stoi(*limit, &used);
            if (used != limit->size() || query.limit_per_group < 1 || query.limit_per_group > 5000)
                throw std::out_of_range("limit");
        } catch (const std::exception&) {
            return Error::invalid("limit", "out_of_range", "must be a whole number from 1 to 5000");
        }
    }

    return database.read([&](Connection& connection) -> Result<json> {
        query.timezone = auth::tenant_time_zone(connection, context.tenant_id);
        query.as_of = as_of && !as_of->empty() ? *as_of : dates::today_in(query.timezone);
        auto answer = collect_reminders(connection, context, query);
        std::stable_sort(
            answer.items.begin(), answer.items.end(), [](const json& a, const json& b) {
                return group_rank(a.value("group", "")) < group_rank(b.value("group", ""));
            });
        json counts = json::object();
        for (const auto& group : group_order)
            counts[group] = 0;
        for (const auto& [group, count] : answer.counts)
            counts[group] = count;
        return json { { "as_of", query.as_of }, { "timezone", query.timezone },
            { "counts", counts }, { "items", answer.items } };
    });
}

Result<json> reminder_settings(db::Database& database, const http::RequestContext& context)
{
    return database.read([&](Connection& connection) -> Result<json> {
        return json { { "dormant_days", effective_dormant_days(connection, context.tenant_id) } };
    });
}

Result<json> update_reminder_settings(
    db::Database& database, const http::RequestContext& context, const json& body)
{
    Error error { ErrorCode::invalid_input, "The request has invalid fields.", {},
        "invalid_fields" };
    for (auto field = body.begin(); field != body.end(); ++field)
        if (field.key() != "dormant_days")
            error.fields.push_back({ field.key(), "unknown_field", "is not a reminder setting" });
    const json* changes = body.contains("dormant_days") ? &body.at("dormant_days") : nullptr;
    if (changes && !changes->is_object())
        error.fields.push_back(
            { "dormant_days", "invalid_type", "must be an object of level: days" });
    else if (changes)
        for (auto entry = changes->begin(); entry != changes->end(); ++entry) {
            const auto& level = entry.key();
            const auto& days = entry.value();
            auto path = "dormant_days." + level;
            if (level.empty() || text::code_points(level) > 50)
                error.fields.push_back(
                    { path, "invalid_level", "must be a level code of 1 to 50 characters" });
            else if (days.is_null() && level == "default")
                error.fields.push_back({ path, "required", "the default cannot be removed" });
            else if (!days.is_null()
                && (!days.is_number_integer() || days.get<int64_t>() < 1
                    || days.get<int64_t>() > 3650))
                error.fields.push_back({ path, "out_of_range",
                    "must be a whole number of days from 1 to 3650, or null" });
        }
    if (!error.fields.empty())
        return error;

    return database.write([&](Connection& connection) -> Result<json> {
        // a threshold for a level the tenant does not have would never apply
        std::set<std::string> levels = { "default" };
        for (const auto& row : connection.query(
                 "SELECT code FROM lists_of_values WHERE tenant_id = ? AND list_name = 'levels'",
                 { context.tenant_id }))
            levels.insert(row.str(0));
        if (levels.size() == 1)
            for (const auto& item : customers::default_list_items("levels", "en"))
                levels.insert(item.code);
        if (changes)
            for (auto entry = changes->begin(); entry != changes->end(); ++entry)
                if (!entry->is_null() && !levels.count(entry.key()))
                    error.fields.push_back({ "dormant_days." + entry.key(), "unknown_level",
                        "is not a level of this company's customer levels" });
        if (!error.fields.empty())
            return error;
        auto days = effective_dormant_days(connection, context.tenant_id);
        if (changes)
            for (auto entry = changes->begin(); entry != changes->end(); ++entry) {
                // null removes a level's own threshold: it falls back to the default
                if (entry->is_null())
                    days.erase(entry.key());
                else
                    days[entry.key()] = *entry;
            }
        store::save_dormant_days(connection, context.tenant_id, days);
        return json { { "dormant_days", days } };
    });
}

} // namespace rapport::activities
