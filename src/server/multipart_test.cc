#include "server/multipart.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

TEST(MultipartTest, ReadsFieldsAndAFileAsABrowserSendsThem) {
  const std::string body =
      "--b0undary\r\n"
      "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
      "tok\r\n"
      "--b0undary\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"n.txt\"\r\n"
      "Content-Type: text/plain\r\n\r\n"
      "line one\r\n--not the boundary\r\nline <two>\r\n"
      "--b0undary--\r\n";
  auto boundary = MultipartBoundary("multipart/form-data; boundary=b0undary");
  ASSERT_TRUE(boundary.ok());
  auto parts = ParseMultipart(body, *boundary);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ(*FindParam(*parts, "csrf_token"), "tok");
  EXPECT_EQ(*FindParam(*parts, "file"), "line one\r\n--not the boundary\r\nline <two>");
}

TEST(MultipartTest, RefusesMalformedBodies) {
  EXPECT_FALSE(MultipartBoundary("multipart/form-data").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')).ok());
  EXPECT_FALSE(ParseMultipart("garbage", "b").ok());
  EXPECT_FALSE(ParseMultipart("--b\r\nno headers end", "b").ok());
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "b").ok());
  std::string many;
  for (int i = 0; i < 3; ++i)
    many += "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
  EXPECT_FALSE(ParseMultipart(many + "--b--", "b", 2).ok());
  EXPECT_TRUE(ParseMultipart(many + "--b--", "b", 3).ok());
}

}  // namespace
}  // namespace plenary
