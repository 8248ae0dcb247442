// Routes of business cards: parse an uploaded .vcf, import the chosen cards, export contacts.
#include "customers/vcard_service.h"
#include "documents/text_decoding.h"
#include "http/guards.h"

namespace rapport::customers {

namespace {

using http::Request;
using http::respond;
using http::Response;

// ?version=3.0|4.0, 3.0 when absent: the version every phone and mail program reads.
Result<vcard::Version> version_param(const Request& request)
{
    auto version = request.query_value("version").value_or("3.0");
    if (version == "3.0" || version == "3")
        return vcard::Version::v3_0;
    if (version == "4.0" || version == "4")
        return vcard::Version::v4_0;
    return Error::invalid("version", "invalid_choice", "must be 3.0 or 4.0");
}

Response vcard_response(Result<std::string> text, const std::string& filename)
{
    if (!text)
        return Response::problem(text.error());
    Response response;
    response.content_type = "text/vcard; charset=utf-8";
    response.headers.emplace_back(
        "Content-Disposition", "attachment; filename=\"" + filename + "\"");
    response.body = std::move(*text);
    return response;
}

} // namespace

void register_vcard_routes(http::Router& router, std::shared_ptr<db::Database> database)
{
    using http::permitted;
    using http::with_body;
    using http::with_id;
    const std::string base = "/api/v1";
    router
        .post(base + "/vcard/parse", "customers",
            "Read a .vcf file (any charset): the cards with their duplicate candidates, and the "
            "broken "
            "ones",
            permitted("customers.read",
                [database](Request& request) {
                    if (request.body.size() > documents::max_document_bytes)
                        return Response::problem(documents::file_too_large(request.body.size()));
                    if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
                        return Response::problem(
                            Error::invalid("file", "empty_file", "the file is empty"));
                    return respond(parse_cards(*database, request.context, request.body));
                }))
        .success_status
        = 200;
    router
        .post(base + "/vcard/import", "customers",
            "Import parsed cards: attach each to a customer, create a customer, or skip",
            permitted("customers.create",
                [database](Request& request) {
                    return with_body(request, [&](const nlohmann::json& body) {
                        return respond(import_cards(*database, request.context, body));
                    });
                }))
        .success_status
        = 200;
    router.get(base + "/customers/{id}/contacts.vcf", "customers",
        "A customer's contacts as vCard (?version=3.0|4.0)",
        permitted("customers.export", [database](Request& request) {
            return with_id(request, [&](int64_t id) {
                auto version = version_param(request);
                if (!version)
                    return Response::problem(version.error());
                return vcard_response(
                    export_contacts(*database, request.context, id, std::nullopt, *version),
                    "contacts-" + std::to_string(id) + ".vcf");
            });
        }));
    router.get(base + "/customers/{id}/contacts/{contact_id}.vcf", "customers",
        "One contact as vCard (?version=3.0|4.0)",
        permitted("customers.export", [database](Request& request) {
            return with_id(request, [&](int64_t id) {
                return with_id(
                    request,
                    [&](int64_t contact_id) {
                        auto version = version_param(request);
                        if (!version)
                            return Response::problem(version.error());
                        return vcard_response(
                            export_contacts(*database, request.context, id, contact_id, *version),
                            "contact-" + std::to_string(contact_id) + ".vcf");
                    },
                    "contact_id");
            });
        }));
}

} // namespace rapport::customers
