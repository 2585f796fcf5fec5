// A structure-aware mutator for every minutes fuzzer: it edits an input as a
// list of lines, inserting lines of the shapes minutes are made of (headings,
// labels, bullets, numbered lines, table cells, IRC lines, bot commands,
// Markdown lists and tables, front matter, fixed-width sections) in random
// orders, and moving, copying and deleting whole lines. Byte mutations alone
// rarely build "a heading, then a numbered line, then an unindented line":
// this does in a few steps. Half the time it leaves the work to libFuzzer's
// own byte mutations (LLVMFuzzerMutate).
//
// Included only by the libFuzzer targets (it needs libFuzzer's LLVMFuzzerMutate).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace plenary::fuzz {

// Lines of every format's shapes. Names come from the SSR2 roster the fuzz
// bodies read with, so that resolution paths are reached too.
inline constexpr std::string_view kLineShapes[] = {
    "SSR2 Plenary Meeting #15 - Tuesday 13 June @ 06:00 UTC",
    "SSR2 Plenary #41 - 30 August 2018",
    "Review Team Members:  Kerry-Ann, Alain Aina, Geof Huston, Dr Hasbini",
    "ICANN Organization:  Jennifer Bryce, Steve Conte",
    "Observers:  /",
    "Apologies:  Denise Michel, J Gannon",
    "Attendees: Emily Taylor, James Gannon",
    "Decisions Reached:",
    "Action Items:",
    "\tAction Items Plenary #16",
    "\tAction",
    "\tOwner",
    "\tDue Date",
    "\tJG to circulate the survey",
    "\t30 June",
    "SUMMARY NOTES:",
    "Review open action items",
    "\xC2\xB7 JG to circulate the survey: Due 30 June",
    "  \xE2\x80\xA2 Eric and Boban to consolidate the findings before the next plenary.",
    "  \xE2\x80\xA2 Staff to send the agenda by COB Friday.",
    "  1. Welcome, roll call, SOI updates",
    "2. Review of open action items",
    "Call Details",
    "14:00 - 15:30 UTC",
    "Completed.",
    "---",
    "title: Minutes of the IRSG Teleconference",
    "date: 2025-09-23",
    "# Minutes of the IRSG Teleconference September 23, 2025",
    "## Attendance",
    "## Regrets",
    "## Action Item Review",
    "### In Progress",
    "### Done",
    "### New",
    "* 2024-04-03: Alvaro Retana to review the draft",
    "- [ ] Emily Taylor to send the slides by 2024-06-30",
    "- [x] Geoff Huston to book the room",
    "- ~~James Gannon to draft the charter~~",
    "| Name | Affiliation |",
    "|---|---|",
    "| Dirk Kutscher | IRTF Chair |",
    "RESOLUTION: the group adopts the charter",
    "Decision: meet weekly",
    "ACTION: JG to circulate the survey by 30 June",
    "14:59:32 <trackbot> Meeting: Forms Working Group Teleconference",
    "14:59:32 <trackbot> Date: 09 April 2014",
    "14:59:58 <Steven_> Chair: Steven",
    "15:00:01 <alain> scribenick: alain",
    "15:00:02 <alain> present+ Steven, Erik",
    "15:00:03 <alain> regrets+ Philip",
    "15:05:20 <Steven_> Topic: Announcements",
    "15:06:00 <alain> ACTION: Steven to update the spec - due 2014-04-16",
    "15:07:00 <alain> RESOLUTION: publish the draft",
    "15:08:00 <alain> s/draft/working draft/",
    "15:08:01 <alain> s|spec|specification|g",
    "15:08:02 <alain> i/Topic/scribe: alain/",
    "15:09:00 <Zakim> Present: Steven, Erik, alain",
    "[02:06:12] <pronovic> #startmeeting hcoop",
    "02:07:00 <pronovic> #topic Finances",
    "02:07:10 <pronovic> #action layline to renew the domain",
    "02:07:20 <pronovic> #agreed we renew for two years",
    "02:07:30 <pronovic> #motion adopt the budget",
    "02:07:31 <layline> #vote +1",
    "02:07:40 <pronovic> #close",
    "02:07:50 <bhkl> #here",
    "02:08:00 <pronovic> #undo",
    "02:09:00 <pronovic> #endmeeting",
    "Meeting summary",
    "Action items, by person",
    "People present (lines said)",
    "Board of Directors Meeting Minutes",
    "February 19, 2014",
    "1. Call to order",
    "    The meeting was scheduled for 10:30am (Pacific) and began at 10:33",
    "2. Roll Call",
    "    Directors Present:",
    "        Sam Ruby",
    "    Directors Absent:",
    "    Executive Officers Present:",
    "    Guests:",
    "        Greg joined at 10:45",
    "6. Special Orders",
    "    A. Establish the Apache Example Project",
    "       Special Order 6A, Establish the Apache Example Project, was",
    "       approved by Unanimous Vote of the directors present.",
    "8. Review Outstanding Action Items",
    "    * Sam: follow up with the treasurer",
    "          Status: Done.",
    "    @Rich: pursue a report",
    "Adjourned at 11:43 a.m. (Pacific)",
    "",
    "\t",
    "None",
    "/",
};

// One structural change to `lines`; false when it changed nothing.
inline bool MutateLines(std::vector<std::string>& lines, std::mt19937& rng) {
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  const std::size_t shapes = sizeof kLineShapes / sizeof kLineShapes[0];
  switch (pick(6)) {
    case 0:
    case 1: {  // a line of some format's shape, anywhere
      std::size_t at = lines.empty() ? 0 : pick(lines.size() + 1);
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), std::string(kLineShapes[pick(shapes)]));
      return true;
    }
    case 2: {  // delete a line
      if (lines.empty()) return false;
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(pick(lines.size())));
      return true;
    }
    case 3: {  // copy a line elsewhere
      if (lines.empty()) return false;
      std::string copy = lines[pick(lines.size())];
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(pick(lines.size() + 1)), copy);
      return true;
    }
    case 4: {  // swap two lines
      if (lines.size() < 2) return false;
      std::swap(lines[pick(lines.size())], lines[pick(lines.size())]);
      return true;
    }
    default: {  // indent or unindent a line
      if (lines.empty()) return false;
      std::string& line = lines[pick(lines.size())];
      if (!line.empty() && (line[0] == '\t' || line[0] == ' '))
        line.erase(0, 1);
      else
        line.insert(0, pick(2) ? "\t" : "  ");
      return true;
    }
  }
}

inline std::size_t MutateMinutes(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                 unsigned seed) {
  std::mt19937 rng(seed);
  if (rng() % 2 == 0) return LLVMFuzzerMutate(data, size, max_size);
  std::vector<std::string> lines;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  const int steps = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < steps; ++i) MutateLines(lines, rng);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    out += lines[i];
  }
  if (out.size() > max_size) out.resize(max_size);
  std::memcpy(data, out.data(), out.size());
  return out.size();
}

}  // namespace plenary::fuzz

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
  return plenary::fuzz::MutateMinutes(data, size, max_size, seed);
}
