// Merging two parties keeps one and moves everything that refers to the other onto it. Each domain
// that keeps rows pointing at parties (contacts here; activities, audit entries, later documents)
// registers a hook at start-up; merge runs them all in its one transaction.
#pragma once

#include "db/database.h"

#include <functional>
#include <string>

namespace rapport::customers {

// Moves the domain's rows of party `from_id` onto `into_id` (both of `tenant_id`).
using MergeHook
    = std::function<void(db::Connection&, int64_t tenant_id, int64_t from_id, int64_t into_id)>;

void register_merge_hook(const std::string& name, MergeHook hook);
void run_merge_hooks(
    db::Connection& connection, int64_t tenant_id, int64_t from_id, int64_t into_id);

} // namespace rapport::customers
