#include "customers/merge_hooks.h"

#include <map>
#include <mutex>

namespace rapport::customers {

namespace {

std::mutex hooks_mutex;

std::map<std::string, MergeHook>& hooks()
{
    static std::map<std::string, MergeHook> registered;
    return registered;
}

} // namespace

void register_merge_hook(const std::string& name, MergeHook hook)
{
    std::lock_guard lock(hooks_mutex);
    hooks()[name] = std::move(hook);
}

void run_merge_hooks(
    db::Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id)
{
    std::lock_guard lock(hooks_mutex);
    for (const auto& [name, hook] : hooks())
        hook(connection, tenant_id, from_id, into_id);
}

} // namespace rapport::customers
