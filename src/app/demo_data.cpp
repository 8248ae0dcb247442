#include "app/demo_data.h"

#include "activities/store.h"
#include "auth/service.h"
#include "catalog/products.h"
#include "core/clock.h"
#include "core/dates.h"
#include "customers/employees.h"
#include "customers/lists.h"
#include "customers/parties.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <tuple>
#include <vector>

namespace rapport::app {

namespace {

using http::ColumnValues;
using nlohmann::json;

const std::string demo_name = "Rapport 데모상사";
constexpr uint64_t demo_seed = 20260314;
// The contact log has a seed of its own so that adding to it never changes the parties.
constexpr uint64_t activity_seed = 20261204;
constexpr int customer_count = 300;
constexpr int supplier_count = 40;

// Draws with plain modulo rather than std::uniform_int_distribution, whose output differs between
// standard libraries: the demo must be the same company on every machine.
class Dice {
public:
    explicit Dice(uint64_t seed)
        : m_engine(seed)
    {
    }

    int64_t between(int64_t low, int64_t high)
    {
        return low + static_cast<int64_t>(m_engine() % static_cast<uint64_t>(high - low + 1));
    }
    bool chance(int percent) { return between(1, 100) <= percent; }
    template <typename T, size_t N> const T& pick(const T (&list)[N])
    {
        return list[static_cast<size_t>(between(0, N - 1))];
    }
    std::string digits(int count, char first_low = '0')
    {
        std::string out(1, static_cast<char>(between(first_low, '9')));
        for (int i = 1; i < count; ++i)
            out += static_cast<char>('0' + between(0, 9));
        return out;
    }

private:
    std::mt19937_64 m_engine;
};

// ---- word lists ------------------------------------------------------------------------------

struct Word {
    const char* text;
    const char* roman; // for e-mail addresses and domains
};
struct TradeWord {
    const char* text;
    const char* roman;
    const char* industry; // the party's industry, always in the company's language (Korean)
};

const Word korean_first[] = { { "한", "han" }, { "대", "dae" }, { "서", "seo" }, { "동", "dong" },
    { "신", "sin" }, { "삼", "sam" }, { "우", "u" }, { "태", "tae" }, { "금", "geum" },
    { "미", "mi" }, { "세", "se" }, { "현", "hyeon" }, { "진", "jin" }, { "성", "seong" },
    { "영", "yeong" }, { "남", "nam" }, { "해", "hae" }, { "청", "cheong" }, { "광", "gwang" },
    { "천", "cheon" } };
const Word korean_second[] = { { "빛", "bit" }, { "한", "han" }, { "성", "seong" }, { "진", "jin" },
    { "일", "il" }, { "원", "won" }, { "양", "yang" }, { "도", "do" }, { "림", "rim" },
    { "명", "myeong" }, { "화", "hwa" }, { "산", "san" }, { "우", "u" }, { "영", "yeong" },
    { "인", "in" }, { "강", "gang" } };
const TradeWord korean_trades[] = { { "상사", "sangsa", "도소매" }, { "정밀", "precision", "제조" },
    { "식품", "foods", "식품" }, { "전자", "elec", "전자부품" }, { "물산", "mulsan", "무역" },
    { "산업", "industrial", "제조" }, { "기계", "machinery", "기계" }, { "화학", "chem", "화학" },
    { "유통", "dist", "도소매" }, { "테크", "tech", "IT서비스" }, { "물류", "logis", "물류" },
    { "건설", "const", "건설" }, { "무역", "trading", "무역" }, { "금속", "metal", "제조" } };

const Word chinese_stems[] = { { "华夏", "huaxia" }, { "星辰", "xingchen" }, { "东方", "dongfang" },
    { "金桥", "jinqiao" }, { "恒信", "hengxin" }, { "瑞丰", "ruifeng" }, { "长城", "changcheng" },
    { "中联", "zhonglian" }, { "鑫源", "xinyuan" }, { "海天", "haitian" }, { "万通", "wantong" },
    { "锦程", "jincheng" }, { "永盛", "yongsheng" }, { "天成", "tiancheng" }, { "嘉禾", "jiahe" } };
const TradeWord chinese_trades[] = { { "电子", "dianzi", "전자부품" }, { "贸易", "maoyi", "무역" },
    { "科技", "keji", "IT서비스" }, { "实业", "shiye", "제조" }, { "机械", "jixie", "기계" },
    { "化工", "huagong", "화학" }, { "食品", "shipin", "식품" }, { "物流", "wuliu", "물류" },
    { "精密", "jingmi", "제조" }, { "五金", "wujin", "도소매" } };
const Word traditional_stems[] = { { "華夏", "huaxia" }, { "東方", "dongfang" },
    { "金橋", "jinqiao" }, { "恆信", "hengxin" }, { "長城", "changcheng" }, { "萬通", "wantong" },
    { "錦程", "jincheng" }, { "永盛", "yongsheng" }, { "鴻運", "hongyun" }, { "立新", "lixin" },
    { "嘉豐", "jiafeng" } };
const TradeWord traditional_trades[] = { { "電子", "dianzi", "전자부품" },
    { "貿易", "maoyi", "무역" }, { "科技", "keji", "IT서비스" }, { "實業", "shiye", "제조" },
    { "機械", "jixie", "기계" }, { "精密", "jingmi", "제조" }, { "食品", "shipin", "식품" } };

const char* english_adjectives[]
    = { "Blue", "Golden", "Silver", "Northern", "Pacific", "Evergreen", "Summit", "Redwood",
          "Cedar", "Maple", "Eastern", "Atlas", "Pioneer", "Liberty", "Coastal", "Granite" };
const char* english_nouns[] = { "Harbor", "Ridge", "River", "Valley", "Peak", "Bay", "Star",
    "Field", "Gate", "Stone", "Lake", "Bridge" };
const char* english_brands[] = { "Acme", "Contoso", "Fabrikam", "Northwind", "Tailspin", "Wingtip",
    "Lakeshore", "Brightline" };
const TradeWord english_trades[]
    = { { "Trading", "trading", "무역" }, { "Supplies", "supplies", "도소매" },
          { "Foods", "foods", "식품" }, { "Logistics", "logistics", "물류" },
          { "Electronics", "electronics", "전자부품" }, { "Industries", "industries", "제조" },
          { "Imports", "imports", "무역" }, { "Distribution", "distribution", "도소매" },
          { "Components", "components", "전자부품" }, { "Machinery", "machinery", "기계" },
          { "Chemicals", "chemicals", "화학" }, { "Software", "software", "IT서비스" } };
const char* english_forms[] = { "Co., Ltd.", "Inc.", "LLC", "Corp.", "Ltd." };

// ---- places ----------------------------------------------------------------------------------

enum class Branch { head_office, busan, shanghai };
enum class Language { korean, simplified, traditional, english };

struct KoreanPlace {
    const char* region;
    const char* district;
    const char* roads[3];
    Word territory; // the sales region, also a name stem ("서울식품")
    const char* area_code;
    const char* postal_prefix;
    const char* tax_office; // first three digits of registration numbers issued there
    Branch branch;
};
// Seoul and its surroundings dominate, as they do in Korean B2B trade.
const KoreanPlace korean_places[] = {
    { "서울특별시", "강남구", { "테헤란로", "역삼로", "선릉로" }, { "서울", "seoul" }, "02", "06",
        "220", Branch::head_office },
    { "서울특별시", "서초구", { "서초대로", "강남대로", "반포대로" }, { "서울", "seoul" }, "02",
        "06", "214", Branch::head_office },
    { "서울특별시", "중구", { "을지로", "세종대로", "퇴계로" }, { "서울", "seoul" }, "02", "04",
        "201", Branch::head_office },
    { "서울특별시", "영등포구", { "여의대로", "국제금융로", "경인로" }, { "서울", "seoul" }, "02",
        "07", "107", Branch::head_office },
    { "서울특별시", "금천구", { "가산디지털1로", "가산디지털2로", "디지털로" }, { "서울", "seoul" },
        "02", "08", "119", Branch::head_office },
    { "서울특별시", "송파구", { "올림픽로", "송파대로", "법원로" }, { "서울", "seoul" }, "02", "05",
        "215", Branch::head_office },
    { "경기도", "성남시 분당구", { "판교역로", "대왕판교로", "성남대로" }, { "경기", "gyeonggi" },
        "031", "13", "129", Branch::head_office },
    { "경기도", "수원시 영통구", { "광교로", "매영로", "영통로" }, { "경기", "gyeonggi" }, "031",
        "16", "124", Branch::head_office },
    { "경기도", "화성시", { "동탄대로", "삼성1로", "향남로" }, { "경기", "gyeonggi" }, "031", "18",
        "143", Branch::head_office },
    { "인천광역시", "남동구", { "남동대로", "앵고개로", "논현로" }, { "인천", "incheon" }, "032",
        "21", "131", Branch::head_office },
    { "인천광역시", "연수구", { "컨벤시아대로", "송도과학로", "아트센터대로" },
        { "인천", "incheon" }, "032", "21", "131", Branch::head_office },
    { "부산광역시", "해운대구", { "센텀중앙로", "해운대로", "센텀동로" }, { "부산", "busan" },
        "051", "48", "617", Branch::busan },
    { "부산광역시", "강서구", { "녹산산업중로", "녹산산업북로", "과학산단로" }, { "부산", "busan" },
        "051", "46", "621", Branch::busan },
    { "부산광역시", "부산진구", { "중앙대로", "서면로", "가야대로" }, { "부산", "busan" }, "051",
        "47", "605", Branch::busan },
    { "경상남도", "창원시 성산구", { "창원대로", "중앙대로", "공단로" }, { "경남", "gyeongnam" },
        "055", "51", "609", Branch::busan },
    { "대구광역시", "달서구", { "성서공단로", "달구벌대로", "성서로" }, { "대구", "daegu" }, "053",
        "42", "514", Branch::busan },
};

struct ChinesePlace {
    Word city;
    const char* region;
    const char* district;
    const char* roads[2];
    const char* area_code; // "+…" when written the international way
    const char* postal_prefix;
    const char* country;
    const char* territory;
    const char* currency;
};
const ChinesePlace mainland_places[] = {
    { { "上海", "shanghai" }, "上海市", "浦东新区", { "张江路", "世纪大道" }, "021", "2012", "CN",
        "중국", "CNY" },
    { { "上海", "shanghai" }, "上海市", "闵行区", { "虹梅路", "沪闵路" }, "021", "2011", "CN",
        "중국", "CNY" },
    { { "深圳", "shenzhen" }, "广东省", "南山区", { "科技园南路", "深南大道" }, "0755", "5180",
        "CN", "중국", "CNY" },
    { { "深圳", "shenzhen" }, "广东省", "宝安区", { "宝安大道", "福永大道" }, "0755", "5181", "CN",
        "중국", "CNY" },
    { { "广州", "guangzhou" }, "广东省", "天河区", { "天河路", "黄埔大道" }, "020", "5106", "CN",
        "중국", "CNY" },
    { { "杭州", "hangzhou" }, "浙江省", "滨江区", { "江南大道", "滨盛路" }, "0571", "3100", "CN",
        "중국", "CNY" },
    { { "苏州", "suzhou" }, "江苏省", "工业园区", { "星湖街", "苏州大道" }, "0512", "2150", "CN",
        "중국", "CNY" },
    { { "宁波", "ningbo" }, "浙江省", "鄞州区", { "天童南路", "四明中路" }, "0574", "3151", "CN",
        "중국", "CNY" },
    { { "天津", "tianjin" }, "天津市", "滨海新区", { "第三大街", "黄海路" }, "022", "3004", "CN",
        "중국", "CNY" },
};
const ChinesePlace traditional_places[] = {
    { { "台北", "taipei" }, "台灣", "信義區", { "松仁路", "信義路五段" }, "+886 2", "110", "TW",
        "대만", "TWD" },
    { { "台中", "taichung" }, "台灣", "西屯區", { "台灣大道三段", "市政北二路" }, "+886 4", "407",
        "TW", "대만", "TWD" },
    { { "新竹", "hsinchu" }, "台灣", "東區", { "科學園路", "光復路二段" }, "+886 3", "300", "TW",
        "대만", "TWD" },
    { { "香港", "hongkong" }, "香港特別行政區", "九龍觀塘區", { "觀塘道", "鴻圖道" }, "+852", "",
        "HK", "홍콩", "HKD" },
};

struct AmericanPlace {
    const char* city;
    const char* state;
    const char* area_code;
    const char* zip_prefix;
};
const AmericanPlace american_places[]
    = { { "Seattle", "WA", "206", "981" }, { "Los Angeles", "CA", "213", "900" },
          { "Chicago", "IL", "312", "606" }, { "Boston", "MA", "617", "021" },
          { "San Francisco", "CA", "415", "941" }, { "New York", "NY", "212", "100" } };
const char* american_streets[] = { "Harbor Ave", "Main St", "Market St", "Oak Street", "Pine St",
    "Commerce Way", "Industrial Pkwy", "5th Ave" };

// Joins parts in order: unlike a chain of `+`, a braced list rolls its dice left to right on every
// compiler, which keeps the demo identical across platforms.
std::string concat(std::initializer_list<std::string> parts)
{
    std::string out;
    for (const auto& part : parts)
        out += part;
    return out;
}

// ---- phones and numbers ----------------------------------------------------------------------

std::string korean_mobile(Dice& dice)
{
    return concat({ "010-", dice.digits(4, '2'), "-", dice.digits(4) });
}

// Exchanges have 3 digits on older lines and 4 on newer ones, in Seoul and the provinces alike.
std::string korean_landline(Dice& dice, const std::string& area_code)
{
    int exchange = dice.chance(50) ? 4 : 3;
    return concat({ area_code, "-", dice.digits(exchange, '2'), "-", dice.digits(4) });
}

std::string chinese_landline(Dice& dice, const std::string& area_code)
{
    if (area_code.starts_with("+"))
        return concat({ area_code, " ", dice.digits(4, '2'), " ", dice.digits(4) });
    return concat({ area_code, "-", dice.digits(4, '2'), "-", dice.digits(4) });
}

std::string chinese_mobile(Dice& dice, const std::string& country)
{
    const char* prefixes[] = { "138", "139", "135", "186", "158", "177" };
    if (country == "TW")
        return concat({ "+886 9", dice.digits(2), " ", dice.digits(3), " ", dice.digits(3) });
    if (country == "HK")
        return concat({ "+852 9", dice.digits(3), " ", dice.digits(4) });
    return concat({ "+86 ", dice.pick(prefixes), " ", dice.digits(4), " ", dice.digits(4) });
}

// 555-0100 to 555-0199 are reserved for fiction, so no real American gets demo calls.
std::string american_phone(Dice& dice, const std::string& area_code)
{
    return "(" + area_code + ") 555-01" + dice.digits(2);
}

// The 사업자등록번호 check digit: weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus the
// tens digit of the ninth digit times five.
int registration_check_digit(const std::string& nine_digits)
{
    static constexpr int weights[] = { 1, 3, 7, 1, 3, 7, 1, 3, 5 };
    int sum = 0;
    for (size_t i = 0; i < 9; ++i)
        sum += (nine_digits[i] - '0') * weights[i];
    sum += (nine_digits[8] - '0') * 5 / 10;
    return (10 - sum % 10) % 10;
}

// Digits 4–5 tell the kind of business: 81, 86, 87 for corporations, 01–79 for individuals.
std::string registration_number(Dice& dice, const std::string& tax_office, bool corporation)
{
    const char* corporate_kinds[] = { "81", "86", "87" };
    std::string digits = tax_office;
    digits += corporation ? std::string(dice.pick(corporate_kinds))
                          : std::to_string(dice.between(10, 79));
    digits += dice.digits(4);
    digits += static_cast<char>('0' + registration_check_digit(digits));
    return digits.substr(0, 3) + "-" + digits.substr(3, 2) + "-" + digits.substr(5);
}

// ---- parties ---------------------------------------------------------------------------------

struct PartyDraft {
    std::string name;
    std::string domain; // under the reserved .example TLD, so the demo never mails a real firm
    std::string country;
    std::string territory;
    std::string currency;
    std::string industry;
    std::string phone;
    std::string fax;
    std::string registration_number;
    json address;
    Branch branch = Branch::head_office;
    Language language = Language::korean;
};

PartyDraft korean_party(Dice& dice, std::set<std::string>& used_numbers)
{
    const auto& place = dice.pick(korean_places);
    const auto& trade = dice.pick(korean_trades);
    PartyDraft draft;

    // a tenth are named after their city ("부산정밀"), the rest get a brand of two syllables
    std::string stem = place.territory.text;
    std::string roman = place.territory.roman;
    if (!dice.chance(10)) {
        const auto& first = dice.pick(korean_first);
        const auto& second = dice.pick(korean_second);
        stem = std::string(first.text) + second.text;
        roman = std::string(first.roman) + second.roman;
    }
    std::string core = stem + trade.text;
    int form = static_cast<int>(dice.between(0, 9));
    switch (form) {
    case 0:
    case 1:
        draft.name = "주식회사 " + core;
        break;
    case 2:
        draft.name = core + " 주식회사";
        break;
    case 3:
    case 4:
        draft.name = "(주)" + core;
        break;
    case 5:
        draft.name = "㈜" + core;
        break;
    case 6:
        draft.name = "유한회사 " + core;
        break;
    default:
        draft.name = core; // a sole proprietorship
    }

    do
        draft.registration_number = registration_number(dice, place.tax_office, form <= 6);
    while (!used_numbers.insert(draft.registration_number).second);

    draft.domain = roman + trade.roman + ".example";
    draft.country = "KR";
    draft.territory = place.territory.text;
    draft.currency = "KRW";
    draft.industry = trade.industry;
    draft.phone = korean_landline(dice, place.area_code);
    if (dice.chance(50))
        draft.fax = korean_landline(dice, place.area_code);
    draft.address = {
        { "line1", concat({ dice.pick(place.roads), " ", std::to_string(dice.between(1, 450)) }) },
        { "city", place.district }, { "region", place.region },
        { "postal_code", place.postal_prefix + dice.digits(3) }, { "country", "KR" }
    };
    if (dice.chance(60))
        draft.address["line2"] = std::to_string(dice.between(2, 15)) + "층";
    draft.branch = place.branch;
    draft.language = Language::korean;
    return draft;
}

PartyDraft chinese_party(Dice& dice, bool traditional)
{
    const auto& place = traditional ? dice.pick(traditional_places) : dice.pick(mainland_places);
    const auto& stem = traditional ? dice.pick(traditional_stems) : dice.pick(chinese_stems);
    const auto& trade = traditional ? dice.pick(traditional_trades) : dice.pick(chinese_trades);
    PartyDraft draft;

    std::string city = place.city.text;
    if (!traditional && dice.chance(40))
        city += "市";
    int form = static_cast<int>(dice.between(0, 9));
    if (traditional)
        draft.name = city + stem.text + trade.text + (form < 7 ? "股份有限公司" : "有限公司");
    else if (form == 0)
        draft.name = std::string(stem.text) + "集团"; // a group needs no city
    else if (form == 1)
        draft.name = city + stem.text + trade.text + "集团有限公司";
    else if (form <= 3)
        draft.name = city + stem.text + trade.text + "股份有限公司";
    else
        draft.name = city + stem.text + trade.text + "有限公司";

    draft.domain = std::string(stem.roman) + (form == 0 ? "group" : trade.roman) + ".example";
    draft.country = place.country;
    draft.territory = place.territory;
    draft.currency = place.currency;
    draft.industry = trade.industry;
    draft.phone = chinese_landline(dice, place.area_code);
    const char* number_mark = traditional ? "號" : "号";
    draft.address = { { "line1",
                          concat({ place.district, dice.pick(place.roads),
                              std::to_string(dice.between(1, 999)), number_mark }) },
        { "city",
            place.country == std::string("HK") ? "香港" : place.city.text + std::string("市") },
        { "region", place.region }, { "country", place.country } };
    if (*place.postal_prefix)
        draft.address["postal_code"] = place.postal_prefix + (traditional ? "" : dice.digits(2));
    draft.branch = Branch::shanghai;
    draft.language = traditional ? Language::traditional : Language::simplified;
    return draft;
}

PartyDraft american_party(Dice& dice)
{
    const auto& place = dice.pick(american_places);
    const auto& trade = dice.pick(english_trades);
    PartyDraft draft;

    std::string stem;
    if (dice.chance(30))
        stem = dice.pick(english_brands);
    else
        stem = concat({ dice.pick(english_adjectives), " ", dice.pick(english_nouns) });
    draft.name = stem + " " + trade.text + " " + dice.pick(english_forms);

    std::string roman;
    for (char c : stem)
        if (c != ' ')
            roman += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    draft.domain = roman + trade.roman + ".example";
    draft.country = "US";
    draft.territory = "미국";
    draft.currency = "USD";
    draft.industry = trade.industry;
    draft.phone = american_phone(dice, place.area_code);
    draft.address = {
        { "line1",
            concat({ std::to_string(dice.between(100, 9800)), " ", dice.pick(american_streets) }) },
        { "city", place.city }, { "region", place.state },
        { "postal_code", place.zip_prefix + dice.digits(2) }, { "country", "US" }
    };
    if (dice.chance(40))
        draft.address["line2"] = "Suite " + std::to_string(dice.between(1, 30) * 100);
    draft.branch = Branch::head_office;
    draft.language = Language::english;
    return draft;
}

// A party not seen before: names are unique in the demo, so search results stay readable.
PartyDraft new_party(Dice& dice, bool supplier, std::set<std::string>& used_names,
    std::set<std::string>& used_numbers)
{
    while (true) {
        // customers: 62 % Korean, 19 % mainland, 6 % Taiwan/Hong Kong, 13 % American;
        // suppliers lean more on China: 50 %, 30 %, 5 %, 15 %
        int roll = static_cast<int>(dice.between(1, 100));
        int korean = supplier ? 50 : 62, mainland = supplier ? 80 : 81,
            greater = supplier ? 85 : 87;
        PartyDraft draft = roll <= korean ? korean_party(dice, used_numbers)
            : roll <= mainland            ? chinese_party(dice, false)
            : roll <= greater             ? chinese_party(dice, true)
                                          : american_party(dice);
        if (used_names.insert(draft.name).second)
            return draft;
    }
}

// ---- contacts --------------------------------------------------------------------------------

const Word korean_surnames[]
    = { { "김", "kim" }, { "이", "lee" }, { "박", "park" }, { "최", "choi" }, { "정", "jung" },
          { "강", "kang" }, { "조", "cho" }, { "윤", "yoon" }, { "장", "jang" }, { "임", "lim" },
          { "한", "han" }, { "오", "oh" }, { "서", "seo" }, { "신", "shin" }, { "권", "kwon" },
          { "황", "hwang" }, { "안", "ahn" }, { "송", "song" }, { "류", "ryu" }, { "홍", "hong" } };
const Word korean_given[] = { { "민준", "minjun" }, { "서연", "seoyeon" }, { "지훈", "jihun" },
    { "수빈", "subin" }, { "현우", "hyunwoo" }, { "지민", "jimin" }, { "예은", "yeeun" },
    { "도윤", "doyun" }, { "하은", "haeun" }, { "준호", "junho" }, { "은지", "eunji" },
    { "성민", "sungmin" }, { "유진", "yujin" }, { "태현", "taehyun" }, { "소영", "soyoung" },
    { "재원", "jaewon" }, { "혜진", "hyejin" }, { "동현", "donghyun" }, { "미경", "mikyung" },
    { "상철", "sangcheol" } };
const char* korean_titles[]
    = { "사원", "대리", "대리", "과장", "과장", "차장", "부장", "팀장", "이사", "대표이사" };
const char* korean_departments[]
    = { "구매팀", "영업팀", "자재팀", "총무팀", "경영지원팀", "품질관리팀", "생산관리팀" };

const Word chinese_surnames[]
    = { { "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" }, { "陈", "chen" },
          { "杨", "yang" }, { "赵", "zhao" }, { "黄", "huang" }, { "周", "zhou" }, { "吴", "wu" },
          { "徐", "xu" }, { "孙", "sun" }, { "马", "ma" }, { "朱", "zhu" }, { "胡", "hu" } };
const Word chinese_given[] = { { "伟", "wei" }, { "芳", "fang" }, { "娜", "na" }, { "敏", "min" },
    { "静", "jing" }, { "磊", "lei" }, { "强", "qiang" }, { "洋", "yang" }, { "艳", "yan" },
    { "杰", "jie" }, { "军", "jun" }, { "婷", "ting" }, { "浩然", "haoran" }, { "子涵", "zihan" },
    { "雨桐", "yutong" }, { "志强", "zhiqiang" } };
const char* chinese_titles[]
    = { "总经理", "副总经理", "采购经理", "销售经理", "采购主管", "财务经理", "采购专员" };
const char* chinese_departments[] = { "采购部", "销售部", "财务部", "总经办", "供应链部" };

const Word traditional_surnames[]
    = { { "陳", "chen" }, { "林", "lin" }, { "黃", "huang" }, { "張", "chang" }, { "李", "lee" },
          { "王", "wang" }, { "吳", "wu" }, { "劉", "liu" }, { "蔡", "tsai" }, { "楊", "yang" } };
const Word traditional_given[] = { { "志明", "chihming" }, { "淑芬", "shufen" },
    { "家豪", "chiahao" }, { "怡君", "yichun" }, { "俊傑", "chunchieh" }, { "雅婷", "yating" },
    { "冠宇", "kuanyu" }, { "美玲", "meiling" } };
const char* traditional_titles[] = { "總經理", "採購經理", "業務經理", "採購專員", "副總經理" };
const char* traditional_departments[] = { "採購部", "業務部", "財務部" };

const char* english_first[] = { "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer",
    "David", "Linda", "Daniel", "Susan", "Emily", "Kevin", "Laura", "Brian", "Sarah", "Carlos" };
const char* english_last[] = { "Smith", "Johnson", "Carter", "Miller", "Davis", "Garcia", "Wilson",
    "Anderson", "Taylor", "Thomas", "Moore", "Clark", "Lewis", "Walker", "Hall", "Nguyen" };
const char* english_titles[] = { "Purchasing Manager", "Buyer", "Operations Director", "CEO",
    "Procurement Specialist", "Account Manager", "Supply Chain Manager" };
const char* english_departments[] = { "Purchasing", "Operations", "Finance", "Supply Chain" };

std::string lowercase(std::string text)
{
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string zero_padded(int64_t number, size_t width)
{
    auto text = std::to_string(number);
    return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

struct Person {
    std::string name;
    std::string title;
    std::string department;
    std::string email_local;
    std::string handle; // the stem of a messenger id
};

// Names are written the way each language writes them: family name first in Korean and Chinese.
Person new_person(Dice& dice, Language language)
{
    switch (language) {
    case Language::korean: {
        const auto& surname = dice.pick(korean_surnames);
        const auto& given = dice.pick(korean_given);
        return { std::string(surname.text) + given.text, dice.pick(korean_titles),
            dice.pick(korean_departments), std::string(given.roman) + "." + surname.roman,
            std::string(surname.roman) + given.roman };
    }
    case Language::simplified: {
        const auto& surname = dice.pick(chinese_surnames);
        const auto& given = dice.pick(chinese_given);
        return { std::string(surname.text) + given.text, dice.pick(chinese_titles),
            dice.pick(chinese_departments), std::string(surname.roman) + "." + given.roman,
            std::string(surname.roman) + given.roman };
    }
    case Language::traditional: {
        const auto& surname = dice.pick(traditional_surnames);
        const auto& given = dice.pick(traditional_given);
        return { std::string(surname.text) + given.text, dice.pick(traditional_titles),
            dice.pick(traditional_departments), std::string(given.roman) + "." + surname.roman,
            std::string(surname.roman) + given.roman };
    }
    case Language::english:
        break;
    }
    std::string first = dice.pick(english_first);
    std::string last = dice.pick(english_last);
    return { first + " " + last, dice.pick(english_titles), dice.pick(english_departments),
        lowercase(first) + "." + lowercase(last), lowercase(first.substr(0, 1) + last) };
}

std::string mobile_for(Dice& dice, const PartyDraft& party)
{
    if (party.country == "KR")
        return korean_mobile(dice);
    if (party.country == "US")
        return american_phone(dice, party.phone.substr(1, 3));
    return chinese_mobile(dice, party.country);
}

// Korean business runs on KakaoTalk, mainland China on WeChat, Taiwan on LINE, the rest on
// WhatsApp (whose id is the phone number).
json messengers_for(
    Dice& dice, const PartyDraft& party, const Person& person, const std::string& mobile)
{
    json list = json::array();
    if (party.country == "KR" && dice.chance(70))
        list.push_back({ { "type", "kakaotalk" }, { "id", person.handle + dice.digits(2) } });
    else if (party.country == "CN" && dice.chance(85))
        list.push_back({ { "type", "wechat" }, { "id", person.handle + "_" + dice.digits(3) } });
    else if (party.country == "TW" && dice.chance(60))
        list.push_back({ { "type", "line" }, { "id", person.handle + dice.digits(2) } });
    else if ((party.country == "HK" || party.country == "US") && dice.chance(30))
        list.push_back({ { "type", "whatsapp" }, { "id", mobile } });
    return list;
}

ColumnValues new_contact(Dice& dice, const PartyDraft& party, std::set<std::string>& names)
{
    Person person = new_person(dice, party.language);
    while (!names.insert(person.name).second)
        person = new_person(dice, party.language);

    auto mobile = mobile_for(dice, party);
    json phones = json::array({ { { "type", "mobile" }, { "number", mobile } } });
    if (dice.chance(40))
        phones.push_back({ { "type", "work" }, { "number", party.phone } });
    json emails = json::array(
        { { { "type", "work" }, { "address", person.email_local + "@" + party.domain } } });
    ColumnValues values
        = { { "name", person.name }, { "title", person.title }, { "department", person.department },
              { "phones", phones.dump() }, { "emails", emails.dump() },
              { "messengers", messengers_for(dice, party, person, mobile).dump() } };
    if (dice.chance(35))
        values.emplace_back("birthday",
            concat({ std::to_string(dice.between(1962, 1996)), "-",
                zero_padded(dice.between(1, 12), 2), "-", zero_padded(dice.between(1, 28), 2) }));
    return values;
}

// ---- staff -----------------------------------------------------------------------------------

struct Branches {
    int64_t head_office = 0;
    int64_t busan = 0;
    int64_t shanghai = 0;

    int64_t id(Branch branch) const
    {
        return branch == Branch::busan   ? busan
            : branch == Branch::shanghai ? shanghai
                                         : head_office;
    }
};

struct StaffMember {
    const char* code;
    const char* email_local;
    const char* name;
    const char* role; // nullptr: an employee who never signs in
    const char* title;
    Branch branch;
};
// rep1 and rep2 sell from Seoul (rep2 to English-speaking buyers), rep3 from Busan, rep4 from
// Shanghai; the order here is the order of `Staff::reps`.
const StaffMember staff_members[] = {
    { "E-001", "rep1", "김민준", "sales_rep", "영업1팀 대리", Branch::head_office },
    { "E-002", "rep2", "Emily Carter", "sales_rep", "해외영업팀 과장", Branch::head_office },
    { "E-003", "rep3", "이서연", "sales_rep", "부산지점 대리", Branch::busan },
    { "E-004", "rep4", "王伟", "sales_rep", "上海办事处 销售经理", Branch::shanghai },
    { "E-005", "manager", "박성호", "manager", "영업부장", Branch::head_office },
    { "E-006", "finance", "정하은", "finance", "재무팀장", Branch::head_office },
    { "E-007", "support", "윤재석", nullptr, "영업지원팀 사원", Branch::head_office },
    { "E-008", "assistant.sh", "李娜", nullptr, "销售助理", Branch::shanghai },
};
const std::string staff_domain = "@demo.rapport.test";

struct Staff {
    int64_t reps[4] = {};
    std::vector<std::optional<int64_t>> user_ids; // per staff_members entry
};

Result<Branches> add_branches(db::Database& database, int64_t tenant_id)
{
    return database.write([&](db::Connection& connection) -> Result<Branches> {
        Branches branches;
        branches.head_office = connection.scalar(
            "SELECT id FROM branches WHERE tenant_id = ? AND code = 'HQ'", { tenant_id });
        auto now = clock::now_iso();
        for (auto [code, name, id] : { std::tuple("BUSAN", "부산지점", &branches.busan),
                 std::tuple("SHANGHAI", "上海办事处", &branches.shanghai) }) {
            *id = connection.next_id();
            connection.execute("INSERT INTO branches (tenant_id, id, code, name, created_at) "
                               "VALUES (?, ?, ?, ?, ?)",
                { tenant_id, *id, std::string(code), std::string(name), now });
        }
        return branches;
    });
}

Result<Staff> add_staff(db::Database& database, int64_t tenant_id, const Branches& branches,
    const std::string& password)
{
    Staff staff;
    size_t rep = 0;
    for (const auto& member : staff_members) {
        if (!member.role) {
            staff.user_ids.emplace_back();
            continue;
        }
        auth::NewAccount account { member.name, member.email_local + staff_domain, password };
        auto user_id = auth::add_member(
            database, tenant_id, account, member.role, branches.id(member.branch));
        if (!user_id)
            return user_id.take_error();
        staff.user_ids.emplace_back(*user_id);
        if (std::string(member.role) == "sales_rep")
            staff.reps[rep++] = *user_id;
    }
    return staff;
}

Status add_employees(db::Connection& connection, Dice& dice, int64_t tenant_id,
    const Branches& branches, const Staff& staff)
{
    for (size_t i = 0; i < std::size(staff_members); ++i) {
        const auto& member = staff_members[i];
        auto phone
            = member.branch == Branch::shanghai ? chinese_mobile(dice, "CN") : korean_mobile(dice);
        ColumnValues values = { { "code", std::string(member.code) },
            { "name", std::string(member.name) }, { "title", std::string(member.title) },
            { "email", member.email_local + staff_domain }, { "phone", phone },
            { "branch_id", branches.id(member.branch) },
            { "user_id", db::nullable(staff.user_ids[i]) } };
        if (auto id = customers::insert_employee(connection, tenant_id, values); !id)
            return id.take_error();
    }
    return Ok {};
}

// ---- parties ---------------------------------------------------------------------------------

const char* customer_tags[] = { "정기거래", "수출", "신규", "관심", "장기거래", "결제지연주의" };
const char* supplier_tags[] = { "주요공급처", "수입", "국내생산", "ISO인증", "대체가능" };
const char* customer_sources[]
    = { "소개", "전시회", "홈페이지", "콜드콜", "기존거래처", "온라인광고" };
const char* supplier_sources[] = { "전시회", "소개", "온라인 B2B", "기존거래처" };
const char* domestic_terms[]
    = { "월말 마감 익월 말 현금", "월말 마감 익월 15일", "현금 선결제", "전자어음 60일" };
const char* foreign_terms[] = { "T/T 30 days", "T/T in advance", "L/C at sight", "Net 30" };
const char* mailboxes[] = { "info", "sales", "office", "contact" };

// Parties keep the codes of the tenant's lists of values. The demo company's words map to the
// default items, plus the few it adds to its own lists (demo_list_items).
const std::map<std::string, std::string> industry_codes = { { "IT서비스", "it" },
    { "건설", "construction" }, { "기계", "machinery" }, { "도소매", "wholesale" },
    { "무역", "trading" }, { "물류", "logistics" }, { "식품", "food" },
    { "전자부품", "electronics" }, { "제조", "manufacturing" }, { "화학", "chemicals" } };
const std::map<std::string, std::string> source_codes = { { "기존거래처", "existing_customer" },
    { "소개", "referral" }, { "온라인 B2B", "online_b2b" }, { "온라인광고", "advertising" },
    { "전시회", "trade_show" }, { "콜드콜", "cold_call" }, { "홈페이지", "website" } };
const std::map<std::string, std::string> region_codes
    = { { "경기", "gyeonggi" }, { "경남", "gyeongnam" }, { "대구", "daegu" }, { "부산", "busan" },
          { "서울", "seoul" }, { "인천", "incheon" }, { "대만", "taiwan" }, { "미국", "usa" },
          { "중국", "china" }, { "홍콩", "hong_kong" } };

struct DemoListItem {
    const char* list;
    const char* code;
    const char* label;
};
const DemoListItem demo_list_items[] = { { "industries", "trading", "무역" },
    { "industries", "machinery", "기계" }, { "industries", "electronics", "전자부품" },
    { "industries", "chemicals", "화학" }, { "sources", "online_b2b", "온라인 B2B" },
    { "regions", "china", "중국" }, { "regions", "taiwan", "대만" },
    { "regions", "hong_kong", "홍콩" }, { "regions", "usa", "미국" } };

std::string code_of(const std::map<std::string, std::string>& codes, const std::string& word)
{
    auto found = codes.find(word);
    return found == codes.end() ? word : found->second;
}

// Reps own the customers of their branch; in Seoul rep2 also takes a share of the Korean ones.
int64_t owner_for(Dice& dice, const PartyDraft& party, const Staff& staff)
{
    if (party.branch == Branch::busan)
        return staff.reps[2];
    if (party.branch == Branch::shanghai)
        return staff.reps[3];
    if (party.language == Language::english || dice.chance(25))
        return staff.reps[1];
    return staff.reps[0];
}

json pick_tags(Dice& dice, const char* level, bool supplier)
{
    json tags = json::array();
    if (!supplier && std::string(level) == "A" && dice.chance(70))
        tags.push_back("VIP");
    for (auto count = dice.between(0, 2); count > 0; --count) {
        std::string tag = supplier ? dice.pick(supplier_tags) : dice.pick(customer_tags);
        if (std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.push_back(tag);
    }
    return tags;
}

// A credit limit is kept in the minor unit of the party's currency (as the party card shows it):
// whole won for Korean customers, a round sum for foreign ones, sized by rough won rates.
int64_t credit_limit(int64_t won, const std::string& currency)
{
    struct Rate {
        const char* currency;
        int64_t won_per_unit;
    };
    static constexpr Rate rates[]
        = { { "USD", 1400 }, { "CNY", 190 }, { "TWD", 43 }, { "HKD", 180 } };
    for (const auto& rate : rates)
        if (currency == rate.currency)
            return std::max<int64_t>(1, won / rate.won_per_unit / 1000) * 1000 * 100;
    return won;
}

ColumnValues party_columns(Dice& dice, const PartyDraft& party, bool supplier, int number,
    const Branches& branches, const Staff& staff)
{
    int64_t level_roll = dice.between(1, 100);
    const char* level = level_roll <= 15 ? "A" : level_roll <= 50 ? "B" : "C";
    json phones = json::array({ { { "type", "work" }, { "number", party.phone } } });
    if (!party.fax.empty())
        phones.push_back({ { "type", "fax" }, { "number", party.fax } });
    json emails = json::array({ { { "type", "work" },
        { "address", std::string(dice.pick(mailboxes)) + "@" + party.domain } } });

    ColumnValues values = {
        { "code", (supplier ? "S-" : "C-") + zero_padded(number, 4) },
        { "name", party.name },
        { "kind", std::string("company") },
        { "branch_id", branches.id(party.branch) },
        { "level", std::string(level) },
        { "industry", code_of(industry_codes, party.industry) },
        { "source",
            code_of(source_codes,
                std::string(
                    supplier ? dice.pick(supplier_sources) : dice.pick(customer_sources))) },
        { "region", code_of(region_codes, party.territory) },
        { "tags", pick_tags(dice, level, supplier).dump() },
        { "phones", phones.dump() },
        { "emails", emails.dump() },
        { "website", "https://www." + party.domain },
        { "billing_address", party.address.dump() },
        { "payment_terms",
            std::string(
                party.country == "KR" ? dice.pick(domestic_terms) : dice.pick(foreign_terms)) },
        { "currency", party.currency },
    };
    if (!party.registration_number.empty())
        values.emplace_back("registration_number", party.registration_number);
    if (supplier)
        return values;

    // one customer in twelve is still a prospect: no credit line yet
    values.emplace_back("owner_id", owner_for(dice, party, staff));
    if (dice.chance(8)) {
        values.emplace_back("is_prospect", int64_t(1));
        values.emplace_back("is_customer", int64_t(0));
        return values;
    }
    int64_t millions = level[0] == 'A' ? dice.between(100, 500)
        : level[0] == 'B'              ? dice.between(30, 100)
                                       : dice.between(5, 30);
    values.emplace_back("credit_limit", credit_limit(millions * 1'000'000, party.currency));
    return values;
}

Status add_parties(db::Connection& connection, Dice& dice, const http::RequestContext& context,
    const Branches& branches, const Staff& staff)
{
    std::set<std::string> used_names;
    std::set<std::string> used_numbers;
    for (bool supplier : { false, true }) {
        auto view = supplier ? customers::PartyView::suppliers : customers::PartyView::customers;
        int count = supplier ? supplier_count : customer_count;
        for (int number = 1; number <= count; ++number) {
            auto party = new_party(dice, supplier, used_names, used_numbers);
            auto id = customers::insert_party(connection, context, view,
                party_columns(dice, party, supplier, number, branches, staff));
            if (!id)
                return id.take_error();

            std::set<std::string> contact_names;
            for (auto contacts = dice.between(1, supplier ? 2 : 3); contacts > 0; --contacts)
                if (auto contact = customers::insert_contact(
                        connection, context, *id, new_contact(dice, party, contact_names));
                    !contact)
                    return contact.take_error();
        }
    }
    return Ok {};
}

// ---- contact log -----------------------------------------------------------------------------

// What a rep writes after a contact, in the customer's language: Korean, Chinese or English.
struct ActivityText {
    const char* type;
    const char* subject[3];
    const char* outcome[3];
};
const ActivityText activity_texts[] = {
    { "phone_call", { "정기 안부 통화", "季度订货电话", "Quarterly order call" },
        { "다음 달 발주 예정", "下月下单", "Order expected next month" } },
    { "phone_call", { "견적 후속 확인", "报价跟进", "Quote follow-up" },
        { "단가 재검토 요청", "要求重新报价", "Asked for a better price" } },
    { "email", { "신제품 카탈로그 발송", "发送新产品目录", "Sent the new catalogue" },
        { "검토 후 회신 예정", "审阅后回复", "Will reply after review" } },
    { "kakaotalk", { "납기 문의 답변", "交期确认", "Delivery date question" },
        { "이번 주 출고 안내", "本周发货", "Ships this week" } },
    { "wechat", { "샘플 발송 안내", "样品寄送通知", "Sample shipment" },
        { "샘플 수령 확인", "已收到样品", "Sample received" } },
    { "visit", { "현장 방문 상담", "上门拜访", "On-site visit" },
        { "설비 교체 수요 확인", "确认设备更新需求", "Equipment replacement planned" } },
    { "meeting", { "연간 단가 협의", "年度价格洽谈", "Annual price meeting" },
        { "연간 계약 초안 요청", "索要年度合同草案", "Draft annual contract requested" } },
    { "note", { "결제 조건 메모", "付款条件备注", "Payment terms note" },
        { "월말 마감 유지", "维持月结", "Month-end terms kept" } },
};

struct CustomerSeed {
    int64_t id = 0;
    int64_t owner_id = 0;
    int language = 0; // index into ActivityText: 0 Korean, 1 Chinese, 2 English
    std::vector<int64_t> contacts;
};

std::vector<CustomerSeed> customer_seeds(db::Connection& connection, int64_t tenant_id)
{
    std::vector<CustomerSeed> seeds;
    std::map<int64_t, size_t> index;
    for (const auto& row : connection.query(
             "SELECT id, owner_id, currency FROM parties WHERE tenant_id = ? AND owner_id IS NOT "
             "NULL AND (is_customer = 1 OR is_prospect = 1) ORDER BY id",
             { tenant_id })) {
        auto currency = row.str("currency");
        index[row.i64("id")] = seeds.size();
        seeds.push_back({ row.i64("id"), row.i64("owner_id"),
            currency == "KRW"       ? 0
                : currency == "USD" ? 2
                                    : 1,
            {} });
    }
    for (const auto& row : connection.query(
             "SELECT party_id, id FROM contacts WHERE tenant_id = ? ORDER BY id", { tenant_id }))
        if (auto found = index.find(row.i64("party_id")); found != index.end())
            seeds[found->second].contacts.push_back(row.i64("id"));
    return seeds;
}

// The next contact date the rep set on the latest contact: due today for about one customer in
// twenty, tomorrow, overdue by one to three weeks, or in the coming weeks. Never before the
// contact.
std::optional<std::string> next_contact_for(
    Dice& dice, const std::string& today, const std::string& last_contact_on)
{
    int64_t roll = dice.between(1, 100);
    std::string date;
    if (roll <= 6)
        date = today;
    else if (roll <= 10)
        date = dates::add_days(today, 1);
    else if (roll <= 22)
        date = dates::add_days(today, -static_cast<int>(dice.between(1, 21)));
    else if (roll <= 80)
        date = dates::add_days(today, static_cast<int>(dice.between(2, 45)));
    else
        return std::nullopt;
    if (dates::days_between(last_contact_on, date) < 0)
        return dates::add_days(last_contact_on, 1);
    return date;
}

// A few months of contacts per customer ending before today, so that the Today page has calls due
// today and tomorrow, overdue ones and customers nobody called for a long time.
Status add_activities(db::Connection& connection, int64_t tenant_id)
{
    Dice dice(activity_seed);
    auto time_zone = auth::tenant_time_zone(connection, tenant_id);
    auto today = dates::today_in(time_zone);
    std::map<int64_t, std::optional<int64_t>> employee_of;
    for (const auto& customer : customer_seeds(connection, tenant_id)) {
        auto [known, added] = employee_of.try_emplace(customer.owner_id);
        if (added)
            known->second
                = activities::store::employee_of_user(connection, tenant_id, customer.owner_id);
        // one customer in ten has never been contacted; the others between one and six times,
        // the oldest up to half a year ago
        int64_t count = dice.chance(10) ? 0 : dice.between(1, 6);
        int days_ago = static_cast<int>(dice.between(1, 180));
        for (int64_t i = 0; i < count; ++i) {
            auto on = dates::add_days(today, -days_ago);
            auto start = dates::parse_instant(dates::start_of_day(time_zone, on));
            auto at = *start + std::chrono::minutes(dice.between(9 * 60, 18 * 60 - 1));
            const auto& text = dice.pick(activity_texts);
            activities::store::Columns columns = { { "party_id", customer.id },
                { "type", std::string(text.type) }, { "occurred_at", clock::iso_instant(at) },
                { "occurred_on", on }, { "subject", std::string(text.subject[customer.language]) },
                { "outcome", std::string(text.outcome[customer.language]) },
                { "user_id", customer.owner_id } };
            if (std::string(text.type) != "note")
                columns.emplace_back("duration_minutes", dice.between(1, 12) * 5);
            if (!customer.contacts.empty())
                columns.emplace_back("contact_id",
                    customer.contacts[static_cast<size_t>(
                        dice.between(0, static_cast<int64_t>(customer.contacts.size()) - 1))]);
            if (known->second)
                columns.emplace_back("employee_id", *known->second);
            if (i + 1 == count)
                if (auto next = next_contact_for(dice, today, on))
                    columns.emplace_back("next_contact_date", *next);
            activities::store::insert_activity(
                connection, tenant_id, connection.next_id(), columns);
            days_ago -= static_cast<int>(dice.between(0, std::max(0, days_ago - 1) / 2));
        }
        if (count > 0)
            activities::store::refresh_contact_dates(connection, tenant_id, customer.id);
    }
    return Ok {};
}

// ---- products --------------------------------------------------------------------------------

struct ProductLine {
    const char* korean;
    const char* chinese;
    const char* english;
    const char* category;
    const char* unit;
    const char* specification;
    int64_t base_price; // won, for the smallest variant
    bool tax_exempt; // unprocessed farm produce carries no VAT in Korea
    const char* variants[4];
};
const ProductLine product_lines[] = {
    { "육각볼트", "六角螺栓", "Hex Bolt", "체결부품", "개", "SUS304, KS B 1002", 120, false,
        { "M6×20", "M8×30", "M10×40", "M12×50" } },
    { "육각너트", "六角螺母", "Hex Nut", "체결부품", "개", "SUS304, KS B 1012", 50, false,
        { "M6", "M8", "M10", "M12" } },
    { "평와셔", "平垫圈", "Flat Washer", "체결부품", "개", "SUS304", 30, false,
        { "M6", "M8", "M10", "M12" } },
    { "볼베어링", "深沟球轴承", "Deep Groove Ball Bearing", "기계부품", "EA", "양면 고무실, 강철",
        4500, false, { "6201ZZ", "6202ZZ", "6203ZZ", "6204ZZ" } },
    { "V벨트", "三角带", "V-Belt", "기계부품", "EA", "KS M 6535", 8900, false,
        { "A-35", "A-42", "B-50", "B-60" } },
    { "유압호스", "液压软管", "Hydraulic Hose", "기계부품", "m", "2-wire braid, 210 bar", 12000,
        false, { "1/4\"", "3/8\"", "1/2\"", "3/4\"" } },
    { "근접센서", "接近传感器", "Proximity Sensor", "전자부품", "EA", "DC 10–30V, IP67", 38000,
        false, { "M12 PNP", "M12 NPN", "M18 PNP", "M18 NPN" } },
    { "파워릴레이", "功率继电器", "Power Relay", "전자부품", "EA", "10A 250VAC", 6500, false,
        { "12V 1c", "24V 1c", "12V 2c", "24V 2c" } },
    { "스위칭 파워서플라이", "开关电源", "Switching Power Supply", "전자부품", "EA",
        "AC 100–240V 입력, DIN 레일", 42000, false, { "12V 5A", "24V 2.5A", "24V 5A", "24V 10A" } },
    { "USB-C 케이블", "USB-C数据线", "USB-C Cable", "전자부품", "EA", "USB 3.2, 60W PD", 5900,
        false, { "0.5m", "1m", "2m", "3m" } },
    { "LED 투광등", "LED投光灯", "LED Flood Light", "조명", "EA", "5000K, IP66", 55000, false,
        { "50W", "100W", "150W", "200W" } },
    { "산업용 안전장갑", "劳保手套", "Safety Gloves", "안전용품", "EA", "니트릴 코팅, EN 388", 2500,
        false, { "S", "M", "L", "XL" } },
    { "안전모", "安全帽", "Safety Helmet", "안전용품", "EA", "ABS, KCs 인증", 15000, false,
        { "HM-100", "HM-200", "HM-300", "HM-400" } },
    { "방진 마스크", "防尘口罩", "Dust Mask", "안전용품", "箱", "20매입", 32000, false,
        { "KF80", "KF94", "N95", "FFP2" } },
    { "골판지 박스", "瓦楞纸箱", "Corrugated Box", "포장재", "箱", "5겹, 10장 묶음", 18000, false,
        { "300×200×150", "400×300×250", "500×400×300", "600×400×400" } },
    { "스트레치 필름", "缠绕膜", "Stretch Film", "포장재", "롤", "LLDPE 20μm", 14000, false,
        { "500mm×200m", "500mm×300m", "500mm×400m", "500mm×500m" } },
    { "OPP 테이프", "封箱胶带", "Packing Tape", "포장재", "箱", "50개입", 36000, false,
        { "48mm×40m", "48mm×80m", "72mm×40m", "72mm×80m" } },
    { "에어캡", "气泡膜", "Bubble Wrap", "포장재", "롤", "50m", 22000, false,
        { "0.5m", "1m", "1.2m", "1.5m" } },
    { "복사용지 A4", "A4复印纸", "Copy Paper A4", "사무용품", "箱", "2,500매", 26000, false,
        { "75g", "80g", "85g", "90g" } },
    { "볼펜", "圆珠笔", "Ballpoint Pen", "사무용품", "개", "유성, 흑색", 500, false,
        { "0.5mm", "0.7mm", "1.0mm", "1.6mm" } },
    { "토너 카트리지", "硒鼓", "Toner Cartridge", "사무용품", "EA", "호환, 3,000매", 68000, false,
        { "Black", "Cyan", "Magenta", "Yellow" } },
    { "절삭유", "切削液", "Cutting Fluid", "화학", "통", "수용성", 48000, false,
        { "4L", "18L", "20L", "200L" } },
    { "에폭시 접착제", "环氧胶", "Epoxy Adhesive", "화학", "EA", "2액형, 5분 경화", 9800, false,
        { "50ml", "100ml", "250ml", "1kg" } },
    { "공업용 에탄올", "工业酒精", "Industrial Ethanol", "화학", "kg", "드럼 출고", 3200, false,
        { "95%", "99%", "99.5%", "99.9%" } },
    { "원두커피", "咖啡豆", "Coffee Beans", "식품", "kg", "미디엄 로스트", 28000, false,
        { "Colombia", "Brazil", "Ethiopia", "Guatemala" } },
    { "국산 찹쌀", "糯米", "Glutinous Rice", "식품", "포", "2025년산", 18000, true,
        { "4kg", "10kg", "20kg", "40kg" } },
    { "백설탕", "白砂糖", "White Sugar", "식품", "kg", "정제당", 1500, false,
        { "1kg", "3kg", "15kg", "25kg" } },
    { "건고추", "干辣椒", "Dried Red Pepper", "식품", "봉", "국내산, 태양초", 18000, true,
        { "600g", "1kg", "3kg", "10kg" } },
    { "스테인리스 파이프", "不锈钢管", "Stainless Steel Pipe", "금속자재", "m", "SUS304, Sch10",
        15000, false, { "15A", "20A", "25A", "32A" } },
    { "알루미늄 프로파일", "铝型材", "Aluminium Profile", "금속자재", "m", "6063-T5, 아노다이징",
        9000, false, { "2020", "3030", "4040", "4080" } },
};

// Whole won, to the nearest 10 below ₩10,000 and the nearest 100 above.
int64_t round_won(int64_t won)
{
    int64_t step = won < 10000 ? 10 : 100;
    return std::max(step, (won + step / 2) / step * step);
}

Status add_products(db::Connection& connection, Dice& dice, int64_t tenant_id)
{
    // unit_price and cost are stored at scale 4, tax_rate at scale 2 (10 % = 1000)
    constexpr int64_t price_unit = 10000;
    int number = 0;
    for (const auto& line : product_lines) {
        for (int variant = 0; variant < 4; ++variant) {
            int64_t roll = dice.between(1, 100);
            std::string name = roll <= 60 ? line.korean : roll <= 80 ? line.chinese : line.english;
            int64_t price = round_won(line.base_price * (100 + 45 * variant) / 100);
            int64_t cost = round_won(price * dice.between(55, 80) / 100);
            ColumnValues values = { { "code", "P-" + zero_padded(++number, 4) },
                { "name", name + " " + line.variants[variant] },
                { "specification", std::string(line.specification) },
                { "unit", std::string(line.unit) }, { "category", std::string(line.category) },
                { "unit_price", price * price_unit }, { "cost", cost * price_unit },
                { "tax_rate", int64_t(line.tax_exempt ? 0 : 1000) } };
            if (auto id = catalog::insert_product(connection, tenant_id, values); !id)
                return id.take_error();
        }
    }
    return Ok {};
}

} // namespace

Result<DemoSignIn> ensure_demo_tenant(
    db::Database& database, const std::string& email, const std::string& password)
{
    auto existing = database.read([&](db::Connection& connection) {
        return connection.query_one(
            "SELECT id FROM tenants WHERE name = ? ORDER BY id LIMIT 1", { demo_name });
    });
    if (existing)
        return DemoSignIn { existing->i64(0), email, password, false };

    // NOTE: create_tenant and add_member commit on their own, so a failure half-way leaves a
    // partial demo that a rerun will not complete; drop the database file and start again.
    auto tenant = auth::create_tenant(
        database, { demo_name, "KRW", "Asia/Seoul", "ko" }, { "홍길동", email, password });
    if (!tenant)
        return tenant.take_error();
    auto branches = add_branches(database, tenant->tenant_id);
    if (!branches)
        return branches.take_error();
    auto staff = add_staff(database, tenant->tenant_id, *branches, password);
    if (!staff)
        return staff.take_error();

    http::RequestContext owner;
    owner.tenant_id = tenant->tenant_id;
    owner.user_id = tenant->user_id;
    owner.branch_id = branches->head_office;
    owner.role = "owner";
    owner.scope = "all";
    owner.locale = "ko";
    // the generator hands customers to the reps, as the owner may
    owner.permissions = { "customers.transfer" };

    // one seed for everything after the accounts, so the data is the same on every run
    Dice dice(demo_seed);
    auto filled = database.write([&](db::Connection& connection) -> Result<Ok> {
        if (auto done = add_employees(connection, dice, owner.tenant_id, *branches, *staff); !done)
            return done;
        if (auto done = add_parties(connection, dice, owner, *branches, *staff); !done)
            return done;
        if (auto done = add_products(connection, dice, owner.tenant_id); !done)
            return done;
        return add_activities(connection, owner.tenant_id);
    });
    if (!filled)
        return filled.take_error();
    for (const auto& item : demo_list_items)
        if (auto added = customers::add_list_item(
                database, owner, item.list, { { "code", item.code }, { "label", item.label } });
            !added)
            return added.take_error();
    return DemoSignIn { tenant->tenant_id, email, password, true };
}

} // namespace rapport::app
