#include "core/email_address.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(EmailAddressTest, AcceptsPlainAddresses) {
  EXPECT_TRUE(IsEmailAddress("ssr2-staff@icann.org"));
  EXPECT_TRUE(IsEmailAddress("denise.michel+ssr2@example.co.uk"));
  EXPECT_TRUE(IsEmailAddress("o'brien@mail.example"));
}

TEST(EmailAddressTest, RefusesWhatCouldNotGoInAHeaderAsIs) {
  for (const char* bad : {"", "nobody", "@icann.org", "staff@", "staff@localhost", "a..b@icann.org",
                          ".a@icann.org", "a.@icann.org", "a b@icann.org", "a@icann..org",
                          "a@-icann.org", "a@icann.org\r\nBcc: x@y.z", "Staff <staff@icann.org>",
                          "a@b@icann.org", "\"a\"@icann.org", "a@[127.0.0.1]", "a@ícann.org"}) {
    EXPECT_FALSE(IsEmailAddress(bad)) << bad;
  }
  EXPECT_FALSE(IsEmailAddress(std::string(65, 'a') + "@icann.org"));
  EXPECT_FALSE(IsEmailAddress("a@" + std::string(64, 'b') + ".org"));
}

}  // namespace
}  // namespace plenary
