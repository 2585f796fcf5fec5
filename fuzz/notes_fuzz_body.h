// The work of the notes fuzzer, shared by fuzz/notes_fuzzer.cc (libFuzzer) and
// tests/fuzz_corpus_test.cc (which replays fuzz/corpus/notes/ on every test
// run), so that a kept input is replayed through exactly the code it was found
// with. Header-only: it needs plenary_lib and nothing from libFuzzer.
//
// The fuzzer does one read an input (NotesOnce): SourceText::Load("fuzz",
// bytes), then one of three readers, picked by the input's size modulo 3 so
// that each stays fuzzed: ReadIcannNotes with no options (no year, no
// roster), ReadIcannNotes with {year 2017, the SSR2 roster}, ReadRoster.
// The replay (RunNotesFuzzBody) feeds each kept input to all three and
// renders each meeting read as JSON, as `import --dry-run --json` does.
// Both return what each call returned; they must never crash, hang or throw,
// whatever the bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/icann_notes.h"
#include "importers/roster_file.h"
#include "importers/source_text.h"
#include "plenary/model.h"
#include "plenary/result.h"
#include "publish/json.h"

namespace plenary::fuzz {

// The name every fuzzed input is loaded under; located errors start with it.
inline constexpr std::string_view kInputName = "fuzz";

// A copy of examples/ssr2/ssr2-roster.txt, so that the fuzzer needs no files
// (tests/fuzz_corpus_test.cc checks that the copy is still exact).
inline constexpr std::string_view kSsr2RosterText =
    R"(# Illustrative roster of the SSR2 Review Team (sample data for tests and the demo).
# One person a line: NAME | ROLE | ALIASES (comma-separated; initials, other spellings)
# ROLE is member, staff, liaison or observer.
group: SSR2
name: Second Security, Stability, and Resiliency Review Team
active: 2017-03-01 to 2021-01-31

Alain Aina | member | AA
Noorul Ameen | member | NA
Kerry-Ann Barrett | member | KAB, Kerry Ann Barrett
Denise Michel | member | DM
James Gannon | member | JG
Mohamad Amin Hasbini | member | MAH, Amin Hasbini
Geoff Huston | member | GH
Zarko Kecic | member | ZK, Žarko Kečić
Boban Krsic | member | BK, Boban Kršić
Emily Taylor | member | ET
Ram Krishna Pariyar | member | RKP, Ram Pariyar
Eric Osterweil | member | EO
Norm Ritchie | member | NR
Cathy Handley | member | CH
Matogoro Jabhera | member | MJ
Naveed Bin Rais | member | NBR, Rao Naveed Bin Rais
Kaveh Ranjbar | liaison | KR
Jennifer Bryce | staff | JB
Karen Mulberry | staff | KM
Yvette Guigneaux | staff | YG
Laena Rahim | staff | LR
Steve Conte | staff | SC

# The review team's four sub-teams (illustrative leads and members).
subteam: SSR1 recommendations | lead: Denise Michel | members: DM, ET, JG, KAB
subteam: ICANN SSR | lead: Kerry-Ann Barrett | members: KAB, BK, NR, MAH
subteam: DNS SSR | lead: Eric Osterweil | members: EO, GH, ZK, NA, RKP
subteam: Future challenges | lead: Naveed Bin Rais | members: NBR, AA, CH, MJ
)";

// The SSR2 roster, read once. An embedded copy that does not read is a bug in
// this file, not a finding: it yields an empty roster and the test says so.
inline const Roster& Ssr2Roster() {
  static const Roster roster = [] {
    auto source = SourceText::Load("ssr2-roster.txt", kSsr2RosterText);
    if (!source.ok()) return Roster{};
    auto read = ReadRoster(*source);
    return read.ok() ? *read : Roster{};
  }();
  return roster;
}

// What one call returned: nullopt for success, else the error's message.
struct CallOutcome {
  std::string_view call;  // "load", "notes", "notes+roster", "roster"
  std::optional<std::string> error;
};

inline std::optional<std::string> ErrorOf(const Status& status) {
  if (status.ok()) return std::nullopt;
  return status.error().message;
}

template <typename T>
std::optional<std::string> ErrorOf(const Result<T>& result) {
  if (result.ok()) return std::nullopt;
  return result.error().message;
}

// Reads notes and, when they read, renders the meeting and its warnings the
// way the CLI would (the strings are built and dropped).
inline CallOutcome ReadNotesOnce(std::string_view call, const SourceText& source,
                                 const NotesOptions& options) {
  auto notes = ReadIcannNotes(source, options);
  if (notes.ok()) {
    std::string rendered = MeetingJson(notes->meeting).dump();
    for (const std::string& warning : notes->warnings) rendered += warning;
  }
  return {call, ErrorOf(notes)};
}

// {year 2017, the SSR2 roster}, built once per process.
inline const NotesOptions& RosterNotesOptions() {
  static const NotesOptions options = [] {
    NotesOptions o;
    o.year = 2017;
    o.rosters = {Ssr2Roster()};
    return o;
  }();
  return options;
}

inline std::vector<CallOutcome> RunNotesFuzzBody(std::string_view bytes) {
  std::vector<CallOutcome> outcomes;
  auto source = SourceText::Load(std::string(kInputName), bytes);
  outcomes.push_back({"load", ErrorOf(source)});
  if (!source.ok()) return outcomes;
  outcomes.push_back(ReadNotesOnce("notes", *source, NotesOptions{}));
  outcomes.push_back(ReadNotesOnce("notes+roster", *source, RosterNotesOptions()));
  outcomes.push_back({"roster", ErrorOf(ReadRoster(*source))});
  return outcomes;
}

// The fuzzer's work: one of the three readers, by the size modulo 3.
inline CallOutcome NotesOnce(std::string_view bytes) {
  auto source = SourceText::Load(std::string(kInputName), bytes);
  if (!source.ok()) return {"load", ErrorOf(source)};
  switch (bytes.size() % 3) {
    case 0:
      return {"notes", ErrorOf(ReadIcannNotes(*source, NotesOptions{}))};
    case 1:
      return {"notes+roster", ErrorOf(ReadIcannNotes(*source, RosterNotesOptions()))};
    default:
      return {"roster", ErrorOf(ReadRoster(*source))};
  }
}

// True when `message` is located in the input: it starts "fuzz:LINE:COL: "
// with LINE and COL positive decimal numbers.
inline bool IsLocatedMessage(std::string_view message) {
  std::string_view prefix = kInputName;
  if (message.substr(0, prefix.size()) != prefix) return false;
  std::size_t i = prefix.size();
  for (int field = 0; field < 2; ++field) {
    if (i >= message.size() || message[i] != ':') return false;
    std::size_t digits = ++i;
    while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
    if (i == digits || message[digits] == '0') return false;
  }
  return message.substr(i, 2) == ": ";
}

}  // namespace plenary::fuzz
