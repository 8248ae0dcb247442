// HTTP routes of the customer relationship: ownership and transfers, the pool and its settings,
// custom field definitions and the audit trail.
#pragma once

#include "db/database.h"
#include "http/router.h"

#include <memory>

namespace rapport::customers {

// Grants customers.transfer to owner, admin and manager of new tenants and registers the merge
// hooks that move audit entries, owner history and pool events; once per process, before any
// tenant is created.
void register_relationship_domain();

void register_relationship_routes(http::Router& router, std::shared_ptr<db::Database> database);

} // namespace rapport::customers
