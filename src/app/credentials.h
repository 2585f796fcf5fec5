// Secrets for the web app and the CLI's account commands: Argon2id password
// hashes (libsodium crypto_pwhash_str), random tokens and their SHA-256
// digests, and comparison of secrets in constant time. No I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "plenary/result.h"

namespace plenary {

// The Argon2id work factor of new password hashes.
struct PasswordCost {
  unsigned long long opslimit = 0;
  std::size_t memlimit = 0;
};

// libsodium's "interactive" cost (2 passes, 64 MiB), unless the environment
// variable PLENARY_PASSWORD_COST is "test": then the minimum (1 pass, 8 KiB),
// so that test suites stay fast. Hashes keep their own cost, so a hash made
// either way verifies either way.
PasswordCost DefaultPasswordCost();

constexpr std::size_t kMaxPasswordBytes = 1024;

// A crypto_pwhash_str string (Argon2id). InvalidInput for an empty password,
// one over kMaxPasswordBytes, or one with a NUL byte; Internal when libsodium
// fails (out of memory).
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);

// Whether `password` matches `hash` (a HashPassword result). False for an
// empty or malformed hash. Takes the hash's own time whether or not it matches.
bool VerifyPassword(std::string_view hash, std::string_view password);

// A new random secret: 32 bytes from the system's CSPRNG, base64url without
// padding (43 characters). Sessions and CSRF tokens are these as they are.
std::string NewToken();

// An API token: "plenary_" + NewToken(), so that secret scanners and people
// can tell what it is.
std::string NewApiToken();

// Lowercase hex SHA-256 of `token`: how sessions and API tokens are stored.
std::string TokenDigest(std::string_view token);

// Whether `a` equals `b`, taking the same time wherever they differ (the
// length is not secret).
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace plenary
