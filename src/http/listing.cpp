#include "http/listing.h"

#include <nlohmann/json.hpp>

namespace rapport::http {

namespace {

std::string to_hex(const std::string& text)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : text) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

std::optional<std::string> from_hex(const std::string& text)
{
    if (text.size() % 2)
        return std::nullopt;
    std::string out;
    for (size_t i = 0; i < text.size(); i += 2) {
        auto nibble = [](char c) {
            return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        };
        int high = nibble(text[i]), low = nibble(text[i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out.push_back(static_cast<char>(high * 16 + low));
    }
    return out;
}

} // namespace

std::string make_cursor(const std::string& sort_value, int64_t id)
{
    return to_hex(nlohmann::json::array({ sort_value, id }).dump());
}

Result<ListOrder> read_list_order(const Request& request,
    const std::map<std::string, std::string>& columns, const std::string& default_sort)
{
    ListOrder order;
    auto sort = request.query_value("sort").value_or(default_sort);
    order.descending = !sort.empty() && sort.front() == '-';
    auto key = order.descending ? sort.substr(1) : sort;
    auto column = columns.find(key);
    if (column == columns.end()) {
        std::string allowed;
        for (const auto& [name, expression] : columns)
            allowed += (allowed.empty() ? "" : ", ") + name;
        return Error::invalid(
            "sort", "invalid_choice", "must be one of " + allowed + " (with - for descending)");
    }
    order.column = column->second;

    if (auto limit = request.query_value("limit")) {
        try {
            size_t used = 0;
            order.limit = std::stoi(*limit, &used);
            if (used != limit->size() || order.limit < 1 || order.limit > 500)
                throw std::out_of_range("limit");
        } catch (const std::exception&) {
            return Error::invalid("limit", "out_of_range", "must be a whole number from 1 to 500");
        }
    }
    if (auto cursor = request.query_value("cursor"); cursor && !cursor->empty()) {
        auto decoded = from_hex(*cursor);
        auto parsed = decoded ? nlohmann::json::parse(*decoded, nullptr, false) : nlohmann::json();
        if (!parsed.is_array() || parsed.size() != 2 || !parsed[0].is_string()
            || !parsed[1].is_number_integer())
            return Error::invalid("cursor", "invalid_cursor", "is not a cursor from this list");
        order.after_value = parsed[0].get<std::string>();
        order.after_id = parsed[1].get<int64_t>();
    }
    return order;
}

std::string keyset_clause(
    const ListOrder& order, const std::string& id_column, std::string& where, db::Params& params)
{
    auto sort = "COALESCE(" + order.column + ", '')";
    const char* direction = order.descending ? "<" : ">";
    if (order.after_value) {
        where += " AND (" + sort + " " + direction + " ? OR (" + sort + " = ? AND " + id_column
            + " " + direction + " ?))";
        params.push_back(*order.after_value);
        params.push_back(*order.after_value);
        params.push_back(order.after_id);
    }
    const char* keyword = order.descending ? " DESC" : "";
    return " ORDER BY " + sort + keyword + ", " + id_column + keyword + " LIMIT "
        + std::to_string(order.limit + 1);
}

} // namespace rapport::http
