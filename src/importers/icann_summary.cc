// Decisions and summary notes of ICANN-style notes, and what they record:
// carried action items under "Review open action items", apologies, decisions
// restated in the notes, and actions assigned in a sentence ("Staff to ...").
#include <fmt/format.h>

#include <algorithm>

#include "core/matching.h"
#include "importers/icann_notes_reader.h"

namespace plenary::icann {
namespace {

std::string JoinSentences(const std::vector<std::string_view>& sentences) {
  std::string text;
  for (std::string_view s : sentences) text += (text.empty() ? "" : " ") + std::string(s);
  return text;
}

}  // namespace

void NotesReader::ReadDecisions(int& n) {
  std::string_view heading = Text(n);
  if (std::size_t colon = heading.find(':'); colon != std::string_view::npos) {
    std::string_view rest = Trim(heading.substr(colon + 1));
    if (!rest.empty() && !IsNothing(rest)) AddDecision(std::string(rest), n);
  }
  bool seen_blank = false, have_any = false;
  for (++n; n <= LineCount(); ++n) {
    if (Blank(n)) {
      seen_blank = true;
      continue;
    }
    std::string_view text = Text(n);
    auto bulleted = AfterBullet(text);
    if (IsHeading(text) || (!Indented(n) && !bulleted && seen_blank && have_any)) return;
    have_any = true;
    text = bulleted.value_or(text);
    if (!IsNothing(text)) AddDecision(std::string(text), n);
  }
}

void NotesReader::ReadSummaryLine(int n, bool after_blank) {
  std::string_view text = Text(n);
  auto bulleted = AfterBullet(text);
  bool has_section = !sections_.empty();
  bool numbered = IsNumberedLine(text);
  if (bulleted || (has_section && Indented(n) && !numbered) ||
      (has_section && !after_blank && !numbered && sections_.back().notes.empty())) {
    if (!has_section) sections_.push_back({"", n, {}});
    sections_.back().notes.push_back({std::string(bulleted.value_or(text)), n});
    return;
  }
  // A numbered line straight after a heading leaves the section without notes:
  // there is nothing to continue then, and the line starts a section of its own.
  if (has_section && !after_blank && !sections_.back().notes.empty() &&
      ContinuesNote(sections_.back().notes.back().text, text)) {
    sections_.back().notes.back().text += ' ';
    sections_.back().notes.back().text += text;
    return;
  }
  sections_.push_back({std::string(text), n, {}});
}

Status NotesReader::ExtractFromSummary() {
  QuotationIndex table_items;
  for (std::size_t i = 0; i < meeting_.actions.size(); ++i)
    table_items.Add(i, meeting_.actions[i].text);
  for (const Section& section : sections_) {
    const bool review = IsReviewOfActionsHeading(section.heading);
    for (const Note& note : section.notes) {
      if (review) {
        if (Status s = AddReviewItem(note, table_items); !s.ok()) return s;
      } else if (auto field = FieldLine(note.text); field && field->first == Field::kApologies) {
        AddNames(Field::kApologies, note.line, field->second);
      } else if (auto decision = DecisionIn(note.text, *directory_)) {
        AddDecision(*decision, note.line);
      } else if (Status s = AddNotedActions(note); !s.ok()) {
        return s;
      }
    }
  }
  return Status::Ok();
}

int NotesReader::ColumnOfPhrase(int n, std::string_view phrase) const {
  std::size_t at = source_.line(n).find(phrase);
  return at == std::string_view::npos ? 0 : ColumnOfByte(source_.line(n), at);
}

Status NotesReader::ApplyDueSuffix(ActionItem& item, std::string& text, int n) {
  auto suffix = FindDueSuffix(text);
  if (!suffix) return Status::Ok();
  auto due = ResolveDue(suffix->due, suffix->phrase, n, ColumnOfPhrase(n, suffix->phrase));
  if (!due.ok()) return due.error();
  item.due = *due;
  text = std::string(suffix->before);
  return Status::Ok();
}

Status NotesReader::AddReviewItem(const Note& note, const QuotationIndex& table_items) {
  ActionItem item;
  item.source = ActionSource::kReview;
  item.line = note.line;
  std::vector<std::string_view> kept;
  for (std::string_view sentence : SplitSentences(note.text)) {
    if (auto status = StatusMarker(sentence))
      item.status = *status;
    else
      kept.push_back(sentence);
  }
  std::string text = JoinSentences(kept);
  if (Status s = ApplyDueSuffix(item, text, note.line); !s.ok()) return s;
  item.text = CollapseSpaces(text);
  if (item.text.empty()) {
    Warn(note.line, 0, "review bullet names no action item; ignored");
    return Status::Ok();
  }
  if (auto leading = directory_->LeadingOwner(item.text)) item.owners = {leading->owner};
  std::vector<std::size_t> quoted = table_items.QuotedBy(item.text);
  if (quoted.size() == 1) {  // the same item as a row of this meeting's table
    ActionItem& same = meeting_.actions[quoted.front()];
    if (item.status != ActionStatus::kOpen) same.status = item.status;
    if (!same.due) same.due = item.due;
    if (same.owners.empty()) same.owners = item.owners;
    return Status::Ok();
  }
  if (quoted.size() > 1) {
    Warn(note.line, 0,
         fmt::format("review bullet quotes {} items of the action table; recorded "
                     "as an item of its own",
                     quoted.size()));
  }
  meeting_.actions.push_back(std::move(item));
  return Status::Ok();
}

Status NotesReader::AddNotedActions(const Note& note) {
  for (std::string_view sentence : SplitSentences(note.text)) {
    auto noted = ActionIn(sentence, *directory_);
    if (!noted) continue;
    ActionItem item;
    item.source = ActionSource::kNotes;
    item.line = note.line;
    std::string text(noted->text);
    if (Status s = ApplyDueSuffix(item, text, note.line); !s.ok()) return s;
    item.text = CollapseSpaces(text);
    if (noted->owner) item.owners = {*noted->owner};
    meeting_.actions.push_back(std::move(item));
  }
  return Status::Ok();
}

void NotesReader::AddDecision(std::string text, int line) {
  if (!decision_keys_.insert(DecisionKey(text)).second) return;  // restated in the notes
  meeting_.decisions.push_back({CollapseSpaces(text), line});
}

}  // namespace plenary::icann
