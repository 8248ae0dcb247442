// Business registration numbers with check digits: the Korean 사업자등록번호 (10 digits) and the
// Chinese unified social credit code (统一社会信用代码, 18 characters, GB 32100-2015).
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace rapport {

enum class RegistrationKind { unknown, korean_business_number, chinese_credit_code };

// Which kind the text looks like after removing spaces and dashes (10 digits: Korean; 18
// characters of the credit-code alphabet: Chinese); unknown otherwise.
RegistrationKind registration_kind(std::string_view text);
// "1248100998" for "124-81-00998"; the credit code upper-cased.
std::string normalise_registration_number(std::string_view text);
bool valid_korean_business_number(std::string_view digits);
bool valid_chinese_credit_code(std::string_view code);
// Ok for numbers of an unknown kind (kept as typed); an Error naming the failed check otherwise.
Status check_registration_number(std::string_view text);

} // namespace rapport
