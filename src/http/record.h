// A record's fields described once — JSON name, column, kind, limits — and used both to validate
// request bodies into column values and to turn rows back into JSON. Every domain's plain
// records (parties, contacts, products, employees) go through it.
#pragma once

#include "core/result.h"
#include "db/database.h"
#include "http/json_input.h"

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace rapport::http {

enum class FieldKind {
    text,
    email,
    date,
    integer, // also money in minor units
    boolean, // stored 0/1
    choice,
    decimal, // a string in JSON, an integer of 10^-scale units in the database
    tags, // ["vip", "export"]
    phones, // [{"type":"mobile","number":"010-1234-5678"}]
    emails, // [{"type":"work","address":"kim@example.com"}]
    messengers, // [{"type":"kakaotalk","id":"kim01"}]
    address, // {"line1","line2","city","region","postal_code","country"}
};

struct FieldSpec {
    std::string name;
    FieldKind kind = FieldKind::text;
    bool required = false;
    size_t max_length = 200;
    std::set<std::string> choices = {};
    int scale = 0; // decimal
    int min_fraction = 0; // decimal, when formatted
    int64_t minimum = INT64_MIN;
    int64_t maximum = INT64_MAX;
};

using ColumnValues = std::vector<std::pair<std::string, db::Param>>;

// Reads the fields of `specs` that are present (all of them when creating, where required fields
// must be there) into column values; problems go into `input`.
ColumnValues read_fields(JsonInput& input, const std::vector<FieldSpec>& specs, bool creating);
// The value of one field read from a plain value (imports use this with text cells).
Result<db::Param> read_text_field(const FieldSpec& spec, const std::string& text);
// Copies the spec's columns of `row` (selected by name) into `out`.
void write_fields(nlohmann::json& out, const db::Row& row, const std::vector<FieldSpec>& specs);
// "a.code, a.name, …" for a SELECT.
std::string column_list(const std::vector<FieldSpec>& specs, const std::string& alias);
const FieldSpec* find_field(const std::vector<FieldSpec>& specs, const std::string& name);

} // namespace rapport::http
