// The text of vCard values, shared by the reader's steps: transfer encodings, charsets and the
// backslash escapes of structured values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::customers::vcard::values {

std::string decode_quoted_printable(std::string_view text);
// Skips whatever is not base64 (spaces of folded lines, stray line ends).
std::string decode_base64(std::string_view text);
// The ICU converter for a CHARSET parameter; empty when neither we nor ICU know the name.
std::optional<std::string> converter_for(std::string_view charset);
// Converts with substitution: one bad byte in a phone's export must not lose the whole card.
std::string to_utf8(std::string_view bytes, const std::string& converter_name);
// Splits a structured value at unescaped `separator` and unescapes each part (\\ \; \, \n \:).
std::vector<std::string> components(std::string_view text, char separator = ';');
std::string unescape(std::string_view text);

} // namespace rapport::customers::vcard::values
