// Record ids: UUIDv7 strings (time-ordered, 74 random bits), and secrets for tokens.
#pragma once

#include <string>
#include <string_view>

namespace northstar {

std::string NewId();
bool IsValidId(std::string_view id);

// A URL-safe random secret of `bytes` random bytes (base64url, no padding).
std::string RandomSecret(size_t bytes = 32);
// BLAKE2b-256 of a secret as lower-case hex; what the database stores instead of the secret.
std::string HashSecret(std::string_view secret);
// Constant-time comparison of two strings of equal length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);
std::string ToHex(std::string_view bytes);

}  // namespace northstar
