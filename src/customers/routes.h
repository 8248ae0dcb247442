// HTTP routes of the customers domain: customers, suppliers, their contacts, employees.
#pragma once

#include "db/database.h"
#include "http/router.h"

#include <memory>

namespace rapport::customers {

void register_routes(http::Router& router, std::shared_ptr<db::Database> database);

} // namespace rapport::customers
