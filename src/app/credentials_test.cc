#include "app/credentials.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

namespace plenary {
namespace {

const PasswordCost kFast{crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};

TEST(Credentials, PasswordsHashWithArgon2idAndVerify) {
  auto hash = HashPassword("correct horse battery staple", kFast);
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(VerifyPassword("", "x"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "x"));
  EXPECT_NE(*HashPassword("same", kFast), *HashPassword("same", kFast)) << "salted";
}

TEST(Credentials, TheDefaultCostIsInteractiveUnlessTestsLowerIt) {
  unsetenv("PLENARY_PASSWORD_COST");
  EXPECT_EQ(DefaultPasswordCost().opslimit, crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE);
  EXPECT_EQ(DefaultPasswordCost().memlimit, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE);
  setenv("PLENARY_PASSWORD_COST", "test", 1);
  EXPECT_EQ(DefaultPasswordCost().memlimit, crypto_pwhash_argon2id_MEMLIMIT_MIN);
  unsetenv("PLENARY_PASSWORD_COST");
}

TEST(Credentials, BadPasswordsAreRefused) {
  EXPECT_EQ(HashPassword("", kFast).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(HashPassword(std::string(1025, 'x'), kFast).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(HashPassword(std::string("a\0b", 3), kFast).error().kind, ErrorKind::kInvalidInput);
}

TEST(Credentials, TokensAreRandomUrlSafeAndStoredAsDigests) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string token = NewToken();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(NewApiToken().rfind("plenary_", 0), 0u);
  EXPECT_EQ(TokenDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Credentials, SecretsCompare) {
  EXPECT_TRUE(SecretsEqual("abc", "abc"));
  EXPECT_FALSE(SecretsEqual("abc", "abd"));
  EXPECT_FALSE(SecretsEqual("abc", "abcd"));
  EXPECT_TRUE(SecretsEqual("", ""));
}

}  // namespace
}  // namespace plenary
