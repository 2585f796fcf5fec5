#include "importers/meetbot/meetbot_record.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "core/date.h"
#include "core/directory.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "importers/notes_phrases.h"

namespace plenary::meetbot {

std::string_view ItemLabel(ItemKind kind) {
  switch (kind) {
    case ItemKind::kTopic: return "TOPIC";
    case ItemKind::kInfo: return "";
    case ItemKind::kIdea: return "IDEA";
    case ItemKind::kLink: return "LINK";
    case ItemKind::kHelp: return "HELP";
    case ItemKind::kAction: return "ACTION";
    case ItemKind::kAgreed: return "AGREED";
    case ItemKind::kAccepted: return "ACCEPTED";
    case ItemKind::kRejected: return "REJECTED";
    case ItemKind::kFailed: return "FAILED";
    case ItemKind::kInconclusive: return "INCONCLUSIVE";
    case ItemKind::kMotion: return "MOTION";
    case ItemKind::kVote: return "VOTE";
    case ItemKind::kSubtopic: return "SUBTOPIC";
  }
  return "";
}

bool SameNick(std::string_view a, std::string_view b) { return EqualsNoCase(a, b); }

Participant& MeetingRecord::Of(std::string_view nick, int line) {
  auto [it, added] = index_.try_emplace(AsciiLower(nick), participants.size());
  if (added) participants.push_back({std::string(nick), 0, false, "", line, false});
  return participants[it->second];
}

const Participant* MeetingRecord::Find(std::string_view nick) const {
  auto it = index_.find(AsciiLower(nick));
  return it == index_.end() ? nullptr : &participants[it->second];
}

bool IsKnownBotNick(std::string_view nick) {
  static constexpr std::array<std::string_view, 14> kBots = {
      "meetbot",  "meetingology", "zodbot",   "openstack", "centbot",  "ubottu",  "ubotu",
      "debbot",   "limnoria",     "supybot",  "opendevmeet", "hcoop-meetbot", "meetbot-hcoop",
      "fedmsg-bot"};
  for (std::string_view bot : kBots)
    if (EqualsNoCase(nick, bot)) return true;
  return false;
}

namespace {

bool IsNickChar(unsigned char c) {
  if (c >= 0x80) return true;
  if (std::isalnum(c)) return true;
  return std::strchr("-_[]\\`^{}|", c) != nullptr && c != '\0';
}

}  // namespace

std::size_t FindNickInText(std::string_view text, std::string_view name) {
  if (name.empty() || name.size() > text.size()) return std::string_view::npos;
  const std::string folded_text = AsciiLower(text);
  const std::string folded_name = AsciiLower(name);
  for (std::size_t at = folded_text.find(folded_name); at != std::string::npos;
       at = folded_text.find(folded_name, at + 1)) {
    const std::size_t end = at + folded_name.size();
    bool before = at == 0 || !IsNickChar(static_cast<unsigned char>(text[at - 1]));
    bool after = end == text.size() || !IsNickChar(static_cast<unsigned char>(text[end]));
    if (before && after) return at;
  }
  return std::string_view::npos;
}

namespace {

bool ReadNumber(std::string_view text, std::size_t at, std::size_t digits, int& out) {
  if (at + digits > text.size()) return false;
  for (std::size_t i = at; i < at + digits; ++i)
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  std::from_chars(text.data() + at, text.data() + at + digits, out);
  return true;
}

std::optional<Date> DateAt(std::string_view text, std::size_t at) {
  int y = 0, m = 0, d = 0;
  if (!ReadNumber(text, at, 4, y) || at + 10 > text.size() || text[at + 4] != '-' ||
      !ReadNumber(text, at + 5, 2, m) || text[at + 7] != '-' || !ReadNumber(text, at + 8, 2, d))
    return std::nullopt;
  return ParseIsoDate(text.substr(at, 10));
}

}  // namespace

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
  text = Trim(text);
  auto date = DateAt(text, 0);
  if (!date || text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (!ReadNumber(text, 11, 2, hour) || text[13] != ':' || !ReadNumber(text, 14, 2, minute))
    return std::nullopt;
  std::size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    if (!ReadNumber(text, at + 1, 2, second)) return std::nullopt;
    at += 3;
    if (at < text.size() && text[at] == '.') {
      ++at;
      while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  Timestamp stamp{*date, {hour, minute}, std::nullopt};
  std::string_view zone = text.substr(at);
  if (zone.empty()) return stamp;
  if (zone == "Z" || zone == "z") {
    stamp.offset_minutes = 0;
    return stamp;
  }
  if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
  int oh = 0, om = 0;
  if (!ReadNumber(zone, 1, 2, oh)) return std::nullopt;
  std::size_t m_at = zone.size() > 3 && zone[3] == ':' ? 4 : 3;
  if (zone.size() != m_at + 2 || !ReadNumber(zone, m_at, 2, om) || oh > 23 || om > 59)
    return std::nullopt;
  stamp.offset_minutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
  return stamp;
}

std::optional<FoundDate> FindIsoDate(std::string_view text) {
  for (std::size_t at = 0; at + 10 <= text.size(); ++at) {
    if (at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]))) continue;
    if (at + 10 < text.size() && std::isdigit(static_cast<unsigned char>(text[at + 10]))) continue;
    if (auto date = DateAt(text, at)) return FoundDate{*date, at};
  }
  return std::nullopt;
}

namespace {

// "#hcoop" -> "hcoop"; "Council (2021-04-14)" -> "Council".
std::string CleanName(std::string_view name) {
  std::string_view n = Trim(name);
  while (!n.empty() && n.front() == '#') n.remove_prefix(1);
  if (auto found = FindIsoDate(n)) {
    std::string_view before = Trim(n.substr(0, found->at));
    if (!before.empty() && (before.back() == '(' || before.back() == '-' || before.back() == ','))
      before.remove_suffix(1);
    if (!Trim(before).empty()) n = before;
  }
  return CollapseSpaces(Trim(n));
}

struct GroupChoice {
  std::string group;
  const Roster* roster = nullptr;
};

Result<GroupChoice> ChooseGroup(const MeetingRecord& record, const SourceText& source,
                                const ReadOptions& options, std::vector<std::string>& notices) {
  const std::string name = CleanName(record.name);
  const std::string channel = CleanName(record.channel);
  std::vector<std::string> candidates;
  if (options.group) candidates.push_back(*options.group);
  candidates.push_back(name);
  candidates.push_back(channel);
  for (const std::string& candidate : candidates) {
    if (candidate.empty()) continue;
    for (const Roster& roster : options.rosters) {
      if (FoldName(candidate) == FoldName(roster.group.short_name) ||
          (!roster.group.full_name.empty() &&
           FoldName(candidate) == FoldName(roster.group.full_name)))
        return GroupChoice{roster.group.short_name, &roster};
    }
  }
  if (options.group && !Trim(*options.group).empty()) return GroupChoice{*options.group, nullptr};
  const std::string& taken = !name.empty() ? name : channel;
  if (taken.empty())
    return source.ErrorAt(record.start_line, 0,
                          "no group: the meeting names none (no #startmeeting name, "
                          "#meetingname or channel); pass --group NAME");
  notices.push_back(source.Describe(
      record.start_line, 0,
      fmt::format("notice: group '{}' taken from the meeting's {} '{}' (no roster names it; "
                  "--group NAME chooses another)",
                  taken, !name.empty() ? "name" : "channel",
                  !name.empty() ? record.name : record.channel)));
  return GroupChoice{taken, nullptr};
}

// The meeting's date and start in UTC, with a notice for each assumption.
void SetDateAndStart(const MeetingRecord& record, const SourceText& source, Meeting& meeting,
                     std::vector<std::string>& notices) {
  meeting.date = *record.date;
  if (!record.date_source.empty())
    notices.push_back(source.Describe(
        record.start_line, 0,
        fmt::format("notice: date {} taken from {}", FormatIsoDate(meeting.date),
                    record.date_source)));
  if (!record.start) return;
  TimeOfDay start = *record.start;
  switch (record.zone) {
    case Zone::kUtc:
      meeting.start_utc = start;
      return;
    case Zone::kUnknown:
      meeting.start_utc = start;
      notices.push_back(source.Describe(
          record.start_line, 0,
          fmt::format("notice: start {} taken as UTC (MeetBot's default; the log names no zone)",
                      FormatTime(start))));
      return;
    case Zone::kOther:
      if (!record.offset_known) {
        notices.push_back(source.Describe(
            record.start_line, 0,
            fmt::format("notice: start {} is in a zone other than UTC: no start time recorded",
                        FormatTime(start))));
        return;
      }
      int minutes = start.hour * 60 + start.minute - record.utc_offset_minutes;
      std::chrono::sys_days day{meeting.date};
      while (minutes < 0) minutes += 1440, day -= std::chrono::days{1};
      while (minutes >= 1440) minutes -= 1440, day += std::chrono::days{1};
      meeting.date = Date{day};
      meeting.start_utc = TimeOfDay{minutes / 60, minutes % 60};
      return;
  }
}

class Namer {
 public:
  Namer(const MeetingRecord& record, const Directory& directory, bool has_roster)
      : record_(record), directory_(directory), has_roster_(has_roster) {}

  // The owner a nick is: the roster's person through the alias the nick gave
  // with #here or the nick itself; else the alias, else the nick, as written.
  Owner OwnerOf(std::string_view nick) {
    const Participant* p = record_.Find(nick);
    std::string alias = p ? p->alias : "";
    for (std::string_view written : {std::string_view(alias), nick}) {
      if (written.empty()) continue;
      Owner owner = directory_.ResolveOwner(written);
      if (owner.kind != OwnerKind::kUnresolved) return owner;
    }
    Owner kept{alias.empty() ? std::string(nick) : alias, OwnerKind::kUnresolved};
    if (unresolved_seen_.insert(kept.name).second) {
      unresolved_.push_back(kept.name);
      unresolved_lines_.push_back(p ? p->line : record_.start_line);
    }
    return kept;
  }

  void AddNotices(const SourceText& source, const std::string& group,
                  std::vector<std::string>& notices) const {
    if (unresolved_.empty()) return;
    if (!has_roster_) {
      constexpr std::size_t kListed = 20;
      std::vector<std::string> listed(
          unresolved_.begin(), unresolved_.begin() + std::min(unresolved_.size(), kListed));
      std::string more = unresolved_.size() > kListed
                             ? fmt::format(" and {} more", unresolved_.size() - kListed)
                             : "";
      notices.push_back(source.Describe(
          record_.start_line, 0,
          fmt::format("notice: no roster for group '{}': {} name(s) kept as the record writes "
                      "them ({}{})",
                      group, unresolved_.size(), fmt::join(listed, ", "), more)));
      return;
    }
    for (std::size_t i = 0; i < unresolved_.size(); ++i)
      notices.push_back(source.Describe(
          unresolved_lines_[i], 0,
          fmt::format("notice: '{}' matches nobody in the roster of {}: kept as written",
                      unresolved_[i], group)));
  }

 private:
  const MeetingRecord& record_;
  const Directory& directory_;
  bool has_roster_;
  std::vector<std::string> unresolved_;
  std::vector<int> unresolved_lines_;
  std::unordered_set<std::string> unresolved_seen_;
};

bool IsBot(const MeetingRecord& record, std::string_view nick) {
  if (IsKnownBotNick(nick)) return true;
  return std::any_of(record.bots.begin(), record.bots.end(),
                     [&](const std::string& bot) { return SameNick(bot, nick); });
}

// The list a present person goes in: the roster's staff in staff, its
// observers in guests, everyone else (members, liaisons, names the roster does
// not know) in attendees.
std::vector<std::string>& ListOf(const Owner& owner, const Directory& directory, Meeting& meeting) {
  if (owner.kind != OwnerKind::kPerson) return meeting.attendees;
  const Person* person = directory.FindPerson(owner.name);
  if (person && person->role == Role::kStaff) return meeting.staff;
  if (person && person->role == Role::kObserver) return meeting.guests;
  return meeting.attendees;
}

void AddAttendance(const MeetingRecord& record, const SourceText& source, Namer& namer,
                   const Directory& directory, Meeting& meeting,
                   std::vector<std::string>& notices) {
  std::unordered_set<std::string> listed;
  for (const Participant& p : record.participants) {
    if (IsBot(record, p.nick)) {
      notices.push_back(source.Describe(
          p.line, 0, fmt::format("notice: '{}' is the meeting's bot: not counted present", p.nick)));
      continue;
    }
    if (p.lines == 0 && !p.here) {
      notices.push_back(source.Describe(
          p.line, 0,
          fmt::format("notice: '{}' said nothing during the meeting: not counted present",
                      p.nick)));
      continue;
    }
    if (p.counted_only)
      notices.push_back(source.Describe(
          p.line, 0,
          fmt::format("notice: '{}' said {} line(s) by the bot's count, none of them in this "
                      "log: counted present",
                      p.nick, p.lines)));
    Owner owner = namer.OwnerOf(p.nick);
    std::vector<std::string>& list = ListOf(owner, directory, meeting);
    if (listed.insert(owner.name).second) list.push_back(std::move(owner.name));
  }
}

// The runs of nick characters in `text`, lower case, each with where it
// first is.
std::unordered_map<std::string, std::size_t> NickWords(std::string_view text) {
  std::unordered_map<std::string, std::size_t> words;
  for (std::size_t at = 0; at < text.size();) {
    if (!IsNickChar(static_cast<unsigned char>(text[at]))) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && IsNickChar(static_cast<unsigned char>(text[end]))) ++end;
    words.try_emplace(AsciiLower(text.substr(at, end - at)), at);
    at = end;
  }
  return words;
}

// Every name that may own an action (the meeting's nicks, their #here aliases,
// #nick and #chair nicks), indexed by its first word, so that an action's
// owners are found from the action's words, not by trying every name: a
// hostile log may name 100,000 nicks and hold 50,000 actions.
class OwnerIndex {
 public:
  explicit OwnerIndex(const MeetingRecord& record) {
    for (const Participant& p : record.participants) {
      if (IsBot(record, p.nick)) continue;
      Add(p.nick, p.nick);
      if (!p.alias.empty()) Add(p.alias, p.nick);
    }
    for (const std::string& nick : record.known_nicks)
      if (!IsBot(record, nick)) Add(nick, nick);
  }

  // The nicks `text` names, in the order it names them.
  std::vector<std::string> NicksIn(std::string_view text) const {
    std::vector<std::pair<std::size_t, std::string>> found;
    for (const auto& [word, at] : NickWords(text)) {
      auto it = by_first_word_.find(word);
      if (it == by_first_word_.end()) continue;
      for (const Name& name : it->second) {
        std::size_t where = name.whole_word ? at : FindNickInText(text, name.written);
        if (where != std::string_view::npos) found.emplace_back(where, name.nick);
      }
    }
    std::stable_sort(found.begin(), found.end());
    std::vector<std::string> nicks;
    for (auto& [at, nick] : found) nicks.push_back(std::move(nick));
    return nicks;
  }

 private:
  struct Name {
    std::string written;
    std::string nick;
    bool whole_word = false;  // the name is one run of nick characters
  };

  void Add(std::string_view written, const std::string& nick) {
    auto words = NickWords(written);
    if (words.empty()) return;
    std::size_t first = std::string_view::npos;
    std::string key;
    for (const auto& [word, at] : words)
      if (at < first) first = at, key = word;
    bool whole = words.size() == 1 && first == 0 && key.size() == written.size();
    by_first_word_[key].push_back({std::string(written), nick, whole});
  }

  std::unordered_map<std::string, std::vector<Name>> by_first_word_;
};

std::vector<Owner> OwnersOf(const MinuteItem& item, const OwnerIndex& index, Namer& namer) {
  std::vector<std::string> nicks = item.owner_nicks ? *item.owner_nicks : index.NicksIn(item.text);
  std::vector<Owner> owners;
  for (const std::string& nick : nicks) {
    Owner owner = namer.OwnerOf(nick);
    if (std::find(owners.begin(), owners.end(), owner) == owners.end())
      owners.push_back(std::move(owner));
  }
  return owners;
}

void AddDue(ActionItem& action, const Meeting& meeting, const SourceText& source,
            std::vector<std::string>& notices) {
  auto words = FindDueWords(action.text);
  if (!words) return;
  DueReading reading = ReadDue(*words, meeting.date);
  action.due = reading.due;
  action.due_phrase = std::move(reading.due_phrase);
  std::string notice = std::move(reading.notice);
  if (notice.empty() && reading.due)
    notice = fmt::format("due {} read from the action's words '{}'", FormatIsoDate(*reading.due),
                         Trim(words->phrase));
  if (!notice.empty()) notices.push_back(source.Describe(action.line, 0, "notice: " + notice));
}

// The name an action seems to give its owner by: a first word of nick
// characters followed by "to", "and", "will" or "&", or ended by ':' or ','
// ("frank to send the invoice", "frank: send it"), and not a word such as
// "someone". nullopt when the action does not begin so.
std::optional<std::string_view> LeadingName(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kNobody = {
      "someone", "somebody", "anyone", "anybody", "everyone", "everybody",
      "nobody",  "all",      "we",     "i",       "you",      "they"};
  text = Trim(text);
  std::size_t end = 0;
  while (end < text.size() && IsNickChar(static_cast<unsigned char>(text[end]))) ++end;
  if (end == 0 || !std::isalpha(static_cast<unsigned char>(text[0]))) return std::nullopt;
  std::string_view name = text.substr(0, end);
  std::string_view rest = text.substr(end);
  bool marked = rest.starts_with(':') || rest.starts_with(',');
  if (!marked) {
    std::vector<std::string_view> next = SplitWords(rest, 2);
    marked = !next.empty() && (EqualsNoCase(next[0], "to") || EqualsNoCase(next[0], "and") ||
                               EqualsNoCase(next[0], "will") || next[0] == "&");
  }
  bool nobody = std::any_of(kNobody.begin(), kNobody.end(),
                            [&](std::string_view word) { return EqualsNoCase(word, name); });
  if (!marked || nobody) return std::nullopt;
  return name;
}

// MeetBot lists an action that names no nick of the meeting under UNASSIGNED;
// when it begins with what looks like a name, that name is why.
void NoticeUnassigned(const ActionItem& action, const SourceText& source,
                      std::vector<std::string>& notices) {
  std::string message = "notice: the action names no one who took part in the meeting: "
                        "unassigned (MeetBot's UNASSIGNED)";
  if (auto name = LeadingName(action.text))
    message = fmt::format("notice: '{}' did not take part in the meeting; not an owner "
                          "(MeetBot's rule): the action is unassigned (MeetBot's UNASSIGNED)",
                          *name);
  notices.push_back(source.Describe(action.line, 0, message));
}

void AddItems(const MeetingRecord& record, const SourceText& source, Namer& namer,
              Meeting& meeting, std::vector<std::string>& notices) {
  const OwnerIndex index(record);
  for (const MinuteItem& item : record.items) {
    if (item.kind == ItemKind::kTopic) {
      meeting.agenda.push_back({item.text, {}, item.line});
      continue;
    }
    if (meeting.agenda.empty()) meeting.agenda.push_back({"Prologue", {}, item.line});
    std::string_view label = ItemLabel(item.kind);
    meeting.agenda.back().notes.push_back(label.empty() ? item.text
                                                        : fmt::format("{}: {}", label, item.text));
    if (!item.decision.empty()) meeting.decisions.push_back({item.decision, item.line, ""});
    if (item.kind != ItemKind::kAction || Trim(item.text).empty()) continue;
    ActionItem action;
    action.text = item.text;
    action.source = ActionSource::kNotes;
    action.line = item.line;
    action.owners = OwnersOf(item, index, namer);
    if (action.owners.empty() && !item.owner_nicks) NoticeUnassigned(action, source, notices);
    AddDue(action, meeting, source, notices);
    meeting.actions.push_back(std::move(action));
  }
}

}  // namespace

Result<Meeting> BuildMeeting(const MeetingRecord& record, const SourceText& source,
                             const ReadOptions& options, std::vector<std::string>& notices) {
  if (!record.date)
    return source.ErrorAt(record.start_line, 0,
                          "no date for this meeting: the record gives times but no day (MeetBot "
                          "names its logs NAME.YYYY-MM-DD-HH.MM.log.txt; a file so named, or a "
                          "date before the times, gives it)");
  auto group = ChooseGroup(record, source, options, notices);
  if (!group.ok()) return group.error();
  Meeting meeting;
  SetDateAndStart(record, source, meeting, notices);
  // A dated meeting number is YYYYMMDDHH in an int: years past 2147 overflow.
  if (meeting.date.year() < std::chrono::year{1900} ||
      meeting.date.year() > std::chrono::year{2100})
    return source.ErrorAt(record.start_line, 0,
                          fmt::format("the meeting's date {} is not between 1900 and 2100",
                                      FormatIsoDate(meeting.date)));
  meeting.key = {group->group, "Meeting", DatedMeetingNumber(meeting.date, meeting.start_utc)};
  meeting.record_url = record.record_url;
  Directory directory(group->roster, group->group);
  Namer namer(record, directory, group->roster != nullptr);
  AddAttendance(record, source, namer, directory, meeting, notices);
  AddItems(record, source, namer, meeting, notices);
  namer.AddNotices(source, group->group, notices);
  notices.insert(notices.end(), record.notices.begin(), record.notices.end());
  return meeting;
}

}  // namespace plenary::meetbot
