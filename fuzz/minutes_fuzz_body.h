// The work of every format's fuzzer (fuzz/minutes_fuzzer.cc, built once per
// format as FORMAT_fuzzer), of the detection fuzzer (fuzz/detect_fuzzer.cc)
// and of their corpus replay in tests/fuzz_corpus_test.cc (fuzz/corpus/NAME/).
// Header-only: plenary_lib and nothing from libFuzzer.
//
// A fuzzer does one reader's work per input and nothing else:
//  - ReadOnce(format, bytes): SourceText::Load("fuzz", bytes), then ReadMinutes
//    as `format` with the options OptionsFor(bytes) picks (an odd-sized input
//    is read with {year 2017, the SSR2 roster, group "FUZZ"}, an even-sized
//    one with none), so both option sets stay fuzzed at one read an input;
//  - DetectOnce(bytes): SourceText::Load, then DetectFormat.
// The replay does more with each kept input (RunMinutesFuzzBody): detection,
// the reading with both option sets, and each meeting rendered as JSON, as
// `import --dry-run --json` does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/formats.h"
#include "notes_fuzz_body.h"

namespace plenary::fuzz {

// The two option sets, built once per process.
inline const ReadOptions& NoReadOptions() {
  static const ReadOptions options;
  return options;
}

inline const ReadOptions& RosterReadOptions() {
  static const ReadOptions options = [] {
    ReadOptions o;
    o.year = 2017;
    o.rosters = {Ssr2Roster()};
    o.group = "FUZZ";
    return o;
  }();
  return options;
}

inline const ReadOptions& OptionsFor(std::string_view bytes) {
  return bytes.size() % 2 == 1 ? RosterReadOptions() : NoReadOptions();
}

// The fuzzers' work: the error each returned, or nullopt.
inline std::optional<std::string> ReadOnce(std::string_view format, std::string_view bytes) {
  auto source = SourceText::Load(std::string(kInputName), bytes);
  if (!source.ok()) return ErrorOf(source);
  return ErrorOf(ReadMinutes(*source, OptionsFor(bytes), format));
}

inline std::optional<std::string> DetectOnce(std::string_view bytes) {
  auto source = SourceText::Load(std::string(kInputName), bytes);
  if (!source.ok()) return ErrorOf(source);
  return ErrorOf(DetectFormat(*source));
}

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

// The replay's work on one kept input: load, detect, read with each option
// set, render.
inline std::vector<CallOutcome> RunMinutesFuzzBody(std::string_view format, std::string_view bytes) {
  std::vector<CallOutcome> outcomes;
  auto source = SourceText::Load(std::string(kInputName), bytes);
  outcomes.push_back({"load", ErrorOf(source)});
  if (!source.ok()) return outcomes;
  outcomes.push_back({"detect", ErrorOf(DetectFormat(*source))});
  outcomes.push_back(ReadMinutesOnce("read", *source, NoReadOptions(), format));
  outcomes.push_back(ReadMinutesOnce("read+roster", *source, RosterReadOptions(), format));
  return outcomes;
}

}  // namespace plenary::fuzz
