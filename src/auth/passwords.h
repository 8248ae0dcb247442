// Argon2id password hashes in the standard encoded form ($argon2id$v=19$m=…).
#pragma once

#include <string>
#include <string_view>

namespace rapport::auth {

std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& encoded_hash);

} // namespace rapport::auth
