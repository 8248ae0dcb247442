#include "customers/lists.h"

#include "core/clock.h"
#include "http/json_input.h"

#include <algorithm>

namespace rapport::customers {

namespace {

using db::Connection;
using nlohmann::json;

struct Labels {
    const char* code;
    const char* en;
    const char* ko;
    const char* zh;
};

const std::vector<Labels> levels = {
    { "A", "A — key account", "A (핵심 고객)", "A（重点客户）" },
    { "B", "B — regular", "B (일반 고객)", "B（普通客户）" },
    { "C", "C — occasional", "C (관리 고객)", "C（一般客户）" },
};

const std::vector<Labels> sources = {
    { "referral", "Referral", "소개", "转介绍" },
    { "website", "Website", "홈페이지", "官网" },
    { "trade_show", "Trade show", "전시회", "展会" },
    { "cold_call", "Cold call", "전화 영업", "电话开发" },
    { "advertising", "Advertising", "광고", "广告" },
    { "existing_customer", "Existing customer", "기존 거래처", "老客户" },
    { "other", "Other", "기타", "其他" },
};

const std::vector<Labels> industries = {
    { "manufacturing", "Manufacturing", "제조업", "制造业" },
    { "wholesale", "Wholesale", "도매업", "批发业" },
    { "retail", "Retail", "소매업", "零售业" },
    { "it", "IT and software", "IT·소프트웨어", "信息技术" },
    { "construction", "Construction", "건설업", "建筑业" },
    { "logistics", "Logistics", "물류·운송", "物流运输" },
    { "food", "Food and beverage", "식음료", "食品饮料" },
    { "healthcare", "Healthcare", "의료·제약", "医疗医药" },
    { "services", "Services", "서비스업", "服务业" },
    { "public", "Public sector", "공공기관", "政府机构" },
    { "other", "Other", "기타", "其他" },
};

// Regions differ by country, not only by language: a Korean company sorts customers by province,
// a Chinese one by the big regions, others by compass point until they edit the list.
const std::vector<Labels> korean_regions = {
    { "seoul", "Seoul", "서울", "首尔" },
    { "gyeonggi", "Gyeonggi", "경기", "京畿" },
    { "incheon", "Incheon", "인천", "仁川" },
    { "busan", "Busan", "부산", "釜山" },
    { "daegu", "Daegu", "대구", "大邱" },
    { "gwangju", "Gwangju", "광주", "光州" },
    { "daejeon", "Daejeon", "대전", "大田" },
    { "ulsan", "Ulsan", "울산", "蔚山" },
    { "sejong", "Sejong", "세종", "世宗" },
    { "gangwon", "Gangwon", "강원", "江原" },
    { "chungbuk", "North Chungcheong", "충북", "忠清北道" },
    { "chungnam", "South Chungcheong", "충남", "忠清南道" },
    { "jeonbuk", "North Jeolla", "전북", "全罗北道" },
    { "jeonnam", "South Jeolla", "전남", "全罗南道" },
    { "gyeongbuk", "North Gyeongsang", "경북", "庆尚北道" },
    { "gyeongnam", "South Gyeongsang", "경남", "庆尚南道" },
    { "jeju", "Jeju", "제주", "济州" },
};

const std::vector<Labels> chinese_regions = {
    { "north", "North China", "화북", "华北" },
    { "northeast", "Northeast China", "동북", "东北" },
    { "east", "East China", "화동", "华东" },
    { "central", "Central China", "화중", "华中" },
    { "south", "South China", "화남", "华南" },
    { "southwest", "Southwest China", "서남", "西南" },
    { "northwest", "Northwest China", "서북", "西北" },
};

const std::vector<Labels> compass_regions = {
    { "north", "North", "북부", "北部" },
    { "south", "South", "남부", "南部" },
    { "east", "East", "동부", "东部" },
    { "west", "West", "서부", "西部" },
    { "central", "Central", "중부", "中部" },
};

const std::vector<Labels> activity_types = {
    { "phone_call", "Phone call", "전화", "电话" },
    { "email", "E-mail", "이메일", "邮件" },
    { "wechat", "WeChat", "위챗", "微信" },
    { "kakaotalk", "KakaoTalk", "카카오톡", "KakaoTalk" },
    { "line", "LINE", "라인", "LINE" },
    { "messenger_other", "Other messenger", "기타 메신저", "其他即时通讯" },
    { "visit", "Visit", "방문", "拜访" },
    { "meeting", "Meeting", "미팅", "会议" },
    { "note", "Note", "메모", "备注" },
};

const std::string item_columns = "id, list_name, code, label, position, active, version";

json item_json(const db::Row& row)
{
    return { { "id", row.i64("id") }, { "code", row.str("code") }, { "label", row.str("label") },
        { "position", row.i64("position") }, { "active", row.i64("active") != 0 },
        { "version", row.i64("version") } };
}

bool is_list(const std::string& list)
{
    const auto& names = list_names();
    return std::find(names.begin(), names.end(), list) != names.end();
}

Error no_such_list()
{
    return Error::make(ErrorCode::not_found, "not_found", "No such list of values.");
}

// Seeds the defaults of every list the tenant has never used. Two first requests may race: the
// unique key and ON CONFLICT DO NOTHING make the second one a no-op instead of an error.
void seed_missing_lists(Connection& connection, int64_t tenant_id)
{
    std::vector<std::string> missing;
    for (const auto& list : list_names())
        if (connection.scalar(
                "SELECT COUNT(*) FROM lists_of_values WHERE tenant_id = ? AND list_name = ?",
                { tenant_id, list })
            == 0)
            missing.push_back(list);
    if (missing.empty())
        return;
    auto tenant = connection.query_one("SELECT locale FROM tenants WHERE id = ?", { tenant_id });
    auto locale = tenant ? tenant->str(0) : std::string("en");
    auto now = clock::now_iso();
    for (const auto& list : missing) {
        int64_t position = 0;
        for (const auto& item : default_list_items(list, locale))
            connection.execute(
                "INSERT INTO lists_of_values (tenant_id, id, list_name, code, label, position, "
                "active, "
                "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 1) "
                "ON CONFLICT (tenant_id, list_name, code) DO NOTHING",
                { tenant_id, connection.next_id(), list, item.code, item.label, ++position, now,
                    now });
    }
}

bool has_unseeded_list(Connection& connection, int64_t tenant_id)
{
    return connection.scalar(
               "SELECT COUNT(DISTINCT list_name) FROM lists_of_values WHERE tenant_id = ?",
               { tenant_id })
        < static_cast<int64_t>(list_names().size());
}

std::optional<db::Row> load_item(
    Connection& connection, int64_t tenant_id, const std::string& list, int64_t id)
{
    return connection.query_one("SELECT " + item_columns
            + " FROM lists_of_values WHERE tenant_id = ? AND "
              "list_name = ? AND id = ?",
        { tenant_id, list, id });
}

// Codes are what parties store and filters send: short, without spaces or control characters.
void check_code(http::JsonInput& input, const std::optional<std::string>& code)
{
    if (code && std::any_of(code->begin(), code->end(), [](char c) {
            return static_cast<unsigned char>(c) <= ' ' || c == 0x7F;
        }))
        input.fail("code", "invalid_code", "must not contain spaces or control characters");
}

} // namespace

const std::vector<std::string>& list_names()
{
    static const std::vector<std::string> names
        = { "levels", "sources", "industries", "regions", "activity_types" };
    return names;
}

std::vector<DefaultItem> default_list_items(const std::string& list, const std::string& locale)
{
    const std::vector<Labels>* table = list == "levels" ? &levels
        : list == "sources"                             ? &sources
        : list == "industries"                          ? &industries
        : list == "activity_types"                      ? &activity_types
        : list != "regions"                             ? nullptr
        : locale == "ko"                                ? &korean_regions
        : locale == "zh-CN"                             ? &chinese_regions
                                                        : &compass_regions;
    std::vector<DefaultItem> items;
    if (!table)
        return items;
    for (const auto& labels : *table)
        items.push_back({ labels.code,
            locale == "ko"          ? labels.ko
                : locale == "zh-CN" ? labels.zh
                                    : labels.en });
    return items;
}

Result<json> get_lists(db::Database& database, const http::RequestContext& context)
{
    bool unseeded = database.read(
        [&](Connection& connection) { return has_unseeded_list(connection, context.tenant_id); });
    if (unseeded) {
        auto seeded = database.write([&](Connection& connection) -> Result<int> {
            seed_missing_lists(connection, context.tenant_id);
            return 0;
        });
        if (!seeded)
            return seeded.take_error();
    }
    return database.read([&](Connection& connection) -> Result<json> {
        json lists = json::object();
        for (const auto& list : list_names())
            lists[list] = json::array();
        for (const auto& row : connection.query("SELECT " + item_columns
                     + " FROM lists_of_values WHERE tenant_id = ? "
                       "ORDER BY list_name, position, id",
                 { context.tenant_id }))
            if (lists.contains(row.str("list_name")))
                lists[row.str("list_name")].push_back(item_json(row));
        return lists;
    });
}

Result<json> add_list_item(db::Database& database, const http::RequestContext& context,
    const std::string& list, const json& body)
{
    if (!is_list(list))
        return no_such_list();
    http::JsonInput input(body);
    auto code = input.text("code", true, 50);
    auto label = input.text("label", true, 100);
    auto position = input.integer("position", false, 0, 1000000);
    auto active = input.boolean("active");
    check_code(input, code);
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        seed_missing_lists(connection, context.tenant_id);
        if (connection.query_one(
                "SELECT id FROM lists_of_values WHERE tenant_id = ? AND list_name = ? AND code = ?",
                { context.tenant_id, list, *code }))
            return Error::invalid("code", "taken", "is already in this list");
        int64_t next_position = position.value_or(
            connection.scalar(
                "SELECT COALESCE(MAX(position), 0) FROM lists_of_values WHERE tenant_id = ? AND "
                "list_name = ?",
                { context.tenant_id, list })
            + 1);
        int64_t id = connection.next_id();
        auto now = clock::now_iso();
        connection.execute(
            "INSERT INTO lists_of_values (tenant_id, id, list_name, code, label, position, active, "
            "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            { context.tenant_id, id, list, *code, *label, next_position,
                int64_t(active.value_or(true) ? 1 : 0), now, now });
        return item_json(*load_item(connection, context.tenant_id, list, id));
    });
}

Result<json> update_list_item(db::Database& database, const http::RequestContext& context,
    const std::string& list, int64_t id, std::optional<int64_t> version, const json& body)
{
    if (!is_list(list))
        return no_such_list();
    http::JsonInput input(body);
    auto code = input.text("code", false, 50);
    auto label = input.text("label", false, 100);
    auto position = input.integer("position", false, 0, 1000000);
    auto active = input.boolean("active");
    if (input.is_null("label"))
        input.fail("label", "required", "must not be empty");
    if (auto valid = input.finish(); !valid)
        return valid.take_error();

    return database.write([&](Connection& connection) -> Result<json> {
        auto current = load_item(connection, context.tenant_id, list, id);
        if (!current)
            return Error::make(ErrorCode::not_found, "not_found", "No such record.");
        if (version && current->i64("version") != *version) {
            Error stale = Error::make(ErrorCode::version_mismatch, "version_mismatch",
                "Someone else changed this item; here is the current version.");
            stale.fields.push_back({ "current", "record", item_json(*current).dump() });
            return stale;
        }
        if (code && *code != current->str("code"))
            return Error::invalid("code", "read_only",
                "cannot change: customers refer to it; add a new item instead");
        std::string assignments = "updated_at = ?, version = version + 1";
        db::Params params = { clock::now_iso() };
        if (label) {
            assignments += ", label = ?";
            params.push_back(*label);
        }
        if (position) {
            assignments += ", position = ?";
            params.push_back(*position);
        }
        if (active) {
            assignments += ", active = ?";
            params.push_back(int64_t(*active ? 1 : 0));
        }
        params.insert(params.end(), { context.tenant_id, list, id });
        connection.execute("UPDATE lists_of_values SET " + assignments
                + " WHERE tenant_id = ? AND list_name = ? AND id = ?",
            params);
        return item_json(*load_item(connection, context.tenant_id, list, id));
    });
}

} // namespace rapport::customers
