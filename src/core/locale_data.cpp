#include "core/locale_data.h"

#include <fmt/format.h>
#include <memory>
#include <unicode/calendar.h>
#include <unicode/timezone.h>
#include <unicode/ucurr.h>
#include <unicode/unistr.h>

namespace rapport {

bool is_currency(const std::string& iso_code)
{
    if (iso_code.size() != 3)
        return false;
    for (char c : iso_code)
        if (c < 'A' || c > 'Z')
            return false;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString code(iso_code.c_str(), "US-ASCII");
    // a currency ICU knows is legal tender somewhere at some time
    return ucurr_isAvailable(code.getTerminatedBuffer(), -8.64e15, 8.64e15, &status)
        && U_SUCCESS(status);
}

int currency_minor_digits(const std::string& iso_code)
{
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString code(iso_code.c_str(), "US-ASCII");
    int digits = ucurr_getDefaultFractionDigits(code.getTerminatedBuffer(), &status);
    return U_SUCCESS(status) ? digits : 2;
}

bool is_time_zone(const std::string& iana_name)
{
    if (iana_name.empty())
        return false;
    std::unique_ptr<icu::TimeZone> zone(
        icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(iana_name)));
    icu::UnicodeString id;
    zone->getID(id);
    return id != icu::UnicodeString("Etc/Unknown");
}

bool is_supported_locale(const std::string& locale)
{
    return locale == "ko" || locale == "zh-CN" || locale == "en";
}

} // namespace rapport
