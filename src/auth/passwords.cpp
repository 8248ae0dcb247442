#include "auth/passwords.h"

#include "core/text.h"

#include <argon2.h>
#include <stdexcept>
#include <vector>

namespace rapport::auth {

namespace {

// OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane.
constexpr uint32_t time_cost = 2;
constexpr uint32_t memory_kib = 19 * 1024;
constexpr uint32_t lanes = 1;
constexpr size_t hash_bytes = 32;

} // namespace

std::string hash_password(std::string_view password)
{
    auto salt = text::random_token(16);
    std::vector<char> encoded(
        argon2_encodedlen(time_cost, memory_kib, lanes, salt.size(), hash_bytes, Argon2_id));
    int status = argon2id_hash_encoded(time_cost, memory_kib, lanes, password.data(),
        password.size(), salt.data(), salt.size(), hash_bytes, encoded.data(), encoded.size());
    if (status != ARGON2_OK)
        throw std::runtime_error(std::string("argon2id failed: ") + argon2_error_message(status));
    return std::string(encoded.data());
}

bool verify_password(std::string_view password, const std::string& encoded_hash)
{
    return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

} // namespace rapport::auth
