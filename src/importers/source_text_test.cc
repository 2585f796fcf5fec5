#include "importers/source_text.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

std::string ErrorOf(std::string_view bytes, SourceLimits limits = {}) {
  auto source = SourceText::Load("in.txt", bytes, limits);
  EXPECT_FALSE(source.ok());
  return source.ok() ? "" : source.error().message;
}

TEST(SourceText, SplitsLinesAndNormalisesLineEnds) {
  auto source = SourceText::Load("in.txt", "\xEF\xBB\xBFone\r\ntwo\rthree\nfour");
  ASSERT_TRUE(source.ok());
  ASSERT_EQ(source->line_count(), 4u);
  EXPECT_EQ(source->line(1), "one");
  EXPECT_EQ(source->line(3), "three");
  EXPECT_EQ(source->line(4), "four");
}

TEST(SourceText, ShortTextSurvivesAMove) {
  auto loaded = SourceText::Load("in.txt", "ab\ncd");  // fits a string's small buffer
  ASSERT_TRUE(loaded.ok());
  SourceText moved = std::move(*loaded);
  EXPECT_EQ(moved.line(1), "ab");
  EXPECT_EQ(moved.line(2), "cd");
}

TEST(SourceText, EmptyAndBlankInputsAreRefused) {
  EXPECT_EQ(ErrorOf(""),
            "in.txt:1:1: empty file: expected meeting notes beginning with a header "
            "line\n  \n  ^");
  EXPECT_NE(ErrorOf(" \n\t\n").find("empty file"), std::string::npos);
}

TEST(SourceText, BinaryFileIsRefusedAtTheNulByte) {
  EXPECT_EQ(ErrorOf(std::string("ab\ncd\0ef", 8)),
            "in.txt:2:3: binary file: NUL byte; expected UTF-8 text\n  cd?ef\n    ^");
}

TEST(SourceText, InvalidUtf8IsRefusedAtTheBadByte) {
  EXPECT_EQ(ErrorOf("Attendees: Zarko\nK\xC3\xA9\xFF\n"),
            "in.txt:2:3: invalid UTF-8 (byte 0xFF); expected UTF-8 text\n  K\xC3\xA9?\n    ^");
  EXPECT_NE(ErrorOf("\xED\xA0\x80").find("invalid UTF-8"), std::string::npos);  // a surrogate
  EXPECT_NE(ErrorOf("\xC0\xAF").find("invalid UTF-8"), std::string::npos);      // overlong '/'
}

TEST(SourceText, TooLargeAndTooLongAreRefused) {
  std::string error = ErrorOf(std::string(2000, 'x'), {1000, 100});
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "in.txt:1:1: file too large: 2000 bytes, notes are limited to 1000 bytes");
  error = ErrorOf("ok\n" + std::string(300, 'y') + "\n", {1000, 100});
  EXPECT_EQ(error.substr(0, error.find('\n')),
            "in.txt:2:101: line too long: 300 bytes, lines are limited to 100 bytes");
}

TEST(SourceText, DiagnosticShowsLongLinesAroundTheColumnAndHidesControlCharacters) {
  std::string line = std::string(500, 'a') + "\x1B[31mX";
  std::string d = FormatDiagnostic("f", 7, 501, "here", line);
  EXPECT_EQ(d.find('\x1B'), std::string::npos);
  EXPECT_NE(d.find("  ...aaa"), std::string::npos);
  std::string caret_line = d.substr(d.rfind('\n') + 1);
  std::string shown_line = d.substr(d.find('\n') + 1, d.rfind('\n') - d.find('\n') - 1);
  EXPECT_EQ(shown_line[caret_line.size() - 1], '?');  // the caret is under the ESC
}

}  // namespace
}  // namespace plenary
