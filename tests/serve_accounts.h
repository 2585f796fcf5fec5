// Accounts for the server tests, made straight in the site tables of the
// register the server under test opens: users with grants, their API tokens.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/credentials.h"
#include "plenary/site.h"

namespace plenary::http_testing {

// Creates the user (with `password`, when not empty) and an API token for
// them; returns the token.
inline std::string AddAccount(SiteStore& site, const std::string& login, const std::string& person,
                              bool admin, const std::vector<GroupGrant>& grants,
                              const std::string& password = "") {
  NewUser user{login, login, person, "", admin};
  if (!password.empty()) user.password_hash = HashPassword(password, PasswordCost{1, 8192}).value();
  auto created = site.CreateUser(user);
  EXPECT_TRUE(created.ok()) << created.error().message;
  if (!created.ok()) return "";
  for (const GroupGrant& g : grants) EXPECT_TRUE(site.SetGrant(created->id, g.group, g.role).ok());
  const std::string token = NewApiToken();
  EXPECT_TRUE(site.CreateApiToken(created->id, login, TokenDigest(token), 0).ok());
  return token;
}

inline std::string Bearer(const std::string& token) { return "Authorization: Bearer " + token; }

}  // namespace plenary::http_testing
