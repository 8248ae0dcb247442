// Fixed-point decimals for prices, quantities and rates: an int64 count of 10^-scale units.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace rapport {

// Parses "12.5", "-3", "1,234.50" (thousands commas allowed) into units of 10^-scale.
// More fractional digits than `scale` is an error, never a silent rounding.
Result<int64_t> parse_decimal(std::string_view text, int scale, std::string_view path);
// Formats units of 10^-scale with at least `min_fraction` fractional digits, trailing zeros beyond
// that dropped: format_decimal(185000, 4, 2) == "18.50".
std::string format_decimal(int64_t units, int scale, int min_fraction);

} // namespace rapport
