// vCard reading and writing: every shared sample file with its values worked out by hand from the
// bytes, plus synthetic Korean, Chinese, Japanese and broken files, and the writer's round trip.
#include "customers/vcard.h"
#include "customers/vcard_service.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace rapport::customers::vcard {
namespace {

std::string sample(const std::string& name)
{
    const char* configured = std::getenv("RAPPORT_SHARED_DATA");
    std::filesystem::path base = configured
        ? std::filesystem::path(configured)
        : std::filesystem::path(__FILE__).parent_path() / "../../../shared/data";
    std::ifstream file(base / "vcard" / name, std::ios::binary);
    EXPECT_TRUE(file.good()) << "missing sample " << name;
    std::stringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

ParseResult parse_sample(const std::string& name, size_t cards)
{
    auto result = parse(sample(name));
    EXPECT_EQ(result.cards.size(), cards) << name;
    for (const auto& error : result.errors)
        ADD_FAILURE() << name << ": card " << error.index << " line " << error.line << ": "
                      << error.reason;
    return result;
}

using Phones = std::vector<Phone>;
using Emails = std::vector<Email>;
using Addresses = std::vector<Address>;
using Messengers = std::vector<Messenger>;
using Texts = std::vector<std::string>;
using Warnings = std::vector<Warning>;

const Warning no_name { "name", "no_name",
    "the card has no FN, N or ORG: the contact needs a name before it can be imported", "" };

std::string repeat(const std::string& text, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

TEST(VcardSamples, OutlookTwoOne)
{
    auto result = parse_sample("ezvcard_John_Doe_MS_OUTLOOK.vcf", 1);
    const auto& card = result.cards.at(0);
    EXPECT_EQ(card.version, "2.1");
    EXPECT_EQ(card.name, "Mr. John Richter James Doe Sr.");
    EXPECT_EQ(card.family_name, "Doe");
    EXPECT_EQ(card.given_name, "John");
    EXPECT_EQ(card.additional_names, "Richter James");
    EXPECT_EQ(card.prefix, "Mr.");
    EXPECT_EQ(card.suffix, "Sr.");
    EXPECT_EQ(card.organization, "IBM");
    EXPECT_EQ(card.department, "Accounting");
    EXPECT_EQ(card.title, "Money Counter");
    EXPECT_EQ(card.phones, (Phones { { "work", "(905) 555-1234" }, { "home", "(905) 666-1234" } }));
    EXPECT_EQ(card.emails, (Emails { { "work", "john.doe@ibm.cm" } }));
    EXPECT_EQ(card.addresses,
        (Addresses { { "work", "Cresent moon drive", "", "Albaney", "New York", "12345",
                         "United States of America" },
            { "home", "Silicon Alley 5,", "", "New York", "New York", "12345",
                "United States of America" } }));
    EXPECT_EQ(card.birthday, "1980-03-22");
    EXPECT_EQ(card.urls, (Texts { "http://www.ibm.com" }));
    EXPECT_EQ(card.messengers, (Messengers { { "other", "johny5@aol.com", "im" } }));
    EXPECT_EQ(card.notes.rfind(
                  "THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS'' AND ANY EXPRESS", 0),
        0u);
    EXPECT_TRUE(card.notes.ends_with("EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE."))
        << card.notes;
}

TEST(VcardSamples, AndroidSixCardsWithQuotedPrintableUtf8)
{
    auto result = parse_sample("ezvcard_John_Doe_ANDROID.vcf", 6);
    const std::string n = "Ñ";
    const auto& cards = result.cards;
    for (int i = 0; i < 6; ++i)
        EXPECT_EQ(cards.at(i).index, i);

    // only an e-mail: no name, the user gives one
    EXPECT_EQ(cards[0].name, "");
    EXPECT_EQ(cards[0].warnings, (Warnings { no_name }));
    EXPECT_EQ(cards[0].emails, (Emails { { "work", "john.doe@company.com" } }));
    EXPECT_TRUE(cards[0].phones.empty());
    EXPECT_EQ(cards[1].name, "");
    EXPECT_EQ(cards[1].emails, (Emails { { "work", "jane.doe@company.com" } }));
    for (int i = 2; i < 6; ++i)
        EXPECT_TRUE(cards[i].warnings.empty()) << i;

    EXPECT_EQ(cards[2].name, "Ñ Ñ Ñ Ñ Ñ");
    EXPECT_EQ(cards[2].family_name, "Ñ Ñ Ñ Ñ");
    EXPECT_EQ(cards[2].phones, (Phones { { "mobile", "123456789" } }));

    // a soft line break in the middle of N, FN and NOTE
    EXPECT_EQ(cards[3].name, "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ");
    EXPECT_EQ(cards[3].family_name, "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ");
    EXPECT_EQ(cards[3].phones,
        (Phones { { "mobile", "123456" }, { "home", "234567" }, { "mobile", "3456789" },
            { "home", "45678901" } }));
    std::string note = "Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ";
    EXPECT_EQ(cards[3].notes, note + "\n" + note);

    EXPECT_EQ(cards[4].name, "Ñ Ñ Ñ Ñ");
    EXPECT_EQ(cards[4].family_name, "Ñ Ñ");
    EXPECT_EQ(cards[4].given_name, "Ñ Ñ Ñ");
    EXPECT_EQ(cards[4].phones,
        (Phones { { "mobile", "123456" }, { "work", "123456" }, { "fax", "123456" } }));
    EXPECT_EQ(
        cards[4].emails, (Emails { { "work", "bob@company.com" }, { "work", repeat(n, 14) } }));
    EXPECT_EQ(cards[4].organization, repeat(n, 12));
    EXPECT_EQ(cards[4].urls, (Texts { "www.company.com", "http://www.company.com" }));

    // the ORG ends in a soft line break followed by an empty line
    EXPECT_EQ(cards[5].name, "ÑÑÑÑ");
    EXPECT_EQ(cards[5].phones, (Phones { { "mobile", "55556666" } }));
    EXPECT_EQ(cards[5].emails, (Emails { { "work", "henry@company.com" } }));
    EXPECT_EQ(cards[5].organization, repeat(n, 44));
}

TEST(VcardStorable, AndroidCardKeepsItsDataWithoutTheEmailThatIsNoAddress)
{
    // the fifth card's second EMAIL is fourteen Ñ: the card imports with bob@company.com only
    auto card = parse_sample("ezvcard_John_Doe_ANDROID.vcf", 6).cards.at(4);
    leave_out_unstorable_values(card);
    EXPECT_EQ(card.name, "Ñ Ñ Ñ Ñ");
    EXPECT_EQ(card.emails, (Emails { { "work", "bob@company.com" } }));
    EXPECT_EQ(card.phones,
        (Phones { { "mobile", "123456" }, { "work", "123456" }, { "fax", "123456" } }));
    EXPECT_EQ(card.organization, repeat("Ñ", 12));
    EXPECT_EQ(card.urls, (Texts { "www.company.com", "http://www.company.com" }));
    EXPECT_EQ(card.warnings,
        (Warnings {
            { "emails[1]", "invalid_email", "is not an e-mail address", repeat("Ñ", 14) } }));

    auto json = to_json(card);
    EXPECT_EQ(json["warnings"],
        nlohmann::json::parse(R"([{"path":"emails[1]","code":"invalid_email",)"
                              R"("message":"is not an e-mail address","value":")"
            + repeat("Ñ", 14) + R"("}])"));
}

TEST(VcardStorable, PhoneOnlyCardHasNoName)
{
    // the tester's card: only TEL:123; "123" is a phone number, not a name
    auto result = parse("BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:123\r\nEND:VCARD\r\n");
    ASSERT_EQ(result.cards.size(), 1u);
    auto card = result.cards[0];
    EXPECT_EQ(card.name, "");
    EXPECT_EQ(card.phones, (Phones { { "work", "123" } }));
    leave_out_unstorable_values(card);
    EXPECT_EQ(card.phones, (Phones { { "work", "123" } }));
    EXPECT_EQ(card.warnings, (Warnings { no_name }));
    EXPECT_TRUE(to_json(card)["name"].is_null());
    EXPECT_EQ(to_json(card)["warnings"][0]["code"], "no_name");
    EXPECT_TRUE(to_json(card)["warnings"][0]["value"].is_null());

    // ORG still names a card, as a company's main line
    auto shop = parse("BEGIN:VCARD\nVERSION:3.0\nORG:Bike Shop\nTEL:123\nEND:VCARD\n").cards.at(0);
    EXPECT_EQ(shop.name, "Bike Shop");
    EXPECT_TRUE(shop.warnings.empty());
}

TEST(VcardStorable, ValuesOverTheLimitsAreLeftOutOneByOne)
{
    // 21 phones (the 3rd without a number), a title of 101 characters, a name of 101
    std::string file = "BEGIN:VCARD\nVERSION:3.0\nFN:" + repeat("가", 101)
        + "\nTITLE:" + repeat("t", 101) + "\nTEL:12\nEMAIL:kim@example.com\nURL:https://"
        + repeat("u", 200) + ".example\n";
    for (int i = 0; i < 21; ++i)
        file += "TEL:010-0000-" + std::to_string(1000 + i) + "\n";
    file += "END:VCARD\n";
    auto card = parse(file).cards.at(0);
    ASSERT_EQ(card.phones.size(), 22u);
    leave_out_unstorable_values(card);

    EXPECT_EQ(card.name, "");
    EXPECT_EQ(card.title, "");
    Phones kept;
    for (int i = 0; i < 20; ++i)
        kept.push_back({ "work", "010-0000-" + std::to_string(1000 + i) });
    EXPECT_EQ(card.phones, kept);
    EXPECT_EQ(card.emails, (Emails { { "work", "kim@example.com" } }));
    EXPECT_TRUE(card.urls.empty());
    EXPECT_EQ(card.warnings,
        (Warnings { { "name", "too_long", "must be at most 100 characters", repeat("가", 101) },
            { "title", "too_long", "must be at most 100 characters", repeat("t", 101) },
            { "phones[0]", "invalid_phone", "must contain a phone number", "12" },
            { "phones[21]", "too_many", "must have at most 20 entries", "010-0000-1020" },
            { "urls[0]", "too_long", "must be at most 200 characters",
                "https://" + repeat("u", 200) + ".example" },
            { "name", "no_name",
                "the card's name cannot be kept: the contact needs a name before it can be "
                "imported",
                "" } }));
}

TEST(VcardSamples, GmailThreeZero)
{
    auto result = parse_sample("ezvcard_gmail-single2.vcf", 1);
    const auto& card = result.cards.at(0);
    EXPECT_EQ(card.version, "3.0");
    EXPECT_EQ(card.name, "VCard Test");
    EXPECT_EQ(card.family_name, "Test");
    EXPECT_EQ(card.given_name, "VCard");
    EXPECT_EQ(card.emails,
        (Emails { { "work", "email@example.com" }, { "home", "homeemail@example.com" },
            { "work", "workemail@example.com" }, { "work", "otheremail@example.com" },
            { "work", "customcategory@example.com" } }));
    EXPECT_EQ(card.phones,
        (Phones { { "work", "5555551111" }, { "home", "5555551112" }, { "work", "5555551113" },
            { "work", "5555551114" }, { "mobile", "5555551115" }, { "work", "5555551116" },
            { "fax", "5555551117" }, { "fax", "5555551118" }, { "work", "5555551119" },
            { "other", "5555551120" }, { "work", "5555551121" } }));
    EXPECT_EQ(card.addresses,
        (Addresses { { "work", "111 Main St", "", "NY", "New York", "10011", "" },
            { "home", "112 Main St", "", "NY", "New York", "10011", "" },
            { "work", "113 Main St", "", "NY", "New York", "10011", "" },
            { "work", "114 Main St", "", "NY", "New York", "10011", "" },
            { "work", "115 Main St", "", "NY", "New York", "10011", "" } }));
    EXPECT_EQ(card.organization, "TheCompany");
    EXPECT_EQ(card.department, "");
    EXPECT_EQ(card.title, "TheJobTitle");
    EXPECT_EQ(card.birthday, "1912-06-23");
    EXPECT_EQ(card.urls,
        (Texts { "http://www.example1.com", "http://www.example2.com", "http://www.example3.com",
            "http://www.example4.com", "http://www.example5.com", "http://www.example6.com" }));
    EXPECT_EQ(card.notes, "note line 1\nnote line 2\nCustomField: field value");
    EXPECT_EQ(card.messengers,
        (Messengers { { "other", "IM2", "gtalk" }, { "other", "IM3", "aim" },
            { "other", "IM4", "yahoo" }, { "other", "IM5", "skype" }, { "other", "IM6", "qq" },
            { "other", "IM7", "msn" }, { "other", "IM8", "icq" }, { "other", "IM9", "jabber" } }));
}

TEST(VcardSamples, IphoneWithLargePhotoAndCrCrLf)
{
    auto result = parse_sample("ezvcard_John_Doe_IPHONE.vcf", 1);
    const auto& card = result.cards.at(0);
    EXPECT_EQ(card.version, "3.0");
    EXPECT_EQ(card.name, "Mr. John Richter James Doe Sr.");
    EXPECT_EQ(card.family_name, "Doe");
    EXPECT_EQ(card.given_name, "John");
    EXPECT_EQ(card.organization, "IBM");
    EXPECT_EQ(card.department, "Accounting");
    EXPECT_EQ(card.title, "Money Counter");
    EXPECT_EQ(card.emails, (Emails { { "work", "john.doe@ibm.com" } }));
    EXPECT_EQ(card.phones,
        (Phones { { "mobile", "905-555-1234" }, { "home", "905-666-1234" },
            { "work", "905-777-1234" }, { "fax", "905-888-1234" }, { "fax", "905-999-1234" },
            { "other", "905-111-1234" }, { "work", "905-222-1234" } }));
    EXPECT_EQ(card.addresses,
        (Addresses { { "home", "Silicon Alley 5,", "", "New York", "New York", "12345",
                         "United States of America" },
            { "work", "Street4\nBuilding 6\nFloor 8", "", "New York", "", "12345", "USA" } }));
    EXPECT_EQ(card.urls, (Texts { "http://www.ibm.com" }));
    EXPECT_EQ(card.birthday, "2012-06-06");
}

TEST(VcardSamples, FullContactFourZero)
{
    auto result = parse_sample("ezvcard_fullcontact.vcf", 1);
    const auto& card = result.cards.at(0);
    EXPECT_EQ(card.version, "4.0");
    EXPECT_EQ(card.name, "Prefix FirstName MiddleName LastName Suffix");
    EXPECT_EQ(card.family_name, "LastName");
    EXPECT_EQ(card.given_name, "FirstName");
    EXPECT_EQ(card.phones,
        (Phones { { "home", "555-555-1111" }, { "work", "555-555-1112" },
            { "mobile", "555-555-1113" }, { "mobile", "555-555-1114" }, { "work", "555-555-1115" },
            { "fax", "555-555-1116" }, { "fax", "555-555-1117" }, { "work", "555-555-1118" },
            { "work", "555-555-1119" } }));
    EXPECT_EQ(card.emails,
        (Emails { { "home", "home@example.com" }, { "work", "work@example.com" },
            { "other", "school@example.com" }, { "other", "other@example.com" },
            { "other", "custom@example.com" } }));
    EXPECT_EQ(card.organization, "Organization1");
    EXPECT_EQ(card.department, "Department1");
    EXPECT_EQ(card.title, "Title1");
    EXPECT_EQ(card.birthday, "2016-08-01");
    EXPECT_EQ(card.notes, "Notes line 1\nNotes line 2");
    EXPECT_EQ(card.urls,
        (Texts { "http://www.homepage.com", "http://www.blog.com", "http://www.other.com",
            "http://www.custom.com" }));
    // folded in the middle of a word: "HomeCo" + "untry"
    EXPECT_EQ(card.addresses,
        (Addresses { { "home", "HomeStreet", "HomeExtended", "HomeCity", "HomeState", "HomePostal",
                         "HomeCountry" },
            { "work", "WorkStreet", "WorkExtended", "WorkCity", "WorkState", "WorkPostal",
                "WorkCountry" },
            { "other", "OtherStreet", "OtherExtended", "OtherCity", "OtherState", "OtherPostal",
                "OtherCountry" },
            { "other", "CustomStreet", "CustomExtended", "CustomCity", "CustomState",
                "CustomPostal", "CustomCountry" } }));
    EXPECT_EQ(card.messengers,
        (Messengers { { "other", "gtalk", "gtalk" }, { "other", "skype", "skype" },
            { "other", "yahoo", "yahoo" }, { "other", "aim", "aim" },
            { "other", "jabber", "jabber" }, { "other", "other", "other" },
            { "other", "custom", "customtype" } }));
}

TEST(VcardSamples, KcontactsQuotedPrintableAddressesAndNotes)
{
    auto result = parse_sample("kcontacts_vcard10.vcf", 5);
    const auto& cards = result.cards;

    EXPECT_EQ(cards[0].name, "Bike Shop"); // no N or FN: the organisation names it
    EXPECT_EQ(cards[0].organization, "Bike Shop");
    EXPECT_EQ(cards[0].addresses,
        (Addresses { { "work", repeat("D", 15) + "-Staße 2\n00000 " + repeat("D", 10), "", "", "",
            "", "" } }));
    EXPECT_EQ(cards[0].notes, "This one has a funny character at the end in the contact list");

    Addresses home = { { "home", "AAAAAAA-AäAAAAA 11", "", "Urt", "", "00000", "" } };
    EXPECT_EQ(cards[1].name, "Field after Address broken");
    EXPECT_EQ(cards[1].given_name, "Broken");
    EXPECT_EQ(cards[1].family_name, "");
    EXPECT_EQ(cards[1].addresses, home);
    EXPECT_EQ(cards[1].urls, (Texts { "http://some-webseite.com" }));
    EXPECT_EQ(cards[1].notes,
        "This one's URL field is truncated (see contact's edit form). Remove the linebreak in the "
        "VCF's address "
        "field and the URL will will be correct.");
    EXPECT_EQ(cards[2].name, "Field after Address not broken");
    EXPECT_EQ(cards[2].addresses, home);
    EXPECT_EQ(cards[2].urls, (Texts { "http://some-webseite.com" }));
    EXPECT_EQ(cards[2].notes,
        "this is identical to \"Website broken\", but with Note and URL swapped. The Note field "
        "does not get "
        "truncated as the URL field does.");

    EXPECT_EQ(cards[3].name, "Dr. med. Surname Name");
    EXPECT_EQ(cards[3].family_name, "Name");
    EXPECT_EQ(cards[3].given_name, "Surname");
    EXPECT_EQ(cards[3].prefix, "Dr. med.");
    EXPECT_EQ(cards[3].title, "Facharzt für Allgemeinmedizin");
    // an en dash split across a soft line break (E2 80 | 93)
    EXPECT_EQ(cards[3].notes,
        "Sprechzeiten:\nMo   8–12, 15–18\nDi     8–12\nMi    8–12, 14–15\nDo 14–19\nFr     8–12");

    EXPECT_EQ(cards[4].name, "Second Doctor");
    EXPECT_EQ(cards[4].family_name, "Doctor");
    EXPECT_EQ(cards[4].given_name, "Second");
    EXPECT_EQ(cards[4].organization, "");
    EXPECT_EQ(cards[4].title, "Dentist");
    EXPECT_EQ(cards[4].addresses,
        (Addresses { { "work", repeat("D", 11) + "straße 26\n00000 " + repeat("D", 17), "", "", "",
            "", "" } }));
    EXPECT_EQ(cards[4].notes,
        "Sprechzeiten:\nMo   8–13\nDi   10–12, 13–18\nMi  10–12, 13–18\nDo  13–18\nFr      8–12");
}

TEST(VcardSamples, JapaneseShiftJisAndQuotedPrintable)
{
    auto result = parse_sample("aosp_v21_japanese_2.vcf", 1);
    const auto& card = result.cards.at(0);
    EXPECT_EQ(card.version, "2.1");
    EXPECT_EQ(card.name, "安藤 ロイド 1");
    EXPECT_EQ(card.family_name, "安藤");
    EXPECT_EQ(card.given_name, "ロイド1");
    EXPECT_EQ(card.addresses,
        (Addresses {
            { "home", "東京都渋谷区桜丘町26-1セルリアンタワー6階", "", "", "", "150-8512", "" } }));
    EXPECT_EQ(card.notes, "メモ");
}

// --- synthetic cards -----------------------------------------------------------------------------

TEST(VcardSynthetic, KoreanCp949LabelledEucKrInQuotedPrintable)
{
    // 김민수 and 박똠 (똠 exists only in CP949, the superset phones write under the EUC-KR label)
    std::string file = "BEGIN:VCARD\r\nVERSION:2.1\r\n"
                       "N;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:=B1=E8;=B9=CE=BC=F6;;;\r\n"
                       "FN;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:=B1=E8=B9=CE=BC=F6\r\n"
                       "ORG;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:=C7=D1=BA=FB=BB=F3=BB=E7;=BF="
                       "B5=BE=F7=BA=CE\r\n"
                       "TEL;CELL:010-1234-5678\r\nTEL;WORK;FAX:02-555-0101\r\n"
                       "ADR;WORK;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:;;=BC=AD=BF=EF=BD=C3=20="
                       "B0=AD=B3=B2=B1=B8=20=\r\n"
                       "=C5=D7=C7=EC=B6=F5=B7=CE=201;;;06234;KR\r\n"
                       "X-KAKAOTALK:minsu.kim\r\n"
                       "END:VCARD\r\n"
                       "BEGIN:VCARD\r\nVERSION:2.1\r\n"
                       "FN;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:=B9=DA=8C=63\r\n"
                       "N;CHARSET=EUC-KR:\xB9\xDA;\x8C\x63;;;\r\n"
                       "END:VCARD\r\n";
    auto result = parse(file);
    ASSERT_EQ(result.cards.size(), 2u);
    EXPECT_TRUE(result.errors.empty());
    const auto& kim = result.cards[0];
    EXPECT_EQ(kim.name, "김민수");
    EXPECT_EQ(kim.family_name, "김");
    EXPECT_EQ(kim.given_name, "민수");
    EXPECT_EQ(kim.organization, "한빛상사");
    EXPECT_EQ(kim.department, "영업부");
    EXPECT_EQ(kim.phones, (Phones { { "mobile", "010-1234-5678" }, { "fax", "02-555-0101" } }));
    EXPECT_EQ(kim.addresses,
        (Addresses { { "work", "서울시 강남구 테헤란로 1", "", "", "", "06234", "KR" } }));
    EXPECT_EQ(kim.messengers, (Messengers { { "kakaotalk", "minsu.kim", "kakaotalk" } }));
    EXPECT_EQ(result.cards[1].name, "박똠");
    EXPECT_EQ(result.cards[1].family_name, "박");
    EXPECT_EQ(result.cards[1].given_name, "똠");
}

TEST(VcardSynthetic, ChineseCardsInGbkBig5AndUtf8)
{
    // Big5 許 is B3 5C: its second byte is '\' and must not be taken for an escape
    std::string file
        = "BEGIN:VCARD\nVERSION:2.1\n"
          "FN;CHARSET=GB2312:\xCD\xF5\xCE\xB0\n"
          "ORG;CHARSET=GB2312:\xBB\xAA\xCF\xC4\xBC\xAF\xCD\xC5;\xCF\xFA\xCA\xDB\xB2\xBF\n"
          "TITLE;CHARSET=GB2312:\xBE\xAD\xC0\xED\n"
          "END:VCARD\n"
          "BEGIN:VCARD\nVERSION:2.1\n"
          "N;CHARSET=BIG5:\xB3\x5C;\xA7\xD3\xA9\xFA;;;\n"
          "ORG;CHARSET=BIG5:\xA5\x78\xC6\x57\xB6\x54\xA9\xF6\n"
          "END:VCARD\n"
          "BEGIN:VCARD\nVERSION:3.0\n"
          "FN:李娜\nN:李;娜;;;\nORG:上海华东贸易有限公司\nTEL;TYPE=CELL:+86 138 0013 8000\n"
          "X-WECHAT:lina_sh\nIMPP;X-SERVICE-TYPE=WeChat:weixin:lina_work\n"
          "X-SOCIALPROFILE;TYPE=line;X-USER=lina.line:https://line.me/ti/p/lina.line\n"
          "BDAY:1990/5/7\nEND:VCARD\n";
    auto result = parse(file);
    ASSERT_EQ(result.cards.size(), 3u);
    EXPECT_TRUE(result.errors.empty());
    EXPECT_EQ(result.cards[0].name, "王伟");
    EXPECT_EQ(result.cards[0].organization, "华夏集团");
    EXPECT_EQ(result.cards[0].department, "销售部");
    EXPECT_EQ(result.cards[0].title, "经理");
    EXPECT_EQ(result.cards[1].name, "許志明");
    EXPECT_EQ(result.cards[1].family_name, "許");
    EXPECT_EQ(result.cards[1].organization, "台灣貿易");
    const auto& lina = result.cards[2];
    EXPECT_EQ(lina.name, "李娜");
    EXPECT_EQ(lina.organization, "上海华东贸易有限公司");
    EXPECT_EQ(lina.phones, (Phones { { "mobile", "+86 138 0013 8000" } }));
    EXPECT_EQ(lina.birthday, "1990-05-07");
    EXPECT_EQ(lina.messengers,
        (Messengers { { "wechat", "lina_sh", "wechat" }, { "wechat", "lina_work", "wechat" },
            { "line", "lina.line", "line" } }));
}

TEST(VcardSynthetic, BrokenCardsAreReportedAndTheOthersStillParse)
{
    std::string file
        = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good One\r\nEND:VCARD\r\n" // lines 1-4
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No End\r\n" // 5-7
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Garbage\r\nthis is not a property\r\nEND:VCARD\r\n" // 8-12
          "VERSION:3.0\r\nFN:No Begin\r\nEND:VCARD\r\n" // 13-15
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=KLINGON:Qapla\r\nEND:VCARD\r\n" // 16-19
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good Two\r\nEND:VCARD\r\n" // 20-23
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n"; // 24-26
    auto result = parse(file);
    ASSERT_EQ(result.cards.size(), 2u);
    EXPECT_EQ(result.cards[0].name, "Good One");
    EXPECT_EQ(result.cards[0].index, 0);
    EXPECT_EQ(result.cards[1].name, "Good Two");
    EXPECT_EQ(result.cards[1].index, 5);
    ASSERT_EQ(result.errors.size(), 5u);
    auto expect_error = [&](size_t i, int index, int line, const std::string& words) {
        EXPECT_EQ(result.errors[i].index, index) << i;
        EXPECT_EQ(result.errors[i].line, line) << i;
        EXPECT_NE(result.errors[i].reason.find(words), std::string::npos)
            << result.errors[i].reason;
    };
    expect_error(0, 1, 5, "no END:VCARD");
    expect_error(1, 2, 11, "not a property");
    expect_error(2, 3, 13, "no BEGIN:VCARD");
    expect_error(3, 4, 18, "unknown charset KLINGON");
    expect_error(4, 6, 24, "no END:VCARD");
}

TEST(VcardSynthetic, VcardTwoOneBase64BlockWithoutIndentation)
{
    std::string file
        = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Jun\r\n"
          "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD/"
          "2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQE\r\n"
          "BAUKBwcGCAwKDAwLCgsLDQ4SEA0OEQ4LCxAWEBETFBUVFQwPFxgWFBgSFBUU/9sAQwEDBAQF\r\n"
          "BAUJBQUJFA0LDRQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU\r\n"
          "\r\n"
          "TEL;HOME:031-777-1234\r\nEND:VCARD\r\n";
    auto result = parse(file);
    ASSERT_EQ(result.cards.size(), 1u);
    EXPECT_TRUE(result.errors.empty());
    EXPECT_EQ(result.cards[0].name, "Jun Lee");
    EXPECT_EQ(result.cards[0].phones, (Phones { { "home", "031-777-1234" } }));
}

TEST(VcardSynthetic, EscapesInThreeZero)
{
    auto result = parse(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Kim\\, Min-su\nN:Kim;Min-su\\;Jr;;;\n"
        "ORG:R&D\\; Labs;Team \\\\ A\nNOTE:line one\\nline two\\, with comma\\\\done\nEND:VCARD\n");
    ASSERT_EQ(result.cards.size(), 1u);
    const auto& card = result.cards[0];
    EXPECT_EQ(card.name, "Kim, Min-su");
    EXPECT_EQ(card.given_name, "Min-su;Jr");
    EXPECT_EQ(card.organization, "R&D; Labs");
    EXPECT_EQ(card.department, "Team \\ A");
    EXPECT_EQ(card.notes, "line one\nline two, with comma\\done");
}

TEST(VcardDates, SeveralSpellings)
{
    EXPECT_EQ(parse_date("19800322"), "1980-03-22");
    EXPECT_EQ(parse_date("1980-03-22"), "1980-03-22");
    EXPECT_EQ(parse_date("1980-3-2"), "1980-03-02");
    EXPECT_EQ(parse_date("1980/03/22"), "1980-03-22");
    EXPECT_EQ(parse_date("1980.03.22"), "1980-03-22");
    EXPECT_EQ(parse_date("22.03.1980"), "1980-03-22");
    EXPECT_EQ(parse_date("03/22/1980"), "1980-03-22");
    EXPECT_EQ(parse_date("1980-03-22T00:00:00Z"), "1980-03-22");
    EXPECT_EQ(parse_date("19800322T120000"), "1980-03-22");
    EXPECT_EQ(parse_date("--0322"), "");
    EXPECT_EQ(parse_date("1980-02-30"), "");
    EXPECT_EQ(parse_date("2000-02-29"), "2000-02-29");
    EXPECT_EQ(parse_date("soon"), "");
}

// --- writing
// ---------------------------------------------------------------------------------------

Card korean_card()
{
    Card card;
    card.name = "김민수";
    card.organization = "한빛상사";
    card.department = "영업부";
    card.title = "과장";
    card.phones = { { "mobile", "010-1234-5678" }, { "work", "02-555-0100" },
        { "fax", "02-555-0101" }, { "home", "031-777-1234" }, { "other", "070-1111-2222" } };
    card.emails = { { "work", "minsu@hanbit.co.kr" }, { "home", "minsu@example.com" },
        { "other", "ms@example.org" } };
    card.addresses = { { "work", "테헤란로 1", "12층", "서울", "강남구", "06234", "KR" } };
    card.birthday = "1985-11-02";
    card.notes = "첫 줄; 쉼표, 그리고 \\ 백슬래시\n둘째 줄은 아주 길어서 일흔다섯 옥텟을 넘기므로 "
                 "접어야 하고 한글 글자가 중간에서 잘리면 안 됩니다";
    card.messengers = { { "kakaotalk", "minsu.kim", "kakaotalk" },
        { "wechat", "minsu_wx", "wechat" }, { "other", "minsu.skype", "skype" } };
    card.urls = { "https://hanbit.example.com" };
    return card;
}

void expect_well_formed(const std::string& text)
{
    size_t start = 0;
    while (start < text.size()) {
        auto end = text.find("\r\n", start);
        ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
        auto line = text.substr(start, end - start);
        EXPECT_LE(line.size(), 75u) << line;
        EXPECT_EQ(line.find('\n'), std::string::npos);
        // a folded line never starts inside a UTF-8 sequence
        if (line.size() > 1 && line[0] == ' ') {
            EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0, 0x80) << line;
        }
        start = end + 2;
    }
}

TEST(VcardWriter, ThreeZeroAndFourZeroRoundTrip)
{
    auto card = korean_card();
    for (auto version : { Version::v3_0, Version::v4_0 }) {
        auto text = write(card, version);
        expect_well_formed(text);
        EXPECT_NE(text.find(version == Version::v3_0 ? "VERSION:3.0\r\n" : "VERSION:4.0\r\n"),
            std::string::npos);
        EXPECT_NE(text.find("N:김;민수;;;\r\n"), std::string::npos) << text;
        EXPECT_NE(text.find("ORG:한빛상사;영업부\r\n"), std::string::npos);
        EXPECT_NE(text.find("NOTE:첫 줄\\; 쉼표\\, 그리고 \\\\ 백슬래시\\n"), std::string::npos)
            << text;
        auto result = parse(text);
        ASSERT_EQ(result.cards.size(), 1u) << text;
        ASSERT_TRUE(result.errors.empty()) << result.errors[0].reason;
        const auto& back = result.cards[0];
        EXPECT_EQ(back.name, card.name);
        EXPECT_EQ(back.family_name, "김");
        EXPECT_EQ(back.given_name, "민수");
        EXPECT_EQ(back.organization, card.organization);
        EXPECT_EQ(back.department, card.department);
        EXPECT_EQ(back.title, card.title);
        EXPECT_EQ(back.phones, card.phones);
        EXPECT_EQ(back.emails, card.emails);
        EXPECT_EQ(back.addresses, card.addresses);
        EXPECT_EQ(back.birthday, card.birthday);
        EXPECT_EQ(back.notes, card.notes);
        EXPECT_EQ(back.messengers, card.messengers);
        EXPECT_EQ(back.urls, card.urls);
    }
}

TEST(VcardWriter, WesternNameAndFourZeroDate)
{
    Card card;
    card.name = "Anna Maria Schmidt";
    card.birthday = "1970-01-31";
    auto text = write(card, Version::v4_0);
    // three words: Maria may be a second given name or a first family name (García Márquez)
    EXPECT_NE(text.find("N:;Anna Maria Schmidt;;;\r\n"), std::string::npos) << text;
    EXPECT_NE(text.find("BDAY:19700131\r\n"), std::string::npos) << text;
    EXPECT_EQ(text.rfind("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Maria Schmidt\r\n", 0), 0u) << text;
    EXPECT_TRUE(text.ends_with("END:VCARD\r\n"));
}

// A contact keeps one name: N is written from its split, in the order the name's script reads.
std::string written_name(const std::string& name)
{
    Card card;
    card.name = name;
    auto text = write(card, Version::v3_0);
    auto start = text.find("FN:");
    return text.substr(start, text.find("\r\nEND:VCARD") - start);
}

TEST(VcardWriter, NameOfAContactKeepsFamilyAndGivenOrder)
{
    EXPECT_EQ(written_name("김민수"), "FN:김민수\r\nN:김;민수;;;");
    EXPECT_EQ(written_name("王小明"), "FN:王小明\r\nN:王;小明;;;");
    EXPECT_EQ(written_name("John Smith"), "FN:John Smith\r\nN:Smith;John;;;");
    // romanised Korean written family first, as the tester's card had it (N:Kim;Minsu): it may
    // as well be given first ("Kim Basinger"), so N keeps it whole and phones show it as stored
    EXPECT_EQ(written_name("Kim Minsu"), "FN:Kim Minsu\r\nN:;Kim Minsu;;;");
}

TEST(VcardWriter, KimMinsuRoundTripIsNotSwapped)
{
    auto imported
        = parse("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kim;Minsu;;;\r\nFN:Kim Minsu\r\nEND:VCARD\r\n")
              .cards.at(0);
    EXPECT_EQ(imported.name, "Kim Minsu");
    Card contact; // what the contact keeps of it
    contact.name = imported.name;
    auto text = write(contact, Version::v3_0);
    EXPECT_EQ(
        text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Minsu\r\nN:;Kim Minsu;;;\r\nEND:VCARD\r\n");
    auto back = parse(text).cards.at(0);
    EXPECT_EQ(back.name, "Kim Minsu");
    EXPECT_EQ(back.family_name, "");
    EXPECT_EQ(back.given_name, "Kim Minsu");
}

TEST(VcardNames, SplitOnlyWhenTheOrderIsNotInDoubt)
{
    auto split = [](std::string_view name) { return split_display_name(name); };
    // Korean: one-syllable family names, and the two-syllable ones before a two-syllable given
    EXPECT_EQ(split("김민수"), (NameParts { "김", "민수" }));
    EXPECT_EQ(split("이훈"), (NameParts { "이", "훈" }));
    EXPECT_EQ(split("남궁민수"), (NameParts { "남궁", "민수" }));
    EXPECT_EQ(split("김 민수"), (NameParts { "김", "민수" }));
    EXPECT_EQ(split("선우진"), (NameParts { "", "선우진" })); // 선 우진 or 선우 진
    EXPECT_EQ(split("김빛나리"), (NameParts { "", "김빛나리" }));
    // Chinese, Simplified and Traditional
    EXPECT_EQ(split("王小明"), (NameParts { "王", "小明" }));
    EXPECT_EQ(split("李娜"), (NameParts { "李", "娜" }));
    EXPECT_EQ(split("欧阳娜娜"), (NameParts { "欧阳", "娜娜" }));
    EXPECT_EQ(split("歐陽娜娜"), (NameParts { "歐陽", "娜娜" }));
    EXPECT_EQ(split("欧阳修"), (NameParts { "", "欧阳修" }));
    EXPECT_EQ(split("王 小明"), (NameParts { "王", "小明" }));
    // Japanese with a space; four kanji without one may be 2 + 2 or 1 + 3
    EXPECT_EQ(split("安藤 ロイド"), (NameParts { "安藤", "ロイド" }));
    EXPECT_EQ(split("田中太郎"), (NameParts { "", "田中太郎" }));
    // Latin: two words given first, unless the first is an East Asian family name
    EXPECT_EQ(split("John Smith"), (NameParts { "Smith", "John" }));
    EXPECT_EQ(split("Jean-Luc O'Brien"), (NameParts { "O'Brien", "Jean-Luc" }));
    EXPECT_EQ(split("José Álvarez"), (NameParts { "Álvarez", "José" }));
    EXPECT_EQ(split("Minsu Kim"), (NameParts { "Kim", "Minsu" }));
    EXPECT_EQ(split("Kim Minsu"), (NameParts { "", "Kim Minsu" }));
    EXPECT_EQ(split("WANG Xiaoming"), (NameParts { "", "WANG Xiaoming" }));
    EXPECT_EQ(split("Nguyễn An"), (NameParts { "", "Nguyễn An" }));
    EXPECT_EQ(split("Doe, John"), (NameParts { "Doe", "John" }));
    EXPECT_EQ(split("Smith, Jr"), (NameParts { "", "Smith, Jr" }));
    EXPECT_EQ(split("Dr. Smith"), (NameParts { "", "Dr. Smith" }));
    EXPECT_EQ(split("Madonna"), (NameParts { "", "Madonna" }));
    EXPECT_EQ(split("  "), (NameParts {}));
}

TEST(VcardJson, CardSurvivesJson)
{
    auto card = korean_card();
    card.index = 3;
    auto json = to_json(card);
    EXPECT_EQ(json["organization"], "한빛상사");
    EXPECT_EQ(json["phones"][0]["type"], "mobile");
    EXPECT_TRUE(to_json(Card {}).at("birthday").is_null());
    auto back = from_json(json);
    EXPECT_EQ(back.index, 3);
    EXPECT_EQ(back.name, card.name);
    EXPECT_EQ(back.phones, card.phones);
    EXPECT_EQ(back.addresses, card.addresses);
    EXPECT_EQ(back.messengers, card.messengers);
}

} // namespace
} // namespace rapport::customers::vcard
