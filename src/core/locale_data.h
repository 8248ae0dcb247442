// Currencies, time zones and locales as ICU knows them.
#pragma once

#include <string>

namespace rapport {

bool is_currency(const std::string& iso_code);
// Digits after the decimal point of the currency's minor unit: KRW 0, USD 2.
int currency_minor_digits(const std::string& iso_code);
bool is_time_zone(const std::string& iana_name);
bool is_supported_locale(const std::string& locale); // "ko", "zh-CN", "en"

} // namespace rapport
