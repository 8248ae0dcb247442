// HTTP routes of the activities domain: the contact log, reminders ("Today") and their settings,
// the iCalendar feed and contact analysis (docs/api.md: Activities (contact history), Reminders
// ("Today") and the calendar feed, Contact analysis).
#pragma once

#include "db/database.h"
#include "http/router.h"

#include <memory>

namespace rapport::activities {

// Everything the domain adds outside its routes, once, before any tenant is created: the
// permissions of the default roles, the "contact" reminder provider and the merge hook.
void register_activities_domain();

void register_activity_routes(http::Router& router, std::shared_ptr<db::Database> database);

} // namespace rapport::activities
