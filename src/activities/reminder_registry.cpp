#include "activities/reminder_registry.h"

#include <mutex>

namespace rapport::activities {

namespace {

std::mutex providers_mutex;

std::vector<std::pair<std::string, ReminderProvider>>& providers()
{
    static std::vector<std::pair<std::string, ReminderProvider>> registered;
    return registered;
}

} // namespace

void register_reminder_provider(const std::string& kind, ReminderProvider provider)
{
    std::lock_guard lock(providers_mutex);
    for (auto& [name, existing] : providers())
        if (name == kind) {
            existing = std::move(provider);
            return;
        }
    providers().emplace_back(kind, std::move(provider));
}

std::vector<nlohmann::json> collect_reminders(db::Connection& connection, const http::RequestContext& context,
    const ReminderQuery& query)
{
    std::vector<std::pair<std::string, ReminderProvider>> snapshot;
    {
        std::lock_guard lock(providers_mutex);
        snapshot = providers();
    }
    std::vector<nlohmann::json> items;
    for (const auto& [kind, provider] : snapshot)
        for (auto& item : provider(connection, context, query))
            items.push_back(std::move(item));
    return items;
}

} // namespace rapport::activities
