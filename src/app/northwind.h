// The Northwind sample as a demo company, loaded through the generic import with the mapping
// files of examples/northwind/ — the same path any tenant's own files take.
#pragma once

#include "app/demo_data.h"

#include <ostream>

namespace rapport::app {

// Creates "Northwind Traders" (USD, America/Los_Angeles, en) with its owner, or finds it when the
// owner already has it, then imports employees, suppliers, customers and products from `folder`.
Result<DemoSignIn> load_northwind(db::Database& database, const std::string& folder,
    const std::string& email, const std::string& password, std::ostream& log);

} // namespace rapport::app
