#include "app/password_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace plenary {
namespace {

namespace fs = std::filesystem;

class PasswordFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "plenary-pw-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& bytes, mode_t mode = 0600) {
    std::string path = (dir_ / "password").string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    chmod(path.c_str(), mode);
    return path;
  }

  fs::path dir_;
};

TEST_F(PasswordFile, LosesOneTrailingNewline) {
  EXPECT_EQ(*ReadPasswordFile(Write("s3cret pass\n")), "s3cret pass");
  EXPECT_EQ(*ReadPasswordFile(Write("s3cret\r\n")), "s3cret");
  EXPECT_EQ(*ReadPasswordFile(Write(" spaced ")), " spaced ");
}

TEST_F(PasswordFile, ReadableByEveryoneIsRefused) {
  std::string path = Write("s3cret\n", 0644);
  auto password = ReadPasswordFile(path);
  ASSERT_FALSE(password.ok());
  EXPECT_EQ(password.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(password.error().message,
            path + ": the password file is readable by every user; make it private (chmod 600 " +
                path + ")");
}

TEST_F(PasswordFile, EmptyOrSeveralLinesOrMissingAreErrorsThatHideTheContent) {
  EXPECT_EQ(ReadPasswordFile(Write("\n")).error().message,
            (dir_ / "password").string() + ": the password file is empty");
  auto two = ReadPasswordFile(Write("first s3cret\nsecond\n"));
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().message.find("s3cret"), std::string::npos);
  EXPECT_EQ(ReadPasswordFile((dir_ / "none").string()).error().kind, ErrorKind::kIO);
  EXPECT_EQ(ReadPasswordFile(dir_.string()).error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace plenary
