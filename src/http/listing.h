// Keyset pagination shared by every list: a stable order on one column with id as tie-breaker,
// and an opaque cursor holding the last row's sort value and id.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/request.h"

#include <map>
#include <string>

namespace rapport::http {

struct ListOrder {
    std::string column; // SQL expression to order by, e.g. "p.name"
    bool descending = false;
    int limit = 50;
    std::optional<std::string> after_value; // from the cursor
    int64_t after_id = 0;
};

// Reads `sort` (one of `columns` keys, "-" for descending), `limit` (1..500) and `cursor`.
Result<ListOrder> read_list_order(const Request& request,
    const std::map<std::string, std::string>& columns, const std::string& default_sort);
// Adds "AND (column, id) after the cursor" to `where`/`params`, and returns " ORDER BY … LIMIT
// n+1".
std::string keyset_clause(
    const ListOrder& order, const std::string& id_column, std::string& where, db::Params& params);
std::string make_cursor(const std::string& sort_value, int64_t id);

} // namespace rapport::http
