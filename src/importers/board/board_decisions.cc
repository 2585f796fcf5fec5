// The decisions of board minutes: the approval of earlier minutes, the
// reports "approved as submitted by General Consent" (one decision per such
// line, as the minutes record them, plus a remark on one report's approval),
// and each Special Order's resolution with its outcome.
#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "importers/board/board_reader.h"

namespace plenary::board {
namespace {

std::string WithoutFinalStop(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.back() == '.') text.remove_suffix(1);
  return std::string(Trim(text));
}

bool SpeaksOfApproval(std::string_view text) {
  std::string lower = AsciiLower(text);
  for (std::string_view w : {"approv", "tabled", "rejected", "general consent"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

// The outcome in "Special Order 7A, TITLE, was approved by Unanimous Vote of
// the directors present." or "This resolution was tabled.": what follows the
// "was". Only a paragraph that starts by naming the order or the resolution
// records one: "WHEREAS, ... a policy that was adopted in 2010" does not.
std::optional<std::string> OutcomeIn(std::string_view text) {
  std::string lower = AsciiLower(text);
  bool named = lower.compare(0, 13, "special order") == 0;
  bool speaks = named;
  for (std::string_view start : {"this resolution", "the resolution", "resolution ",
                                 "the special order", "the motion", "this motion", "it was "})
    if (lower.compare(0, start.size(), start) == 0) speaks = true;
  if (!speaks) return std::nullopt;
  for (std::string_view was : {", was ", " was "}) {
    for (std::string_view what : {"approved", "tabled", "rejected", "not approved", "withdrawn",
                                  "deferred", "postponed", "adopted", "defeated", "passed"}) {
      std::size_t at = lower.find(std::string(was) + std::string(what));
      if (at != std::string::npos)
        return WithoutFinalStop(text.substr(at + was.size()));
    }
  }
  if (named) return WithoutFinalStop(text);
  return std::nullopt;
}

}  // namespace

std::string BoardReader::BodyOf(int from, int to) const {
  while (from < to && Trim(Line(from)).empty()) ++from;
  while (to > from && Trim(Line(to - 1)).empty()) --to;
  int indent = 1 << 20;
  for (int n = from; n < to; ++n)
    if (!Trim(Line(n)).empty()) indent = std::min(indent, IndentOf(Line(n)));
  std::string body;
  for (int n = from; n < to; ++n) {
    std::string_view line = Line(n);
    std::string_view text = Trim(line);
    if (n > from) body += '\n';
    if (text.empty()) continue;
    int here = IndentOf(line);
    body += std::string(static_cast<std::size_t>(std::max(0, here - indent)), ' ');
    body += text;
  }
  return body;
}

void BoardReader::ReadMinutesApprovals(const Section& section) {
  for (const Item& item : section.items) {
    for (const Paragraph& p : ParagraphsOf(source_, item.line + 1, item.end)) {
      if (p.indent <= item.indent || p.text.front() == '[' || !SpeaksOfApproval(p.text)) continue;
      std::string title = StartsWithNoCase(item.title, "the meeting of")
                              ? "Minutes of the meeting of " + std::string(Trim(std::string_view(item.title).substr(14)))
                              : "Minutes of " + item.title;
      meeting_.decisions.push_back(
          {fmt::format("{}: {}", title, WithoutFinalStop(p.text)), p.first, ""});
      break;
    }
  }
  ReadSectionApprovals(section);
}

void BoardReader::ReadSectionApprovals(const Section& section) {
  const int first_item = section.items.empty() ? section.end : section.items.front().line;
  std::vector<Paragraph> own = ParagraphsOf(source_, section.line + 1, first_item);
  for (const Item& item : section.items)
    for (const Paragraph& p : ParagraphsOf(source_, item.line + 1, item.end))
      if (p.indent <= item.indent) own.push_back(p);
  for (const Paragraph& p : own) {
    if (p.text.front() == '[' || !SpeaksOfApproval(p.text)) continue;
    meeting_.decisions.push_back({WithoutFinalStop(p.text), p.first, ""});
  }
}

void BoardReader::ReadSpecialOrder(const Section& section, const Item& item) {
  (void)section;
  std::vector<Paragraph> paragraphs = ParagraphsOf(source_, item.line + 1, item.end);
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    auto outcome = OutcomeIn(paragraphs[i].text);
    if (!outcome) continue;
    meeting_.decisions.push_back({fmt::format("{}: {}", item.title, *outcome), item.line,
                                  BodyOf(item.line + 1, paragraphs[i].first)});
    return;
  }
  Notice(item.line, 0,
         fmt::format("Special Order {}{} records no outcome ('... was approved by ...'); not "
                     "recorded as a decision",
                     section.number, item.label));
}

}  // namespace plenary::board
