// HTTP routes of the auth domain: sign-up, sessions, tenant settings, branches, users, roles.
#pragma once

#include "db/database.h"
#include "http/router.h"

#include <memory>

namespace rapport::auth {

void register_routes(http::Router& router, std::shared_ptr<db::Database> database);

} // namespace rapport::auth
