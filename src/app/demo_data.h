// The demo company behind `rapport serve --demo`: a Korean trading house with a Busan branch and
// a Shanghai office, its staff, customers, suppliers and products. Everything is generated from a
// fixed seed, so every run (and every screenshot in a bug report) shows the same company.
#pragma once

#include "core/result.h"
#include "db/database.h"

#include <cstdint>
#include <string>

namespace rapport::app {

struct DemoSignIn {
    int64_t tenant_id;
    std::string email;
    std::string password;
    bool created;
};

// Creates the demo company if no tenant named "Rapport 데모상사" exists yet, with its owner
// signing in as `email`/`password`. Idempotent: a second call changes nothing and answers the
// existing tenant with created = false. The staff sign in with the owner's password.
Result<DemoSignIn> ensure_demo_tenant(
    db::Database& database, const std::string& email, const std::string& password);

} // namespace rapport::app
