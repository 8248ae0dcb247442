// Text helpers shared by every domain: validation, folding for search, tokens and hashes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rapport::text {

bool is_valid_utf8(std::string_view text);
// Number of Unicode code points (what a user calls the length of a name).
size_t code_points(std::string_view text);
std::string trim(std::string_view text);
// Case-folded, NFKC-normalised text for case-insensitive matching.
std::string fold(std::string_view text);
// Only the ASCII digits of a phone number: "+82 10-1234-5678" -> "821012345678".
std::string digits(std::string_view text);
bool is_email(std::string_view text);
// Cryptographically random token, URL-safe base64 of `bytes` random bytes.
std::string random_token(size_t bytes = 32);
std::string sha256_hex(std::string_view data);
// Escapes LIKE wildcards with backslash for use with `LIKE ? ESCAPE '\'`.
std::string escape_like(std::string_view text);

} // namespace rapport::text
