#include "core/text.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace rapport::text {

bool is_valid_utf8(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        size_t length = byte < 0x80 ? 1
            : (byte >> 5) == 6      ? 2
            : (byte >> 4) == 14     ? 3
            : (byte >> 3) == 30     ? 4
                                    : 0;
        if (length == 0 || i + length > text.size())
            return false;
        uint32_t code = length == 1 ? byte : byte & (0x7F >> length);
        for (size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3F);
        }
        // reject overlong forms, surrogates and values past U+10FFFF
        static const uint32_t minimum[] = { 0, 0, 0x80, 0x800, 0x10000 };
        if (code < minimum[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
            return false;
        i += length;
    }
    return true;
}

size_t code_points(std::string_view text)
{
    size_t count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    return count;
}

std::string trim(std::string_view text)
{
    const char* space = " \t\r\n\v\f";
    auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    auto last = text.find_last_not_of(space);
    return std::string(text.substr(first, last - first + 1));
}

std::string fold(std::string_view text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    icu::UnicodeString source
        = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
    icu::UnicodeString folded = nfkc_casefold->normalize(source, status);
    if (U_FAILURE(status))
        return std::string(text);
    std::string out;
    folded.toUTF8String(out);
    return out;
}

std::string digits(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (c >= '0' && c <= '9')
            out.push_back(c);
    return out;
}

bool is_email(std::string_view text)
{
    auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || at != text.rfind('@') || text.size() > 254)
        return false;
    auto domain = text.substr(at + 1);
    auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.')
        return false;
    for (char c : text)
        if (static_cast<unsigned char>(c) <= ' ' || c == ',' || c == ';' || c == '<' || c == '>')
            return false;
    return true;
}

std::string random_token(size_t bytes)
{
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1)
        throw std::runtime_error("no random bytes available");
    static const char alphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : raw) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            out.push_back(alphabet[(buffer >> (bits - 6)) & 0x3F]);
            bits -= 6;
        }
    }
    if (bits > 0)
        out.push_back(alphabet[(buffer << (6 - bits)) & 0x3F]);
    return out;
}

std::string sha256_hex(std::string_view data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

std::string escape_like(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

} // namespace rapport::text
