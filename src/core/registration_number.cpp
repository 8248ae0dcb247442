#include "core/registration_number.h"

#include <cctype>

namespace rapport {

namespace {

// The credit code's alphabet: digits and capitals without I, O, S, V, Z.
constexpr std::string_view credit_code_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

} // namespace

std::string normalise_registration_number(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    return out;
}

RegistrationKind registration_kind(std::string_view text)
{
    auto number = normalise_registration_number(text);
    bool all_digits
        = !number.empty() && number.find_first_not_of("0123456789") == std::string::npos;
    if (number.size() == 10 && all_digits)
        return RegistrationKind::korean_business_number;
    if (number.size() == 18 && number.find_first_not_of(credit_code_alphabet) == std::string::npos)
        return RegistrationKind::chinese_credit_code;
    return RegistrationKind::unknown;
}

bool valid_korean_business_number(std::string_view digits)
{
    if (digits.size() != 10 || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    static const int weights[] = { 1, 3, 7, 1, 3, 7, 1, 3, 5 };
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += (digits[i] - '0') * weights[i];
    // the ninth digit times five counts once more with its tens
    sum += ((digits[8] - '0') * 5) / 10;
    return (10 - sum % 10) % 10 == digits[9] - '0';
}

bool valid_chinese_credit_code(std::string_view code)
{
    if (code.size() != 18)
        return false;
    static const int weights[] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        auto value = credit_code_alphabet.find(code[i]);
        if (value == std::string_view::npos)
            return false;
        sum += static_cast<int>(value) * weights[i];
    }
    auto check = (31 - sum % 31) % 31;
    return credit_code_alphabet.find(code[17]) == static_cast<size_t>(check);
}

Status check_registration_number(std::string_view text)
{
    auto number = normalise_registration_number(text);
    switch (registration_kind(text)) {
    case RegistrationKind::korean_business_number:
        if (!valid_korean_business_number(number))
            return Error::make(ErrorCode::invalid_input, "invalid_check_digit",
                "is not a valid Korean business registration number (the check digit does not "
                "match)");
        break;
    case RegistrationKind::chinese_credit_code:
        if (!valid_chinese_credit_code(number))
            return Error::make(ErrorCode::invalid_input, "invalid_check_digit",
                "is not a valid unified social credit code (the check character does not match)");
        break;
    case RegistrationKind::unknown:
        break;
    }
    return Ok {};
}

} // namespace rapport
