#include "importers/w3c_irc/scribe_edits.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "importers/w3c_irc/irc_names.h"

namespace plenary {
namespace {

// Targets found this close to their edit are found by looking; further back,
// by the index.
constexpr int kNearLines = 256;

std::uint32_t Trigram(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2]));
}

// The log as edits see it: one slot per original line, each with the lines
// inserted before it, and an index from trigrams to the slots whose text (or
// inserted text) held it at some point. The index may name slots that no
// longer hold a trigram; each candidate is checked.
class EditableLog {
 public:
  explicit EditableLog(std::vector<IrcLine>& lines) : lines_(lines), inserted_(lines.size()) {
    targetable_.resize(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
      targetable_[i] = lines[i].kind == IrcLineKind::kMessage && !IsBot(lines[i].nick) &&
                       !ParseScribeEdit(lines[i].text);
  }

  int size() const { return static_cast<int>(lines_.size()); }

  // Replaces the first occurrence of `old` in the most recent text before
  // slot `edit`. False when there is none.
  bool SubstituteLast(int edit, const ScribeEdit& e) {
    int low = std::max(0, edit - kNearLines);
    for (int slot = edit - 1; slot >= low; --slot)
      if (ReplaceInSlot(slot, e, false)) return true;
    if (low == 0) return false;
    if (e.old_text.size() < 3 || ScanWithinBudget(low)) {
      for (int slot = low - 1; slot >= 0; --slot)
        if (ReplaceInSlot(slot, e, false)) return true;
      return false;
    }
    const std::vector<int>* candidates = Candidates(e.old_text);
    if (!candidates) return false;
    auto end = std::lower_bound(candidates->begin(), candidates->end(), low);
    for (auto it = end; it != candidates->begin();) {
      int slot = *--it;
      if (ReplaceInSlot(slot, e, false)) return true;
    }
    return false;
  }

  // Replaces every occurrence in every text of the slots before `limit`.
  int SubstituteAll(int limit, const ScribeEdit& e) {
    int changed = 0;
    if (e.old_text.size() < 3 || ScanWithinBudget(limit)) {
      for (int slot = 0; slot < limit; ++slot) changed += ReplaceInSlot(slot, e, true) ? 1 : 0;
      return changed;
    }
    const std::vector<int>* candidates = Candidates(e.old_text);
    if (!candidates) return 0;
    // A replacement indexes its slot's new text, which can only add slots
    // to other lists (this slot is in this one already): indices stay valid.
    auto count = std::lower_bound(candidates->begin(), candidates->end(), limit) - candidates->begin();
    for (std::ptrdiff_t i = 0; i < count; ++i)
      changed += ReplaceInSlot((*candidates)[static_cast<std::size_t>(i)], e, true) ? 1 : 0;
    return changed;
  }

  // Inserts `line` before the most recent text before `edit` holding `where`.
  bool InsertBefore(int edit, std::string_view where, IrcLine line) {
    int slot = FindLast(edit, where);
    if (slot < 0) return false;
    // Before the text that matched: the slot's own line, or one of the lines
    // inserted before it.
    auto& before = inserted_[static_cast<std::size_t>(slot)];
    std::size_t at = before.size();
    if (lines_[static_cast<std::size_t>(slot)].text.find(where) == std::string::npos) {
      while (at > 0 && before[at - 1].text.find(where) == std::string::npos) --at;
      --at;
    }
    if (index_built_) Index(slot, line.text);
    before.insert(before.begin() + static_cast<std::ptrdiff_t>(at), std::move(line));
    return true;
  }

  void Remove(int slot) { removed_.push_back(slot); }

  // The edited log, inserted lines in place, removed lines gone.
  std::vector<IrcLine> Take() {
    std::sort(removed_.begin(), removed_.end());
    std::vector<IrcLine> out;
    out.reserve(lines_.size());
    std::size_t next_removed = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      for (IrcLine& line : inserted_[i]) out.push_back(std::move(line));
      if (next_removed < removed_.size() && removed_[next_removed] == static_cast<int>(i)) {
        ++next_removed;
        continue;
      }
      out.push_back(std::move(lines_[i]));
    }
    return out;
  }

 private:
  int FindLast(int edit, std::string_view where) {
    int low = std::max(0, edit - kNearLines);
    for (int slot = edit - 1; slot >= low; --slot)
      if (SlotHolds(slot, where)) return slot;
    if (low == 0) return -1;
    if (where.size() < 3 || ScanWithinBudget(low)) {
      for (int slot = low - 1; slot >= 0; --slot)
        if (SlotHolds(slot, where)) return slot;
      return -1;
    }
    const std::vector<int>* candidates = Candidates(where);
    if (!candidates) return -1;
    auto end = std::lower_bound(candidates->begin(), candidates->end(), low);
    for (auto it = end; it != candidates->begin();) {
      int slot = *--it;
      if (SlotHolds(slot, where)) return slot;
    }
    return -1;
  }

  // Scanning `lines` slots costs a pass over them; the trigram index costs
  // one pass over the whole log to build, and more to fill. A log with few
  // far edits (a meeting's) never needs the index: every search beyond the
  // near window (s/// reaching back, s///g over all, i/// reaching back)
  // scans while the slots scanned stay within kScanBudget passes over the
  // log, then the index is built, so the total stays linear however many
  // edits there are. True (and counted) when this scan fits the budget.
  bool ScanWithinBudget(int lines) {
    if (index_built_ || scanned_ + lines > kScanBudget * size()) return false;
    scanned_ += lines;
    return true;
  }

  bool SlotHolds(int slot, std::string_view text) const {
    auto s = static_cast<std::size_t>(slot);
    if (targetable_[s] && lines_[s].text.find(text) != std::string::npos) return true;
    for (const IrcLine& line : inserted_[s])
      if (line.text.find(text) != std::string::npos) return true;
    return false;
  }

  // The most recent text of the slot first: its own line, then the lines
  // inserted before it, nearest first.
  bool ReplaceInSlot(int slot, const ScribeEdit& e, bool all) {
    auto s = static_cast<std::size_t>(slot);
    bool changed = false;
    if (targetable_[s]) changed = Replace(lines_[s].text, e, all);
    if (changed && !all) return Reindexed(slot, lines_[s].text);
    auto& before = inserted_[s];
    for (std::size_t i = before.size(); i > 0; --i) {
      if (Replace(before[i - 1].text, e, all)) {
        changed = true;
        Reindexed(slot, before[i - 1].text);
        if (!all) return true;
      }
    }
    if (changed && all && targetable_[s]) Reindexed(slot, lines_[s].text);
    return changed;
  }

  static bool Replace(std::string& text, const ScribeEdit& e, bool all) {
    std::size_t at = text.find(e.old_text);
    if (at == std::string::npos) return false;
    if (!all) {
      text.replace(at, e.old_text.size(), e.new_text);
      return true;
    }
    std::string out;
    std::size_t from = 0;
    for (; at != std::string::npos; at = text.find(e.old_text, from)) {
      out.append(text, from, at - from);
      out += e.new_text;
      from = at + e.old_text.size();
    }
    out.append(text, from, std::string::npos);
    text = std::move(out);
    return true;
  }

  bool Reindexed(int slot, std::string_view text) {
    if (index_built_) Index(slot, text);
    return true;
  }

  // The posting list of the rarest trigram of `text`, or null when some
  // trigram of it is in no line (so no line holds `text`).
  const std::vector<int>* Candidates(std::string_view text) {
    BuildIndex();
    const std::vector<int>* best = nullptr;
    for (std::size_t at = 0; at + 3 <= text.size(); ++at) {
      auto found = postings_.find(Trigram(text, at));
      if (found == postings_.end()) return nullptr;
      if (!best || found->second.size() < best->size()) best = &found->second;
    }
    return best;
  }

  void BuildIndex() {
    if (index_built_) return;
    index_built_ = true;
    for (int slot = 0; slot < size(); ++slot) {
      auto s = static_cast<std::size_t>(slot);
      if (targetable_[s]) Append(slot, lines_[s].text);
      for (const IrcLine& line : inserted_[s]) Index(slot, line.text);
    }
  }

  // While building, slots come in order: appending keeps lists sorted.
  void Append(int slot, std::string_view text) {
    for (std::size_t at = 0; at + 3 <= text.size(); ++at) {
      std::vector<int>& list = postings_[Trigram(text, at)];
      if (list.empty() || list.back() != slot) list.push_back(slot);
    }
  }

  void Index(int slot, std::string_view text) {
    for (std::size_t at = 0; at + 3 <= text.size(); ++at) {
      std::vector<int>& list = postings_[Trigram(text, at)];
      auto it = std::lower_bound(list.begin(), list.end(), slot);
      if (it == list.end() || *it != slot) list.insert(it, slot);
    }
  }

  std::vector<IrcLine>& lines_;
  std::vector<std::vector<IrcLine>> inserted_;
  std::vector<bool> targetable_;
  std::vector<int> removed_;
  std::unordered_map<std::uint32_t, std::vector<int>> postings_;
  bool index_built_ = false;
  static constexpr long kScanBudget = 4;
  long scanned_ = 0;  // lines scanned beyond the near window before the index
};

std::string Shown(const ScribeEdit& e) {
  std::string text = e.kind == ScribeEdit::kInsert ? "i/" : "s/";
  return text + e.old_text + "/" + e.new_text + "/" + (e.scope ? std::string(1, e.scope) : "");
}

}  // namespace

std::optional<ScribeEdit> ParseScribeEdit(std::string_view text) {
  if (text.size() < 4 || (text[0] != 's' && text[0] != 'i')) return std::nullopt;
  char delimiter = text[1];
  if (delimiter != '/' && delimiter != '|') return std::nullopt;
  std::size_t end_old = text.find(delimiter, 2);
  if (end_old == std::string_view::npos || end_old == 2) return std::nullopt;
  ScribeEdit edit;
  edit.kind = text[0] == 'i' ? ScribeEdit::kInsert : ScribeEdit::kSubstitute;
  edit.old_text = std::string(text.substr(2, end_old - 2));
  std::string_view rest = text.substr(end_old + 1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.size() >= 2 && rest[rest.size() - 2] == delimiter &&
      (rest.back() == 'g' || rest.back() == 'G')) {
    edit.scope = rest.back();
    rest.remove_suffix(2);
  } else if (!rest.empty() && rest.back() == delimiter) {
    rest.remove_suffix(1);
  }
  edit.new_text = std::string(rest);
  if (edit.kind == ScribeEdit::kInsert && (edit.scope || edit.new_text.empty())) return std::nullopt;
  return edit;
}

EditReport ApplyScribeEdits(std::vector<IrcLine>& lines) {
  EditReport report;
  EditableLog log(lines);
  for (int slot = 0; slot < log.size(); ++slot) {
    const IrcLine& line = lines[static_cast<std::size_t>(slot)];
    if (line.kind != IrcLineKind::kMessage) continue;
    auto edit = ParseScribeEdit(line.text);
    if (!edit) continue;
    bool done = false;
    if (edit->kind == ScribeEdit::kInsert) {
      IrcLine inserted = line;
      inserted.text = edit->new_text;
      done = log.InsertBefore(slot, edit->old_text, std::move(inserted));
    } else if (edit->scope == 0) {
      done = log.SubstituteLast(slot, *edit);
    } else {
      done = log.SubstituteAll(edit->scope == 'g' ? slot : log.size(), *edit) > 0;
    }
    if (done) {
      ++report.applied;
      log.Remove(slot);
    } else {
      report.failed.emplace_back(
          line.line, fmt::format("the edit '{}' found nothing to change before it; kept "
                                 "as text",
                                 Shown(*edit)));
    }
  }
  lines = log.Take();
  return report;
}

}  // namespace plenary
