// Routes of the lists of values.
#include "customers/lists.h"
#include "http/guards.h"

namespace rapport::customers {

void register_list_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    using http::permitted;
    using http::Request;
    using http::respond;
    using http::Response;
    using http::with_body;
    using http::with_id;
    using nlohmann::json;
    const std::string base = "/api/v1/lists";

    // every form that offers a level or an activity type needs the lists, so reading them takes
    // either the settings right or the right to read customers
    router.get(base, "settings",
        "Lists of values: levels, sources, industries, regions, activity types",
        [database](Request& request) {
            if (!request.context.can("settings.read"))
                if (auto allowed = http::require_permission(request.context, "customers.read");
                    !allowed)
                    return Response::problem(allowed.error());
            return respond(get_lists(*database, request.context));
        });
    router.post(base + "/{list}", "settings", "Add an item to a list of values",
        permitted("settings.edit", [database](Request& request) {
            return with_body(request, [&](const json& body) {
                return respond(
                    add_list_item(*database, request.context, request.params["list"], body), 201);
            });
        }));
    router.patch(base + "/{list}/{id}", "settings",
        "Change the label, position or active flag of a list item",
        permitted("settings.edit", [database](Request& request) {
            return with_id(request, [&](int64_t id) {
                std::optional<int64_t> version;
                if (request.header("If-Match")) {
                    auto parsed = http::if_match_version(request);
                    if (!parsed)
                        return Response::problem(parsed.error());
                    version = *parsed;
                }
                return with_body(request, [&](const json& body) {
                    return respond(update_list_item(
                        *database, request.context, request.params["list"], id, version, body));
                });
            });
        }));
}

} // namespace rapport::customers
