// The work of every format's fuzzer (fuzz/minutes_fuzzer.cc, built once per
// format as FORMAT_fuzzer) and of its corpus replay in tests/fuzz_corpus_test.cc
// (fuzz/corpus/FORMAT/), so that a kept input is replayed through exactly the
// code it was found with. Header-only: plenary_lib and nothing from libFuzzer.
//
// RunMinutesFuzzBody(format, bytes) feeds one input to:
//  - SourceText::Load("fuzz", bytes), and when that succeeds
//  - DetectFormat (a value, or an error located in the input),
//  - ReadMinutes as `format` with no options,
//  - ReadMinutes as `format` with {year 2017, the SSR2 roster, group "FUZZ"},
// and renders each meeting read as JSON, as `import --dry-run --json` does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "importers/formats.h"
#include "notes_fuzz_body.h"

namespace plenary::fuzz {

inline CallOutcome ReadMinutesOnce(std::string_view call, const SourceText& source,
                                   const ReadOptions& options, std::string_view format) {
  auto read = ReadMinutes(source, options, format);
  if (read.ok()) {
    std::string rendered;
    for (const Meeting& meeting : read->minutes.meetings) rendered += MeetingJson(meeting).dump();
    for (const std::string& notice : read->minutes.notices) rendered += notice;
  }
  return {call, ErrorOf(read)};
}

inline std::vector<CallOutcome> RunMinutesFuzzBody(std::string_view format, std::string_view bytes) {
  std::vector<CallOutcome> outcomes;
  auto source = SourceText::Load(std::string(kInputName), bytes);
  outcomes.push_back({"load", ErrorOf(source)});
  if (!source.ok()) return outcomes;
  outcomes.push_back({"detect", ErrorOf(DetectFormat(*source))});
  outcomes.push_back(ReadMinutesOnce("read", *source, ReadOptions{}, format));
  ReadOptions with_roster;
  with_roster.year = 2017;
  with_roster.rosters = {Ssr2Roster()};
  with_roster.group = "FUZZ";
  outcomes.push_back(ReadMinutesOnce("read+roster", *source, with_roster, format));
  return outcomes;
}

}  // namespace plenary::fuzz
