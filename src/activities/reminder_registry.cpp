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

ReminderAnswer collect_reminders(
    db::Connection& connection, const http::RequestContext& context, const ReminderQuery& query)
{
    std::vector<std::pair<std::string, ReminderProvider>> snapshot;
    {
        std::lock_guard lock(providers_mutex);
        snapshot = providers();
    }
    ReminderAnswer all;
    for (const auto& [kind, provider] : snapshot) {
        auto answer = provider(connection, context, query);
        for (auto& item : answer.items)
            all.items.push_back(std::move(item));
        for (const auto& [group, count] : answer.counts)
            all.counts[group] += count;
    }
    return all;
}

} // namespace rapport::activities
