// Replays the notes fuzzer's kept inputs (fuzz/corpus/notes/, including any
// crash-* found by fuzzing) through the fuzzer's own code path on every test
// run: each call returns a value or an error located in the input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../fuzz/minutes_fuzz_body.h"
#include "../fuzz/notes_fuzz_body.h"

namespace plenary::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = PLENARY_SOURCE_DIR;

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<fs::path> CorpusFiles() {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "fuzz/corpus/notes", ec))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FuzzCorpus, IsNotEmpty) {
  EXPECT_GE(CorpusFiles().size(), 20u) << "fuzz/corpus/notes/ under " << kSourceDir;
}

TEST(FuzzCorpus, EmbeddedRosterIsTheExampleRoster) {
  EXPECT_EQ(std::string(kSsr2RosterText), ReadBytes(kSourceDir / "examples/ssr2/ssr2-roster.txt"));
  EXPECT_EQ(Ssr2Roster().group.short_name, "SSR2");
  EXPECT_EQ(Ssr2Roster().people.size(), 22u);
}

TEST(FuzzCorpus, LocatedMessageCheckAcceptsOnlyNameLineColumn) {
  EXPECT_TRUE(IsLocatedMessage("fuzz:1:1: empty file\n  \n  ^"));
  EXPECT_TRUE(IsLocatedMessage("fuzz:12:16385: line too long"));
  EXPECT_FALSE(IsLocatedMessage("fuzz: empty file"));
  EXPECT_FALSE(IsLocatedMessage("fuzz:1: empty file"));
  EXPECT_FALSE(IsLocatedMessage("fuzz:0:1: empty file"));
  EXPECT_FALSE(IsLocatedMessage("fuzz:1:x: empty file"));
  EXPECT_FALSE(IsLocatedMessage("other:1:1: empty file"));
  EXPECT_FALSE(IsLocatedMessage("fuzz:1:1 empty file"));
}

TEST(FuzzCorpus, EveryInputReadsOrFailsAtAPlace) {
  for (const fs::path& file : CorpusFiles()) {
    SCOPED_TRACE(file.filename().string());
    std::string bytes = ReadBytes(file);
    std::vector<CallOutcome> outcomes = RunNotesFuzzBody(bytes);
    ASSERT_FALSE(outcomes.empty());
    EXPECT_EQ(outcomes.front().call, "load");
    // Loaded inputs go on to all three readers; refused ones stop there.
    EXPECT_EQ(outcomes.size(), outcomes.front().error ? 1u : 4u);
    for (const CallOutcome& outcome : outcomes) {
      if (!outcome.error) continue;
      EXPECT_TRUE(IsLocatedMessage(*outcome.error)) << outcome.call << ": " << *outcome.error;
    }
    // The fuzzer's one read is the replay's call of the same name.
    CallOutcome once = NotesOnce(bytes);
    auto same = std::find_if(outcomes.begin(), outcomes.end(),
                             [&](const CallOutcome& o) { return o.call == once.call; });
    ASSERT_NE(same, outcomes.end()) << once.call;
    EXPECT_EQ(once.error, same->error) << once.call;
  }
}

TEST(FuzzCorpus, NotesFuzzerPicksEachReaderBySize) {
  EXPECT_EQ(NotesOnce("abc").call, "notes");
  EXPECT_EQ(NotesOnce("abcd").call, "notes+roster");
  EXPECT_EQ(NotesOnce("abcde").call, "roster");
  EXPECT_EQ(NotesOnce("").call, "load");
}

// The seeds are chosen to reach particular places; if one stops reaching
// its place, the corpus has gone stale (or the reader changed).
TEST(FuzzCorpus, SeedsStillReachWhatTheyWereWrittenFor) {
  auto first_error = [](const std::string& name, std::string_view call) -> std::string {
    for (const CallOutcome& o :
         RunNotesFuzzBody(ReadBytes(kSourceDir / "fuzz/corpus/notes" / name)))
      if (o.call == call) return o.error ? o.error->substr(0, o.error->find('\n')) : "ok";
    return "not run";
  };
  EXPECT_EQ(first_error("ssr2-plenary-15.txt", "notes+roster"), "ok");
  EXPECT_EQ(first_error("ssr2-plenary-15.txt", "notes"),
            "fuzz:1:1: the header gives no year and nothing decides it: give --year, or load a "
            "roster for SSR2 with its active period");
  EXPECT_EQ(first_error("ssr2-plenary-15-crlf.txt", "notes+roster"), "ok");
  EXPECT_EQ(first_error("roster-ssr2.txt", "roster"), "ok");
  EXPECT_EQ(first_error("table-pipe.txt", "notes+roster"), "ok");
  EXPECT_EQ(first_error("empty.txt", "load"),
            "fuzz:1:1: empty file: expected meeting notes beginning with a header line");
  EXPECT_EQ(first_error("table-31-june.txt", "notes+roster"), "fuzz:14:2: no such day: '31 June'");
  EXPECT_EQ(first_error("table-row-two-cells.txt", "notes+roster"),
            "fuzz:12:2: table row: this row has 2 cells, expected 3 (Action, Owner, Due Date)");
  EXPECT_EQ(first_error("invalid-utf8.txt", "load"),
            "fuzz:3:29: invalid UTF-8 (byte 0xE9); expected UTF-8 text");
}

}  // namespace
}  // namespace plenary::fuzz

// Every format's corpus (fuzz/corpus/FORMAT/, one folder per format, each a
// libFuzzer target of its own) replayed through RunMinutesFuzzBody.
namespace plenary::fuzz {
namespace {

std::vector<std::string> FormatCorpora() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "fuzz/corpus", ec))
    if (entry.is_directory() && entry.path().filename() != "notes" &&
        entry.path().filename() != "detect")
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(FuzzCorpus, EveryFormatHasACorpusAndEveryCorpusAFormat) {
  std::vector<std::string> corpora = FormatCorpora();
  for (const std::string& name : corpora)
    EXPECT_NE(FindMinutesFormat(name), nullptr) << "fuzz/corpus/" << name << " names no format";
  for (const MinutesFormat& format : MinutesFormats())
    EXPECT_TRUE(std::find(corpora.begin(), corpora.end(), format.name) != corpora.end())
        << "format " << format.name << " has no fuzz/corpus/" << format.name;
}

TEST(FuzzCorpus, EveryFormatsInputsReadOrFailAtAPlace) {
  for (const std::string& format : FormatCorpora()) {
    std::error_code ec;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(kSourceDir / "fuzz/corpus" / format, ec)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      SCOPED_TRACE(format + "/" + entry.path().filename().string());
      std::string bytes = ReadBytes(entry.path());
      std::vector<CallOutcome> outcomes = RunMinutesFuzzBody(format, bytes);
      for (const CallOutcome& outcome : outcomes) {
        if (!outcome.error) continue;
        EXPECT_TRUE(IsLocatedMessage(*outcome.error)) << outcome.call << ": " << *outcome.error;
      }
      // The fuzzer's one read (options by the size) is the replay's read with
      // the same options.
      std::optional<std::string> once = ReadOnce(format, bytes);
      if (outcomes.front().error) {
        EXPECT_EQ(once, outcomes.front().error);
      } else {
        ASSERT_EQ(outcomes.size(), 4u);
        EXPECT_EQ(once, outcomes[bytes.size() % 2 == 1 ? 3 : 2].error);
      }
    }
    EXPECT_GE(files, 1) << format;
  }
}

TEST(FuzzCorpus, ReadersFuzzerPicksTheOptionsBySize) {
  EXPECT_FALSE(OptionsFor("ab").year.has_value());
  EXPECT_TRUE(OptionsFor("ab").rosters.empty());
  EXPECT_EQ(OptionsFor("abc").year, 2017);
  ASSERT_EQ(OptionsFor("abc").rosters.size(), 1u);
  EXPECT_EQ(OptionsFor("abc").rosters[0].group.short_name, "SSR2");
  EXPECT_EQ(OptionsFor("abc").group, "FUZZ");
}

// The detection fuzzer's kept inputs (fuzz/corpus/detect/): each is given a
// format or refused at a place, by the fuzzer's own DetectOnce.
TEST(FuzzCorpus, DetectionInputsDetectOrFailAtAPlace) {
  std::error_code ec;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "fuzz/corpus/detect", ec)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    SCOPED_TRACE(entry.path().filename().string());
    std::optional<std::string> error = DetectOnce(ReadBytes(entry.path()));
    if (error) {
      EXPECT_TRUE(IsLocatedMessage(*error)) << *error;
    }
  }
  EXPECT_GE(files, 3);
  EXPECT_TRUE(DetectOnce(ReadBytes(kSourceDir / "fuzz/corpus/detect/no-format.txt"))
                  .value_or("detected")
                  .starts_with("fuzz:1:1: not a record plenary can read"));
  EXPECT_EQ(DetectOnce(ReadBytes(kSourceDir / "fuzz/corpus/detect/irc-in-markdown.md")),
            std::nullopt);
}

}  // namespace
}  // namespace plenary::fuzz
