// The action item register of a group: one living item per action, built by
// replaying what the meetings said about it and what people changed by hand.
//
// The register is a pure function of its inputs. Meetings are replayed in
// date order (then kind, then number) and manual events in the order of their
// effective dates, a meeting before an event on the same day. So importing
// notes out of order ends in the same register, re-importing a meeting
// replaces its contributions and replays the rest, and undoing a merge is
// removing the merge event. No I/O here: stores feed it and keep its output.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/model.h"

namespace plenary {

// Where a mention was recorded: a meeting (by its store id) and the item's
// position in that meeting's list of action items.
struct MentionRef {
  std::int64_t meeting_id = 0;
  int position = 0;
  friend auto operator<=>(const MentionRef&, const MentionRef&) = default;
};

// One meeting's mentions of action items, as its notes were read.
struct MeetingMentions {
  std::int64_t meeting_id = 0;
  MeetingKey key;
  Date date;
  std::vector<ActionItem> mentions;  // position = index
};

enum class RegisterEventKind {
  kSet,    // manual change: status, due date, owners, note
  kMerge,  // `other` is folded into `item`
};

// A change made by a person rather than read from notes. Items are named by
// a mention that belongs to them (their first, when the event was made), so
// the event finds its item again after any replay.
struct RegisterEvent {
  std::int64_t id = 0;
  RegisterEventKind kind = RegisterEventKind::kSet;
  MentionRef item;
  std::optional<MentionRef> other;  // kMerge
  std::optional<ActionStatus> status;
  std::optional<std::optional<Date>> due;  // set (nullopt inside: no due date)
  std::optional<std::vector<Owner>> owners;
  std::string note;
  std::string who;
  std::string at;  // when it was made, ISO 8601 UTC
  Date effective;  // the day it takes effect in the replay
};

struct RegisterItem {
  std::int64_t id = 0;  // 0 until AssignItemIds
  ActionItem state;     // current text, owners, due, status; source/line of origin
  MeetingKey origin;
  Date origin_date;
  std::optional<std::string> status_note;  // the latest note on it
  std::vector<ActionChange> history;       // in replay order
  std::vector<MentionRef> mentions;        // its own; first is the origin
  std::vector<std::string> match_texts;    // every wording it has been given
  // An item merged into another stays, so that its id keeps meaning something
  // ("merged into #4") and an unmerge gives it back unchanged.
  std::optional<std::size_t> merged_into;  // index in Register::items
  std::int64_t merged_into_id = 0;         // set by AssignItemIds
  // The kind of meeting whose date becomes its due date ("before the next
  // plenary") while it waits for the next one; empty once one came.
  std::string awaits_next;
  friend bool operator==(const RegisterItem&, const RegisterItem&) = default;
};

struct RegisterDiagnostic {
  MeetingKey meeting;
  int line = 0;
  std::string message;
  friend bool operator==(const RegisterDiagnostic&, const RegisterDiagnostic&) = default;
};

// Everything a replay knows after its last input: a stored register with its
// items in replay order is enough to go on from (RegisterReplay).
struct Register {
  std::vector<RegisterItem> items;  // in order of creation in the replay
  std::vector<RegisterDiagnostic> diagnostics;
  friend bool operator==(const Register&, const Register&) = default;
};

// How a mention is matched to an earlier item, explained in doc/register.md.
struct MatchRules {
  double review_threshold = 0.6;   // a review of open items names existing items
  double new_row_threshold = 0.9;  // table rows and noted actions are usually new
  double ambiguity_margin = 0.1;   // a runner-up this close makes a match ambiguous
};

// The similarity of a mention to an item's wording, in [0, 1]: the mean of
// the overlap coefficient (a short mention inside a long text scores high)
// and the Dice coefficient (which prefers the closer of two such texts) of
// their content words; 0 with fewer than three words in common. Both word
// lists must be sorted and without repeats (SortedWords).
double MatchScore(const std::vector<std::string>& mention, const std::vector<std::string>& item);
// ContentWords of `text` without a leading raised-on date
// (WithoutRaisedOnDate), in the text's order: the words a mention and an
// item's wording are compared by. SortedWords sorts them: the form
// MatchScore takes (the replay numbers the words and sorts the numbers).
std::vector<std::string> MatchWords(std::string_view text);
std::vector<std::string> SortedWords(std::string_view text);

// A match word as the replay counts it: a 64-bit FNV-1a hash of its UTF-8
// bytes, the same in every build, so that stores can keep a wording's words
// (PartialRegister). Two words of one hash would count as one word: among
// 100,000 distinct words the chance that any two share a hash is about 3 in
// 10^10.
std::uint64_t MatchWordHash(std::string_view word);
// MatchWordHash of each of MatchWords(text), in order: a wording's words.
std::vector<std::uint64_t> MatchWordHashes(std::string_view text);

// What a replay needs of a stored register to go on from it without reading
// every item whole: each item's id, status, merge and awaits_next, and the
// words of its wordings; every notice. The rest of an item (its text,
// owners, history, ...) is read when the replay first needs it, through a
// RegisterItemLoader: a meeting after all others touches a few items of
// thousands.
struct PartialRegister {
  // Items in replay order holding id, state.status, merged_into (and its
  // id) and awaits_next; diagnostics whole.
  Register reg;
  // Every item's match texts' words (MatchWordHash; in any order, repeats
  // kept: RegisterReplay::WordingWords gives them), an item's in the order
  // of its match texts: each wording's item (its position in `reg`) and how
  // many of `words`, one wording after the other, are its.
  struct Wording {
    std::size_t item = 0;
    std::size_t words = 0;
  };
  std::vector<Wording> wordings;
  std::vector<std::uint64_t> words;
  void Add(std::size_t item, const std::vector<std::uint64_t>& wording) {
    wordings.push_back({item, wording.size()});
    words.insert(words.end(), wording.begin(), wording.end());
  }
};

// How a replay started from a PartialRegister reads the rest of an item.
class RegisterItemLoader {
 public:
  virtual ~RegisterItemLoader() = default;
  // The stored item `id` whole: state with owners, status note, origin and
  // its date, match texts (in the order of the PartialRegister's wordings),
  // history; of its mentions only the first (its origin).
  virtual RegisterItem Load(std::int64_t id) = 0;
  // Load of each of `ids`, in that order: a back end for which a statement
  // is a round trip reads them in one.
  virtual std::vector<RegisterItem> LoadMany(const std::vector<std::int64_t>& ids);
  // The id of the stored item a stored mention belongs to, if any.
  virtual std::optional<std::int64_t> ItemOf(const MentionRef& ref) = 0;
};

// The order of the replay: meetings by date, kind, number and id; events by
// effective date and id; a meeting before an event of the same day.
bool ReplaysBefore(const MeetingMentions& a, const MeetingMentions& b);
bool ReplaysBefore(const RegisterEvent& a, const RegisterEvent& b);
bool ReplaysBefore(const MeetingMentions& meeting, const RegisterEvent& event);
bool ReplaysBefore(const RegisterEvent& event, const MeetingMentions& meeting);

// A replay under way, one input at a time, in the order above. Started from
// an empty register it is ReplayRegister; started from the register a replay
// left (as a store keeps it: items in replay order with their ids, mentions,
// match texts, merges and awaits_next), applying the inputs that come after
// all of that replay's inputs ends in what replaying everything would.
class RegisterReplay {
 public:
  explicit RegisterReplay(Register start = {}, const MatchRules& rules = {});
  // Goes on from a partial register (items read through `loader` when they
  // are first needed; see SetLoader). Such a replay can only be extended:
  // ApplyMeeting, ApplyEvent and ApplyAll; its items not loaded stay as
  // PartialRegister has them, and an item loaded holds only the mentions
  // applied since, after its origin.
  RegisterReplay(PartialRegister start, RegisterItemLoader* loader, const MatchRules& rules = {});
  ~RegisterReplay();
  RegisterReplay(const RegisterReplay&) = delete;
  RegisterReplay& operator=(const RegisterReplay&) = delete;

  void ApplyMeeting(const MeetingMentions& meeting);
  void ApplyEvent(const RegisterEvent& event);
  // Applies all of them, sorted into replay order first.
  void ApplyAll(const std::vector<MeetingMentions>& meetings,
                const std::vector<RegisterEvent>& events);
  // ApplyAll on a replay started empty, when `before` is the register a
  // replay made of inputs that were these on every one dated before `from`
  // (meetings by date, events by their effective date): those inputs are
  // applied as `before` says they went, each mention to the item it belongs
  // to there, without matching; the rest as ApplyAll applies them. A mention
  // whose line has a notice in `before` (an ambiguous match) is matched
  // again, to give the notice again. Ends in the register ApplyAll makes.
  // False when `before` does not fit the inputs (a mention it does not hold,
  // an item it made at another point): the replay is then spoilt, and the
  // caller replays the inputs afresh.
  bool ApplyAllAsBefore(const Register& before, Date from,
                        const std::vector<MeetingMentions>& meetings,
                        const std::vector<RegisterEvent>& events);
  // Whether it started from a PartialRegister.
  bool Partial() const;
  // The loader of a partial replay for the inputs applied next (a kept
  // replay is extended in later transactions); nullptr between them.
  void SetLoader(RegisterItemLoader* loader);
  // The words of item `item`'s match text `wording`, as PartialRegister
  // takes them: sorted by value, repeats kept.
  std::vector<std::uint64_t> WordingWords(std::size_t item, std::size_t wording) const;
  const Register& Current() const;
  // The register, for its owner to assign ids (AssignItemIds).
  Register& Ids();
  // The positions of the items the inputs applied since the last call
  // changed or created, in order; then forgets them.
  std::vector<std::size_t> TakeChanged();
  Register Finish();

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Replays `meetings` and `events` into a register. An event whose item no
// longer exists (its notes were re-imported without it) is reported as a
// diagnostic and skipped. An item created without a due date whose
// due_phrase names the next meeting of its meeting's kind ("before the next
// plenary") is due on the date of the next meeting of that kind, if the
// replay reaches one while the item is open and still has no due date.
Register ReplayRegister(std::vector<MeetingMentions> meetings, std::vector<RegisterEvent> events,
                        const MatchRules& rules = {});

// Gives every item an id: the id its earliest mention (the origin first)
// belonged to in the previous replay (`previous`), unless an item before it
// took that id; otherwise a new one from `next_id`, which is advanced.
void AssignItemIds(Register& reg, const std::map<MentionRef, std::int64_t>& previous,
                   std::int64_t& next_id);

// AssignItemIds after a replay that went on from a register with ids
// (RegisterReplay): items before `first_new` had them and keep them (their
// mentions are all theirs), the items after get new ones from `next_id` in
// order, as AssignItemIds would give them.
void AssignNewItemIds(Register& reg, std::size_t first_new, std::int64_t& next_id);

// Pairs of open items whose wordings score at least `threshold`, best first.
std::vector<DuplicatePair> FindDuplicates(const Register& reg, double threshold = 0.5);

}  // namespace plenary
