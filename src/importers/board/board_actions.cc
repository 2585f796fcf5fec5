// The action items of board minutes: the review of outstanding items (owner
// first, "Status:" below), an "Action Items" list, and the actions given to
// directors in the remarks under a report ("AI: Greg: follow up", "@Sam:
// pursue a report for Abdera").
#include <fmt/format.h>

#include <algorithm>

#include "core/review_status.h"
#include "core/text.h"
#include "importers/board/board_reader.h"
#include "importers/notes_phrases.h"

namespace plenary::board {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::string_view> AfterListMark(std::string_view text) {
  for (std::string_view mark : {"* ", "- ", "\xE2\x80\xA2 "})
    if (text.substr(0, mark.size()) == mark) return Trim(text.substr(mark.size()));
  return std::nullopt;
}

// "[ Isis ]", "[ Web Services 2015-01-21 ]" at the end of an item: the
// project it is about, written back as "[ Isis ]".
std::string WithProjectTag(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.back() != ']') return std::string(text);
  std::size_t open = text.rfind('[');
  if (open == std::string_view::npos) return std::string(text);
  std::string_view inside = Trim(text.substr(open + 1, text.size() - open - 2));
  auto words = SplitWords(inside);
  if (!words.empty() && IsDigit(words.back().front()) &&
      words.back().find('-') != std::string_view::npos)
    inside = Trim(inside.substr(0, static_cast<std::size_t>(words.back().data() - inside.data())));
  std::string_view before = Trim(text.substr(0, open));
  if (inside.empty()) return std::string(before);
  return fmt::format("{} [ {} ]", before, inside);
}

// A mark that makes a remark an action: "AI:", "Action:", "Action item:", "@".
std::optional<std::string_view> AfterActionMark(std::string_view text) {
  if (!text.empty() && text[0] == '@' && text.size() > 1 && text[1] != ' ')
    return text.substr(1);
  for (std::string_view mark : {"ai:", "action item:", "action:"})
    if (StartsWithNoCase(text, mark)) return Trim(text.substr(mark.size()));
  return std::nullopt;
}

std::string_view FirstWordOf(std::string_view name) {
  auto words = SplitWords(name);
  return words.empty() ? name : words.front();
}

}  // namespace

std::string ProjectOf(std::string_view item_title) {
  std::string_view t = item_title.substr(0, item_title.find(" ["));
  t = Trim(t);
  if (StartsWithNoCase(t, "Apache ")) t.remove_prefix(7);
  for (std::string_view suffix : {" Project", " Committee", " PMC"}) {
    std::size_t at = t.find(suffix);
    if (at != std::string_view::npos && at > 0) t = t.substr(0, at);
  }
  return std::string(Trim(t));
}

ActionStatus ReviewStatusOf(std::string_view status) {
  std::string s = AsciiLower(CollapseSpaces(status));
  if (s.empty()) return ActionStatus::kOpen;
  for (std::string_view sentence : SplitSentences(status))
    if (auto marker = StatusMarker(sentence)) return *marker;
  auto starts = [&](std::string_view w) {
    return s.compare(0, w.size(), w) == 0 &&
           (s.size() == w.size() || s[w.size()] == ' ' || s[w.size()] == '.' ||
            s[w.size()] == ',' || s[w.size()] == ';' || s[w.size()] == '!');
  };
  auto has = [&](std::string_view w) { return s.find(w) != std::string::npos; };
  for (std::string_view w : {"dropped", "withdrawn", "cancelled", "canceled", "obsolete",
                             "no longer needed", "no longer relevant"})
    if (starts(w)) return ActionStatus::kCancelled;
  for (std::string_view w : {"done", "complete", "completed", "closed", "resolved", "finished",
                             "fixed", "received"})
    if (starts(w)) return ActionStatus::kComplete;
  for (std::string_view w : {"not done", "not yet", "not complete", "not been", "keep open",
                             "keep item open", "keep this open", "still open", "remains open",
                             "n't"})
    if (has(w)) return ActionStatus::kOpen;
  for (std::string_view w : {"report received", "report was received", "report has been received",
                             "can be closed", "is done", "has been done", "was done", "now done",
                             "is complete", "is completed", "has been completed"})
    if (has(w)) return ActionStatus::kComplete;
  return ActionStatus::kOpen;
}

std::vector<Owner> BoardReader::OwnersNamed(std::string_view written, int n, int column) {
  std::vector<Owner> owners;
  for (const std::string& name : SplitNameList(written)) {
    Owner owner = directory_->ResolveOwner(name);
    if (owner.kind == OwnerKind::kUnresolved) {
      const Roster& roster = roster_ ? *roster_ : roll_call_roster_;
      std::vector<std::string> fits;
      for (const Person& p : roster.people)
        if (SplitWords(p.name, 2).size() > 1 && FoldName(FirstWordOf(p.name)) == FoldName(name))
          fits.push_back(p.name);
      std::string where = roster_ ? fmt::format("the {} roster", roster_->group.short_name)
                                  : std::string("the roll call");
      if (fits.size() > 1) {
        std::string list;
        for (const std::string& f : fits) list += (list.empty() ? "" : ", ") + f;
        Notice(n, column,
               fmt::format("'{}' fits several people on {} ({}); kept as written", name, where,
                           list));
      } else {
        Notice(n, column, fmt::format("'{}' matches nobody on {}; kept as written", name, where));
      }
    }
    if (std::find(owners.begin(), owners.end(), owner) == owners.end())
      owners.push_back(std::move(owner));
  }
  return owners;
}

std::optional<BoardReader::Assigned> BoardReader::SplitOwner(std::string_view text, int n,
                                                             int column) {
  auto strip_to = [](std::string_view rest) {
    rest = Trim(rest);
    if (rest.substr(0, 3) == "to ") rest = Trim(rest.substr(3));
    return std::string(rest);
  };
  std::size_t colon = text.find(": ");
  if (colon != std::string_view::npos && colon > 0 && colon <= 60) {
    std::string_view before = Trim(text.substr(0, colon));
    if (SplitWords(before, 7).size() <= 6 && before.find('"') == std::string_view::npos)
      return Assigned{OwnersNamed(before, n, column), strip_to(text.substr(colon + 1))};
  }
  if (auto leading = OwnerAtStart(text, *directory_)) {
    std::string_view rest = Trim(text.substr(leading->length));
    if (rest.substr(0, 3) == "to ") {
      if (leading->owner.kind == OwnerKind::kUnresolved)
        OwnersNamed(leading->owner.name, n, column);  // for its notice
      return Assigned{{leading->owner}, strip_to(rest)};
    }
  }
  return std::nullopt;
}

void BoardReader::ReadReview(const Section& section, ActionSource source) {
  int first = 0;
  int indent = 0;
  bool text_seen = false;
  for (int n = section.line + 1; n < section.end; ++n) {
    std::string_view text = Trim(Line(n));
    if (text.empty()) continue;
    text_seen = true;
    int here = IndentOf(Line(n));
    if (!AfterListMark(text) || (first && here > indent + 1)) continue;
    if (first) ReadReviewItem(section, first, n, source);
    first = n;
    indent = here;
  }
  if (first) {
    ReadReviewItem(section, first, section.end, source);
  } else if (text_seen) {
    Notice(section.line, 0, "no '* Owner: item' list under this heading; nothing read from it");
  }
}

void BoardReader::ReadReviewItem(const Section& section, int first, int end,
                                 ActionSource source) {
  (void)section;
  std::string item;
  std::string status;
  bool in_status = false;
  for (int n = first; n < end; ++n) {
    std::string_view text = Trim(Line(n));
    if (text.empty()) continue;
    if (n == first) text = *AfterListMark(text);
    if (!in_status && StartsWithNoCase(text, "status:")) {
      in_status = true;
      text = Trim(text.substr(7));
    }
    std::string& into = in_status ? status : item;
    if (!into.empty() && !text.empty()) into += ' ';
    into += text;
  }
  item = WithProjectTag(CollapseSpaces(item));
  status = CollapseSpaces(status);
  ActionItem action;
  action.source = source;
  action.line = first;
  if (auto assigned = SplitOwner(item, first, 0)) {
    action.owners = std::move(assigned->owners);
    item = std::move(assigned->text);
  } else {
    Notice(first, 0, "no 'Owner:' before the item; recorded without an owner");
  }
  if (item.empty()) {
    Notice(first, 0, "an item with no text; ignored");
    return;
  }
  action.status = ReviewStatusOf(status);
  if (action.status == ActionStatus::kComplete) action.written_status = "done";
  if (action.status == ActionStatus::kCancelled) action.written_status = "dropped";
  if (action.status != ActionStatus::kOpen) {
    Notice(first, 0,
           fmt::format("status '{}' read as {}", status, action.written_status));
  }
  action.text = JoinReviewStatus(item, status);
  meeting_.actions.push_back(std::move(action));
}

void BoardReader::ReadItemRemarks(const Section& section, const Item& item) {
  bool in_remarks = false;
  const bool committee = AsciiLower(section.title).find("committee") != std::string::npos;
  for (const Paragraph& p : ParagraphsOf(source_, item.line + 1, item.end)) {
    if (p.indent <= item.indent) continue;  // the section's own line, after its items
    if (StartsWithNoCase(p.text, "see attachment") || StartsWithNoCase(p.text, "no report")) {
      in_remarks = true;
      continue;
    }
    // Each line with an action mark starts an action of its own.
    std::vector<std::pair<int, std::string>> chunks;
    for (int n = p.first; n <= p.last; ++n) {
      std::string_view text = Trim(Line(n));
      if (chunks.empty() || AfterActionMark(text))
        chunks.push_back({n, std::string(text)});
      else
        chunks.back().second += " " + std::string(text);
    }
    for (auto& [n, text] : chunks) {
      text = CollapseSpaces(text);
      std::optional<std::string_view> marked = AfterActionMark(text);
      std::optional<Assigned> assigned;
      if (marked) {
        assigned = SplitOwner(*marked, n, 0);
        if (!assigned) {
          Notice(n, 0, "an action with no owner before it; recorded without an owner");
          assigned = Assigned{{}, std::string(*marked)};
        }
      } else if (in_remarks && !IsAgenda()) {
        // "Greg: follow up on ..." under a report: an action only when what
        // precedes the colon names people of the roster.
        std::size_t colon = text.find(": ");
        if (colon != std::string::npos && colon <= 40) {
          std::string_view before = Trim(std::string_view(text).substr(0, colon));
          auto names = SplitNameList(before);
          bool people = !names.empty() && std::all_of(names.begin(), names.end(), [&](auto& w) {
            return directory_->ResolveOwner(w).kind == OwnerKind::kPerson;
          });
          if (people) {
            assigned = SplitOwner(text, n, 0);
            if (assigned) {
              Notice(n, 0,
                     fmt::format("'{}' taken as an action for {} (a remark under a report that "
                                 "starts with a director's name, without an 'AI:' mark)",
                                 text, assigned->owners.front().name));
            }
          }
        }
        if (!assigned && AsciiLower(text).find("approv") != std::string::npos) {
          std::string_view title = item.title;
          title = Trim(title.substr(0, title.find(" [")));
          meeting_.decisions.push_back({fmt::format("{} report: {}", title, text), n, ""});
        }
      }
      if (!assigned || assigned->text.empty() || IsAgenda()) continue;
      ActionItem action;
      action.source = ActionSource::kNotes;
      action.line = n;
      action.owners = std::move(assigned->owners);
      action.text = std::move(assigned->text);
      std::string project = committee ? ProjectOf(item.title) : "";
      if (!project.empty() && FoldName(action.text).find(FoldName(project)) == std::string::npos)
        action.text += fmt::format(" [ {} ]", project);
      meeting_.actions.push_back(std::move(action));
    }
  }
}

}  // namespace plenary::board
