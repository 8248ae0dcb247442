// Tenant-editable lists of values: customer levels, sources, industries, regions and activity
// types. Each tenant starts with defaults in its locale, seeded the first time the lists are used.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/request.h"
#include "http/router.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rapport::customers {

// levels, sources, industries, regions, activity_types
const std::vector<std::string>& list_names();

struct DefaultItem {
    std::string code;
    std::string label;
};
// The items a new tenant starts with in `list`, labelled in `locale` (ko, zh-CN, en).
std::vector<DefaultItem> default_list_items(const std::string& list, const std::string& locale);

// {levels:[{id, code, label, position, active, version}], sources:[…], …}, ordered by position.
Result<nlohmann::json> get_lists(db::Database& database, const http::RequestContext& context);
// Adds {code, label, position?, active?} to a list; a code already in the list is 422 path code.
Result<nlohmann::json> add_list_item(db::Database& database, const http::RequestContext& context,
    const std::string& list, const nlohmann::json& body);
// Changes label, position or active; the code stays (parties refer to it).
Result<nlohmann::json> update_list_item(db::Database& database, const http::RequestContext& context,
    const std::string& list, int64_t id, std::optional<int64_t> version,
    const nlohmann::json& body);

void register_list_routes(http::Router& router, std::shared_ptr<db::Database> database);

} // namespace rapport::customers
