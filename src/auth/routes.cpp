#include "auth/routes.h"

#include "auth/service.h"
#include "core/clock.h"
#include "core/text.h"
#include "http/json_input.h"

namespace rapport::auth {

namespace {

using http::JsonInput;
using http::Request;
using http::Response;
using nlohmann::json;

Response with_session_cookie(Response response, const std::string& token)
{
    response.headers.emplace_back("Set-Cookie",
        std::string(session_cookie) + "=" + token
            + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600");
    return response;
}

// The session answer for a freshly opened session, built the same way as for any request.
Response session_response(db::Database& database, const SignedIn& signed_in, int status)
{
    Request request;
    request.method = "GET";
    request.headers.emplace_back(
        "Cookie", std::string(session_cookie) + "=" + signed_in.session_token);
    if (auto authenticated = authenticate(database, request); !authenticated)
        return Response::problem(authenticated.error());
    return with_session_cookie(
        Response::json(session_json(database, request.context), status), signed_in.session_token);
}

json tenant_json(const db::Row& row)
{
    return { { "id", row.i64(0) }, { "name", row.str(1) }, { "currency", row.str(2) },
        { "timezone", row.str(3) }, { "locale", row.str(4) }, { "version", row.i64(5) } };
}

std::set<std::string> role_codes()
{
    std::set<std::string> codes;
    for (const auto& role : default_roles())
        codes.insert(role.code);
    return codes;
}

json member_json(const db::Row& row)
{
    return { { "id", row.i64(0) }, { "email", row.str(1) }, { "name", row.str(2) },
        { "role", row.str(3) }, { "branch_id", row.is_null(4) ? json() : json(row.i64(4)) },
        { "active", row.i64(5) != 0 } };
}

const char* member_select
    = "SELECT u.id, u.email, u.name, r.code, m.branch_id, m.active FROM memberships m "
      "JOIN users u ON u.id = m.user_id JOIN roles r ON r.tenant_id = m.tenant_id AND r.id = "
      "m.role_id ";

} // namespace

void register_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    auto& db = *database;
    const std::string api = "/api/v1";

    router.post(
        api + "/signup", "auth", "Create a company and its owner, and sign in",
        [&db](Request& request) {
            auto body = http::parse_json_object(request);
            if (!body)
                return Response::problem(body.error());
            JsonInput input(*body);
            TenantSettings settings { input.text("company_name", true).value_or(""),
                input.text("currency", true).value_or(""),
                input.text("timezone", true).value_or(""),
                input.text("locale", true).value_or("") };
            NewAccount owner { input.text("name", true).value_or(""),
                input.email("email", true).value_or(""),
                input.raw("password") && input.raw("password")->is_string()
                    ? (*body)["password"].get<std::string>()
                    : "" };
            if (owner.password.empty())
                input.fail("password", "required", "is required");
            else if (auto valid = validate_password(owner.password, "password"); !valid)
                input.merge(valid.error());
            if (!input.failed()) {
                if (auto valid = validate_tenant_settings(settings); !valid) {
                    auto error = valid.error();
                    for (auto& field : error.fields)
                        if (field.path == "name")
                            field.path = "company_name";
                    input.merge(error);
                }
            }
            if (auto valid = input.finish(); !valid)
                return Response::problem(valid.error());

            auto created = create_tenant(db, settings, owner);
            if (!created)
                return Response::problem(created.error());
            auto session = open_session(db, created->user_id, created->tenant_id);
            return session_response(db, *session, 201);
        },
        http::Access::open);

    router
        .post(
            api + "/session", "auth", "Sign in with e-mail and password",
            [&db](Request& request) {
                auto body = http::parse_json_object(request);
                if (!body)
                    return Response::problem(body.error());
                JsonInput input(*body);
                auto email = input.text("email", true, 254);
                auto password = input.raw("password");
                if (!password || !password->is_string() || password->get<std::string>().empty())
                    input.fail("password", "required", "is required");
                if (auto valid = input.finish(); !valid)
                    return Response::problem(valid.error());
                auto signed_in = sign_in(db, *email, password->get<std::string>());
                if (!signed_in) {
                    auto response = Response::problem(signed_in.error());
                    if (response.status == 429)
                        response.headers.emplace_back("Retry-After", "5");
                    return response;
                }
                return session_response(db, *signed_in, 200);
            },
            http::Access::open)
        .success_status
        = 200;

    router.get(api + "/session", "auth", "The signed-in user, company, role and permissions",
        [&db](Request& request) { return Response::json(session_json(db, request.context)); });

    router.del(api + "/session", "auth", "Sign out", [&db](Request& request) {
        // a session that stays stored would still sign in: say so rather than clear the cookie
        if (!request.context.session_token_hash.empty())
            if (auto ended = end_session(db, request.context.session_token_hash); !ended)
                return Response::problem(ended.error());
        auto response = Response::no_content();
        response.headers.emplace_back("Set-Cookie",
            std::string(session_cookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
        return response;
    });

    router
        .post(api + "/session/tenant", "auth", "Switch the session to another company of the user",
            [&db](Request& request) {
                auto body = http::parse_json_object(request);
                if (!body)
                    return Response::problem(body.error());
                JsonInput input(*body);
                auto tenant_id = input.integer("tenant_id", true, 1);
                if (auto valid = input.finish(); !valid)
                    return Response::problem(valid.error());
                if (auto switched = switch_tenant(db, request.context, *tenant_id); !switched)
                    return Response::problem(switched.error());
                request.context = {};
                if (auto authenticated = authenticate(db, request); !authenticated)
                    return Response::problem(authenticated.error());
                return Response::json(session_json(db, request.context));
            })
        .success_status
        = 200;

    router.get(api + "/tenant", "settings", "The company's settings", [&db](Request& request) {
        if (auto allowed = require(request.context, "settings.read"); !allowed)
            return Response::problem(allowed.error());
        auto row = db.read([&](db::Connection& connection) {
            return connection.query_one(
                "SELECT id, name, currency, timezone, locale, version FROM tenants WHERE id = ?",
                { request.context.tenant_id });
        });
        return Response::json(tenant_json(*row));
    });

    router.patch(api + "/tenant", "settings",
        "Change the company's name, currency, time zone or locale", [&db](Request& request) {
            if (auto allowed = require(request.context, "settings.edit"); !allowed)
                return Response::problem(allowed.error());
            auto body = http::parse_json_object(request);
            if (!body)
                return Response::problem(body.error());
            auto result = db.write([&](db::Connection& connection) -> Result<json> {
                auto row = connection.query_one("SELECT id, name, currency, timezone, locale, "
                                                "version FROM tenants WHERE id = ?",
                    { request.context.tenant_id });
                JsonInput input(*body);
                TenantSettings settings { input.text("name").value_or(row->str(1)),
                    input.text("currency").value_or(row->str(2)),
                    input.text("timezone").value_or(row->str(3)),
                    input.text("locale").value_or(row->str(4)) };
                if (auto valid = input.finish(); !valid)
                    return valid.take_error();
                if (auto valid = validate_tenant_settings(settings); !valid)
                    return valid.take_error();
                connection.execute("UPDATE tenants SET name = ?, currency = ?, timezone = ?, "
                                   "locale = ?, updated_at = ?, "
                                   "version = version + 1 WHERE id = ?",
                    { settings.name, settings.currency, settings.timezone, settings.locale,
                        clock::now_iso(), request.context.tenant_id });
                return tenant_json(
                    *connection.query_one("SELECT id, name, currency, timezone, locale, version "
                                          "FROM tenants WHERE id = ?",
                        { request.context.tenant_id }));
            });
            return result ? Response::json(*result) : Response::problem(result.error());
        });

    router.get(api + "/branches", "settings", "The company's branches", [&db](Request& request) {
        json items = json::array();
        db.read([&](db::Connection& connection) {
            for (const auto& row : connection.query(
                     "SELECT id, code, name FROM branches WHERE tenant_id = ? ORDER BY code, id",
                     { request.context.tenant_id }))
                items.push_back(
                    { { "id", row.i64(0) }, { "code", row.str(1) }, { "name", row.str(2) } });
        });
        return Response::json({ { "items", items } });
    });

    auto save_branch = [&db](Request& request, std::optional<int64_t> id) {
        if (auto allowed = require(request.context, "settings.edit"); !allowed)
            return Response::problem(allowed.error());
        auto body = http::parse_json_object(request);
        if (!body)
            return Response::problem(body.error());
        JsonInput input(*body);
        auto code = input.text("code", !id, 20);
        auto name = input.text("name", !id, 100);
        if (auto valid = input.finish(); !valid)
            return Response::problem(valid.error());
        auto result = db.write([&](db::Connection& connection) -> Result<json> {
            auto tenant_id = request.context.tenant_id;
            if (id
                && !connection.query_one(
                    "SELECT id FROM branches WHERE tenant_id = ? AND id = ?", { tenant_id, *id }))
                return Error::make(ErrorCode::not_found, "not_found", "No such branch.");
            if (code
                && connection.query_one(
                    "SELECT id FROM branches WHERE tenant_id = ? AND code = ? AND id <> ?",
                    { tenant_id, *code, id.value_or(0) }))
                return Error::invalid("code", "taken", "another branch has this code");
            if (!id) {
                id = connection.next_id();
                connection.execute("INSERT INTO branches (tenant_id, id, code, name, created_at) "
                                   "VALUES (?, ?, ?, ?, ?)",
                    { tenant_id, *id, *code, *name, clock::now_iso() });
            } else {
                connection.execute(
                    "UPDATE branches SET code = COALESCE(?, code), name = COALESCE(?, name), "
                    "version = version + 1 WHERE tenant_id = ? AND id = ?",
                    { db::nullable(code), db::nullable(name), tenant_id, *id });
            }
            auto row = connection.query_one(
                "SELECT id, code, name FROM branches WHERE tenant_id = ? AND id = ?",
                { tenant_id, *id });
            return json { { "id", row->i64(0) }, { "code", row->str(1) }, { "name", row->str(2) } };
        });
        return result ? Response::json(*result, request.method == "POST" ? 201 : 200)
                      : Response::problem(result.error());
    };
    router.post(api + "/branches", "settings", "Add a branch",
        [save_branch](Request& request) { return save_branch(request, std::nullopt); });
    router.patch(
        api + "/branches/{id}", "settings", "Rename a branch", [save_branch](Request& request) {
            auto id = http::id_param(request);
            return id ? save_branch(request, *id) : Response::problem(id.error());
        });

    router.get(api + "/users", "users", "The company's users", [&db](Request& request) {
        if (auto allowed = require(request.context, "users.read"); !allowed)
            return Response::problem(allowed.error());
        json items = json::array();
        db.read([&](db::Connection& connection) {
            for (const auto& row : connection.query(
                     std::string(member_select) + "WHERE m.tenant_id = ? ORDER BY u.name, u.id",
                     { request.context.tenant_id }))
                items.push_back(member_json(row));
        });
        return Response::json({ { "items", items } });
    });

    router.post(api + "/users", "users", "Invite a user by setting their first password",
        [&db](Request& request) {
            if (auto allowed = require(request.context, "users.create"); !allowed)
                return Response::problem(allowed.error());
            auto body = http::parse_json_object(request);
            if (!body)
                return Response::problem(body.error());
            JsonInput input(*body);
            NewAccount account { input.text("name", true, 100).value_or(""),
                input.email("email", true).value_or(""), "" };
            auto role = input.choice("role", role_codes(), true);
            auto branch_id = input.integer("branch_id", false, 1);
            auto password = input.raw("password");
            if (!password || !password->is_string())
                input.fail("password", "required", "is required");
            else if (auto valid = validate_password(
                         account.password = password->get<std::string>(), "password");
                     !valid)
                input.merge(valid.error());
            if (role == "owner" && request.context.role != "owner")
                input.fail("role", "forbidden", "only an owner can make another owner");
            if (auto valid = input.finish(); !valid)
                return Response::problem(valid.error());
            auto user_id = add_member(db, request.context.tenant_id, account, *role, branch_id);
            if (!user_id)
                return Response::problem(user_id.error());
            auto row = db.read([&](db::Connection& connection) {
                return connection.query_one(
                    std::string(member_select) + "WHERE m.tenant_id = ? AND m.user_id = ?",
                    { request.context.tenant_id, *user_id });
            });
            return Response::json(member_json(*row), 201);
        });

    router.patch(api + "/users/{id}", "users", "Change a user's role, branch or access",
        [&db](Request& request) {
            if (auto allowed = require(request.context, "users.edit"); !allowed)
                return Response::problem(allowed.error());
            auto user_id = http::id_param(request);
            if (!user_id)
                return Response::problem(user_id.error());
            auto body = http::parse_json_object(request);
            if (!body)
                return Response::problem(body.error());
            JsonInput input(*body);
            auto role = input.choice("role", role_codes());
            auto branch_id = input.integer("branch_id", false, 1);
            auto active = input.boolean("active");
            if (role == "owner" && request.context.role != "owner")
                input.fail("role", "forbidden", "only an owner can make another owner");
            if (*user_id == request.context.user_id
                && (active == false || (role && *role != request.context.role)))
                input.fail(active == false ? "active" : "role", "self_change",
                    "you cannot demote or deactivate yourself");
            if (auto valid = input.finish(); !valid)
                return Response::problem(valid.error());
            auto tenant_id = request.context.tenant_id;
            auto result = db.write([&](db::Connection& connection) -> Result<json> {
                if (!connection.query_one(
                        "SELECT user_id FROM memberships WHERE tenant_id = ? AND user_id = ?",
                        { tenant_id, *user_id }))
                    return Error::make(
                        ErrorCode::not_found, "not_found", "No such user in this company.");
                if (role) {
                    auto role_id
                        = connection.scalar("SELECT id FROM roles WHERE tenant_id = ? AND code = ?",
                            { tenant_id, *role });
                    connection.execute(
                        "UPDATE memberships SET role_id = ? WHERE tenant_id = ? AND user_id = ?",
                        { role_id, tenant_id, *user_id });
                }
                if (branch_id) {
                    if (!connection.query_one(
                            "SELECT id FROM branches WHERE tenant_id = ? AND id = ?",
                            { tenant_id, *branch_id }))
                        return Error::invalid(
                            "branch_id", "not_found", "is not a branch of this company");
                    connection.execute(
                        "UPDATE memberships SET branch_id = ? WHERE tenant_id = ? AND user_id = ?",
                        { *branch_id, tenant_id, *user_id });
                }
                if (active)
                    connection.execute(
                        "UPDATE memberships SET active = ? WHERE tenant_id = ? AND user_id = ?",
                        { int64_t(*active ? 1 : 0), tenant_id, *user_id });
                return member_json(*connection.query_one(
                    std::string(member_select) + "WHERE m.tenant_id = ? AND m.user_id = ?",
                    { tenant_id, *user_id }));
            });
            return result ? Response::json(*result) : Response::problem(result.error());
        });

    router.get(api + "/roles", "users", "Roles with their data scope and permissions",
        [&db](Request& request) {
            json items = json::array();
            db.read([&](db::Connection& connection) {
                for (const auto& role : connection.query(
                         "SELECT id, code, scope FROM roles WHERE tenant_id = ? ORDER BY id",
                         { request.context.tenant_id })) {
                    json permissions = json::array();
                    for (const auto& row : connection.query(
                             "SELECT permission FROM role_permissions WHERE tenant_id = ? "
                             "AND role_id = ? ORDER BY permission",
                             { request.context.tenant_id, role.i64(0) }))
                        permissions.push_back(row.str(0));
                    items.push_back({ { "code", role.str(1) }, { "scope", role.str(2) },
                        { "permissions", permissions } });
                }
            });
            return Response::json({ { "items", items } });
        });
}

} // namespace rapport::auth
