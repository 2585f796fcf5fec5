#include "store/register_rows.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

#include "core/date.h"
#include "core/directory.h"
#include "core/text.h"

namespace plenary {

std::optional<std::string> IsoDateOrNull(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return FormatIsoDate(*date);
}

std::optional<TimeOfDay> ParseStoredTime(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  TimeOfDay time{(text[0] - '0') * 10 + (text[1] - '0'), (text[3] - '0') * 10 + (text[4] - '0')};
  if (time.hour > 23 || time.minute > 59) return std::nullopt;
  return time;
}

ActionColumns ColumnsOf(const ActionItem& item) {
  ActionColumns c{item.text,
                  IsoDateOrNull(item.due),
                  std::string(ActionStatusName(item.status)),
                  std::string(ActionSourceName(item.source)),
                  {},
                  {},
                  item.line,
                  item.written_status,
                  item.due_phrase};
  if (item.raised_by) {
    c.raised_by = item.raised_by->name;
    c.raised_by_kind = std::string(OwnerKindName(item.raised_by->kind));
  }
  return c;
}

std::vector<std::string>* ParticipantList(Meeting& meeting, std::string_view role) {
  return role == "attendee"  ? &meeting.attendees
         : role == "staff"   ? &meeting.staff
         : role == "apology" ? &meeting.apologies
         : role == "guest"   ? &meeting.guests
                             : nullptr;
}

std::string EventOwnersJson(const std::vector<Owner>& owners) {
  nlohmann::json list = nlohmann::json::array();
  for (const Owner& o : owners) list.push_back({{"name", o.name}, {"kind", OwnerKindName(o.kind)}});
  return list.dump();
}

std::optional<std::vector<Owner>> ParseEventOwners(std::string_view text) {
  nlohmann::json list = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) return std::nullopt;
  std::vector<Owner> owners;
  for (const nlohmann::json& o : list) {
    if (!o.is_object() || !o.contains("name") || !o["name"].is_string() || !o.contains("kind") ||
        !o["kind"].is_string())
      return std::nullopt;
    std::optional<OwnerKind> kind = ParseOwnerKind(o["kind"].get<std::string>());
    if (!kind) return std::nullopt;
    owners.push_back({o["name"].get<std::string>(), *kind});
  }
  return owners;
}

std::vector<Owner> OwnerNamesOf(const Register& reg) {
  // Once each first (a register has thousands of owner rows and a few
  // hundred owners), then sorted.
  std::unordered_map<std::string_view, std::vector<OwnerKind>> kinds;
  for (const RegisterItem& item : reg.items)
    if (!item.merged_into)
      for (const Owner& o : item.state.owners) {
        std::vector<OwnerKind>& k = kinds[o.name];
        if (std::find(k.begin(), k.end(), o.kind) == k.end()) k.push_back(o.kind);
      }
  std::vector<Owner> owners;
  for (const auto& [name, ks] : kinds)
    for (OwnerKind k : ks) owners.push_back({std::string(name), k});
  std::sort(owners.begin(), owners.end(), OwnerNameBefore);
  return owners;
}

std::vector<std::uint64_t> ItemWords(const RegisterReplay& replay, std::size_t item) {
  std::vector<std::uint64_t> numbers;
  for (std::size_t i = 0; i < replay.Current().items[item].match_texts.size(); ++i) {
    std::vector<std::uint64_t> words = replay.WordingWords(item, i);
    numbers.push_back(words.size());
    numbers.insert(numbers.end(), words.begin(), words.end());
  }
  return numbers;
}

std::vector<std::uint64_t> ItemWordsOfTexts(const std::vector<std::string>& match_texts) {
  std::vector<std::uint64_t> numbers;
  for (const std::string& text : match_texts) {
    std::vector<std::uint64_t> words = MatchWordHashes(text);
    std::sort(words.begin(), words.end());  // as WordingWords gives them
    numbers.push_back(words.size());
    numbers.insert(numbers.end(), words.begin(), words.end());
  }
  return numbers;
}

std::string WordsBlob(const std::vector<std::uint64_t>& numbers) {
  std::string bytes(numbers.size() * 8, '\0');
  for (std::size_t i = 0; i < numbers.size(); ++i)
    for (std::size_t b = 0; b < 8; ++b)
      bytes[i * 8 + b] = static_cast<char>((numbers[i] >> (8 * b)) & 0xff);
  return bytes;
}

namespace {

// Reads ItemWords' form, number by number from `next` (false: no more),
// into `partial`'s wordings of `item`.
template <typename Next>
void AddWordings(PartialRegister& partial, std::size_t item, const Next& next) {
  std::uint64_t count = 0;
  while (next(count)) {
    std::size_t words = 0;
    for (std::uint64_t word = 0; words < count; ++words) {
      if (!next(word)) throw CorruptRow("corrupt database: an item's match words");
      partial.words.push_back(word);
    }
    partial.wordings.push_back({item, words});
  }
}

}  // namespace

void AddItemWords(PartialRegister& partial, std::size_t item,
                  const std::vector<std::uint64_t>& numbers) {
  std::size_t at = 0;
  AddWordings(partial, item, [&](std::uint64_t& number) {
    if (at == numbers.size()) return false;
    number = numbers[at++];
    return true;
  });
}

void AddItemWordsBlob(PartialRegister& partial, std::size_t item, std::string_view blob) {
  if (blob.size() % 8 != 0) throw CorruptRow("corrupt database: an item's match words");
  std::size_t at = 0;
  AddWordings(partial, item, [&](std::uint64_t& number) {
    if (at == blob.size()) return false;
    number = 0;
    for (std::size_t b = 0; b < 8; ++b)
      number |= static_cast<std::uint64_t>(static_cast<unsigned char>(blob[at + b])) << (8 * b);
    at += 8;
    return true;
  });
}

bool OwnerNameBefore(const Owner& a, const Owner& b) {
  return std::pair(std::string_view(a.name), OwnerKindName(a.kind)) <
         std::pair(std::string_view(b.name), OwnerKindName(b.kind));
}

OwnerShare ShareOf(const RegisterItem& item) {
  return {item.merged_into.has_value(), item.state.status, item.state.owners};
}

OwnerCounts CountsAfter(const OwnerCounts& kept, const std::vector<OwnerShare>& before,
                        const std::vector<OwnerShare>& after) {
  std::map<std::pair<std::vector<std::string>, ActionStatus>, std::int64_t> rows;
  for (const OwnerCounts::Row& row : kept.rows) rows[{row.names, row.status}] += row.items;
  // As OwnerCountsOf counts an item: once under each of its distinct names,
  // and once under the set when it has two or more.
  auto count = [&](const OwnerShare& share, std::int64_t sign) {
    if (share.merged) return;
    std::vector<std::string> names;
    for (const Owner& o : share.owners) names.push_back(o.name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const std::string& n : names) rows[{{n}, share.status}] += sign;
    if (names.size() > 1) rows[{names, share.status}] += sign;
  };
  for (const OwnerShare& s : before) count(s, -1);
  for (const OwnerShare& s : after) count(s, +1);
  OwnerCounts counts;
  for (auto& [key, items] : rows) {
    if (items < 0) throw CorruptRow("corrupt database: groups.owner_counts is not its items'");
    if (items > 0) counts.rows.push_back({key.first, key.second, items});
  }
  return counts;
}

namespace {

// `rows` in order, rows of the same names and status added (as written, in
// order already; the migration writes sets in no set order).
std::vector<OwnerCounts::Row> InOrder(std::vector<OwnerCounts::Row> rows) {
  auto order = [](const OwnerCounts::Row& a, const OwnerCounts::Row& b) {
    return std::tie(a.names, a.status) < std::tie(b.names, b.status);
  };
  if (!std::is_sorted(rows.begin(), rows.end(), order))
    std::stable_sort(rows.begin(), rows.end(), order);
  std::vector<OwnerCounts::Row> merged;
  for (OwnerCounts::Row& row : rows)
    if (!merged.empty() && merged.back().names == row.names && merged.back().status == row.status)
      merged.back().items += row.items;
    else
      merged.push_back(std::move(row));
  return merged;
}

}  // namespace

std::size_t OwnerCounts::Of(const std::vector<std::string>& names,
                            std::optional<ActionStatus> status) const {
  // An item owned by k of `names` is in k one-name rows: a set row takes
  // back what its items were counted more than once.
  std::int64_t total = 0;
  for (const Row& row : rows) {
    if (status && row.status != *status) continue;
    std::int64_t k = 0;
    for (const std::string& n : row.names)
      k += std::find(names.begin(), names.end(), n) != names.end() ? 1 : 0;
    if (row.names.size() == 1)
      total += k * row.items;
    else if (k > 1)
      total -= (k - 1) * row.items;
  }
  return static_cast<std::size_t>(std::max<std::int64_t>(total, 0));
}

OwnerCounts OwnerCountsOf(const Register& reg) {
  // Counted by name first (a pass over thousands of items, each a lookup),
  // then put in order; items with several owners are few.
  constexpr std::size_t kStatuses = 3;
  static_assert(static_cast<std::size_t>(ActionStatus::kCancelled) == kStatuses - 1);
  std::unordered_map<std::string_view, std::array<std::int64_t, kStatuses>> by_name;
  std::map<std::pair<std::vector<std::string_view>, ActionStatus>, std::int64_t> by_set;
  std::vector<std::string_view> names;
  for (const RegisterItem& item : reg.items) {
    if (item.merged_into) continue;
    names.clear();
    for (const Owner& o : item.state.owners) names.push_back(o.name);
    if (names.size() > 1) {
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
    }
    const auto status = static_cast<std::size_t>(item.state.status);
    for (std::string_view n : names) ++by_name[n].at(status);
    if (names.size() > 1) ++by_set[{names, item.state.status}];
  }
  std::vector<OwnerCounts::Row> rows;
  for (const auto& [name, counts] : by_name)
    for (std::size_t s = 0; s < kStatuses; ++s)
      if (counts[s] > 0)
        rows.push_back({{std::string(name)}, static_cast<ActionStatus>(s), counts[s]});
  for (const auto& [key, items] : by_set)
    rows.push_back({{key.first.begin(), key.first.end()}, key.second, items});
  return OwnerCounts{InOrder(std::move(rows))};
}

std::int64_t OpenItemsOf(const Register& reg) {
  return std::count_if(reg.items.begin(), reg.items.end(), [](const RegisterItem& item) {
    return !item.merged_into && item.state.status == ActionStatus::kOpen;
  });
}

std::string OwnerCountsJson(const OwnerCounts& counts) {
  nlohmann::json list = nlohmann::json::array();
  for (const OwnerCounts::Row& row : counts.rows)
    list.push_back({row.names, ActionStatusName(row.status), row.items});
  return list.dump();
}

namespace {

// Reads groups.owner_counts as it is parsed, without building the document
// (a DOM of a group's few hundred rows was most of My items' first read of a
// group). Accepts exactly [[[name, ...], status, count], ...].
class OwnerCountsReader final : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::vector<OwnerCounts::Row> rows;

  bool start_array(std::size_t) override {
    if (depth_ == 2 && field_ != 0) return false;  // only the names are a list
    if (depth_ == 1) {
      rows.emplace_back();
      field_ = 0;
    }
    return ++depth_ <= 3;
  }
  bool end_array() override {
    if (depth_ == 3) {
      if (rows.back().names.empty()) return false;
      field_ = 1;
    } else if (depth_ == 2 && field_ != 3) {
      return false;
    }
    --depth_;
    return true;
  }
  bool string(string_t& value) override {
    if (depth_ == 3) {
      rows.back().names.push_back(std::move(value));
      return true;
    }
    if (depth_ != 2 || field_ != 1) return false;
    std::optional<ActionStatus> status = ParseActionStatus(value);
    if (!status) return false;
    rows.back().status = *status;
    field_ = 2;
    return true;
  }
  bool number_unsigned(number_unsigned_t value) override {
    if (depth_ != 2 || field_ != 2 || value > std::numeric_limits<std::int64_t>::max())
      return false;
    rows.back().items = static_cast<std::int64_t>(value);
    field_ = 3;
    return true;
  }
  bool null() override { return false; }
  bool boolean(bool) override { return false; }
  bool number_integer(number_integer_t) override { return false; }
  bool number_float(number_float_t, const string_t&) override { return false; }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return false; }
  bool key(string_t&) override { return false; }
  bool end_object() override { return false; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }
  bool done() const { return depth_ == 0; }

 private:
  int depth_ = 0;  // 1: the list, 2: a row, 3: a row's names
  int field_ = 0;  // of the row being read: 0 names, 1 status, 2 count, 3 complete
};

}  // namespace

std::optional<OwnerCounts> ParseOwnerCounts(std::string_view text) {
  OwnerCountsReader reader;
  if (!nlohmann::json::sax_parse(text, &reader) || !reader.done()) return std::nullopt;
  for (OwnerCounts::Row& row : reader.rows) {
    std::sort(row.names.begin(), row.names.end());
    if (std::adjacent_find(row.names.begin(), row.names.end()) != row.names.end())
      return std::nullopt;
  }
  return OwnerCounts{InOrder(std::move(reader.rows))};
}

bool IsTail(const RegisterTail& tail, const std::vector<MeetingMentions>& replayed,
            const std::vector<RegisterEvent>& replayed_events) {
  auto after_all = [&](const auto& input) {
    auto before = [&](const auto& other) { return ReplaysBefore(other, input); };
    return std::all_of(replayed.begin(), replayed.end(), before) &&
           std::all_of(replayed_events.begin(), replayed_events.end(), before);
  };
  return std::all_of(tail.meetings.begin(), tail.meetings.end(), after_all) &&
         std::all_of(tail.events.begin(), tail.events.end(), after_all);
}

RegisterDiff DiffRegisters(const Register& before, const Register& after) {
  RegisterDiff diff;
  for (std::size_t i = 0; i < std::max(before.items.size(), after.items.size()); ++i) {
    bool old = i < before.items.size(), now = i < after.items.size();
    if (old && now && before.items[i] == after.items[i]) continue;
    if (old) diff.deleted.push_back(before.items[i].id);
    if (now) diff.written.push_back(i);
  }
  const auto& a = before.diagnostics;
  const auto& b = after.diagnostics;
  while (diff.notices_from < a.size() && diff.notices_from < b.size() &&
         a[diff.notices_from] == b[diff.notices_from])
    ++diff.notices_from;
  return diff;
}

void InputChange::ReplayFrom(Date from) {
  if (!replay || (replay_from && *replay_from > from)) replay_from = from;
  replay = true;
}

void NoteImported(std::map<std::int64_t, InputChange>& changes, std::int64_t group_id,
                  std::int64_t meeting_id, ImportOutcome outcome, std::optional<Date> stored,
                  Date imported) {
  if (outcome == ImportOutcome::kUnchanged) return;
  InputChange& change = changes[group_id];
  if (outcome == ImportOutcome::kCreated) change.created_meetings.insert(meeting_id);
  if (outcome == ImportOutcome::kUpdated)
    change.ReplayFrom(std::min(stored.value_or(imported), imported));
}

bool AlwaysReplays() {
  const char* mode = std::getenv("PLENARY_REGISTER_REPLAY");
  return mode && std::string_view(mode) == "always";
}

RegisterCache::RegisterCache() : random_(std::random_device{}()) {}

std::unique_ptr<RegisterReplay> RegisterCache::Take(std::int64_t group,
                                                    std::optional<std::int64_t> stored) {
  if (!replay_ || group != group_ || stored != token_) {
    replay_.reset();
    return nullptr;
  }
  return std::move(replay_);
}

std::int64_t RegisterCache::Keep(std::int64_t group, std::unique_ptr<RegisterReplay> replay) {
  group_ = group;
  token_ = static_cast<std::int64_t>(random_() >> 1);
  replay_ = std::move(replay);
  return token_;
}

namespace {

// The tail applied to the kept (or stored) register: only the items it
// changed or created are written.
RegisterDiff Extend(RegisterReplay& replay, RegisterTail tail, std::int64_t& next_id) {
  const Register& reg = replay.Current();
  std::size_t items = reg.items.size();
  RegisterDiff diff;
  diff.notices_from = reg.diagnostics.size();
  replay.TakeChanged();
  replay.ApplyAll(tail.meetings, tail.events);
  AssignNewItemIds(replay.Ids(), items, next_id);
  for (std::size_t i : replay.TakeChanged()) {
    if (i < items) diff.deleted.push_back(reg.items[i].id);
    diff.written.push_back(i);
  }
  return diff;
}

}  // namespace

RegisterUpdate PlanRegisterUpdate(RegisterSource& source, std::int64_t group_id,
                                  const InputChange& change, RegisterCache& cache) {
  std::vector<MeetingMentions> meetings = source.Meetings();
  std::vector<RegisterEvent> events = source.Events();
  std::unique_ptr<RegisterReplay> kept = cache.Take(group_id, source.Token());
  RegisterUpdate update;
  update.next_id = source.NextItemId();
  for (const MeetingMentions& m : meetings)
    update.meeting_ids[{m.key.group, m.key.kind, m.key.number}] = m.meeting_id;
  RegisterTail tail;
  std::vector<MeetingMentions> other_meetings;
  std::vector<RegisterEvent> other_events;
  for (const MeetingMentions& m : meetings)
    (change.created_meetings.count(m.meeting_id) ? tail.meetings : other_meetings).push_back(m);
  for (const RegisterEvent& e : events)
    (e.id == change.recorded_event ? tail.events : other_events).push_back(e);
  std::unique_ptr<RegisterReplay> replay;
  if (!change.replay && !AlwaysReplays() && IsTail(tail, other_meetings, other_events)) {
    // Extended: from the stored register read in part when none is kept,
    // the owner names and counts from those kept and the items it changes.
    std::optional<RegisterSource::KeptOwners> owners = source.Kept();
    if (kept)
      replay = std::move(kept);
    else if (owners)
      replay = std::make_unique<RegisterReplay>(source.StoredPartial(), &source.Loader());
    else
      replay =
          std::make_unique<RegisterReplay>(AssembleStoredRegister(source.StoredRows(), meetings));
    if (replay->Partial()) {
      if (!owners) throw CorruptRow("corrupt database: a kept register without its owner counts");
      replay->SetLoader(&source.Loader());
    }
    tail.meetings = source.Mentions(&change.created_meetings).meetings;
    update.diff = Extend(*replay, std::move(tail), update.next_id);
    replay->SetLoader(nullptr);
    const Register& reg = replay->Current();
    if (owners) {
      std::vector<OwnerShare> before = source.SharesOf(update.diff.deleted), after;
      for (std::size_t i : update.diff.written) after.push_back(ShareOf(reg.items[i]));
      update.owner_counts = CountsAfter(owners->counts, before, after);
      update.owner_names = NamesAfter(owners->names, before, after, [&](const Owner& o) {
        return source.OwnedElsewhere(o, update.diff.deleted);
      });
    } else {
      update.owner_names = OwnerNamesOf(reg);
      update.owner_counts = OwnerCountsOf(reg);
    }
  } else {
    if (kept && kept->Partial()) kept.reset();
    Register before =
        kept ? kept->Finish() : AssembleStoredRegister(source.StoredRows(), meetings);
    GroupMentions all = source.Mentions(nullptr);
    // The earliest input the change reaches: what it re-imported or undid,
    // and what it added out of order.
    std::optional<Date> from = change.replay ? change.replay_from : std::nullopt;
    if (!change.replay || from) {
      for (const MeetingMentions& m : tail.meetings) from = std::min(from.value_or(m.date), m.date);
      for (const RegisterEvent& e : tail.events)
        from = std::min(from.value_or(e.effective), e.effective);
    }
    replay = std::make_unique<RegisterReplay>();
    if (!from || AlwaysReplays() ||
        !replay->ApplyAllAsBefore(before, *from, all.meetings, events)) {
      replay = std::make_unique<RegisterReplay>();
      replay->ApplyAll(all.meetings, events);
    }
    AssignItemIds(replay->Ids(), all.previous, update.next_id);
    update.diff = DiffRegisters(before, replay->Current());
    update.owner_names = OwnerNamesOf(replay->Current());
    update.owner_counts = OwnerCountsOf(replay->Current());
  }
  update.open_items = OpenItemsOf(replay->Current());
  update.token = cache.Keep(group_id, std::move(replay));
  update.replay = &cache.Kept();
  update.reg = &update.replay->Current();
  return update;
}

Register AssembleStoredRegister(StoredRegisterRows rows,
                                const std::vector<MeetingMentions>& meetings) {
  std::map<std::int64_t, const MeetingMentions*> by_id;
  for (const MeetingMentions& m : meetings) by_id[m.meeting_id] = &m;
  auto meeting = [&](std::int64_t id) -> const MeetingMentions& {
    auto it = by_id.find(id);
    if (it == by_id.end()) throw CorruptRow("corrupt database: a register row names no meeting");
    return *it->second;
  };
  Register reg;
  std::unordered_map<std::int64_t, std::size_t> positions;
  for (StoredRegisterRows::Item& row : rows.items) {
    RegisterItem item;
    item.id = row.id;
    item.origin = meeting(row.origin_meeting_id).key;
    item.origin_date = meeting(row.origin_meeting_id).date;
    item.state = std::move(row.state);
    item.status_note = std::move(row.status_note);
    item.merged_into_id = row.merged_into;
    item.awaits_next = std::move(row.awaits_next);
    positions[item.id] = reg.items.size();
    reg.items.push_back(std::move(item));
  }
  auto position = [&](std::int64_t id) {
    auto it = positions.find(id);
    if (it == positions.end()) throw CorruptRow("corrupt database: a register row names no item");
    return it->second;
  };
  auto item = [&](std::int64_t id) -> RegisterItem& { return reg.items[position(id)]; };
  for (RegisterItem& i : reg.items)
    if (i.merged_into_id) i.merged_into = position(i.merged_into_id);
  for (auto& [id, owner] : rows.owners) item(id).state.owners.push_back(std::move(owner));
  for (auto& [id, text] : rows.match_texts) item(id).match_texts.push_back(std::move(text));
  for (StoredRegisterRows::Change& c : rows.history) {
    if (c.meeting_id) c.change.meeting = meeting(*c.meeting_id).key;
    item(c.item_id).history.push_back(std::move(c.change));
  }
  for (const auto& [id, ref] : rows.mentions)
    if (positions.count(id)) reg.items[positions[id]].mentions.push_back(ref);
  std::map<std::int64_t, std::size_t> rank = ReplayRanks(meetings);
  for (RegisterItem& i : reg.items)
    std::sort(i.mentions.begin(), i.mentions.end(), [&](const MentionRef& a, const MentionRef& b) {
      return std::pair(rank[a.meeting_id], a.position) < std::pair(rank[b.meeting_id], b.position);
    });
  for (StoredRegisterRows::Notice& n : rows.notices) {
    RegisterDiagnostic d;
    if (n.meeting_id) d.meeting = meeting(*n.meeting_id).key;
    d.line = n.line;
    d.message = std::move(n.message);
    reg.diagnostics.push_back(std::move(d));
  }
  return reg;
}

std::map<std::int64_t, std::size_t> ReplayRanks(std::vector<MeetingMentions> meetings) {
  std::sort(meetings.begin(), meetings.end(),
            [](const auto& a, const auto& b) { return ReplaysBefore(a, b); });
  std::map<std::int64_t, std::size_t> ranks;
  for (std::size_t i = 0; i < meetings.size(); ++i) ranks[meetings[i].meeting_id] = i;
  return ranks;
}

std::optional<std::int64_t> MeetingIdOf(const MeetingIds& ids,
                                        const std::optional<MeetingKey>& key) {
  if (!key) return std::nullopt;
  auto it = ids.find({key->group, key->kind, key->number});
  if (it == ids.end()) return std::nullopt;
  return it->second;
}

std::vector<RegisteredAction> FilterByOwner(std::vector<RegisteredAction> rows,
                                            const std::vector<Roster>& rosters,
                                            const std::string& owner) {
  std::vector<RegisteredAction> actions;
  // Who an owner query names is the domain's rule (Directory::Names), applied
  // with each item's group roster.
  std::map<std::string, Directory> directories;
  auto directory_of = [&](const std::string& group) -> const Directory& {
    auto it = directories.find(group);
    if (it != directories.end()) return it->second;
    const Roster* roster = nullptr;
    for (const Roster& r : rosters)
      if (EqualsNoCase(r.group.short_name, group)) roster = &r;
    return directories.emplace(group, Directory(roster, group)).first->second;
  };
  for (RegisteredAction& row : rows) {
    const Directory& directory = directory_of(row.meeting.group);
    const auto& owners = row.item.owners;
    if (std::any_of(owners.begin(), owners.end(),
                    [&](const Owner& o) { return directory.Names(o, owner); }))
      actions.push_back(std::move(row));
  }
  return actions;
}

std::vector<DuplicatePair> DuplicatesAmong(std::vector<RegisteredAction> open) {
  Register reg;
  for (RegisteredAction& a : open) {
    RegisterItem item;
    item.id = a.id;
    item.state = std::move(a.item);
    reg.items.push_back(std::move(item));
  }
  return FindDuplicates(reg);
}

}  // namespace plenary
