#include "store/store_url.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(StoreUrl, RecognisesBothPostgresSchemes) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://h/db"));
  EXPECT_TRUE(IsPostgresUrl("POSTGRES://h/db"));
  EXPECT_FALSE(IsPostgresUrl("sqlite:plenary.db"));
  EXPECT_FALSE(IsPostgresUrl("postgresql.db"));
}

TEST(StoreUrl, RedactsTheUserinfoPassword) {
  EXPECT_EQ(RedactUrl("postgresql://staff:s3cret@db.example:5432/plenary"),
            "postgresql://staff:***@db.example:5432/plenary");
  EXPECT_EQ(RedactUrl("postgres://staff:p@ss@db/plenary"), "postgres://staff:***@db/plenary");
  EXPECT_EQ(RedactUrl("postgresql://staff@db/plenary"), "postgresql://staff@db/plenary");
  EXPECT_EQ(RedactUrl("postgresql://db:5432/plenary"), "postgresql://db:5432/plenary");
}

TEST(StoreUrl, RedactsAPasswordParameter) {
  EXPECT_EQ(RedactUrl("postgresql://staff@db/plenary?sslmode=require&password=s3cret&x=1"),
            "postgresql://staff@db/plenary?sslmode=require&password=***&x=1");
  EXPECT_EQ(RedactUrl("postgresql://a:b@db/p?PASSWORD=c"), "postgresql://a:***@db/p?PASSWORD=***");
}

TEST(StoreUrl, RedactsThePasswordInsideOtherText) {
  EXPECT_EQ(RedactPasswordIn("FATAL: password s3cret is wrong", "postgresql://u:s3cret@h/db"),
            "FATAL: password *** is wrong");
  EXPECT_EQ(RedactPasswordIn("no password here", "postgresql://u@h/db"), "no password here");
}

}  // namespace
}  // namespace plenary
