#include "activities/calendar.h"

#include "activities/store.h"
#include "core/text.h"
#include "customers/parties.h"

#include <libical/ical.h>
#include <memory>

namespace rapport::activities {

namespace {

using db::Connection;

Error unknown_feed()
{
    return Error::make(ErrorCode::not_found, "not_found", "No such calendar feed.");
}

std::string summary_for(const std::string& locale, const std::string& party_name)
{
    if (locale == "ko")
        return "연락: " + party_name;
    if (locale == "zh-CN")
        return "联系：" + party_name;
    return "Contact " + party_name;
}

struct CalendarDeleter {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

} // namespace

Result<std::string> issue_calendar_feed(db::Database& database, const http::RequestContext& context)
{
    auto secret = "cal_" + text::random_token(24);
    return database.write([&](Connection& connection) -> Result<std::string> {
        store::replace_calendar_token(
            connection, context.tenant_id, context.user_id, text::sha256_hex(secret));
        return "/api/v1/calendar/" + secret + ".ics";
    });
}

Result<std::string> calendar_feed(db::Database& database, const std::string& file_name)
{
    const std::string suffix = ".ics";
    if (file_name.size() <= suffix.size()
        || file_name.compare(file_name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return unknown_feed();
    auto secret = file_name.substr(0, file_name.size() - suffix.size());

    return database.read([&](Connection& connection) -> Result<std::string> {
        auto owner = store::calendar_owner(connection, text::sha256_hex(secret));
        if (!owner || !owner->can("activities.read"))
            return unknown_feed();

        // the owner's scope as it is today: a customer handed to someone else leaves this feed
        db::Params params;
        auto where = customers::visibility(*owner, customers::PartyView::customers, "p", params);
        auto rows = connection.query(
            "SELECT p.id, p.name, p.next_contact_date FROM parties p WHERE " + where
                + " AND p.archived = 0 AND p.next_contact_date IS NOT NULL "
                  "ORDER BY p.next_contact_date, p.id",
            params);

        std::unique_ptr<icalcomponent, CalendarDeleter> calendar(
            icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
        icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
        icalcomponent_add_property(
            calendar.get(), icalproperty_new_prodid("-//Rapport//Next contact dates//EN"));
        icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
        icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
        icalproperty* name = icalproperty_new_x("Rapport");
        icalproperty_set_x_name(name, "X-WR-CALNAME");
        icalcomponent_add_property(calendar.get(), name);

        auto stamp = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
        for (const auto& row : rows) {
            auto date = row.str("next_contact_date");
            auto compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
            // the same party and date always give the same UID, so calendars update instead of
            // duplicating
            auto uid = "rapport-" + std::to_string(owner->tenant_id) + "-party-"
                + std::to_string(row.i64("id")) + "-" + compact;
            icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
            icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
            icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
            auto start = icaltime_from_string(compact.c_str());
            auto end = start;
            icaltime_adjust(&end, 1, 0, 0, 0);
            icalcomponent_add_property(event, icalproperty_new_dtstart(start));
            icalcomponent_add_property(event, icalproperty_new_dtend(end));
            icalcomponent_add_property(event,
                icalproperty_new_summary(summary_for(owner->locale, row.str("name")).c_str()));
            icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
            icalcomponent_add_component(calendar.get(), event);
        }
        char* text = icalcomponent_as_ical_string_r(calendar.get());
        std::string out(text ? text : "");
        free(text);
        return out;
    });
}

} // namespace rapport::activities
