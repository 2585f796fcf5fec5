// WritePages: a first publication writes every page into the directories it
// creates; a later one leaves unchanged pages alone (their files untouched)
// and replaces changed ones whole; no temporary file is left behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "publish/pages.h"

namespace plenary {
namespace {

namespace fs = std::filesystem;

PublishedPage Page(std::string file, std::string content) {
  PublishedPage page;
  page.name = file;
  page.file = std::move(file);
  page.content = std::move(content);
  return page;
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> Files(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), dir).string());
  std::sort(files.begin(), files.end());
  return files;
}

class WritePagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // ctest runs each test in a process of its own, two at once.
    dir_ = fs::path(::testing::TempDir()) /
           ("write-pages-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(WritePagesTest, AFirstPublicationWritesEveryPageIntoTheDirectoriesItCreates) {
  const std::vector<PublishedPage> pages{Page("g/index.html", "<p>index</p>"),
                                         Page("g/a.html", "a"), Page("g/sub/b.html", ""),
                                         Page("h/c.html", "c")};
  auto report = WritePages((dir_ / "site").string(), pages);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->written,
            (std::vector<std::string>{"g/index.html", "g/a.html", "g/sub/b.html", "h/c.html"}));
  EXPECT_TRUE(report->unchanged.empty());
  EXPECT_EQ(Files(dir_ / "site"),
            (std::vector<std::string>{"g/a.html", "g/index.html", "g/sub/b.html", "h/c.html"}));
  for (const PublishedPage& p : pages) EXPECT_EQ(Read(dir_ / "site" / p.file), p.content);
}

TEST_F(WritePagesTest, ALaterPublicationLeavesUnchangedFilesAloneAndReplacesChangedOnes) {
  std::vector<PublishedPage> pages{Page("g/a.html", "a"), Page("g/b.html", "b")};
  ASSERT_TRUE(WritePages(dir_.string(), pages).ok());
  const auto a_time = fs::last_write_time(dir_ / "g/a.html");
  // A file of the directory that is not one of the set's pages stays.
  std::ofstream(dir_ / "g/other.txt") << "kept";
  pages[1].content = "b, changed";
  pages.push_back(Page("g/c.html", "c"));
  auto report = WritePages(dir_.string(), pages);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->unchanged, std::vector<std::string>{"g/a.html"});
  EXPECT_EQ(report->written, (std::vector<std::string>{"g/b.html", "g/c.html"}));
  EXPECT_EQ(fs::last_write_time(dir_ / "g/a.html"), a_time);
  EXPECT_EQ(Read(dir_ / "g/b.html"), "b, changed");
  EXPECT_EQ(Read(dir_ / "g/c.html"), "c");
  EXPECT_EQ(Files(dir_),
            (std::vector<std::string>{"g/a.html", "g/b.html", "g/c.html", "g/other.txt"}));
}

TEST_F(WritePagesTest, ThePageTwiceInOneSetIsWrittenOnceThenUnchanged) {
  auto report = WritePages(dir_.string(), {Page("g/a.html", "a"), Page("g/a.html", "a")});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->written, std::vector<std::string>{"g/a.html"});
  EXPECT_EQ(report->unchanged, std::vector<std::string>{"g/a.html"});
}

TEST_F(WritePagesTest, AnUnsafeNameOrAnUnwritableDirectoryIsAnError) {
  EXPECT_FALSE(WritePages(dir_.string(), {Page("../escape.html", "x")}).ok());
  EXPECT_FALSE(fs::exists(dir_.parent_path() / "escape.html"));
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "not a directory";
  auto report = WritePages(dir_.string(), {Page("file/a.html", "a")});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("file"), std::string::npos) << report.error().message;
}

}  // namespace
}  // namespace plenary
