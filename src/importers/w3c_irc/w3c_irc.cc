#include "importers/w3c_irc/w3c_irc.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/date.h"
#include "core/directory.h"
#include "core/meeting_label.h"
#include "core/text.h"
#include "importers/notes_phrases.h"
#include "importers/w3c_irc/irc_actions.h"
#include "importers/w3c_irc/irc_lines.h"
#include "importers/w3c_irc/irc_names.h"
#include "importers/w3c_irc/scribe_edits.h"
#include "importers/w3c_irc/w3c_irc_reader.h"

namespace plenary {
namespace {

// "zakim, who is here?", "rrsagent, draft minutes": talk to a bot, not minutes.
bool AddressesBot(std::string_view text) {
  std::size_t end = text.find_first_of(",:");
  if (end == std::string_view::npos || end == 0 || end > 20) return false;
  return IsBot(Trim(text.substr(0, end)));
}

// "RRSAgent, drop action 2": RRSAgent forgets the meeting's second action.
std::optional<int> DroppedAction(std::string_view text) {
  if (!StartsWithNoCase(text, "rrsagent")) return std::nullopt;
  std::string_view rest = Trim(text.substr(8));
  if (rest.empty() || (rest[0] != ',' && rest[0] != ':')) return std::nullopt;
  rest = Trim(rest.substr(1));
  if (!StartsWithNoCase(rest, "drop action")) return std::nullopt;
  return ParseNumber(Trim(rest.substr(11)));
}

// Zakim's speaker queue: "q+", "q-", "q?", "q+ to ask ...", "ack k", "+q".
bool IsQueueCommand(std::string_view text) {
  if (text.empty() || std::string_view("qQaA+-").find(text[0]) == std::string_view::npos)
    return false;
  std::string lower = AsciiLower(text);
  if (lower == "q?" || lower == "+q" || lower == "-q" || lower == "q+" || lower == "q-") return true;
  if (lower.starts_with("q+ ") || lower.starts_with("q- ") || lower.starts_with("ack ")) return true;
  return lower.starts_with("queue") && lower.size() > 5 && (lower[5] == '+' || lower[5] == '-' || lower[5] == '=');
}

// A command: a keyword, an operator (':', '+', '-', '=') and what follows.
struct Command {
  char op = ':';
  std::string_view rest;
};

std::optional<Command> ReadCommand(std::string_view text, std::initializer_list<std::string_view> keywords,
                                   std::string_view ops = ":") {
  for (std::string_view keyword : keywords) {
    if (!StartsWithNoCase(text, keyword)) continue;
    std::string_view rest = text.substr(keyword.size());
    std::size_t spaces = rest.find_first_not_of(' ');
    if (spaces == std::string_view::npos) continue;
    rest.remove_prefix(spaces);
    char op = rest[0];
    if (ops.find(op) == std::string_view::npos) continue;
    rest.remove_prefix(1);
    if ((op == '+' || op == '-') && !rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    return Command{op, Trim(rest)};
  }
  return std::nullopt;
}

// "present+" alone, with nothing after the operator.
std::optional<char> BareCommand(std::string_view text, std::string_view keyword) {
  if (text.size() > keyword.size() + 8 || !StartsWithNoCase(text, keyword)) return std::nullopt;
  std::string lower = AsciiLower(text);
  lower.erase(std::remove(lower.begin(), lower.end(), ' '), lower.end());
  if (lower == std::string(keyword) + "+" || lower == std::string(keyword) + "+:") return '+';
  if (lower == std::string(keyword) + "-" || lower == std::string(keyword) + "-:") return '-';
  return std::nullopt;
}

// "A, B and C": names split at commas and "and" only, as scribe.perl splits
// them; a name may hold any other character ("<b>Bold</b>", "Jo/Ann").
std::vector<std::string> NamesOf(std::string_view list) {
  if (EqualsNoCase(Trim(list), "(no one)")) return {};
  std::string joined;
  for (std::string_view word : SplitWords(list))
    joined += EqualsNoCase(word, "and") ? std::string(",") : " " + std::string(word);
  std::vector<std::string> names;
  for (std::string_view part : SplitTrimmed(joined, ','))
    if (!part.empty()) names.push_back(CollapseSpaces(part));
  return names;
}

// What a scribe writes where a list of names has none: "Regrets: none",
// "Regrets: -", "present+ N/A".
bool IsNoOne(std::string_view name) {
  static const std::unordered_set<std::string> kNoOne{
      "none", "nobody", "no one", "noone", "n/a", "na", "-", "--", "tbd", "nil", "(none)", "?"};
  std::string folded = AsciiLower(Trim(name));
  while (!folded.empty() && (folded.back() == '.' || folded.back() == '!')) folded.pop_back();
  return folded.empty() || kNoOne.count(folded) > 0;
}

// "Daniel Davis" in "Scribe: Daniel Davis": one name with a space, so no
// nick (and no list, no "nick = name").
bool IsNameNotNick(std::string_view text) {
  text = Trim(text);
  return text.find(' ') != std::string_view::npos &&
         text.find_first_of(",=/") == std::string_view::npos;
}

// "http://www.w3.org/2014/04/09-forms-irc": the date and the channel.
std::optional<std::pair<Date, std::string>> LogAddress(std::string_view text) {
  for (std::size_t at = text.find('/'); at != std::string_view::npos; at = text.find('/', at + 1)) {
    std::string_view s = text.substr(at);
    // "/YYYY/MM/DD-"
    if (s.size() < 13 || s[5] != '/' || s[8] != '/' || s[11] != '-') continue;
    std::string iso = fmt::format("{}-{}-{}", s.substr(1, 4), s.substr(6, 2), s.substr(9, 2));
    auto date = ParseIsoDate(iso);
    if (!date) continue;
    std::string_view rest = s.substr(12);
    std::size_t end = rest.find("-irc");
    std::string channel(end == std::string_view::npos ? "" : rest.substr(0, end));
    return std::pair{*date, channel};
  }
  return std::nullopt;
}

}  // namespace

namespace w3c_irc {

void IrcReader::GuessFirstScribe(const std::vector<IrcLine>& lines) {
  std::unordered_map<std::string, int> typed;
  std::string most;
  for (const IrcLine& line : lines) {
    if (line.kind != IrcLineKind::kMessage || line.nick.empty() || IsBot(line.nick)) continue;
    if (auto command = ReadCommand(line.text, {"scribenick", "scribe"}, ":+")) {
      std::vector<std::string> names = NamesOf(command->rest);
      std::string nick = names.empty() ? line.nick : names[0];
      nick = nick.substr(0, nick.find_first_of("=/"));
      current_scribes_.insert(FoldName(DisplayName(nick)));
      return;
    }
    int count = ++typed[line.nick];
    if (most.empty() || count > typed[most]) most = line.nick;
  }
  if (most.empty()) return;
  current_scribes_.insert(FoldName(DisplayName(most)));
  scribes_.push_back({most, DisplayName(most), lines.front().line});
  Notice(lines.front().line,
         fmt::format("no Scribe: line; took {} as the scribe (who typed the most lines)", most));
}

// FoldName(DisplayName(nick)), once per nick: every line of a log asks it.
const std::string& IrcReader::FoldedNick(const std::string& nick) {
  auto [at, added] = folded_nicks_.try_emplace(nick);
  if (added) at->second = FoldName(DisplayName(nick));
  return at->second;
}

std::string IrcReader::SpeakerName(std::string_view nick) const {
  auto alias = aliases_.find(FoldName(DisplayName(nick)));
  if (alias != aliases_.end()) return alias->second;
  return DisplayName(nick);
}

void IrcReader::StartTopic(int line, std::string_view heading) {
  agenda_.push_back(AgendaSection{std::string(Trim(heading)), {}, line});
}

namespace {

// The speaker a scribe's line quotes: "Bob: I agree", "Bob_Smith: ..." (one
// word before the colon, not a keyword or a link), as scribe.perl reads them.
std::optional<std::string> QuotedSpeaker(std::string_view text) {
  static const std::unordered_set<std::string> kNotSpeakers{
      "action", "agenda", "chair", "chairs", "date", "http", "https", "issue", "meeting", "note",
      "present", "proposal", "proposed", "q", "regrets", "resolution", "resolved", "scribe",
      "scribenick", "subtopic", "summary", "topic", "mailto", "example", "question", "answer",
      "rrsagent", "zakim", "trackbot", "pr", "eg", "ie", "nb", "ps", "re", "fyi", "todo", "update"};
  std::size_t colon = text.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 30 || colon + 1 >= text.size() ||
      text[colon + 1] != ' ')
    return std::nullopt;
  std::string_view word = text.substr(0, colon);
  if (!std::isalpha(static_cast<unsigned char>(word[0]))) return std::nullopt;
  for (char c : word)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
      return std::nullopt;
  if (kNotSpeakers.count(AsciiLower(word)) > 0) return std::nullopt;
  return DisplayName(word);
}

}  // namespace

void IrcReader::AddNote(const IrcLine& line, std::string_view text) {
  if (agenda_.empty() || text.empty()) return;
  bool scribe = line.nick.empty() || current_scribes_.count(FoldedNick(line.nick)) > 0 ||
                current_scribes_.count("*") > 0;
  if (scribe)
    if (auto speaker = QuotedSpeaker(text))
      quoted_.emplace(FoldName(*speaker), std::pair{*speaker, line.line});
  agenda_.back().notes.push_back(scribe ? std::string(text)
                                        : fmt::format("<{}> {}", line.nick, text));
}

void IrcReader::HandleZakim(const IrcLine& line) {
  std::string_view text = line.text;
  std::string lower = AsciiLower(text);
  // Zakim's attendees: telephone lines apart, bots (it lists itself) left out.
  auto add_attendees = [&](std::string_view list) {
    for (const std::string& name : NamesOf(list)) {
      if (IsPhonePlaceholder(name))
        zakim_dropped_.push_back(name);
      else if (!IsBot(name))
        zakim_present_.Add(name);
    }
  };
  if (text.starts_with("... ") && zakim_attendees_open_) {
    add_attendees(text.substr(4));
    return;
  }
  zakim_attendees_open_ = false;
  std::size_t at = std::string::npos;
  std::size_t skip = 0;
  for (std::string_view phrase : {"attendees were ", "attendees have been "}) {
    at = lower.find(phrase);
    if (at != std::string::npos) {
      skip = phrase.size();
      break;
    }
  }
  if (at == std::string::npos && lower.starts_with("present: ")) at = 0, skip = 9;
  if (at != std::string::npos) {
    zakim_attendees_open_ = true;
    zakim_line_ = zakim_line_ ? zakim_line_ : line.line;
    add_attendees(text.substr(at + skip));
    return;
  }
  // "agendum 2. "Survey ..." taken up [from AWK]" (old Zakim),
  // "agendum 2 -- Survey ... -- taken up [from AWK]" (new Zakim).
  if (lower.starts_with("agendum ") && lower.find("taken up") != std::string::npos) {
    std::size_t open = text.find('"');
    std::size_t close = text.rfind("\" taken up");
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
      StartTopic(line.line, text.substr(open + 1, close - open - 1));
      return;
    }
    std::size_t dash = text.find(" -- ");
    std::size_t end = text.rfind(" -- taken up");
    if (dash != std::string_view::npos && end != std::string_view::npos && end > dash)
      StartTopic(line.line, text.substr(dash + 4, end - dash - 4));
    return;
  }
  // "ok, trackbot; I see IA_XForms()11:00AM scheduled to start in 1 minute"
  std::size_t scheduled = lower.find("scheduled to start in ");
  if (scheduled != std::string::npos && line.seconds >= 0 && scheduled_seconds_ < 0) {
    int minutes = 0;
    for (char c : lower.substr(scheduled + 22)) {
      if (c < '0' || c > '9' || minutes > 1000) break;
      minutes = minutes * 10 + (c - '0');
    }
    scheduled_seconds_ = line.seconds + minutes * 60;
    return;
  }
  if (lower.find("has now started") != std::string::npos && line.seconds >= 0 &&
      started_seconds_ < 0)
    started_seconds_ = line.seconds;
}

void IrcReader::HandleBot(const IrcLine& line) {
  std::string bot = AsciiLower(DisplayName(line.nick));
  if (bot == "rrsagent") {
    rrsagent_ = true;
    if (line.text.starts_with("logging to ")) {
      if (auto address = LogAddress(line.text)) {
        log_date_ = address->first;
        if (channel_.empty()) channel_ = address->second;
      }
    }
    std::size_t made = line.text.find("request to generate ");
    if (made != std::string::npos) {
      std::string_view url = std::string_view(line.text).substr(made + 20);
      record_url_ = std::string(url.substr(0, url.find(' ')));
    }
    return;
  }
  if (bot == "zakim") return HandleZakim(line);
  if (bot == "trackbot") {
    auto reply = ReadTrackbotReply(line.text);
    if (reply && !reply->created && close_target_ >= 0) {
      auto& [number, review] = reviews_[static_cast<std::size_t>(close_target_)];
      Notice(review.line, fmt::format("trackbot could not close ACTION-{} ('{}'); not recorded as "
                                      "closed",
                                      number, line.text));
      reviews_.erase(reviews_.begin() + close_target_);
      close_target_ = -1;
    } else if (reply && trackbot_target_ >= 0) {
      PendingAction& action = actions_[static_cast<std::size_t>(trackbot_target_)];
      if (reply->created) {
        action.trackbot = *reply;
        action.answered = true;
        tracker_numbers_[reply->number] = static_cast<std::size_t>(trackbot_target_);
      } else if (!action.answered) {
        action.refused = true;
      }
      trackbot_target_ = -1;
    }
  }
  // Bots set the meeting's title and date too ("<trackbot> Meeting: ...").
  HandleMeetingCommand(line, line.text);
}

bool IrcReader::HandleMeetingCommand(const IrcLine& line, std::string_view text) {
  if (auto c = ReadCommand(text, {"meeting"})) {
    if (c->rest.empty()) return true;
    title_ = std::string(c->rest);
    title_line_ = line.line;
    return true;
  }
  if (auto c = ReadCommand(text, {"date"})) {
    written_date_ = ParseWrittenDate(c->rest);
    if (!written_date_) {
      if (auto iso = ParseIsoDate(c->rest))
        written_date_ = WrittenDate{static_cast<int>(iso->year()),
                                    static_cast<int>(static_cast<unsigned>(iso->month())),
                                    static_cast<int>(static_cast<unsigned>(iso->day()))};
    }
    if (!written_date_) Notice(line.line, fmt::format("'{}' is not a date; ignored", c->rest));
    date_line_ = line.line;
    return true;
  }
  return false;
}

// The people a present+, regrets+ or chair list names, each as a clerk would
// write it: "Bob Brown (remote)" is Bob Brown, "Hana." is Hana; "none" and
// the bots are nobody. What was dropped is said.
std::vector<std::string> IrcReader::PeopleOf(std::string_view list, int line) {
  std::vector<std::string> people;
  std::vector<std::string> names = NamesOf(list);
  // "Regrets: none", "present+ -": the whole list says nobody.
  if (names.size() == 1 && IsNoOne(names[0])) return people;
  for (std::string name : names) {
    while (!name.empty() && name.back() == '.') name.pop_back();
    if (name.empty()) continue;
    if (std::size_t open = name.rfind(" ("); open != std::string::npos && name.ends_with(')')) {
      std::string bare = CollapseSpaces(name.substr(0, open));
      Notice(line, fmt::format("'{}' recorded as '{}' (the words in brackets are a remark, not "
                               "the name)",
                               name, bare));
      name = std::move(bare);
    }
    if (IsBot(name)) {
      Notice(line, fmt::format("{} is a bot; not counted", name));
      continue;
    }
    if (!name.empty()) people.push_back(std::move(name));
  }
  return people;
}

bool IrcReader::HandleAttendance(const IrcLine& line, std::string_view text) {
  for (std::string_view keyword : {"present", "regrets", "regret", "chairs", "chair"}) {
    bool is_present = keyword == "present";
    bool is_chair = keyword.starts_with("chair");
    NameList* list = is_present ? &present_ : is_chair ? nullptr : &regrets_;
    auto merged = [&](const std::string& said) {
      if (!said.empty()) Notice(line.line, said);
    };
    if (auto bare = BareCommand(text, keyword)) {
      const std::string speaker = SpeakerName(line.nick);
      if (speaker.empty()) {
        Notice(line.line, fmt::format("'{}' without a name, and no nick says who typed it", text));
        return true;
      }
      if (is_present) explicit_present_ = true;
      if (line.nick.ends_with('_'))
        Notice(line.line, fmt::format("nick '{}' taken as '{}' (an IRC nick's trailing '_' "
                                      "dropped)",
                                      line.nick, speaker));
      if (is_chair) {
        if (*bare == '+') chairs_.push_back(speaker);
        else std::erase(chairs_, speaker);
      } else if (*bare == '+') {
        merged(list->Add(speaker));
      } else {
        list->Remove(speaker);
      }
      return true;
    }
    auto c = ReadCommand(text, {keyword}, ":+-=");
    if (!c) continue;
    std::vector<std::string> names = PeopleOf(c->rest, line.line);
    if (is_present) {
      explicit_present_ = true;
      present_line_ = present_line_ ? present_line_ : line.line;
    }
    if (is_chair) {
      if (c->op == ':' || c->op == '=') chairs_.clear();
      for (const std::string& name : names) {
        if (c->op == '-') std::erase(chairs_, name);
        else chairs_.push_back(name);
      }
      return true;
    }
    if (c->op == ':' || c->op == '=') list->Clear();
    for (const std::string& name : names) {
      if (c->op == '-') list->Remove(name);
      else merged(list->Add(name));
    }
    return true;
  }
  return false;
}

bool IrcReader::HandleScribe(const IrcLine& line, std::string_view text) {
  if (ReadCommand(text, {"scribeoptions"})) return true;
  std::optional<Command> c;
  if (auto bare = BareCommand(text, "scribe"); bare) c = Command{*bare, line.nick};
  else if (auto bare_nick = BareCommand(text, "scribenick"); bare_nick) c = Command{*bare_nick, line.nick};
  else c = ReadCommand(text, {"scribenick", "scribe"}, ":+-");
  if (!c) return false;
  bool is_nick = StartsWithNoCase(text, "scribenick");
  // "scribe: nick" put right, at once, by "scribe: plh": the first was a slip.
  bool right_after = last_scribe_message_ == messages_ - 1;
  last_scribe_message_ = messages_;
  if (right_after && last_scribe_command_ && last_scribe_command_->nick == line.nick && c->op == ':' &&
      !scribes_.empty() && scribes_.back().line == last_scribe_command_->line) {
    bool pairs = is_nick && !StartsWithNoCase(last_scribe_command_->text, "scribenick");
    if (pairs && !c->rest.empty()) {
      // "Scribe: Daniel" then "scribenick: ddavis": one scribe, name and nick.
      scribes_.back().nick = std::string(c->rest);
      aliases_[FoldName(DisplayName(c->rest))] = scribes_.back().name;
      current_scribes_.insert(FoldName(DisplayName(c->rest)));
      last_scribe_command_ = &line;
      return true;
    }
    // "scribenick: ddavis" then "Scribe: Daniel Davis": the same, the other
    // way round (a name with a space is no nick).
    bool names_last = !is_nick && StartsWithNoCase(last_scribe_command_->text, "scribenick");
    if (names_last && IsNameNotNick(c->rest)) {
      ScribeName& scribe = scribes_.back();
      scribe.name = DisplayName(c->rest);
      aliases_[FoldName(DisplayName(scribe.nick))] = scribe.name;
      last_scribe_command_ = &line;
      return true;
    }
    Notice(line.line, fmt::format("'{}' replaces the scribe '{}' named just before, who scribed "
                                  "nothing; not counted as present",
                                  c->rest, scribes_.back().name));
    scribes_.pop_back();
  }
  if (!scribe_named_) {
    scribe_named_ = true;
    scribes_.clear();  // a guessed scribe gives way to a named one
  }
  last_scribe_command_ = &line;
  std::vector<std::string> names;
  for (std::string_view part : SplitTrimmed(c->rest, ',')) names.emplace_back(part);
  // "Scribe: Eve Smith": a name, not a nick (it has a space), so no nick's
  // lines become the scribe's by it; scribe.perl reads it so too. Eve Smith
  // scribed, and the one who typed it goes on as the scribe if nobody is.
  if (!is_nick && c->op == ':' && IsNameNotNick(c->rest)) {
    std::string name = DisplayName(c->rest);
    if (current_scribes_.empty() && !line.nick.empty()) {
      current_scribes_.insert(FoldedNick(line.nick));
      aliases_[FoldedNick(line.nick)] = name;
    }
    bool known = std::any_of(scribes_.begin(), scribes_.end(),
                             [&](const ScribeName& s) { return FoldName(s.name) == FoldName(name); });
    if (!known) scribes_.push_back({"", name, line.line});
    Notice(line.line, fmt::format("'{}' is a name, not a nick: recorded as a scribe; the scribe's "
                                  "nick stays {}",
                                  name, fmt::join(current_scribes_, ", ")));
    return true;
  }
  if (c->op == ':') current_scribes_.clear();
  for (const std::string& entry : names) {
    if (entry.empty()) continue;
    std::size_t sep = entry.find_first_of("=/");
    std::string nick(Trim(std::string_view(entry).substr(0, sep)));
    std::string name = sep == std::string::npos ? DisplayName(nick)
                                                : DisplayName(std::string_view(entry).substr(sep + 1));
    if (nick == "*") {
      current_scribes_.insert("*");
      continue;
    }
    std::string folded = FoldName(DisplayName(nick));
    if (c->op == '-') {
      current_scribes_.erase(folded);
      continue;
    }
    current_scribes_.insert(folded);
    if (sep != std::string::npos) aliases_[folded] = name;
    bool known = std::any_of(scribes_.begin(), scribes_.end(), [&](const ScribeName& s) {
      return FoldName(s.name) == FoldName(name) || (!s.nick.empty() && FoldName(DisplayName(s.nick)) == folded);
    });
    if (!known) scribes_.push_back({nick, name, line.line});
  }
  return true;
}

bool IrcReader::HandleAction(const IrcLine& line, std::string_view text) {
  if (auto replacement = ReadActionReplacement(text)) {
    // "ACTION-12 = ..." names trackbot's number, when trackbot gave one in
    // this meeting; "action 2 = ..." the meeting's second action.
    auto numbered = replacement->tracker ? tracker_numbers_.find(replacement->number)
                                         : tracker_numbers_.end();
    std::size_t index = numbered != tracker_numbers_.end() ? numbered->second
                                                           : static_cast<std::size_t>(replacement->number - 1);
    if (index < actions_.size()) {
      if (auto reread = ReadActionLine("ACTION: " + replacement->text)) {
        PendingAction& action = actions_[index];
        // New owners in the new words: trackbot's owner was the old one's.
        if (reread->owners != action.line.owners) action.trackbot.owner.clear();
        action.line = *reread;
        Notice(line.line, fmt::format("{}{} reworded ({})", replacement->tracker ? "ACTION-" : "action ",
                                      replacement->number,
                                      numbered != tracker_numbers_.end()
                                          ? "trackbot's number"
                                          : "the meeting's count of actions"));
      }
    } else {
      Notice(line.line, fmt::format("no action {} in this meeting to reword; kept as text",
                                    replacement->number));
      return false;
    }
    return true;
  }
  if (auto closed = ReadCloseAction(text)) {
    trackbot_target_ = -1;
    for (std::size_t i = 0; i < reviews_.size(); ++i)
      if (reviews_[i].first == *closed) close_target_ = static_cast<int>(i);
    if (close_target_ >= 0 && reviews_[static_cast<std::size_t>(close_target_)].first == *closed)
      return true;
    ActionItem review;
    review.text = fmt::format("ACTION-{}", *closed);
    review.status = ActionStatus::kComplete;
    review.written_status = "closed";
    review.source = ActionSource::kReview;
    review.line = line.line;
    reviews_.emplace_back(*closed, std::move(review));
    close_target_ = static_cast<int>(reviews_.size() - 1);
    return true;
  }
  auto action = ReadActionLine(text);
  if (!action) return false;
  continues_ = Continues::kAction;
  continues_nick_ = line.nick;
  // Said again, or retried after trackbot refused it: one action.
  std::string folded = FoldName(action->text);
  auto said = said_actions_.find(folded);
  std::optional<std::size_t> same;
  if (said != said_actions_.end()) same = said->second;
  for (std::size_t i = 0; i < actions_.size() && !same; ++i)
    if (actions_[i].refused && SameTask(actions_[i].line.task, action->task)) same = i;
  if (same) {
    std::size_t i = *same;
    PendingAction& earlier = actions_[i];
    bool repeat = said != said_actions_.end();
    Notice(line.line,
           repeat ? fmt::format("this action repeats the one of line {}; recorded once",
                                earlier.source_line)
                  : fmt::format("this action retries the one of line {}, which trackbot refused; "
                                "recorded once, in its first words",
                                earlier.source_line));
    trackbot_target_ = static_cast<int>(i);
    continues_ = Continues::kNothing;
    return true;
  }
  close_target_ = -1;
  said_actions_.emplace(std::move(folded), actions_.size());
  actions_.push_back({std::move(*action), line.line, {}, false, false});
  trackbot_target_ = static_cast<int>(actions_.size() - 1);
  return true;
}

bool IrcReader::HandleContinuation(const IrcLine& line, std::string_view text) {
  std::string_view rest;
  if (text.starts_with("..."))
    rest = Trim(text.substr(3));
  else if (text.starts_with("\xE2\x80\xA6"))  // '…'
    rest = Trim(text.substr(3));
  else
    return false;
  if (continues_ == Continues::kNothing || line.nick != continues_nick_ || rest.empty()) return false;
  if (continues_ == Continues::kAction && !actions_.empty()) {
    ActionLine& action = actions_.back().line;
    action.text += " " + std::string(rest);
    action.task += " " + std::string(rest);
  } else if (continues_ == Continues::kDecision && !decisions_.empty()) {
    decisions_.back().text += " " + std::string(rest);
  }
  AddNote(line, text);
  return true;
}

void IrcReader::HandleLine(const IrcLine& line) {
  std::string_view text = line.text;
  ++messages_;
  // Verbatim text: no commands inside ``` ... ``` or [[ ... ]].
  if (text == "```" || text == "[[" || (verbatim_ && text == "]]")) {
    verbatim_ = !verbatim_;
    return;
  }
  if (verbatim_) return AddNote(line, text);
  if (text.starts_with("\\")) return AddNote(line, text.substr(1));
  if (AddressesBot(text) || IsQueueCommand(text)) {
    if (AddressesBot(text) && StartsWithNoCase(text, "trackbot")) trackbot_target_ = close_target_ = -1;
    if (auto n = DroppedAction(text)) {
      if (*n >= 1 && static_cast<std::size_t>(*n) <= actions_.size()) {
        actions_[static_cast<std::size_t>(*n - 1)].dropped = true;
        Notice(line.line, fmt::format("action {} (line {}) dropped, as RRSAgent was told", *n,
                                      actions_[static_cast<std::size_t>(*n - 1)].source_line));
      } else {
        Notice(line.line, fmt::format("no action {} in this meeting to drop", *n));
      }
    }
    return;
  }
  if (HandleContinuation(line, text)) return;
  if (!line.nick.empty() && !IsBot(line.nick) && line.kind == IrcLineKind::kMessage)
    if (spoke_nicks_.insert(line.nick).second) {
      std::string speaker = SpeakerName(line.nick);
      spoke_.emplace(FoldName(speaker), std::pair{speaker, line.line});
    }
  if (HandleMeetingCommand(line, text) || HandleScribe(line, text) || HandleAttendance(line, text)) {
    continues_ = Continues::kNothing;
    return;
  }
  if (auto topic = ReadCommand(text, {"topic", "subtopic"})) {
    continues_ = Continues::kNothing;
    if (!topic->rest.empty()) StartTopic(line.line, topic->rest);
    return;
  }
  if (ReadCommand(text, {"agenda"}) || StartsWithNoCase(text, "agenda+") ||
      StartsWithNoCase(text, "agenda +"))
    return;
  if (auto resolution = ReadCommand(text, {"resolution", "resolved"})) {
    if (!resolution->rest.empty()) decisions_.push_back({std::string(resolution->rest), line.line, ""});
    continues_ = Continues::kDecision;
    continues_nick_ = line.nick;
    AddNote(line, text);
    return;
  }
  if (HandleAction(line, text)) return AddNote(line, text);
  continues_ = Continues::kNothing;
  AddNote(line, text);
}

Result<Minutes> IrcReader::Read() {
  IrcLog log = SplitIrcLog(source_);
  layout_ = log.layout;
  EditReport edits = ApplyScribeEdits(log.lines);
  for (const auto& [line, message] : edits.failed) Notice(line, message);
  if (log.lines.empty()) return source_.ErrorAt(1, 0, "an empty log");
  GuessFirstScribe(log.lines);
  for (IrcLine& line : log.lines) {
    if (line.kind == IrcLineKind::kEvent) {
      std::size_t joined = line.text.find(" has joined #");
      if (channel_.empty() && joined != std::string::npos)
        channel_ = line.text.substr(joined + 13, line.text.find(' ', joined + 13) - joined - 13);
      continue;
    }
    if (first_seconds_ < 0 && line.seconds >= 0) first_seconds_ = line.seconds;
    if (line.kind == IrcLineKind::kEmote) continue;
    // Scribe notes kept in an editor: "dbooth: present+" (Yahoo IM's layout)
    // names who typed a command; "Mike: said this" stays a note.
    if (layout_ == IrcLayout::kPlain) {
      std::size_t colon = line.text.find(": ");
      if (colon != std::string::npos && colon < 32 && line.text.find(' ') >= colon) {
        std::string_view rest = std::string_view(line.text).substr(colon + 2);
        std::string_view head = rest.substr(0, rest.find_first_of(" :+-"));
        static const char* const kCommands[] = {"present", "regrets", "scribe", "scribenick",
                                                "chair",   "topic",   "action", "resolution",
                                                "resolved", "meeting", "date", "s/", "i/"};
        for (const char* command : kCommands) {
          if (!StartsWithNoCase(head, command)) continue;
          line.nick = line.text.substr(0, colon);
          line.text = std::string(rest);
          break;
        }
      }
    }
    if (!line.nick.empty() && IsBot(line.nick)) {
      HandleBot(line);
      continue;
    }
    HandleLine(line);
  }
  bool holds_meeting = !title_.empty() || explicit_present_ || scribe_named_ || !chairs_.empty() ||
                       !agenda_.empty() || !actions_.empty() || !decisions_.empty() ||
                       !zakim_present_.names().empty();
  if (!holds_meeting || (layout_ == IrcLayout::kPlain && title_.empty() && !scribe_named_ &&
                         !explicit_present_ && actions_.empty() && decisions_.empty()))
    return source_.ErrorAt(1, 0,
                           "no meeting in this log: no Meeting:, Scribe:, present+, Topic:, "
                           "ACTION: or RESOLUTION: line");
  auto meeting = Finish();
  if (!meeting.ok()) return meeting.error();
  Minutes minutes;
  minutes.meetings.push_back(std::move(*meeting));
  minutes.notices = std::move(notices_);
  return minutes;
}

}  // namespace w3c_irc

namespace {

// Lines of the first few hundred that only a W3C meeting log has.
int W3cCues(const IrcLog& log) {
  int cues = 0;
  int seen = 0;
  for (const IrcLine& line : log.lines) {
    if (++seen > 500) break;
    std::string_view text = line.text;
    if (IsBot(line.nick) && (EqualsNoCase(line.nick, "RRSAgent") || EqualsNoCase(line.nick, "Zakim") ||
                             EqualsNoCase(line.nick, "trackbot"))) {
      ++cues;
      continue;
    }
    if (ReadCommand(text, {"meeting", "scribenick", "scribe", "chair", "present", "regrets",
                           "resolution", "resolved", "topic", "agenda"},
                    ":+-") ||
        BareCommand(text, "present") || ReadActionLine(text))
      ++cues;
  }
  return cues;
}

}  // namespace

Detection DetectW3cIrc(const SourceText& source) {
  IrcLog log = SplitIrcLog(source, 500);
  int cues = W3cCues(log);
  if (log.layout != IrcLayout::kPlain) {
    if (cues >= 2)
      return {85, fmt::format("an IRC log ({}) with W3C meeting commands", IrcLayoutName(log.layout))};
    return {40, fmt::format("an IRC log ({})", IrcLayoutName(log.layout))};
  }
  if (cues >= 3) return {30, "scribe notes with W3C meeting commands (Scribe:, present+, ACTION:)"};
  return {0, "no IRC lines ('HH:MM:SS <nick> text') and no W3C commands (Scribe:, present+)"};
}

Result<Minutes> ReadW3cIrc(const SourceText& source, const ReadOptions& options) {
  return w3c_irc::IrcReader(source, options).Read();
}

}  // namespace plenary
