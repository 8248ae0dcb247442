// Turning the bytes of an uploaded text file into UTF-8: detected or chosen by the user.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace rapport::documents {

// Uploaded files larger than this are refused before any parsing.
inline constexpr std::size_t max_document_bytes = 50 * 1024 * 1024;

// The payload_too_large error (detail "file_too_large") for a file of `size` bytes.
Error file_too_large(std::size_t size);

struct DecodedText {
    std::string utf8; // without a byte order mark
    std::string encoding; // canonical name: "UTF-8", "UTF-16LE", "CP949", "GB18030", "Big5" ...
};

// Decodes `bytes` to UTF-8. `encoding_override` is "" or "auto" to detect, otherwise one of
// "UTF-8", "UTF-16LE", "UTF-16BE", "CP949", "EUC-KR", "GB18030", "GBK", "Big5", "windows-1252"
// (case-insensitive; common aliases such as "cp949", "euc-kr", "gb2312", "latin1" accepted).
// Detection never guesses: text it cannot place confidently gives encoding_undetected, with the
// plausible encodings listed as fields {path "encoding", code "candidate", message <name>}.
// An override that does not decode cleanly gives invalid_input on field "encoding".
Result<DecodedText> decode_text(std::string_view bytes, std::string_view encoding_override = "");

} // namespace rapport::documents
