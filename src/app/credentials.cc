#include "app/credentials.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "app/importing.h"

namespace plenary {
namespace {

// sodium_init is safe to call more than once, but must precede every other
// libsodium call; its failure (no entropy source) leaves nothing secure to do.
void EnsureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot initialise");
  });
}

}  // namespace

PasswordCost DefaultPasswordCost() {
  if (const char* env = std::getenv("PLENARY_PASSWORD_COST");
      env && std::string_view(env) == "test")
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  if (password.empty()) return Error::InvalidInput("password: empty");
  if (password.size() > kMaxPasswordBytes)
    return Error::InvalidInput("password: longer than 1024 bytes");
  if (password.find('\0') != std::string_view::npos)
    return Error::InvalidInput("password: contains a NUL byte");
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opslimit, cost.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Error::Internal("password hashing failed (out of memory)");
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  EnsureSodium();
  std::string terminated(hash);  // crypto_pwhash_str_verify reads a C string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string NewToken() {
  EnsureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::vector<char> text(sodium_base64_ENCODED_LEN(sizeof bytes, kVariant));
  sodium_bin2base64(text.data(), text.size(), bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  return std::string(text.data());
}

std::string NewApiToken() { return "plenary_" + NewToken(); }

std::string TokenDigest(std::string_view token) { return Sha256Hex(token); }

bool SecretsEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  EnsureSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace plenary
