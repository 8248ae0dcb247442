// Tenants, users, memberships, roles and permissions, sessions and API tokens.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/request.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rapport::auth {

struct TenantSettings {
    std::string name;
    std::string currency;
    std::string timezone;
    std::string locale;
};

struct NewAccount {
    std::string name;
    std::string email;
    std::string password;
};

struct CreatedTenant {
    int64_t tenant_id = 0;
    int64_t user_id = 0;
};

// The roles every tenant starts with, with their data scope and permissions (stored as data, so
// later domains add permissions by migration or settings, not code).
struct RoleDefinition {
    std::string code;
    std::string scope;
    std::vector<std::string> permissions;
};
const std::vector<RoleDefinition>& default_roles();
// Lets a later domain grant its permissions to the default roles of every new tenant.
void add_default_permissions(const std::string& role, const std::vector<std::string>& permissions);

Status validate_tenant_settings(const TenantSettings& settings, const std::string& prefix = "");
Status validate_password(const std::string& password, const std::string& path);

// Creates a tenant with its roles and its first user (the owner). An existing user (same e-mail)
// becomes the owner only if `password` is theirs.
Result<CreatedTenant> create_tenant(
    db::Database& database, const TenantSettings& settings, const NewAccount& owner);

// Adds a user to a tenant with a role; a new identity is created when the e-mail is unknown.
Result<int64_t> add_member(db::Database& database, int64_t tenant_id, const NewAccount& account,
    const std::string& role, std::optional<int64_t> branch_id);

struct SignedIn {
    std::string session_token;
    int64_t tenant_id = 0;
    int64_t user_id = 0;
};
// Checks e-mail and password without saying which was wrong; slows down repeated failures.
Result<SignedIn> sign_in(
    db::Database& database, const std::string& email, const std::string& password);
Result<SignedIn> open_session(db::Database& database, int64_t user_id, int64_t tenant_id);
Status end_session(db::Database& database, const std::string& token_hash);
Status switch_tenant(db::Database& database, http::RequestContext& context, int64_t tenant_id);

Result<std::string> create_api_token(
    db::Database& database, int64_t tenant_id, const std::string& email, const std::string& name);

// What an active member may do in a tenant (role, scope, branch, locale, permissions), as a
// request of theirs would carry it; nothing when the user is no active member there.
std::optional<http::RequestContext> member_context(
    db::Connection& connection, int64_t tenant_id, int64_t user_id);
// The tenant's IANA time zone ("UTC" for an unknown tenant).
std::string tenant_time_zone(db::Connection& connection, int64_t tenant_id);

// Fills the request's context from its session cookie or bearer token; checks CSRF on writes.
Status authenticate(db::Database& database, http::Request& request);

// The session answer: user, tenant, role, permissions, scope, tenants, CSRF token.
nlohmann::json session_json(db::Database& database, const http::RequestContext& context);

Status require(const http::RequestContext& context, const std::string& permission);

constexpr const char* session_cookie = "rapport_session";

} // namespace rapport::auth
