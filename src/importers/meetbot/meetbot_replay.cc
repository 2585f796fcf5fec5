#include "importers/meetbot/meetbot_replay.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/date.h"
#include "core/text.h"

namespace plenary::meetbot {
namespace {

bool IsCommandChar(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

// Commands MeetBot (and hcoop-meetbot) take only from a chair.
bool ChairOnly(std::string_view name) {
  static constexpr std::array<std::string_view, 19> kChairOnly = {
      "topic",  "agreed", "agree",    "accepted", "accept",       "rejected",  "reject",
      "failed", "inconclusive", "chair", "unchair", "undo",        "save",      "meetingtopic",
      "meetingname", "motion", "close", "startvote", "endvote"};
  return std::find(kChairOnly.begin(), kChairOnly.end(), name) != kChairOnly.end();
}

// Recognised and without effect on the minutes.
bool Inert(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kInert = {
      "save",    "commands", "lurk", "unlurk", "restrictlogs",
      "showvote", "voters",  "votesrequired", "replay"};
  return std::find(kInert.begin(), kInert.end(), name) != kInert.end();
}

std::vector<std::string_view> SplitNicks(std::string_view operand) {
  std::vector<std::string_view> nicks;
  std::size_t at = 0;
  while (at < operand.size()) {
    while (at < operand.size() && (operand[at] == ',' || operand[at] == ' ' || operand[at] == '\t'))
      ++at;
    std::size_t end = at;
    while (end < operand.size() && operand[end] != ',' && operand[end] != ' ' &&
           operand[end] != '\t')
      ++end;
    if (end > at) nicks.push_back(operand.substr(at, end - at));
    at = end;
  }
  return nicks;
}

bool StartsWithUrl(std::string_view text) {
  for (std::string_view scheme : {"http://", "https://", "irc://", "ftp://", "mailto:", "ssh://"})
    if (StartsWithNoCase(text, scheme)) return true;
  return false;
}

// The bot's "Meeting started Tue Apr 13 02:06:12 2021 UTC and is due to ..."
// (MeetBot, asctime) or "Meeting started at 2021-04-13 02:06:12+0000" (hcoop).
struct BotStart {
  std::optional<Date> date;
  std::optional<TimeOfDay> time;
  Zone zone = Zone::kUnknown;
  std::optional<int> offset;
};

void ReadZone(std::string_view word, BotStart& start) {
  word = Trim(word);
  while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
  if (EqualsNoCase(word, "UTC") || EqualsNoCase(word, "GMT") || word == "Z" || word == "+0000" ||
      word == "+00:00") {
    start.zone = Zone::kUtc;
  } else if (!word.empty() && std::isalpha(static_cast<unsigned char>(word[0]))) {
    if (word != "and") start.zone = Zone::kOther;
  }
}

std::optional<TimeOfDay> ReadClock(std::string_view word) {
  if (word.size() < 4 || word.size() > 8) return std::nullopt;
  int h = 0, m = 0;
  std::size_t colon = word.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return std::nullopt;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (i != colon && word[i] != ':' && !std::isdigit(static_cast<unsigned char>(word[i])))
      return std::nullopt;
  for (std::size_t i = 0; i < colon; ++i) h = h * 10 + (word[i] - '0');
  if (colon + 3 > word.size()) return std::nullopt;
  m = (word[colon + 1] - '0') * 10 + (word[colon + 2] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return TimeOfDay{h, m};
}

// A number of one to four digits; -1 for anything else.
int SmallNumber(std::string_view word) {
  if (word.empty() || word.size() > 4) return -1;
  int n = 0;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

BotStart ReadBotStart(std::string_view text) {
  BotStart start;
  if (auto found = FindIsoDate(text)) {
    std::string_view rest = text.substr(found->at);
    std::size_t end = rest.find(' ', 11);
    if (auto stamp = ParseTimestamp(rest.substr(0, end))) {
      start.date = stamp->date;
      start.time = stamp->time;
      if (stamp->offset_minutes) {
        start.zone = *stamp->offset_minutes == 0 ? Zone::kUtc : Zone::kOther;
        start.offset = stamp->offset_minutes;
      } else if (end != std::string_view::npos) {
        std::vector<std::string_view> after = SplitWords(rest.substr(end));
        if (!after.empty()) ReadZone(after[0], start);
      }
    } else {
      start.date = found->date;
    }
    return start;
  }
  std::vector<std::string_view> words = SplitWords(text);
  for (std::size_t i = 0; i + 3 < words.size(); ++i) {
    int month = MonthFromName(words[i]);
    if (month == 0) continue;
    auto time = ReadClock(words[i + 2]);
    int day = SmallNumber(words[i + 1]);
    int year = SmallNumber(words[i + 3]);
    if (!time || day < 1 || day > 31 || year < 1900 || year > 9999) continue;
    Date date{std::chrono::year{year} / month / day};
    if (!date.ok()) continue;
    start.date = date;
    start.time = time;
    if (i + 4 < words.size()) ReadZone(words[i + 4], start);
    break;
  }
  return start;
}

// hcoop-meetbot's "Motion accepted: 2 in favor to 1 opposed" (also failed,
// inconclusive), as a whole.
bool IsMotionResult(std::string_view text) {
  std::vector<std::string_view> words = SplitWords(text);
  return words.size() == 8 && words[0] == "Motion" &&
         (words[1] == "accepted:" || words[1] == "failed:" || words[1] == "inconclusive:") &&
         SmallNumber(words[2]) >= 0 && words[3] == "in" && words[4] == "favor" &&
         words[5] == "to" && SmallNumber(words[6]) >= 0 && words[7] == "opposed";
}

}  // namespace

std::optional<Command> ParseCommand(std::string_view text) {
  text = Trim(text);
  if (text.size() < 2 || text[0] != '#') return std::nullopt;
  std::size_t end = 1;
  while (end < text.size() && IsCommandChar(text[end])) ++end;
  if (end == 1) return std::nullopt;
  // MeetBot's `#(\w+)[ \t]*(.*)` reads "#action: bob ..." as #action;
  // hcoop-meetbot's `#([a-zA-Z_]+)($|\s+)` does not. The caller chooses.
  bool colon = end < text.size() && text[end] == ':';
  if (end < text.size() && text[end] != ' ' && text[end] != '\t' && !colon) return std::nullopt;
  return Command{AsciiLower(text.substr(1, end - 1)), Trim(text.substr(colon ? end + 1 : end)),
                 colon};
}

Replay::Replay(const SourceText& source, MeetingRecord& record, const ChatLine& start,
               Dialect dialect)
    : source_(source), record_(record), dialect_(dialect), founder_(start.nick) {
  chairs_.push_back(founder_);
  record_.start_line = start.line;
  record_.date = start.date;
  record_.start = start.time;
  Participant& p = record_.Of(start.nick, start.line);
  ++p.lines;
  if (auto command = ParseCommand(start.text)) record_.name = std::string(command->operand);
}

bool Replay::IsChair(std::string_view nick) const {
  return std::any_of(chairs_.begin(), chairs_.end(),
                     [&](const std::string& chair) { return SameNick(chair, nick); });
}

void Replay::Notice(const ChatLine& chat, std::string_view message) {
  record_.notices.push_back(
      source_.Describe(chat.line, ColumnOf(chat, chat.text), fmt::format("notice: {}", message)));
}

int Replay::ColumnOf(const ChatLine& chat, std::string_view part) const {
  std::string_view line = source_.line(chat.line);
  if (part.data() < line.data() || part.data() > line.data() + line.size()) return 0;
  return ColumnOfByte(line, static_cast<std::size_t>(part.data() - line.data()));
}

// A nick that founded or chairs the meeting, or gave a command, is a person:
// one line shaped like the bot's does not make them the bot. Mere talk does
// not count: a bot's garbled first reply is talk.
bool Replay::IsKnownPerson(std::string_view nick) const {
  return IsChair(nick) || commanders_.contains(AsciiLower(nick));
}

// The whole shape of the bot's replies, not their first words, so that a
// person saying "Meeting started late again" stays a person:
//   MeetBot  "Meeting started Tue Apr 13 20:00:18 2021 UTC.  The chair is ..."
//            "Meeting ended Tue Apr 13 21:00:02 2021 UTC.  Information ..."
//            "Current chairs: alice bob"  "Useful Commands: #action #agreed ..."
//   hcoop    "Meeting started at 2021-04-13 02:06:12+0000"
//            "Current chairs: alice, bob"  "Useful commands: #action #info ..."
//            "Voting is open"  "Motion accepted: 2 in favor to 1 opposed"
// Every nick of "Current chairs:" must be a chair: the bot says it after a
// #chair or #unchair already replayed.
bool Replay::IsBotShaped(std::string_view text) const {
  text = Trim(text);
  if (text.starts_with("Meeting started ") || text.starts_with("Meeting ended ")) {
    BotStart stamp = ReadBotStart(text);
    return stamp.date && stamp.time;
  }
  if (text.starts_with("Current chairs: ")) {
    std::vector<std::string_view> nicks = SplitNicks(text.substr(16));
    if (nicks.size() > chairs_.size()) return false;  // not all chairs; no long search
    return !nicks.empty() && std::all_of(nicks.begin(), nicks.end(),
                                         [&](std::string_view nick) { return IsChair(nick); });
  }
  if (text == "Voting is open" || text == "No vote is in progress") return true;  // hcoop
  if (IsMotionResult(text)) return true;
  if (text.starts_with("Useful Commands: ") || text.starts_with("Useful commands: ")) {
    std::vector<std::string_view> words = SplitWords(text.substr(17));
    return !words.empty() && std::all_of(words.begin(), words.end(), [](std::string_view word) {
      return word.size() > 1 && word[0] == '#';
    });
  }
  return false;
}

// The bot's lines are not anyone's attendance and never give commands: a nick
// named as a meeting bot (zodbot, meetingology...), or one already seen
// replying as the bot, or a new nick whose line has the shape of a reply.
bool Replay::IsBotReply(const ChatLine& chat) {
  bool recorded = std::any_of(record_.bots.begin(), record_.bots.end(),
                              [&](const std::string& bot) { return SameNick(bot, chat.nick); });
  bool named = !recorded && IsKnownBotNick(chat.nick);
  bool shaped = IsBotShaped(chat.text);
  if (!recorded && !named && (!shaped || IsKnownPerson(chat.nick))) return false;
  // Listed, not counted: attendance then says why the bot is not present.
  if (named) record_.Of(chat.nick, chat.line);
  if (!recorded) record_.bots.emplace_back(chat.nick);
  if (shaped && Trim(chat.text).starts_with("Meeting started")) TakeBotStart(chat);
  return true;
}

void Replay::TakeBotStart(const ChatLine& chat) {
  BotStart start = ReadBotStart(chat.text);
  if (auto due = chat.text.find("is due to finish in "); due != std::string_view::npos) {
    std::vector<std::string_view> words = SplitWords(chat.text.substr(due + 20));
    int minutes = words.empty() ? -1 : SmallNumber(words[0]);
    if (minutes > 0) length_minutes_ = minutes;
  }
  if (!record_.date && start.date) record_.date = start.date;
  if (!record_.start && start.time) record_.start = start.time;
  if (start.zone != Zone::kUnknown) {
    record_.zone = start.zone;
    record_.offset_known = start.offset.has_value() || start.zone == Zone::kUtc;
    record_.utc_offset_minutes = start.offset.value_or(0);
  }
}

void Replay::AddItem(ItemKind kind, const ChatLine& chat, std::string_view text,
                     std::string decision) {
  record_.items.push_back({kind, std::string(text), std::string(chat.nick), chat.line,
                           ColumnOf(chat, text), std::move(decision), std::nullopt});
}

bool Replay::Add(const ChatLine& chat) {
  if (IsBotReply(chat)) return true;
  Participant& p = record_.Of(chat.nick, chat.line);
  ++p.lines;
  // MeetBot never takes a command from an action (/me); hcoop-meetbot strips
  // the action's marker and reads the rest like any message.
  if (chat.emote) {
    if (dialect_ != Dialect::kHcoop || !ParseCommand(chat.text)) return true;
    Notice(chat, "a command sent as an action (/me): hcoop-meetbot reads it as any other");
  }
  auto command = ParseCommand(chat.text);
  if (!command) {
    std::string_view text = Trim(chat.text);
    if (StartsWithUrl(text)) AddItem(ItemKind::kLink, chat, text);
    return true;
  }
  if (command->colon && !TakeColon(chat, *command)) return true;
  commanders_.insert(AsciiLower(chat.nick));
  if (ChairOnly(command->name) && !IsChair(chat.nick)) {
    Notice(chat, fmt::format("'#{}' from {}, who is not a chair: MeetBot ignores it, so it is "
                             "not in the minutes",
                             command->name, chat.nick));
    return true;
  }
  return Dispatch(chat, *command);
}

bool Replay::Dispatch(const ChatLine& chat, const Command& command) {
  const std::string& name = command.name;
  std::string_view operand = command.operand;
  static constexpr std::array<std::pair<std::string_view, ItemKind>, 12> kItems = {{
      {"topic", ItemKind::kTopic},     {"info", ItemKind::kInfo},
      {"idea", ItemKind::kIdea},       {"link", ItemKind::kLink},
      {"help", ItemKind::kHelp},       {"halp", ItemKind::kHelp},
      {"action", ItemKind::kAction},   {"subtopic", ItemKind::kSubtopic},
      {"progress", ItemKind::kSubtopic}, {"failed", ItemKind::kFailed},
      {"inconclusive", ItemKind::kInconclusive}, {"todo", ItemKind::kAction},
  }};
  for (const auto& [word, kind] : kItems) {
    if (name != word) continue;
    if (operand.empty()) {
      Notice(chat, fmt::format("'#{}' with no text: nothing to minute", name));
      return true;
    }
    if (kind == ItemKind::kFailed || kind == ItemKind::kInconclusive) motion_.reset();
    AddItem(kind, chat, operand);
    return true;
  }
  if (name == "endmeeting") return EndMeeting(chat);
  if (name == "agreed" || name == "agree" || name == "accepted" || name == "accept" ||
      name == "rejected" || name == "reject") {
    if (operand.empty()) {
      Notice(chat, fmt::format("'#{}' with no text: no decision recorded", name));
      return true;
    }
    bool rejected = name[0] == 'r';
    ItemKind kind = rejected ? ItemKind::kRejected
                    : name.starts_with("agree") ? ItemKind::kAgreed
                                                : ItemKind::kAccepted;
    motion_.reset();
    AddItem(kind, chat, operand,
            rejected ? fmt::format("Rejected: {}", operand) : std::string(operand));
  } else if (name == "here" || name == "present") {
    Participant& p = record_.Of(chat.nick, chat.line);
    p.here = true;
    if (!operand.empty() && !SameNick(operand, chat.nick)) p.alias = CollapseSpaces(operand);
  } else if (name == "chair" || name == "unchair") {
    Chair(operand, name == "chair");
  } else if (name == "nick") {
    Nick(operand);
  } else if (name == "undo") {
    Undo(chat);
  } else if (name == "meetingname" || name == "meetingtopic") {
    if (!operand.empty()) record_.name = std::string(operand);
  } else if (name == "motion") {
    if (operand.empty()) return true;
    motion_ = OpenMotion{std::string(operand), chat.line, {}};
    AddItem(ItemKind::kMotion, chat, operand);
  } else if (name == "vote") {
    Vote(chat, operand);
  } else if (name == "close") {
    CloseMotion(chat);
  } else if (name == "startvote") {
    StartVote(chat, operand);
  } else if (name == "endvote") {
    EndVote(chat);
  } else if (name == "startmeeting") {
    Notice(chat, "'#startmeeting' while a meeting is running: MeetBot ignores it");
  } else if (!Inert(name)) {
    Notice(chat, fmt::format("'#{}' is not a MeetBot command: read as talk", name));
  }
  return true;
}

// "#action: bob to ...": MeetBot reads the command word up to the ':' and
// minutes the rest; hcoop-meetbot wants a space after the word and reads the
// line as talk. Whether the line goes on to be read as a command.
bool Replay::TakeColon(const ChatLine& chat, const Command& command) {
  if (dialect_ == Dialect::kHcoop) {
    Notice(chat, fmt::format("'#{0}:' is not a hcoop-meetbot command (it reads '#{0} ...'); "
                             "kept as talk",
                             command.name));
    return false;
  }
  Notice(chat, fmt::format("'#{0}:' read as '#{0}', as MeetBot reads it", command.name));
  return true;
}

// MeetBot lets a chair end the meeting at any time, and anyone once it has
// run its length; hcoop-meetbot only a chair. False when the meeting ends.
bool Replay::EndMeeting(const ChatLine& chat) {
  if (!IsChair(chat.nick)) {
    std::optional<int> ran = MinutesSinceStart(chat);
    if (dialect_ == Dialect::kHcoop || !ran || *ran < length_minutes_) {
      Notice(chat, fmt::format("'#endmeeting' from {}, who is not a chair: {} ignores it, so "
                               "the meeting goes on",
                               chat.nick,
                               dialect_ == Dialect::kHcoop ? "hcoop-meetbot" : "MeetBot"));
      return true;
    }
    Notice(chat, fmt::format("'#endmeeting' from {}, who is not a chair, {} minutes after the "
                             "start: MeetBot lets anyone end a meeting past its {} minutes",
                             chat.nick, *ran, length_minutes_));
  }
  if (motion_) Notice(chat, "the meeting ends with a motion open: not a decision");
  return false;
}

// Whole minutes from the meeting's start to `chat`; nullopt when either time
// is not known. Without dates, a time before the start is the next day.
std::optional<int> Replay::MinutesSinceStart(const ChatLine& chat) const {
  if (!record_.start || !chat.time) return std::nullopt;
  long long minutes = (chat.time->hour - record_.start->hour) * 60 + chat.time->minute -
                      record_.start->minute;
  // Dates 9,000 years apart overflow an int of minutes: clamped.
  if (record_.date && chat.date)
    minutes += 1440LL * (std::chrono::sys_days{*chat.date} -
                         std::chrono::sys_days{*record_.date}).count();
  else if (minutes < 0)
    minutes += 1440;
  return static_cast<int>(std::clamp(minutes, -1'000'000'000LL, 1'000'000'000LL));
}

void Replay::Chair(std::string_view operand, bool add) {
  for (std::string_view nick : SplitNicks(operand)) {
    auto it = std::find_if(chairs_.begin(), chairs_.end(),
                           [&](const std::string& chair) { return SameNick(chair, nick); });
    if (add && it == chairs_.end()) {
      chairs_.emplace_back(nick);
      record_.known_nicks.emplace_back(nick);
    } else if (!add && it != chairs_.end() && !SameNick(nick, founder_)) {
      chairs_.erase(it);
    }
  }
}

void Replay::Nick(std::string_view operand) {
  for (std::string_view nick : SplitNicks(operand)) record_.known_nicks.emplace_back(nick);
}

void Replay::Vote(const ChatLine& chat, std::string_view operand) {
  std::vector<Ballot>* ballots = nullptr;
  int choice = -1;
  if (vote_) {
    for (std::size_t i = 0; i < vote_->options.size(); ++i)
      if (EqualsNoCase(vote_->options[i], operand)) choice = static_cast<int>(i);
    if (choice < 0) {
      Notice(chat, fmt::format("'#vote {}' is not one of the vote's options ({}): not counted",
                               operand, fmt::join(vote_->options, ", ")));
      return;
    }
    ballots = &vote_->ballots;
  } else if (motion_) {
    choice = operand.starts_with('+') ? 1 : operand.starts_with('0') ? 0 : -1;
    ballots = &motion_->ballots;
  } else {
    Notice(chat, "'#vote' with no motion or vote open: not counted");
    return;
  }
  auto it = std::find_if(ballots->begin(), ballots->end(),
                         [&](const Ballot& b) { return SameNick(b.nick, chat.nick); });
  if (it != ballots->end()) ballots->erase(it);
  ballots->push_back({std::string(chat.nick), choice, chat.line});
}

// "ACTION: text", as the notices name an item.
static std::string LabelledText(const MinuteItem& item) {
  std::string_view label = ItemLabel(item.kind);
  return fmt::format("{}{}{}", label, label.empty() ? "" : ": ", item.text);
}

// MeetBot's #undo removes the last item of the minutes. hcoop-meetbot's removes
// its last event, which may be a #here or a #vote that made no item: its
// UNDO event names the message, and that is what is removed.
void Replay::Undo(const ChatLine& chat) {
  if (auto it = bot_events_.undone.find(chat.line); it != bot_events_.undone.end())
    if (UndoLine(chat, it->second)) return;
  if (record_.items.empty()) return;
  Notice(chat,
         fmt::format("#undo removes '{}' from the minutes", LabelledText(record_.items.back())));
  record_.items.pop_back();
}

// False when nothing said on line `removed` is in the meeting as replayed.
bool Replay::UndoLine(const ChatLine& chat, int removed) {
  auto item = std::find_if(record_.items.rbegin(), record_.items.rend(),
                           [&](const MinuteItem& i) { return i.line == removed; });
  if (item != record_.items.rend()) {
    Notice(chat, fmt::format("#undo removes '{}' from the minutes (the bot's UNDO names line {})",
                             LabelledText(*item), removed));
    if (item->kind == ItemKind::kMotion && motion_ && motion_->line == removed) motion_.reset();
    record_.items.erase(std::next(item).base());
    return true;
  }
  if (motion_) {
    auto ballot = std::find_if(motion_->ballots.begin(), motion_->ballots.end(),
                               [&](const Ballot& b) { return b.line == removed; });
    if (ballot != motion_->ballots.end()) {
      Notice(chat, fmt::format("#undo removes {}'s vote on line {} from the open motion, as the "
                               "bot's UNDO says",
                               ballot->nick, removed));
      motion_->ballots.erase(ballot);
      return true;
    }
  }
  if (removed < record_.start_line || removed >= chat.line) return false;
  Notice(chat, fmt::format("#undo removes the bot's record of line {}, which put nothing in the "
                           "minutes (a #here, a #nick...): the minutes keep their items",
                           removed));
  return true;
}

void Replay::CloseMotion(const ChatLine& chat) {
  if (!motion_) return;
  auto count = [&](int choice) {
    return std::count_if(motion_->ballots.begin(), motion_->ballots.end(),
                         [&](const Ballot& b) { return b.choice == choice; });
  };
  auto in_favor = count(1);
  auto opposed = count(-1);
  std::string counted;
  if (in_favor > 0 || opposed > 0)
    counted = fmt::format("Motion {}: {} in favor to {} opposed",
                          in_favor > opposed   ? "accepted"
                          : in_favor < opposed ? "failed"
                                               : "inconclusive",
                          in_favor, opposed);
  // The bot's announcement is what the meeting saw, where its count differs
  // (hcoop-meetbot counts every #vote, and '#vote 0' as opposed).
  auto announced = bot_events_.closed.find(chat.line);
  if (announced != bot_events_.closed.end() && announced->second != counted) {
    Notice(chat, fmt::format("the bot announced '{}' where plenary's count (the last vote of "
                             "each nick; '#vote 0' abstains) is '{}': the bot's result is kept, "
                             "as the meeting saw it",
                             announced->second, counted.empty() ? "no votes" : counted));
    RecordMotionResult(chat, announced->second);
    return;
  }
  if (counted.empty()) {
    Notice(chat, "'#close' with no votes: the motion stays open");
    return;
  }
  RecordMotionResult(chat, counted);
}

// `result` is "Motion accepted: ...", "Motion failed: ..." or "Motion
// inconclusive: ..."; only an accepted motion is a decision.
void Replay::RecordMotionResult(const ChatLine& chat, const std::string& result) {
  ItemKind kind = result.starts_with("Motion accepted") ? ItemKind::kAccepted
                  : result.starts_with("Motion failed") ? ItemKind::kFailed
                                                        : ItemKind::kInconclusive;
  std::string decision =
      kind == ItemKind::kAccepted ? fmt::format("{} ({})", motion_->text, result) : "";
  record_.items.push_back({kind, result, std::string(chat.nick), chat.line,
                           ColumnOf(chat, chat.text), std::move(decision), std::nullopt});
  motion_.reset();
}

void Replay::StartVote(const ChatLine& chat, std::string_view operand) {
  std::size_t mark = operand.rfind('?');
  if (operand.empty()) {
    Notice(chat, "'#startvote' with no question: no vote opened");
    return;
  }
  OpenVote vote;
  vote.question = std::string(Trim(operand.substr(0, mark)));
  std::string_view choices = mark == std::string_view::npos ? "" : operand.substr(mark + 1);
  std::string word;
  for (char c : std::string(choices) + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '_' ||
        static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      vote.options.push_back(std::move(word));
      word.clear();
    }
  }
  if (vote.options.empty()) vote.options = {"Yes", "No"};
  vote_ = std::move(vote);
}

void Replay::EndVote(const ChatLine& chat) {
  if (!vote_) return;
  std::vector<std::string> parts;
  long best = -1;
  std::string winner;
  bool tie = false;
  for (std::size_t i = 0; i < vote_->options.size(); ++i) {
    const std::string& option = vote_->options[i];
    long n = std::count_if(vote_->ballots.begin(), vote_->ballots.end(),
                           [&](const Ballot& b) { return b.choice == static_cast<int>(i); });
    parts.push_back(fmt::format("{}: {}", option, n));
    if (n > best) best = n, winner = option, tie = false;
    else if (n == best) tie = true;
  }
  std::string result = fmt::format("Voted on \"{}?\" Results are, {}", vote_->question,
                                   fmt::join(parts, ", "));
  std::string decision;
  static constexpr std::array<std::string_view, 7> kYes = {"yes", "+1", "aye", "y",
                                                           "approve", "accept", "agree"};
  bool carried = !tie && best > 0 &&
                 std::any_of(kYes.begin(), kYes.end(),
                             [&](std::string_view yes) { return EqualsNoCase(yes, winner); });
  if (carried)
    decision = fmt::format("{}? ({})", vote_->question, fmt::join(parts, ", "));
  record_.items.push_back({ItemKind::kVote, result, std::string(chat.nick), chat.line,
                           ColumnOf(chat, chat.text), std::move(decision), std::nullopt});
  vote_.reset();
}

void Replay::Unfinished() {
  record_.notices.push_back(source_.Describe(
      record_.start_line, 0,
      "notice: no #endmeeting: the meeting is read to the end of the log"));
  if (motion_)
    record_.notices.push_back(source_.Describe(
        motion_->line, 0, "notice: this motion was never closed: not a decision"));
}

}  // namespace plenary::meetbot
