#include "http/listing.h"
#include "http/router.h"
#include "http/server.h"

#include <gtest/gtest.h>

using namespace rapport;
using namespace rapport::http;

TEST(Router, PrefersLiteralSegmentsAndTellsWrongMethodFromMissingPath)
{
    Router router;
    auto answer = [](int status) {
        return [status](Request&) {
            Response r;
            r.status = status;
            return r;
        };
    };
    router.get("/api/v1/customers/{id}", "customers", "one", answer(1));
    router.get("/api/v1/customers/similar", "customers", "similar", answer(2));
    router.post("/api/v1/customers", "customers", "create", answer(3));

    std::map<std::string, std::string> params;
    bool known = false;
    auto route = router.match("GET", "/api/v1/customers/similar", params, known);
    ASSERT_NE(route, nullptr);
    EXPECT_EQ(route->summary, "similar");

    route = router.match("GET", "/api/v1/customers/42", params, known);
    ASSERT_NE(route, nullptr);
    EXPECT_EQ(params.at("id"), "42");

    route = router.match("DELETE", "/api/v1/customers", params, known);
    EXPECT_EQ(route, nullptr);
    EXPECT_TRUE(known);
    route = router.match("GET", "/api/v1/nothing", params, known);
    EXPECT_EQ(route, nullptr);
    EXPECT_FALSE(known);
}

TEST(Router, DecodesTargets)
{
    std::string path;
    std::map<std::string, std::string> query;
    parse_target(
        "/api/v1/customers?q=%ED%95%9C%EB%B9%9B+%EC%83%81%EC%82%AC&limit=2&flag", path, query);
    EXPECT_EQ(path, "/api/v1/customers");
    EXPECT_EQ(query.at("q"), "한빛 상사");
    EXPECT_EQ(query.at("limit"), "2");
    EXPECT_EQ(query.at("flag"), "");
}

TEST(Listing, CursorRoundTripsAndBadInputIsAFieldError)
{
    Request request;
    request.query["cursor"] = make_cursor("Alfreds Futterkiste", 17);
    request.query["sort"] = "-name";
    request.query["limit"] = "2";
    auto order = read_list_order(request, { { "name", "p.name" } }, "name");
    ASSERT_TRUE(order.ok());
    EXPECT_TRUE(order->descending);
    EXPECT_EQ(order->limit, 2);
    EXPECT_EQ(*order->after_value, "Alfreds Futterkiste");
    EXPECT_EQ(order->after_id, 17);

    request.query["cursor"] = "zz";
    EXPECT_EQ(read_list_order(request, { { "name", "p.name" } }, "name").error().fields.at(0).path,
        "cursor");
    request.query.erase("cursor");
    request.query["limit"] = "501";
    EXPECT_EQ(read_list_order(request, { { "name", "p.name" } }, "name").error().fields.at(0).path,
        "limit");
    request.query["limit"] = "5";
    request.query["sort"] = "password";
    EXPECT_EQ(read_list_order(request, { { "name", "p.name" } }, "name").error().fields.at(0).path,
        "sort");
}
