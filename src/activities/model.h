// The contact log: one activity per phone call, e-mail, message, visit, meeting or note with a
// customer, and the next contact date it sets (docs/api.md, Activities (contact history)).
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace rapport::activities {

// Types every tenant has; tenants add their own codes in the `activity_types` list of values.
inline const std::set<std::string>& fixed_activity_types()
{
    static const std::set<std::string> types = { "phone_call", "email", "wechat", "kakaotalk",
        "line", "messenger_other", "visit", "meeting", "note" };
    return types;
}

// Days without contact after which a customer counts as dormant, per customer level.
inline nlohmann::json default_dormant_days()
{
    return { { "A", 30 }, { "B", 60 }, { "C", 90 }, { "default", 90 } };
}

// Longest activity a user can log, in minutes (a week): longer is a typing mistake.
constexpr int64_t max_duration_minutes = 7 * 24 * 60;

} // namespace rapport::activities
