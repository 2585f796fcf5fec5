#include "core/register.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <set>
#include <span>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/date.h"
#include "core/matching.h"
#include "core/review_status.h"
#include "core/text.h"

namespace plenary {
namespace {

// Words in more items than this are too common to find candidates by; they
// still count in the score of candidates found through rarer words.
constexpr std::size_t kCommonWordItems = 400;

// MatchScore's formula, given the words two wordings have in common.
double ScoreOfCommon(std::size_t common, std::size_t mention, std::size_t item) {
  if (common < 3) return 0.0;
  double overlap = static_cast<double>(common) / static_cast<double>(std::min(mention, item));
  double dice = 2.0 * static_cast<double>(common) / static_cast<double>(mention + item);
  return (overlap + dice) / 2.0;
}

std::string OwnerList(const std::vector<Owner>& owners) {
  if (owners.empty()) return "(unassigned)";
  std::string out;
  for (const Owner& o : owners) out += (out.empty() ? "" : ", ") + o.name;
  return out;
}

std::string DueText(const std::optional<Date>& due) { return due ? FormatIsoDate(*due) : "none"; }

std::string StatusChange(ActionStatus status) {
  return status == ActionStatus::kComplete    ? "completed"
         : status == ActionStatus::kCancelled ? "cancelled"
                                              : "reopened";
}

// "status: in progress -> done", or "status: done" for an item that had no
// written status.
std::string WrittenStatusChange(const std::string& before, const std::string& after) {
  if (before.empty()) return "status: " + after;
  return fmt::format("status: {} -> {}", before, after);
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// Whether `phrase` ("before the next plenary", "by the next call") names the
// next meeting of `kind`: "next", then nothing but the kind's own words and
// "meeting", "call" or "session".
bool NamesNextMeetingOf(std::string_view phrase, std::string_view kind) {
  std::vector<std::string_view> words = SplitWords(phrase);
  auto next = std::find_if(words.begin(), words.end(),
                           [](std::string_view w) { return EqualsNoCase(w, "next"); });
  if (next == words.end() || next + 1 == words.end()) return false;
  std::vector<std::string_view> kind_words = SplitWords(kind);
  return std::all_of(next + 1, words.end(), [&](std::string_view w) {
    std::string folded = FoldName(w);
    while (!folded.empty() && (folded.back() == '.' || folded.back() == ',')) folded.pop_back();
    if (folded == "meeting" || folded == "call" || folded == "session") return true;
    return std::any_of(kind_words.begin(), kind_words.end(),
                       [&](std::string_view k) { return FoldName(k) == folded; });
  });
}

// Word numbers by MatchWordHash: open addressing with linear probing, the
// slot picked by Fibonacci hashing. Indexing a stored register looks up each
// of its wordings' words, 240,000 for 20,000 items; std::unordered_map's node
// per word and division per lookup cost 1.5-2 ms more of a 40 ms import.
class WordNumbers {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  std::uint32_t Find(std::uint64_t hash) const {
    if (slots_.empty()) return kNone;
    for (std::size_t i = Slot0(hash);; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.number == kNone || slot.hash == hash) return slot.number;
    }
  }
  // The number of `hash`, which is `next` if it had none (then true).
  std::pair<std::uint32_t, bool> Insert(std::uint64_t hash, std::uint32_t next) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    for (std::size_t i = Slot0(hash);; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.number == kNone) {
        slot = {hash, next};
        ++size_;
        return {next, true};
      }
      if (slot.hash == hash) return {slot.number, false};
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t number = kNone;
  };
  std::size_t Slot0(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 11400714819323198485ULL) >> shift_);
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    const std::size_t size = std::max<std::size_t>(1024, old.size() * 2);
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    shift_ = 64 - static_cast<int>(std::countr_zero(size));
    size_ = 0;
    for (const Slot& slot : old)
      if (slot.number != kNone) Insert(slot.hash, slot.number);
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0, size_ = 0;
  int shift_ = 64;
};

}  // namespace

class RegisterReplay::Impl {
 public:
  Impl(Register start, const MatchRules& rules);
  Impl(PartialRegister start, RegisterItemLoader* loader, const MatchRules& rules);

  // How a replay that made `before` took each mention: the item it went to
  // (an index in `before`, which is the index this replay gives it), and the
  // lines that had a notice.
  struct Guide {
    const Register* before = nullptr;
    std::map<MentionRef, std::size_t> owner;
    std::set<std::tuple<std::string, int, int>> noticed;  // kind, number, line
    explicit Guide(const Register& reg);
  };

  void ApplyMeeting(const MeetingMentions& meeting) { ApplyMentions(meeting, nullptr); }
  // False when `guide` does not fit the meeting (ApplyAllAsBefore).
  bool ApplyMentions(const MeetingMentions& meeting, const Guide* guide);
  void ApplyEvent(const RegisterEvent& event);
  const Register& Current() const { return reg_; }
  Register& Ids() { return reg_; }
  std::vector<std::size_t> TakeChanged() {
    std::vector<std::size_t> changed = std::move(changed_);
    changed_.clear();
    for (std::size_t i : changed) is_changed_[i] = false;
    std::sort(changed.begin(), changed.end());
    return changed;
  }
  // Room for `more` items beyond those there (a replay of that many mentions).
  void Reserve(std::size_t more);
  Register Finish() { return std::move(reg_); }
  bool Partial() const { return partial_; }
  void SetLoader(RegisterItemLoader* loader) { loader_ = loader; }
  std::vector<std::uint64_t> WordingWords(std::size_t item, std::size_t wording) const {
    std::vector<std::uint64_t> hashes;
    for (std::uint32_t w : words_[item].at(wording)) hashes.push_back(hash_of_[w]);
    std::sort(hashes.begin(), hashes.end());
    return hashes;
  }

 private:
  struct Match {
    std::optional<std::size_t> item;
    bool ambiguous = false;
    std::size_t runner_up = 0;
  };

  // A wording's content words as numbers (the same word, the same number),
  // sorted, repeats kept: what MatchScore counts, compared as integers.
  using WordIds = std::vector<std::uint32_t>;
  // `words` (MatchWords) as numbers, sorted; a word no item has is
  // kUnknownWord.
  WordIds Known(const std::vector<std::string>& words) const;
  // Indexes a new wording of `item`, its words given as MatchWordHash.
  void IndexWords(std::size_t item, std::span<const std::uint64_t> hashes);
  static constexpr std::uint32_t kUnknownWord = WordNumbers::kNone;

  Match FindMatch(const WordIds& words, double threshold, std::size_t limit, bool review) const;
  double ScoreItem(std::size_t item, const WordIds& words) const;
  bool HasWording(std::size_t item, const WordIds& words) const;
  // Whether a wording of `item` could score `threshold` against a mention of
  // `mention` words sharing at most `shareable` of them (an upper bound of
  // ScoreItem read from the wordings' sizes alone).
  bool CanReach(std::size_t item, std::size_t mention, std::size_t shareable,
                double threshold) const;
  std::size_t Create(const MeetingMentions& meeting, int position);
  void Apply(std::size_t item, const MeetingMentions& meeting, int position);
  void Remember(std::size_t item, const std::string& text);
  void Index(std::size_t item, const std::string& text);
  void MarkChanged(std::size_t item);
  // Loads `item` whole if the replay started partial and has not yet: before
  // anything but its id, status, merge, awaits_next and words is read or
  // changed.
  void Fill(std::size_t item);
  // Fill of each of `items`, those not loaded read at once (LoadMany): the
  // items a meeting is likely to touch, before it is applied.
  void FillAll(const std::vector<std::size_t>& items);
  void Install(std::size_t item, RegisterItem whole);
  // The items applying `meeting` would read whole, as they stand: its
  // mentions' matches (and runners-up) and the items waiting for a meeting
  // of its kind. Applying a mention changes what the next ones match, so
  // this is a guess; an item it misses is read when it is needed.
  std::vector<std::size_t> LikelyTouched(const MeetingMentions& meeting) const;
  std::optional<std::size_t> ItemOf(const MentionRef& ref);
  std::string NoteIn(std::size_t item, const ActionItem& mention) const;
  void Merge(std::size_t into, std::size_t from, const RegisterEvent& event);
  void ResolveNextMeetingDues(const MeetingMentions& meeting);

  MatchRules rules_;
  Register reg_;
  std::vector<std::vector<WordIds>> words_;  // per item, per wording
  // Per item, the fewest and the most words of its wordings (CanReach).
  std::vector<std::pair<std::size_t, std::size_t>> sizes_;
  static constexpr std::pair<std::size_t, std::size_t> kNoWording{SIZE_MAX, 0};
  // Word numbers by MatchWordHash, and back.
  WordNumbers word_ids_;
  std::vector<std::uint64_t> hash_of_;
  // The items each content word (by its number) is in, once each: how many
  // there are decides whether a word is too common to find candidates by, so
  // the count must not depend on the order wordings were added in (a resumed
  // replay adds them item by item).
  std::vector<std::vector<std::size_t>> index_;
  struct MentionHash {
    std::size_t operator()(const MentionRef& r) const {
      return std::hash<std::int64_t>()(r.meeting_id * 65599 + r.position);
    }
  };
  std::unordered_map<MentionRef, std::size_t, MentionHash> mention_owner_;
  std::vector<std::size_t> due_at_next_;  // items whose awaits_next is set
  // The items changed since TakeChanged, each once.
  std::vector<std::size_t> changed_;
  std::vector<bool> is_changed_;  // per item
  // FindMatch's scratch, per item: the words a mention shares with it, valid
  // where the stamp is the mention's.
  mutable std::vector<std::uint32_t> shared_, stamp_;
  mutable std::uint32_t mention_stamp_ = 0;
  // A partial replay (PartialRegister): which of the items it started with
  // are loaded (those made since are whole), how, and (once an event needs
  // it) each item's position by id.
  bool partial_ = false;
  std::vector<bool> loaded_;
  RegisterItemLoader* loader_ = nullptr;
  std::unordered_map<std::int64_t, std::size_t> position_of_id_;
};

namespace {
using Replayer = RegisterReplay::Impl;
}  // namespace

// The replay's own indexes are functions of the items: rebuilt from them, a
// resumed replay matches, merges and resolves dues as the one that made them.
RegisterReplay::Impl::Impl(Register start, const MatchRules& rules)
    : rules_(rules), reg_(std::move(start)) {
  words_.resize(reg_.items.size());
  sizes_.resize(reg_.items.size(), kNoWording);
  std::size_t mentions = 0;
  for (const RegisterItem& item : reg_.items) mentions += item.mentions.size();
  mention_owner_.reserve(mentions);
  for (std::size_t i = 0; i < reg_.items.size(); ++i) {
    const RegisterItem& item = reg_.items[i];
    for (const std::string& text : item.match_texts) Index(i, text);
    for (const MentionRef& ref : item.mentions) mention_owner_[ref] = i;
    if (!item.awaits_next.empty()) due_at_next_.push_back(i);
  }
}

// The same indexes from the wordings' words as stored: no text is read
// again. The mentions of items not loaded are asked of the loader.
RegisterReplay::Impl::Impl(PartialRegister start, RegisterItemLoader* loader,
                           const MatchRules& rules)
    : rules_(rules), reg_(std::move(start.reg)), partial_(true), loader_(loader) {
  words_.resize(reg_.items.size());
  sizes_.resize(reg_.items.size(), kNoWording);
  loaded_.assign(reg_.items.size(), false);
  std::size_t first = 0;
  for (const PartialRegister::Wording& w : start.wordings) {
    if (w.item >= reg_.items.size() || first + w.words > start.words.size())
      throw std::invalid_argument("a partial register's wordings are not its items'");
    IndexWords(w.item, std::span(start.words).subspan(first, w.words));
    first += w.words;
  }
  for (std::size_t i = 0; i < reg_.items.size(); ++i)
    if (!reg_.items[i].awaits_next.empty()) due_at_next_.push_back(i);
}

void Replayer::Fill(std::size_t item) {
  if (item >= loaded_.size() || loaded_[item]) return;
  if (!loader_) throw std::logic_error("a partial register replayed without its loader");
  Install(item, loader_->Load(reg_.items[item].id));
}

void Replayer::FillAll(const std::vector<std::size_t>& items) {
  std::vector<std::size_t> missing;
  std::vector<std::int64_t> ids;
  for (std::size_t i : items)
    if (i < loaded_.size() && !loaded_[i] &&
        std::find(missing.begin(), missing.end(), i) == missing.end()) {
      missing.push_back(i);
      ids.push_back(reg_.items[i].id);
    }
  if (missing.empty()) return;
  if (!loader_) throw std::logic_error("a partial register replayed without its loader");
  std::vector<RegisterItem> loaded = loader_->LoadMany(ids);
  if (loaded.size() != missing.size()) throw std::runtime_error("a stored item could not be read");
  for (std::size_t k = 0; k < missing.size(); ++k) Install(missing[k], std::move(loaded[k]));
}

std::vector<std::size_t> Replayer::LikelyTouched(const MeetingMentions& meeting) const {
  std::vector<std::size_t> items;
  for (std::size_t waiting : due_at_next_)
    if (EqualsNoCase(reg_.items[waiting].awaits_next, meeting.key.kind)) items.push_back(waiting);
  for (const ActionItem& mention : meeting.mentions) {
    bool review = mention.source == ActionSource::kReview;
    Match match = FindMatch(Known(MatchWords(SplitReviewStatus(mention.text).item)),
                            review ? rules_.review_threshold : rules_.new_row_threshold,
                            reg_.items.size(), review);
    if (match.item) items.push_back(*match.item);
    if (match.ambiguous) items.push_back(match.runner_up);
  }
  return items;
}

void Replayer::Install(std::size_t item, RegisterItem whole) {
  RegisterItem& skeleton = reg_.items[item];
  if (whole.id != skeleton.id) throw std::runtime_error("a stored item read as another");
  if (whole.match_texts.size() != words_[item].size())
    throw std::runtime_error("a stored item's match texts are not its wordings");
  whole.merged_into = skeleton.merged_into;
  whole.merged_into_id = skeleton.merged_into_id;
  whole.awaits_next = std::move(skeleton.awaits_next);
  whole.state.status = skeleton.state.status;
  skeleton = std::move(whole);
  loaded_[item] = true;
}

namespace {

// MatchScore over word numbers (Replayer::WordIds): the same count, the same
// formula.
double MatchScoreOfIds(const std::vector<std::uint32_t>& mention,
                       const std::vector<std::uint32_t>& item) {
  std::size_t common = 0;
  for (auto a = mention.begin(), b = item.begin(); a != mention.end() && b != item.end();) {
    std::uint32_t x = *a, y = *b;
    if (x == y) ++common;
    if (x <= y) ++a;
    if (x >= y) ++b;
  }
  return ScoreOfCommon(common, mention.size(), item.size());
}

}  // namespace

Replayer::WordIds Replayer::Known(const std::vector<std::string>& words) const {
  WordIds ids;
  ids.reserve(words.size());
  for (const std::string& w : words) {
    ids.push_back(word_ids_.Find(MatchWordHash(w)));  // kUnknownWord if none
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

double Replayer::ScoreItem(std::size_t item, const WordIds& words) const {
  double best = 0;
  for (const auto& wording : words_[item]) best = std::max(best, MatchScoreOfIds(words, wording));
  return best;
}

// With at most c = min(shareable, mention) words shared, a wording of s
// words scores at most ScoreOfCommon(min(c, s), mention, s): rising with s up
// to c, falling after. Its largest value over the item's wording sizes is
// at c brought within them. A hair under the threshold is kept: the bound must
// not lose a candidate to rounding.
bool Replayer::CanReach(std::size_t item, std::size_t mention, std::size_t shareable,
                        double threshold) const {
  const auto [fewest, most] = sizes_[item];
  if (fewest > most) return false;  // no wording
  const std::size_t c = std::min(shareable, mention);
  const std::size_t s = std::clamp<std::size_t>(c, fewest, most);
  return ScoreOfCommon(std::min(c, s), mention, s) >= threshold - 1e-9;
}

bool Replayer::HasWording(std::size_t item, const WordIds& words) const {
  return !words.empty() &&
         std::find(words_[item].begin(), words_[item].end(), words) != words_[item].end();
}

// The earlier item (index below `limit`) a mention most likely names. Open
// items are preferred; a closed one matches only a `review` mention, and only
// when no open one does: an action given again once the last one was done
// ("@Sam: pursue a report for Abdera" in August, after May's was received) is
// a new item. A `review` mention whose words are exactly those of one of an
// item's wordings names it even when they are too few to score ("Greg: follow
// up [ Cassandra ]" reviewed the next month).
//
// A candidate is an item that shares a word too rare to be common with the
// mention. It is scored only when it could reach `threshold`: the words it
// can share are at most the mention's words whose items include it plus the
// mention's common words, and a wording's score with that many words shared
// is an upper bound of its real score (ScoreOfCommon grows with the words
// shared). Most candidates share one rare word and are passed over without
// comparing their wordings.
Replayer::Match Replayer::FindMatch(const WordIds& words, double threshold, std::size_t limit,
                                    bool review) const {
  // Each item once, with the number of the mention's words that find it.
  std::vector<std::size_t> found;
  if (shared_.size() < reg_.items.size()) {
    shared_.resize(reg_.items.size());
    stamp_.resize(reg_.items.size());
  }
  if (++mention_stamp_ == 0) {  // wrapped: no stamp may look current
    std::fill(stamp_.begin(), stamp_.end(), 0);
    mention_stamp_ = 1;
  }
  std::size_t common_words = 0;
  for (std::uint32_t w : words) {
    if (w == kUnknownWord) continue;  // in no wording
    if (index_[w].size() > kCommonWordItems) {
      ++common_words;
      continue;
    }
    for (std::size_t item : index_[w]) {
      if (item >= limit || reg_.items[item].merged_into) continue;
      if (stamp_[item] != mention_stamp_) {
        stamp_[item] = mention_stamp_;
        shared_[item] = 0;
        found.push_back(item);
      }
      ++shared_[item];
    }
  }
  // In no particular order: the scored are sorted by score, then item.
  std::vector<std::size_t> candidates;
  for (std::size_t item : found) {
    std::size_t shareable = shared_[item] + common_words;
    // A review naming a wording exactly matches even below the threshold.
    if ((review && shareable >= words.size()) || CanReach(item, words.size(), shareable, threshold))
      candidates.push_back(item);
  }
  for (bool open : {true, false}) {
    if (!open && !review) break;
    std::vector<std::pair<double, std::size_t>> scored;
    for (std::size_t item : candidates) {
      if ((reg_.items[item].state.status == ActionStatus::kOpen) != open) continue;
      double score = ScoreItem(item, words);
      if (score < threshold && review && HasWording(item, words)) score = 1.0;
      if (score >= threshold) scored.push_back({score, item});
    }
    if (scored.empty()) continue;
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    Match match{scored[0].second, false, 0};
    if (scored.size() > 1 && scored[0].first - scored[1].first < rules_.ambiguity_margin) {
      match.ambiguous = true;
      match.runner_up = scored[1].second;
    }
    return match;
  }
  return {};
}

void Replayer::MarkChanged(std::size_t item) {
  if (is_changed_.size() <= item) is_changed_.resize(std::max(item + 1, reg_.items.size()));
  if (is_changed_[item]) return;
  is_changed_[item] = true;
  changed_.push_back(item);
}

void Replayer::Reserve(std::size_t more) {
  reg_.items.reserve(reg_.items.size() + more);
  words_.reserve(reg_.items.size() + more);
  sizes_.reserve(reg_.items.size() + more);
}

void Replayer::Remember(std::size_t item, const std::string& text) {
  auto& texts = reg_.items[item].match_texts;
  if (std::find(texts.begin(), texts.end(), text) != texts.end()) return;
  texts.push_back(text);
  Index(item, text);
}

void Replayer::Index(std::size_t item, const std::string& text) {
  IndexWords(item, MatchWordHashes(text));
}

void Replayer::IndexWords(std::size_t item, std::span<const std::uint64_t> hashes) {
  WordIds words;
  words.reserve(hashes.size());
  for (std::uint64_t h : hashes) {
    auto [number, added] = word_ids_.Insert(h, static_cast<std::uint32_t>(index_.size()));
    if (added) {
      index_.emplace_back();
      hash_of_.push_back(h);
    }
    words.push_back(number);
  }
  std::sort(words.begin(), words.end());
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && words[i] == words[i - 1]) continue;
    bool known = std::any_of(words_[item].begin(), words_[item].end(), [&](const auto& wording) {
      return std::binary_search(wording.begin(), wording.end(), words[i]);
    });
    if (!known) index_[words[i]].push_back(item);
  }
  auto& [fewest, most] = sizes_[item];
  fewest = std::min<std::size_t>(fewest, words.size());
  most = std::max<std::size_t>(most, words.size());
  words_[item].push_back(std::move(words));
}

std::size_t Replayer::Create(const MeetingMentions& meeting, int position) {
  const ActionItem& mention = meeting.mentions[static_cast<std::size_t>(position)];
  RegisterItem item;
  item.state = mention;
  // A review names an item and gives its status: the item is the words
  // before "Status:", the status its note (core/review_status.h).
  ReviewedText reviewed = SplitReviewStatus(mention.text);
  if (!reviewed.status.empty()) {
    item.state.text = std::string(reviewed.item);
    item.status_note = std::string(reviewed.status);
  }
  item.origin = meeting.key;
  item.origin_date = meeting.date;
  item.history.push_back({meeting.date, meeting.key, std::nullopt, "created", mention.text, ""});
  if (mention.status != ActionStatus::kOpen) {
    item.history.push_back(
        {meeting.date, meeting.key, std::nullopt, StatusChange(mention.status), mention.text, ""});
  }
  item.mentions.push_back({meeting.meeting_id, position});
  reg_.items.push_back(std::move(item));
  words_.emplace_back();
  sizes_.emplace_back(kNoWording);
  std::size_t index = reg_.items.size() - 1;
  if (!mention.due && !mention.due_phrase.empty() &&
      NamesNextMeetingOf(mention.due_phrase, meeting.key.kind)) {
    reg_.items[index].awaits_next = meeting.key.kind;
    due_at_next_.push_back(index);
  }
  Remember(index, std::string(SplitReviewStatus(mention.text).item));
  mention_owner_[{meeting.meeting_id, position}] = index;
  MarkChanged(index);
  return index;
}

// What a mention says beyond naming its item ("Provide SSR2-RT with a
// response to the ToR. Board response still pending."): every sentence but
// the one that names the item best, unless an earlier wording already has it
// or the sentence would name the item on its own (a restatement).
std::string Replayer::NoteIn(std::size_t item, const ActionItem& mention) const {
  ReviewedText reviewed = SplitReviewStatus(mention.text);
  if (!reviewed.status.empty()) {
    const auto& note = reg_.items[item].status_note;
    return note && *note == reviewed.status ? "" : std::string(reviewed.status);
  }
  std::vector<std::string_view> sentences = SplitSentences(mention.text);
  if (sentences.size() < 2) return "";
  std::size_t naming = 0;
  double best = -1;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    double score = ScoreItem(item, Known(MatchWords(sentences[i])));
    if (score > best) {
      best = score;
      naming = i;
    }
  }
  std::string note;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i == naming) continue;
    if (ScoreItem(item, Known(MatchWords(sentences[i]))) >= rules_.review_threshold) continue;
    std::string folded = FoldName(sentences[i]);
    bool known = std::any_of(
        reg_.items[item].match_texts.begin(), reg_.items[item].match_texts.end(),
        [&](const std::string& t) { return FoldName(t).find(folded) != std::string::npos; });
    if (!known) note += (note.empty() ? "" : " ") + std::string(sentences[i]);
  }
  return note;
}

void Replayer::Apply(std::size_t index, const MeetingMentions& meeting, int position) {
  const ActionItem& mention = meeting.mentions[static_cast<std::size_t>(position)];
  Fill(index);
  MarkChanged(index);
  RegisterItem& item = reg_.items[index];
  std::vector<std::string> changes;
  if (mention.due && mention.due != item.state.due) {
    changes.push_back(fmt::format("due {} -> {}", DueText(item.state.due), DueText(mention.due)));
    item.state.due = mention.due;
  }
  if (mention.due && !item.state.due_phrase.empty()) item.state.due_phrase.clear();
  if (!mention.due_phrase.empty() && !mention.due && mention.due_phrase != item.state.due_phrase) {
    changes.push_back("due: " + mention.due_phrase);
    item.state.due_phrase = mention.due_phrase;
  }
  bool closed_now = false;
  if (mention.status != ActionStatus::kOpen && mention.status != item.state.status) {
    changes.push_back(StatusChange(mention.status));
    item.state.status = mention.status;
    closed_now = true;
  }
  if (!mention.written_status.empty() && mention.written_status != item.state.written_status) {
    changes.push_back(WrittenStatusChange(item.state.written_status, mention.written_status));
    item.state.written_status = mention.written_status;
  } else if (closed_now && mention.written_status.empty()) {
    item.state.written_status.clear();  // "in progress" no longer says what it is
  }
  std::vector<Owner> owners = item.state.owners;
  if (mention.source == ActionSource::kTable && !mention.owners.empty()) owners = mention.owners;
  for (const Owner& o : mention.owners)
    if (std::find(owners.begin(), owners.end(), o) == owners.end()) owners.push_back(o);
  if (owners != item.state.owners) {
    changes.push_back(
        fmt::format("owners {} -> {}", OwnerList(item.state.owners), OwnerList(owners)));
    item.state.owners = owners;
  }
  if (!item.state.raised_by) item.state.raised_by = mention.raised_by;
  if (std::string note = NoteIn(index, mention); !note.empty()) {
    changes.push_back("note: " + note);
    item.status_note = note;
  }
  if (changes.empty()) changes.push_back("mentioned");
  item.history.push_back(
      {meeting.date, meeting.key, std::nullopt, Join(changes), mention.text, ""});
  item.mentions.push_back({meeting.meeting_id, position});
  mention_owner_[{meeting.meeting_id, position}] = index;
  Remember(index, std::string(SplitReviewStatus(mention.text).item));
}

// An open item due "before the next plenary" is due on the day of the next
// meeting of its meeting's kind, once the replay reaches one.
void Replayer::ResolveNextMeetingDues(const MeetingMentions& meeting) {
  auto resolved = [&](std::size_t waiting) {
    if (!EqualsNoCase(reg_.items[waiting].awaits_next, meeting.key.kind)) return false;
    Fill(waiting);
    RegisterItem& item = reg_.items[waiting];
    item.awaits_next.clear();
    MarkChanged(waiting);
    if (item.merged_into || item.state.status != ActionStatus::kOpen || item.state.due) return true;
    item.state.due = meeting.date;
    item.history.push_back({meeting.date, meeting.key, std::nullopt,
                            fmt::format("due none -> {}", FormatIsoDate(meeting.date)),
                            item.state.due_phrase, ""});
    return true;
  };
  due_at_next_.erase(std::remove_if(due_at_next_.begin(), due_at_next_.end(), resolved),
                     due_at_next_.end());
}

Replayer::Guide::Guide(const Register& reg) : before(&reg) {
  for (std::size_t i = 0; i < reg.items.size(); ++i)
    for (const MentionRef& ref : reg.items[i].mentions) owner.emplace(ref, i);
  for (const RegisterDiagnostic& d : reg.diagnostics)
    noticed.emplace(d.meeting.kind, d.meeting.number, d.line);
}

bool Replayer::ApplyMentions(const MeetingMentions& meeting, const Guide* guide) {
  if (Partial() && !guide) FillAll(LikelyTouched(meeting));
  ResolveNextMeetingDues(meeting);
  // Items this meeting creates are not candidates for its own other mentions:
  // within one meeting the importer has already joined what is the same.
  const std::size_t earlier = reg_.items.size();
  for (std::size_t i = 0; i < meeting.mentions.size(); ++i) {
    const ActionItem& mention = meeting.mentions[i];
    Match match;
    std::optional<std::size_t> went;  // where the guiding replay took it
    if (guide) {
      auto it = guide->owner.find({meeting.meeting_id, static_cast<int>(i)});
      if (it == guide->owner.end()) return false;
      went = it->second;
    }
    if (guide && !guide->noticed.count({meeting.key.kind, meeting.key.number, mention.line})) {
      const RegisterItem& there = guide->before->items[*went];
      bool created = there.mentions.front() == MentionRef{meeting.meeting_id, static_cast<int>(i)};
      if (created && *went != reg_.items.size()) return false;
      if (!created && (*went >= earlier || reg_.items[*went].merged_into)) return false;
      if (!created) match.item = *went;
    } else {
      double threshold = mention.source == ActionSource::kReview ? rules_.review_threshold
                                                                 : rules_.new_row_threshold;
      match = FindMatch(Known(MatchWords(SplitReviewStatus(mention.text).item)), threshold, earlier,
                        mention.source == ActionSource::kReview);
      bool applies = match.item && !match.ambiguous;
      if (went && *went != (applies ? *match.item : reg_.items.size())) return false;
    }
    if (match.item && match.ambiguous) {
      Fill(*match.item);
      Fill(match.runner_up);
      reg_.diagnostics.push_back(
          {meeting.key, mention.line,
           fmt::format("'{}' could be '{}' or '{}'; recorded as a new item (merge it if it is "
                       "one of them)",
                       mention.text, reg_.items[*match.item].state.text,
                       reg_.items[match.runner_up].state.text)});
    }
    if (match.item && !match.ambiguous)
      Apply(*match.item, meeting, static_cast<int>(i));
    else
      Create(meeting, static_cast<int>(i));
  }
  return true;
}

std::optional<std::size_t> Replayer::ItemOf(const MentionRef& ref) {
  std::size_t index = 0;
  if (auto it = mention_owner_.find(ref); it != mention_owner_.end()) {
    index = it->second;
  } else {
    // A partial replay knows the mentions it applied; the store the rest.
    if (!Partial() || !loader_) return std::nullopt;
    std::optional<std::int64_t> id = loader_->ItemOf(ref);
    if (!id) return std::nullopt;
    auto at = position_of_id_.find(*id);
    if (at == position_of_id_.end()) {  // built on first use, again for items made since
      for (std::size_t i = 0; i < reg_.items.size(); ++i) position_of_id_[reg_.items[i].id] = i;
      at = position_of_id_.find(*id);
    }
    if (at == position_of_id_.end()) return std::nullopt;
    index = at->second;
  }
  while (reg_.items[index].merged_into) index = *reg_.items[index].merged_into;
  return index;
}

void Replayer::Merge(std::size_t into, std::size_t from, const RegisterEvent& event) {
  Fill(into);
  Fill(from);
  RegisterItem& a = reg_.items[into];
  RegisterItem& b = reg_.items[from];
  MarkChanged(into);
  MarkChanged(from);
  for (const Owner& o : b.state.owners)
    if (std::find(a.state.owners.begin(), a.state.owners.end(), o) == a.state.owners.end())
      a.state.owners.push_back(o);
  if (!a.state.due) a.state.due = b.state.due;
  std::vector<ActionChange> merged = a.history;
  merged.insert(merged.end(), b.history.begin(), b.history.end());
  std::stable_sort(merged.begin(), merged.end(),
                   [](const ActionChange& x, const ActionChange& y) { return x.date < y.date; });
  merged.push_back(
      {event.effective, std::nullopt, event.id, "merged: " + b.state.text, event.note, event.who});
  a.history = std::move(merged);
  b.merged_into = into;
  b.history.push_back({event.effective, std::nullopt, event.id, "merged into: " + a.state.text,
                       event.note, event.who});
  for (const std::string& text : std::vector<std::string>(b.match_texts)) Remember(into, text);
}

void Replayer::ApplyEvent(const RegisterEvent& event) {
  std::optional<std::size_t> index = ItemOf(event.item);
  std::size_t other = reg_.items.size();  // none
  if (event.other) other = ItemOf(*event.other).value_or(reg_.items.size());
  bool merge = event.kind == RegisterEventKind::kMerge;
  if (!index || (merge && (other == reg_.items.size() || other == *index))) {
    reg_.diagnostics.push_back({{},
                                0,
                                fmt::format("change {} by {} names an item that no longer "
                                            "exists; skipped",
                                            event.id, event.who)});
    return;
  }
  if (merge) return Merge(*index, other, event);
  Fill(*index);
  MarkChanged(*index);
  RegisterItem& item = reg_.items[*index];
  std::vector<std::string> changes;
  if (event.status && *event.status != item.state.status) {
    changes.push_back(StatusChange(*event.status));
    item.state.status = *event.status;
    item.state.written_status.clear();  // the group's word was about the old status
  }
  if (event.due && *event.due != item.state.due) {
    changes.push_back(fmt::format("due {} -> {}", DueText(item.state.due), DueText(*event.due)));
    item.state.due = *event.due;
  }
  if (event.owners && *event.owners != item.state.owners) {
    changes.push_back(
        fmt::format("owners {} -> {}", OwnerList(item.state.owners), OwnerList(*event.owners)));
    item.state.owners = *event.owners;
  }
  if (!event.note.empty()) item.status_note = event.note;
  if (changes.empty()) changes.push_back("note");
  item.history.push_back(
      {event.effective, std::nullopt, event.id, Join(changes), event.note, event.who});
}

std::uint64_t MatchWordHash(std::string_view word) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
  for (char c : word) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::vector<std::uint64_t> MatchWordHashes(std::string_view text) {
  std::vector<std::uint64_t> hashes;
  for (const std::string& w : MatchWords(text)) hashes.push_back(MatchWordHash(w));
  return hashes;
}

std::vector<std::string> MatchWords(std::string_view text) {
  return ContentWords(WithoutRaisedOnDate(text));
}

std::vector<std::string> SortedWords(std::string_view text) {
  std::vector<std::string> words = MatchWords(text);
  std::sort(words.begin(), words.end());
  return words;
}

double MatchScore(const std::vector<std::string>& mention, const std::vector<std::string>& item) {
  if (mention.empty() || item.empty()) return 0.0;
  std::size_t common = 0;
  for (auto a = mention.begin(), b = item.begin(); a != mention.end() && b != item.end();) {
    int order = a->compare(*b);
    if (order == 0) ++common;
    if (order <= 0) ++a;
    if (order >= 0) ++b;
  }
  return ScoreOfCommon(common, mention.size(), item.size());
}

bool ReplaysBefore(const MeetingMentions& a, const MeetingMentions& b) {
  return std::tie(a.date, a.key.kind, a.key.number, a.meeting_id) <
         std::tie(b.date, b.key.kind, b.key.number, b.meeting_id);
}

bool ReplaysBefore(const RegisterEvent& a, const RegisterEvent& b) {
  return std::tie(a.effective, a.id) < std::tie(b.effective, b.id);
}

bool ReplaysBefore(const MeetingMentions& meeting, const RegisterEvent& event) {
  return !ReplaysBefore(event, meeting);
}

bool ReplaysBefore(const RegisterEvent& event, const MeetingMentions& meeting) {
  return event.effective < meeting.date;
}

RegisterReplay::RegisterReplay(Register start, const MatchRules& rules)
    : impl_(std::make_unique<Impl>(std::move(start), rules)) {}
std::vector<RegisterItem> RegisterItemLoader::LoadMany(const std::vector<std::int64_t>& ids) {
  std::vector<RegisterItem> items;
  for (std::int64_t id : ids) items.push_back(Load(id));
  return items;
}

RegisterReplay::RegisterReplay(PartialRegister start, RegisterItemLoader* loader,
                               const MatchRules& rules)
    : impl_(std::make_unique<Impl>(std::move(start), loader, rules)) {}
RegisterReplay::~RegisterReplay() = default;
bool RegisterReplay::Partial() const { return impl_->Partial(); }
void RegisterReplay::SetLoader(RegisterItemLoader* loader) { impl_->SetLoader(loader); }
std::vector<std::uint64_t> RegisterReplay::WordingWords(std::size_t item,
                                                        std::size_t wording) const {
  return impl_->WordingWords(item, wording);
}
void RegisterReplay::ApplyMeeting(const MeetingMentions& meeting) { impl_->ApplyMeeting(meeting); }
void RegisterReplay::ApplyEvent(const RegisterEvent& event) { impl_->ApplyEvent(event); }
const Register& RegisterReplay::Current() const { return impl_->Current(); }
Register& RegisterReplay::Ids() { return impl_->Ids(); }
std::vector<std::size_t> RegisterReplay::TakeChanged() { return impl_->TakeChanged(); }
Register RegisterReplay::Finish() { return impl_->Finish(); }

namespace {

// Calls `meeting` and `event` on each input in replay order, until one
// returns false; false then.
template <typename OnMeeting, typename OnEvent>
bool InReplayOrder(const std::vector<MeetingMentions>& meetings,
                   const std::vector<RegisterEvent>& events, const OnMeeting& meeting,
                   const OnEvent& event) {
  auto before = [](const auto* a, const auto* b) { return ReplaysBefore(*a, *b); };
  std::vector<const MeetingMentions*> m;
  std::vector<const RegisterEvent*> e;
  for (const MeetingMentions& x : meetings) m.push_back(&x);
  for (const RegisterEvent& x : events) e.push_back(&x);
  std::sort(m.begin(), m.end(), before);
  std::stable_sort(e.begin(), e.end(), before);
  std::size_t next = 0;
  for (const MeetingMentions* x : m) {
    for (; next < e.size() && ReplaysBefore(*e[next], *x); ++next)
      if (!event(*e[next])) return false;
    if (!meeting(*x)) return false;
  }
  for (; next < e.size(); ++next)
    if (!event(*e[next])) return false;
  return true;
}

}  // namespace

void RegisterReplay::ApplyAll(const std::vector<MeetingMentions>& meetings,
                              const std::vector<RegisterEvent>& events) {
  std::size_t mentions = 0;
  for (const MeetingMentions& m : meetings) mentions += m.mentions.size();
  impl_->Reserve(mentions);
  InReplayOrder(
      meetings, events, [&](const MeetingMentions& m) { return impl_->ApplyMentions(m, nullptr); },
      [&](const RegisterEvent& e) { return ApplyEvent(e), true; });
}

bool RegisterReplay::ApplyAllAsBefore(const Register& before, Date from,
                                      const std::vector<MeetingMentions>& meetings,
                                      const std::vector<RegisterEvent>& events) {
  if (impl_->Partial()) return false;  // it replays from empty
  Impl::Guide guide(before);
  return InReplayOrder(
      meetings, events,
      [&](const MeetingMentions& m) {
        return impl_->ApplyMentions(m, m.date < from ? &guide : nullptr);
      },
      [&](const RegisterEvent& e) { return ApplyEvent(e), true; });
}

Register ReplayRegister(std::vector<MeetingMentions> meetings, std::vector<RegisterEvent> events,
                        const MatchRules& rules) {
  RegisterReplay replay({}, rules);
  replay.ApplyAll(meetings, events);
  return replay.Finish();
}

namespace {

void LinkMergedIds(Register& reg) {
  for (RegisterItem& item : reg.items)
    item.merged_into_id = item.merged_into ? reg.items[*item.merged_into].id : 0;
}

}  // namespace

void AssignItemIds(Register& reg, const std::map<MentionRef, std::int64_t>& previous,
                   std::int64_t& next_id) {
  std::set<std::int64_t> taken;
  for (RegisterItem& item : reg.items) {
    item.id = 0;
    for (const MentionRef& ref : item.mentions) {
      auto it = previous.find(ref);
      if (it != previous.end() && !taken.count(it->second)) {
        item.id = it->second;
        break;
      }
    }
    if (item.id == 0) item.id = next_id++;
    next_id = std::max(next_id, item.id + 1);
    taken.insert(item.id);
  }
  LinkMergedIds(reg);
}

void AssignNewItemIds(Register& reg, std::size_t first_new, std::int64_t& next_id) {
  for (std::size_t i = first_new; i < reg.items.size(); ++i) reg.items[i].id = next_id++;
  LinkMergedIds(reg);
}

std::vector<DuplicatePair> FindDuplicates(const Register& reg, double threshold) {
  std::vector<std::vector<std::string>> words(reg.items.size());    // sorted, for scores
  std::vector<std::vector<std::string>> ordered(reg.items.size());  // as written, for reasons
  std::unordered_map<std::string, std::vector<std::size_t>> index;
  auto listed = [&](const RegisterItem& item) {
    return !item.merged_into && item.state.status == ActionStatus::kOpen;
  };
  for (std::size_t i = 0; i < reg.items.size(); ++i) {
    if (!listed(reg.items[i])) continue;
    ordered[i] = ContentWords(WithoutRaisedOnDate(reg.items[i].state.text));
    words[i] = ordered[i];
    std::sort(words[i].begin(), words[i].end());
    for (const std::string& w : words[i]) index[w].push_back(i);
  }
  std::vector<DuplicatePair> pairs;
  for (std::size_t i = 0; i < reg.items.size(); ++i) {
    std::set<std::size_t> candidates;
    for (const std::string& w : words[i]) {
      const auto& postings = index[w];
      if (postings.size() > kCommonWordItems) continue;
      for (std::size_t j : postings)
        if (j > i) candidates.insert(j);
    }
    for (std::size_t j : candidates) {
      double score = MatchScore(words[i], words[j]);
      if (score < threshold) continue;
      const RegisterItem& a = reg.items[i];
      const RegisterItem& b = reg.items[j];
      std::string reason = "shared words:";
      for (const std::string& w : ordered[i])
        if (std::binary_search(words[j].begin(), words[j].end(), w)) reason += " " + w;
      if (!a.state.owners.empty() && a.state.owners == b.state.owners) reason += "; same owners";
      if (a.state.due && a.state.due == b.state.due) reason += "; same due date";
      pairs.push_back({a.id, b.id, score, reason});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
    return x.score > y.score;
  });
  return pairs;
}

}  // namespace plenary
