#include "core/decimal.h"

#include <limits>

namespace rapport {

Result<int64_t> parse_decimal(std::string_view text, int scale, std::string_view path)
{
    auto invalid = [&](std::string message) {
        return Error::invalid(std::string(path), "invalid_decimal", message);
    };
    size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        negative = text[i++] == '-';
    if (i == text.size())
        return invalid("not a number");

    // thousands separators only where they group the whole part by three: "1,234.5", never "1,5"
    auto body = text.substr(i);
    auto whole = body.substr(0, body.find('.'));
    if (whole.find(',') != std::string_view::npos) {
        size_t group = 0;
        bool first_group = true;
        for (size_t k = 0; k <= whole.size(); ++k) {
            if (k == whole.size() || whole[k] == ',') {
                if (group == 0 || group > 3 || (!first_group && group != 3))
                    return invalid("not a number");
                first_group = false;
                group = 0;
            } else {
                ++group;
            }
        }
    }

    __int128 units = 0;
    int fraction_digits = -1;
    bool any_digit = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == ',' && fraction_digits < 0)
            continue;
        if (c == '.' && fraction_digits < 0) {
            fraction_digits = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return invalid("not a number");
        any_digit = true;
        if (fraction_digits >= 0 && ++fraction_digits > scale)
            return invalid("at most " + std::to_string(scale) + " decimal places");
        units = units * 10 + (c - '0');
        if (units > std::numeric_limits<int64_t>::max())
            return invalid("too large");
    }
    if (!any_digit)
        return invalid("not a number");
    for (int k = fraction_digits < 0 ? 0 : fraction_digits; k < scale; ++k) {
        units *= 10;
        if (units > std::numeric_limits<int64_t>::max())
            return invalid("too large");
    }
    return static_cast<int64_t>(negative ? -units : units);
}

std::string format_decimal(int64_t units, int scale, int min_fraction)
{
    bool negative = units < 0;
    auto magnitude = negative ? -static_cast<__int128>(units) : static_cast<__int128>(units);
    __int128 divisor = 1;
    for (int k = 0; k < scale; ++k)
        divisor *= 10;
    auto whole = static_cast<uint64_t>(magnitude / divisor);
    auto fraction = static_cast<uint64_t>(magnitude % divisor);

    std::string fraction_text = scale > 0 ? std::to_string(fraction) : "";
    fraction_text.insert(0, static_cast<size_t>(scale) - fraction_text.size(), '0');
    while (static_cast<int>(fraction_text.size()) > min_fraction && !fraction_text.empty()
        && fraction_text.back() == '0')
        fraction_text.pop_back();
    std::string out = (negative ? "-" : "") + std::to_string(whole);
    if (!fraction_text.empty())
        out += "." + fraction_text;
    return out;
}

} // namespace rapport
