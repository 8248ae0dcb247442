// A personal iCalendar feed of next contact dates, so they show in phone and desktop calendars.
// Calendar apps cannot sign in: the feed's URL carries a secret, stored only as its hash.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/request.h"

#include <string>

namespace rapport::activities {

// A new feed secret for the signed-in user in this tenant; the previous one stops working (the way
// to revoke a URL that leaked). Answers the path of the feed, /api/v1/calendar/<secret>.ics.
Result<std::string> issue_calendar_feed(
    db::Database& database, const http::RequestContext& context);

// The feed named by its file name ("<secret>.ics"): one all-day event per next contact date of the
// customers its owner may see now. Unknown secrets are not_found.
Result<std::string> calendar_feed(db::Database& database, const std::string& file_name);

} // namespace rapport::activities
