#include "auth/service.h"

#include "auth/passwords.h"
#include "core/clock.h"
#include "core/locale_data.h"
#include "core/text.h"
#include "http/guards.h"

#include <chrono>
#include <mutex>
#include <thread>

namespace rapport::auth {

namespace {

using db::Connection;

std::vector<std::string> all_actions(const std::string& domain)
{
    std::vector<std::string> out;
    for (const char* action : { "read", "create", "edit", "delete", "export" })
        out.push_back(domain + "." + action);
    return out;
}

std::vector<std::string> join(std::initializer_list<std::vector<std::string>> lists)
{
    std::vector<std::string> out;
    for (const auto& list : lists)
        out.insert(out.end(), list.begin(), list.end());
    return out;
}

std::mutex roles_mutex;

std::vector<RoleDefinition>& roles_table()
{
    static std::vector<RoleDefinition> roles = {
        { "owner", "all",
            join({ all_actions("customers"), all_actions("suppliers"), all_actions("products"),
                all_actions("employees"), all_actions("imports"), all_actions("settings"),
                all_actions("users") }) },
        { "admin", "all",
            join({ all_actions("customers"), all_actions("suppliers"), all_actions("products"),
                all_actions("employees"), all_actions("imports"), all_actions("settings"),
                all_actions("users") }) },
        { "manager", "branch",
            join({ all_actions("customers"), all_actions("suppliers"), all_actions("products"),
                all_actions("employees"), all_actions("imports"),
                { "settings.read", "users.read" } }) },
        { "sales_rep", "own",
            { "customers.read", "customers.create", "customers.edit", "customers.export",
                "suppliers.read", "products.read", "employees.read", "imports.read",
                "imports.create" } },
        { "order_clerk", "all",
            { "customers.read", "suppliers.read", "products.read", "employees.read" } },
        { "finance", "all",
            join({ { "customers.read", "customers.export", "products.read", "employees.read" },
                all_actions("suppliers") }) },
        { "purchasing", "all",
            join({ { "customers.read", "employees.read" }, all_actions("suppliers"),
                all_actions("products"), { "imports.read", "imports.create" } }) },
        { "read_only", "all",
            { "customers.read", "suppliers.read", "products.read", "employees.read" } },
    };
    return roles;
}

std::string normalise_email(const std::string& email)
{
    return text::fold(text::trim(email));
}

std::optional<int64_t> find_user(Connection& connection, const std::string& email)
{
    auto row
        = connection.query_one("SELECT id FROM users WHERE email = ?", { normalise_email(email) });
    return row ? std::optional<int64_t>(row->i64(0)) : std::nullopt;
}

// Inserts the default roles and their permissions for a new tenant.
void seed_roles(Connection& connection, int64_t tenant_id)
{
    std::lock_guard lock(roles_mutex);
    for (const auto& role : roles_table()) {
        int64_t role_id = connection.next_id();
        connection.execute("INSERT INTO roles (tenant_id, id, code, scope) VALUES (?, ?, ?, ?)",
            { tenant_id, role_id, role.code, role.scope });
        for (const auto& permission : role.permissions)
            connection.execute(
                "INSERT INTO role_permissions (tenant_id, role_id, permission) VALUES (?, ?, ?)",
                { tenant_id, role_id, permission });
    }
}

Result<int64_t> add_member_in(Connection& connection, int64_t tenant_id, const NewAccount& account,
    const std::string& role, std::optional<int64_t> branch_id, bool existing_needs_password)
{
    auto role_row = connection.query_one(
        "SELECT id FROM roles WHERE tenant_id = ? AND code = ?", { tenant_id, role });
    if (!role_row)
        return Error::invalid("role", "invalid_choice", "is not a role of this company");
    if (branch_id
        && !connection.query_one(
            "SELECT id FROM branches WHERE tenant_id = ? AND id = ?", { tenant_id, *branch_id }))
        return Error::invalid("branch_id", "not_found", "is not a branch of this company");

    auto user_id = find_user(connection, account.email);
    if (user_id) {
        if (existing_needs_password) {
            auto hash = connection.query_one(
                "SELECT password_hash FROM users WHERE id = ?", { *user_id });
            if (!verify_password(account.password, hash->str(0)))
                return Error::make(ErrorCode::conflict, "email_taken",
                    "This e-mail address already has an account; sign in with its password to add "
                    "a company.");
        }
        if (connection.query_one(
                "SELECT user_id FROM memberships WHERE tenant_id = ? AND user_id = ?",
                { tenant_id, *user_id }))
            return Error::make(
                ErrorCode::conflict, "already_member", "This user already belongs to the company.");
    } else {
        user_id = connection.next_id();
        connection.execute(
            "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
            { *user_id, normalise_email(account.email), account.name,
                hash_password(account.password), clock::now_iso() });
    }
    connection.execute(
        "INSERT INTO memberships (tenant_id, user_id, role_id, branch_id, active, created_at) "
        "VALUES (?, ?, ?, ?, 1, ?)",
        { tenant_id, *user_id, role_row->i64(0), db::nullable(branch_id), clock::now_iso() });
    return *user_id;
}

// Repeated failures for one e-mail make it wait: 1 s after the 5th, doubling up to 5 minutes.
std::chrono::seconds sign_in_delay(int64_t failures)
{
    if (failures < 5)
        return std::chrono::seconds(0);
    int64_t delay = 1LL << std::min<int64_t>(failures - 5, 8);
    return std::chrono::seconds(std::min<int64_t>(delay, 300));
}

int64_t seconds_since(const std::string& iso_instant)
{
    std::tm parts {};
    if (!strptime(iso_instant.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts))
        return INT64_MAX;
    auto then = std::chrono::system_clock::from_time_t(timegm(&parts));
    return std::chrono::duration_cast<std::chrono::seconds>(clock::now() - then).count();
}

} // namespace

const std::vector<RoleDefinition>& default_roles()
{
    return roles_table();
}

void add_default_permissions(const std::string& role, const std::vector<std::string>& permissions)
{
    std::lock_guard lock(roles_mutex);
    for (auto& definition : roles_table())
        if (definition.code == role)
            definition.permissions.insert(
                definition.permissions.end(), permissions.begin(), permissions.end());
}

Status validate_tenant_settings(const TenantSettings& settings, const std::string& prefix)
{
    Error error { ErrorCode::invalid_input, "The request has invalid fields.", {},
        "invalid_fields" };
    auto add = [&](const std::string& field, const std::string& code, const std::string& message) {
        error.fields.push_back({ prefix + field, code, message });
    };
    if (settings.name.empty())
        add("name", "required", "is required");
    else if (text::code_points(settings.name) > 200)
        add("name", "too_long", "must be at most 200 characters");
    if (!is_currency(settings.currency))
        add("currency", "invalid_currency",
            "must be an ISO 4217 currency code such as KRW, CNY or USD");
    if (!is_time_zone(settings.timezone))
        add("timezone", "invalid_timezone", "must be an IANA time zone such as Asia/Seoul");
    if (!is_supported_locale(settings.locale))
        add("locale", "invalid_choice", "must be one of ko, zh-CN, en");
    if (!error.fields.empty())
        return error;
    return Ok {};
}

Status validate_password(const std::string& password, const std::string& path)
{
    if (text::code_points(password) < 8)
        return Error::invalid(path, "too_short", "must be at least 8 characters");
    if (password.size() > 512)
        return Error::invalid(path, "too_long", "must be at most 512 bytes");
    return Ok {};
}

Result<CreatedTenant> create_tenant(
    db::Database& database, const TenantSettings& settings, const NewAccount& owner)
{
    if (auto valid = validate_tenant_settings(settings); !valid)
        return valid.take_error();
    if (!text::is_email(owner.email))
        return Error::invalid("email", "invalid_email", "is not an e-mail address");
    if (auto valid = validate_password(owner.password, "password"); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<CreatedTenant> {
        auto now = clock::now_iso();
        int64_t tenant_id = connection.next_id();
        connection.execute("INSERT INTO tenants (id, name, currency, timezone, locale, created_at, "
                           "updated_at, version) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            { tenant_id, settings.name, settings.currency, settings.timezone, settings.locale, now,
                now });
        int64_t branch_id = connection.next_id();
        connection.execute("INSERT INTO branches (tenant_id, id, code, name, created_at) VALUES "
                           "(?, ?, 'HQ', ?, ?)",
            { tenant_id, branch_id,
                std::string(settings.locale == "ko"  ? "본사"
                        : settings.locale == "zh-CN" ? "总部"
                                                     : "Head office"),
                now });
        seed_roles(connection, tenant_id);
        auto user_id = add_member_in(connection, tenant_id, owner, "owner", branch_id, true);
        if (!user_id)
            return user_id.take_error();
        return CreatedTenant { tenant_id, *user_id };
    });
}

Result<int64_t> add_member(db::Database& database, int64_t tenant_id, const NewAccount& account,
    const std::string& role, std::optional<int64_t> branch_id)
{
    return database.write([&](Connection& connection) -> Result<int64_t> {
        return add_member_in(connection, tenant_id, account, role, branch_id, false);
    });
}

Result<SignedIn> open_session(db::Database& database, int64_t user_id, int64_t tenant_id)
{
    SignedIn session { text::random_token(32), tenant_id, user_id };
    auto expires = clock::iso_instant(clock::now() + std::chrono::hours(24 * 14));
    auto stored = database.write([&](Connection& connection) -> Result<Ok> {
        connection.execute("INSERT INTO sessions (token_hash, user_id, tenant_id, csrf_token, "
                           "created_at, expires_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
            { text::sha256_hex(session.session_token), user_id, tenant_id, text::random_token(24),
                clock::now_iso(), expires });
        return Ok {};
    });
    if (!stored)
        return stored.take_error();
    return session;
}

Result<SignedIn> sign_in(
    db::Database& database, const std::string& email, const std::string& password)
{
    auto key = normalise_email(email);
    auto refused = Error::make(ErrorCode::unauthenticated, "invalid_credentials",
        "The e-mail address or the password is wrong.");

    auto user = database.read([&](Connection& connection) {
        return connection.query_one(
            "SELECT u.id, u.password_hash, f.failures, f.last_failure_at FROM users u "
            "LEFT JOIN sign_in_failures f ON f.email = u.email WHERE u.email = ?",
            { key });
    });
    auto failures = user && !user->is_null(2) ? user->i64(2) : 0;
    if (failures >= 5 && seconds_since(user->str(3)) < sign_in_delay(failures).count())
        return Error::make(ErrorCode::too_many_requests, "sign_in_throttled",
            "Too many failed sign-ins for this e-mail address; wait a little and try again.");

    // an unknown e-mail costs the same time as a wrong password
    static const std::string decoy = hash_password("decoy password, never matches");
    bool matches = verify_password(password, user ? user->str(1) : decoy) && user;
    if (!matches) {
        if (user) {
            auto counted = database.write([&](Connection& connection) -> Result<Ok> {
                auto now = clock::now_iso();
                if (connection.execute("UPDATE sign_in_failures SET failures = failures + 1, "
                                       "last_failure_at = ? WHERE email = ?",
                        { now, key })
                    == 0)
                    connection.execute("INSERT INTO sign_in_failures (email, failures, "
                                       "last_failure_at) VALUES (?, 1, ?)",
                        { key, now });
                return Ok {};
            });
            if (!counted)
                return counted.take_error();
        }
        return refused;
    }

    int64_t user_id = user->i64(0);
    auto tenant = database.read([&](Connection& connection) {
        return connection.query_one(
            "SELECT tenant_id FROM memberships WHERE user_id = ? AND active = 1 "
            "ORDER BY created_at, tenant_id LIMIT 1",
            { user_id });
    });
    if (!tenant)
        return refused;
    auto cleared = database.write([&](Connection& connection) -> Result<Ok> {
        connection.execute("DELETE FROM sign_in_failures WHERE email = ?", { key });
        return Ok {};
    });
    if (!cleared)
        return cleared.take_error();
    return open_session(database, user_id, tenant->i64(0));
}

Status end_session(db::Database& database, const std::string& token_hash)
{
    return database.write([&](Connection& connection) -> Result<Ok> {
        connection.execute("DELETE FROM sessions WHERE token_hash = ?", { token_hash });
        return Ok {};
    });
}

Status switch_tenant(db::Database& database, http::RequestContext& context, int64_t tenant_id)
{
    if (context.session_token_hash.empty())
        return Error::make(
            ErrorCode::forbidden, "token_bound_to_tenant", "An API token belongs to one company.");
    return database.write([&](Connection& connection) -> Result<Ok> {
        if (!connection.query_one("SELECT user_id FROM memberships WHERE tenant_id = ? AND user_id "
                                  "= ? AND active = 1",
                { tenant_id, context.user_id }))
            return Error::make(ErrorCode::not_found, "not_found", "No such company.");
        connection.execute("UPDATE sessions SET tenant_id = ? WHERE token_hash = ?",
            { tenant_id, context.session_token_hash });
        return Ok {};
    });
}

Result<std::string> create_api_token(
    db::Database& database, int64_t tenant_id, const std::string& email, const std::string& name)
{
    return database.write([&](Connection& connection) -> Result<std::string> {
        auto member = connection.query_one(
            "SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id "
            "WHERE m.tenant_id = ? AND u.email = ? AND m.active = 1",
            { tenant_id, normalise_email(email) });
        if (!member)
            return Error::make(ErrorCode::not_found, "not_found", "No such user in this company.");
        auto token = "rpt_" + text::random_token(32);
        connection.execute("INSERT INTO api_tokens (token_hash, user_id, tenant_id, name, "
                           "created_at) VALUES (?, ?, ?, ?, ?)",
            { text::sha256_hex(token), member->i64(0), tenant_id, name, clock::now_iso() });
        return token;
    });
}

std::optional<http::RequestContext> member_context(
    Connection& connection, int64_t tenant_id, int64_t user_id)
{
    auto member = connection.query_one(
        "SELECT r.code, r.scope, m.branch_id, t.locale, r.id FROM memberships m "
        "JOIN roles r ON r.tenant_id = m.tenant_id AND r.id = m.role_id "
        "JOIN tenants t ON t.id = m.tenant_id WHERE m.tenant_id = ? AND m.user_id = ? AND "
        "m.active = 1",
        { tenant_id, user_id });
    if (!member)
        return std::nullopt;
    http::RequestContext context;
    context.tenant_id = tenant_id;
    context.user_id = user_id;
    context.role = member->str(0);
    context.scope = member->str(1);
    context.branch_id = member->opt_i64(2);
    context.locale = member->str(3);
    for (const auto& row : connection.query(
             "SELECT permission FROM role_permissions WHERE tenant_id = ? AND role_id = ?",
             { tenant_id, member->i64(4) }))
        context.permissions.insert(row.str(0));
    return context;
}

std::string tenant_time_zone(Connection& connection, int64_t tenant_id)
{
    auto row = connection.query_one("SELECT timezone FROM tenants WHERE id = ?", { tenant_id });
    return row ? row->str(0) : std::string("UTC");
}

Status authenticate(db::Database& database, http::Request& request)
{
    auto& context = request.context;
    auto unauthenticated
        = Error::make(ErrorCode::unauthenticated, "unauthenticated", "Sign in first.");
    auto authorization = request.header("Authorization");

    std::optional<db::Row> identity;
    database.read([&](Connection& connection) {
        if (authorization && authorization->rfind("Bearer ", 0) == 0) {
            identity = connection.query_one(
                "SELECT user_id, tenant_id, '' FROM api_tokens WHERE token_hash = ?",
                { text::sha256_hex(text::trim(authorization->substr(7))) });
            context.via_api_token = true;
        } else if (auto token = request.cookie(session_cookie); !token.empty()) {
            context.session_token_hash = text::sha256_hex(token);
            identity = connection.query_one("SELECT user_id, tenant_id, csrf_token FROM sessions "
                                            "WHERE token_hash = ? AND expires_at > ?",
                { context.session_token_hash, clock::now_iso() });
        }
        if (!identity)
            return;
        auto member = member_context(connection, identity->i64(1), identity->i64(0));
        if (!member) {
            identity.reset();
            return;
        }
        member->via_api_token = context.via_api_token;
        member->session_token_hash = context.session_token_hash;
        member->csrf_token = identity->str(2);
        context = std::move(*member);
    });
    if (!identity) {
        context = {};
        return unauthenticated;
    }

    // a cookie rides along on cross-site requests; a state change must prove it comes from the app
    bool changes_state = request.method != "GET" && request.method != "HEAD";
    if (changes_state && !context.via_api_token
        && request.header("X-CSRF-Token").value_or("") != context.csrf_token)
        return Error::make(ErrorCode::csrf_failed, "csrf_failed",
            "The request lacks the X-CSRF-Token of the session.");
    return Ok {};
}

nlohmann::json session_json(db::Database& database, const http::RequestContext& context)
{
    return database.read([&](Connection& connection) {
        auto user = connection.query_one(
            "SELECT id, email, name FROM users WHERE id = ?", { context.user_id });
        auto tenant = connection.query_one(
            "SELECT id, name, currency, timezone, locale FROM tenants WHERE id = ?",
            { context.tenant_id });
        nlohmann::json tenants = nlohmann::json::array();
        for (const auto& row :
            connection.query("SELECT t.id, t.name, r.code FROM memberships m JOIN tenants t ON "
                             "t.id = m.tenant_id "
                             "JOIN roles r ON r.tenant_id = m.tenant_id AND r.id = m.role_id "
                             "WHERE m.user_id = ? AND m.active = 1 ORDER BY t.name, t.id",
                { context.user_id }))
            tenants.push_back(
                { { "id", row.i64(0) }, { "name", row.str(1) }, { "role", row.str(2) } });
        nlohmann::json body = {
            { "user",
                { { "id", user->i64(0) }, { "email", user->str(1) }, { "name", user->str(2) } } },
            { "tenant",
                { { "id", tenant->i64(0) }, { "name", tenant->str(1) },
                    { "currency", tenant->str(2) }, { "timezone", tenant->str(3) },
                    { "locale", tenant->str(4) },
                    { "currency_digits", currency_minor_digits(tenant->str(2)) } } },
            { "role", context.role },
            { "scope", context.scope },
            { "permissions", context.permissions },
            { "tenants", tenants },
            { "branch_id",
                context.branch_id ? nlohmann::json(*context.branch_id) : nlohmann::json() },
        };
        if (!context.via_api_token)
            body["csrf_token"] = context.csrf_token;
        return body;
    });
}

Status require(const http::RequestContext& context, const std::string& permission)
{
    return http::require_permission(context, permission);
}

} // namespace rapport::auth
