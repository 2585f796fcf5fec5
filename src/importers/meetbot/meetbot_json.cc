// meetbot-json: hcoop-meetbot's raw log, the JSON it writes beside its
// minutes (`meetbot regenerate` rebuilds the minutes from it): the meeting's
// name, channel, chairs, the nicks it counted and their aliases, every message,
// and the events (topics, actions, votes...) it made of them. The messages are
// what was said: they are replayed with MeetBot's rules, as a log is, so that
// every format reads alike; each event that says otherwise than its message
// (a test fixture's edit, a bot's bug) is a notice. The nick table adds those
// it counted whose lines the log does not keep, and the aliases of #here.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <variant>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "importers/meetbot/meetbot.h"
#include "importers/meetbot/meetbot_record.h"
#include "importers/meetbot/meetbot_replay.h"

namespace plenary::meetbot {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxDepth = 64;

// Where the values of the log are in the text: nlohmann gives none, so a
// small scan of the structure records, for each element of the top-level
// "messages" and "events" lists, where it starts and where each of its
// members' values starts.
struct JsonElement {
  std::size_t start = 0;
  std::vector<std::pair<std::string, std::size_t>> members;
  std::size_t Member(std::string_view key) const {
    for (const auto& [name, at] : members)
      if (name == key) return at;
    return start;
  }
};

struct JsonLayout {
  std::vector<JsonElement> messages;
  std::vector<JsonElement> events;
  std::vector<std::pair<std::string, std::size_t>> top;
  std::size_t Top(std::string_view key) const {
    for (const auto& [name, at] : top)
      if (name == key) return at;
    return 0;
  }
};

std::size_t SkipSpace(std::string_view text, std::size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t' ||
                              text[at] == '\r'))
    ++at;
  return at;
}

// Fails with the offset of a nesting deeper than kMaxDepth.
std::variant<JsonLayout, std::size_t> ScanLayout(std::string_view text) {
  JsonLayout layout;
  std::string stack;
  std::string top_key;
  std::vector<JsonElement>* list = nullptr;
  std::size_t at = 0;
  while (at < text.size()) {
    char c = text[at];
    if (c == '"') {
      std::size_t end = at + 1;
      while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
      if (end >= text.size()) break;
      std::string_view key = text.substr(at + 1, end - at - 1);
      std::size_t colon = SkipSpace(text, end + 1);
      if (colon < text.size() && text[colon] == ':') {
        std::size_t value = SkipSpace(text, colon + 1);
        if (stack.size() == 1) {
          top_key = std::string(key);
          layout.top.emplace_back(top_key, value);
        } else if (stack.size() == 3 && list && !list->empty()) {
          list->back().members.emplace_back(std::string(key), value);
        }
        at = colon + 1;
      } else {
        at = end + 1;
      }
      continue;
    }
    if (c == '{' || c == '[') {
      stack.push_back(c);
      if (stack.size() > kMaxDepth) return at;
      if (stack.size() == 2)
        list = c == '[' && stack[0] == '{' && top_key == "messages" ? &layout.messages
               : c == '[' && stack[0] == '{' && top_key == "events" ? &layout.events
                                                                    : nullptr;
      if (stack.size() == 3 && c == '{' && list) list->push_back({at, {}});
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    }
    ++at;
  }
  return layout;
}

class JsonLog {
 public:
  JsonLog(const SourceText& source) : source_(source) {
    for (int n = 1; n <= static_cast<int>(source.line_count()); ++n) {
      starts_.push_back(text_.size());
      text_ += source.line(n);
      text_ += '\n';
    }
  }

  Result<Minutes> Read(const ReadOptions& options);

 private:
  Error ErrorAtOffset(std::size_t offset, std::string_view message) const;
  std::pair<int, int> Place(std::size_t offset) const;
  int LineOf(std::size_t offset) const { return Place(offset).first; }
  Status Parse();
  Status ReadMeeting();
  Status ReadMessages();
  Status ReadEvents();
  void ReadNicks();
  void CheckEvent(std::string_view type, const json& event, int line);
  BotEvents ReadBotEvents() const;
  void Replay();

  const SourceText& source_;
  std::string text_;
  std::vector<std::size_t> starts_;
  JsonLayout layout_;
  json log_;
  MeetingRecord record_;
  std::vector<std::pair<std::string, int>> message_lines_;  // message id -> line, in order
  std::unordered_map<std::string, int> line_of_id_;
};

std::pair<int, int> JsonLog::Place(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t index = it == starts_.begin() ? 0 : static_cast<std::size_t>(it - starts_.begin()) - 1;
  int line = static_cast<int>(index) + 1;
  std::string_view text = source_.line(line);
  std::size_t byte = std::min(offset - starts_[index], text.size());
  return {line, ColumnOfByte(text, byte)};
}

Error JsonLog::ErrorAtOffset(std::size_t offset, std::string_view message) const {
  auto [line, column] = Place(std::min(offset, text_.empty() ? 0 : text_.size() - 1));
  return source_.ErrorAt(line, column, message);
}

Status JsonLog::Parse() {
  auto layout = ScanLayout(text_);
  if (auto* deep = std::get_if<std::size_t>(&layout))
    return ErrorAtOffset(*deep, fmt::format("JSON nested deeper than {} levels", kMaxDepth));
  layout_ = std::move(std::get<JsonLayout>(layout));
  try {
    log_ = json::parse(text_);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    std::size_t column = what.find("column ");
    std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    std::string why = colon == std::string::npos ? what : what.substr(colon + 2);
    return ErrorAtOffset(e.byte > 0 ? e.byte - 1 : 0, "not valid JSON: " + why);
  } catch (const json::exception& e) {
    // A number too large ("number overflow parsing '1e999'"): nlohmann names
    // the literal but not its place.
    std::string what = e.what();
    std::size_t open = what.find('\'');
    std::size_t close = open == std::string::npos ? open : what.find('\'', open + 1);
    std::size_t at = 0;
    if (close != std::string::npos) {
      std::size_t found = text_.find(what.substr(open + 1, close - open - 1));
      if (found != std::string::npos) at = found;
    }
    return ErrorAtOffset(at, "not valid JSON: a number too large");
  }
  if (!log_.is_object()) return ErrorAtOffset(0, "not hcoop-meetbot's JSON log: not an object");
  if (!log_.contains("messages") || !log_["messages"].is_array())
    return ErrorAtOffset(layout_.Top("messages"),
                         "not hcoop-meetbot's JSON log: no \"messages\" list");
  return Status::Ok();
}

std::string StringOr(const json& object, std::string_view key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Status JsonLog::ReadMeeting() {
  record_.name = StringOr(log_, "name");
  record_.channel = StringOr(log_, "channel");
  record_.start_line = LineOf(layout_.Top("start_time"));
  std::string start = StringOr(log_, "start_time");
  if (start.empty() && !log_["messages"].empty() && log_["messages"][0].is_object())
    start = StringOr(log_["messages"][0], "timestamp");
  if (start.empty()) return Status::Ok();
  auto stamp = ParseTimestamp(start);
  if (!stamp)
    return ErrorAtOffset(layout_.Top("start_time"),
                         fmt::format("not a date and time: '{}'", start));
  record_.date = stamp->date;
  record_.start = stamp->time;
  // hcoop-meetbot keeps its times in UTC, with or without an offset written.
  record_.zone = stamp->offset_minutes.value_or(0) == 0 ? Zone::kUtc : Zone::kOther;
  record_.offset_known = true;
  record_.utc_offset_minutes = stamp->offset_minutes.value_or(0);
  for (const json& chair : log_.value("chairs", json::array()))
    if (chair.is_string()) record_.known_nicks.push_back(chair.get<std::string>());
  return Status::Ok();
}

Status JsonLog::ReadMessages() {
  const json& messages = log_["messages"];
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const json& message = messages[i];
    JsonElement where = i < layout_.messages.size() ? layout_.messages[i] : JsonElement{};
    if (!message.is_object())
      return ErrorAtOffset(where.start, fmt::format("message {} is not an object", i + 1));
    for (std::string_view key : {"sender", "payload"}) {
      if (!message.contains(key) || !message[std::string(key)].is_string())
        return ErrorAtOffset(where.Member(key),
                             fmt::format("message {} has no \"{}\" text", i + 1, key));
    }
    int line = LineOf(where.Member("payload"));
    std::string sender = message["sender"].get<std::string>();
    if (sender.empty() || sender.size() > 64)
      return ErrorAtOffset(where.Member("sender"),
                           fmt::format("message {}: not an IRC nick", i + 1));
    record_.Of(sender, line).lines++;
    message_lines_.emplace_back(StringOr(message, "id"), line);
    line_of_id_.try_emplace(message_lines_.back().first, line);
  }
  if (record_.start_line <= 1 && !message_lines_.empty())
    record_.start_line = message_lines_.front().second;
  return Status::Ok();
}

void JsonLog::ReadNicks() {
  auto nicks = log_.find("nicks");
  if (nicks != log_.end() && nicks->is_object()) {
    for (const auto& [nick, count] : nicks->items()) {
      if (!count.is_number_integer() || nick.empty() || nick.size() > 64) continue;
      long lines = count.get<long>();
      if (record_.Find(nick)) continue;
      if (lines > 0) {
        Participant& p = record_.Of(nick, record_.start_line);
        p.lines = static_cast<int>(std::min(lines, 1000000L));
        p.counted_only = true;
      } else {
        record_.known_nicks.push_back(nick);
      }
    }
  }
  auto aliases = log_.find("aliases");
  if (aliases == log_.end() || !aliases->is_object()) return;
  for (const auto& [nick, alias] : aliases->items()) {
    if (!alias.is_string() || nick.empty() || nick.size() > 64) continue;
    std::string written = CollapseSpaces(alias.get<std::string>());
    if (written.empty() || SameNick(written, nick)) continue;
    record_.Of(nick, record_.start_line).alias = written;
  }
}

// The commands that make each kind of event.
std::vector<std::string_view> CommandsOf(std::string_view type) {
  if (type == "ATTENDEE") return {"here", "present"};
  if (type == "TRACK_NICK") return {"nick"};
  if (type == "ADD_CHAIR") return {"chair"};
  if (type == "REMOVE_CHAIR") return {"unchair"};
  if (type == "MEETING_NAME") return {"meetingname"};
  if (type == "SAVE_MEETING") return {"save"};
  if (type == "START_MEETING") return {"startmeeting"};
  if (type == "END_MEETING") return {"endmeeting"};
  if (type == "ACCEPTED") return {"accepted", "close"};
  if (type == "FAILED") return {"failed", "close"};
  if (type == "INCONCLUSIVE") return {"inconclusive", "close"};
  if (type == "LINK") return {"link", ""};
  return {};
}

void JsonLog::CheckEvent(std::string_view type, const json& event, int line) {
  auto message = event.find("message");
  if (message == event.end() || !message->is_object()) return;
  std::string payload = StringOr(*message, "payload");
  auto command = ParseCommand(payload);
  std::string name = command ? command->name : "";
  std::vector<std::string_view> expected = CommandsOf(type);
  std::string lower = AsciiLower(type);
  bool matches = expected.empty() ? name == lower
                                  : std::find(expected.begin(), expected.end(), name) !=
                                        expected.end();
  if (!matches) {
    record_.notices.push_back(source_.Describe(
        line, 0,
        fmt::format("notice: the bot's event {} does not match its message '{}': the message "
                    "is read, as MeetBot reads it",
                    type, payload)));
    return;
  }
  auto operand = event.find("operand");
  if (!command || name == "close" || operand == event.end() || !operand->is_string()) return;
  if (type == "ATTENDEE" || type == "VOTE" || type == "UNDO") return;
  std::string said = std::string(command->operand);
  if (operand->get<std::string>() != said)
    record_.notices.push_back(source_.Describe(
        line, 0,
        fmt::format("notice: the bot's event {} reads '{}' where the message says '{}': the "
                    "message's words are kept",
                    type, operand->get<std::string>(), said)));
}

Status JsonLog::ReadEvents() {
  const json& events = log_["events"];
  for (std::size_t i = 0; i < events.size(); ++i) {
    JsonElement where = i < layout_.events.size() ? layout_.events[i] : JsonElement{};
    if (!events[i].is_object() || !events[i].contains("event_type") ||
        !events[i]["event_type"].is_string())
      return ErrorAtOffset(where.Member("event_type"),
                           fmt::format("event {} has no \"event_type\" text", i + 1));
    const json& event = events[i];
    int line = LineOf(where.start);
    if (auto message = event.find("message"); message != event.end() && message->is_object()) {
      auto it = line_of_id_.find(StringOr(*message, "id"));
      if (it != line_of_id_.end()) line = it->second;
    }
    CheckEvent(event["event_type"].get_ref<const std::string&>(), event, line);
  }
  return Status::Ok();
}

// What the bot's UNDO events removed and its #close events announced, by the
// line of the message that made each; events that name no message of the log
// are left out.
BotEvents JsonLog::ReadBotEvents() const {
  BotEvents bot;
  auto events = log_.find("events");
  if (events == log_.end() || !events->is_array()) return bot;
  for (const json& event : *events) {
    if (!event.is_object()) continue;
    std::string type = StringOr(event, "event_type");
    auto message = event.find("message");
    auto operand = event.find("operand");
    if (message == event.end() || !message->is_object() || operand == event.end() ||
        !operand->is_string())
      continue;
    auto said = line_of_id_.find(StringOr(*message, "id"));
    if (said == line_of_id_.end()) continue;
    if (type == "UNDO") {
      auto removed = line_of_id_.find(operand->get<std::string>());
      if (removed != line_of_id_.end()) bot.undone[said->second] = removed->second;
    } else if (type == "ACCEPTED" || type == "FAILED" || type == "INCONCLUSIVE") {
      auto command = ParseCommand(StringOr(*message, "payload"));
      if (command && command->name == "close" && !command->colon)
        bot.closed[said->second] = operand->get<std::string>();
    }
  }
  return bot;
}

// The messages replayed as MeetBot would have read them live.
void JsonLog::Replay() {
  const json& messages = log_["messages"];
  std::optional<meetbot::Replay> replay;
  MeetingRecord replayed;
  replayed.name = record_.name;
  replayed.channel = record_.channel;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const json& message = messages[i];
    ChatLine chat;
    chat.line = message_lines_[i].second;
    const std::string& sender = message["sender"].get_ref<const std::string&>();
    const std::string& payload = message["payload"].get_ref<const std::string&>();
    chat.nick = sender;
    chat.text = payload;
    auto action = message.find("action");
    chat.emote = action != message.end() && action->is_boolean() && action->get<bool>();
    if (auto stamp = ParseTimestamp(StringOr(message, "timestamp"))) {
      chat.date = stamp->date;
      chat.time = stamp->time;
    }
    if (replay) {
      if (!replay->Add(chat)) break;
    } else if (auto command = ParseCommand(payload);
               command && command->name == "startmeeting" && !chat.emote) {
      replay.emplace(source_, replayed, chat, Dialect::kHcoop);
      replay->UseBotEvents(ReadBotEvents());
    }
  }
  // hcoop-meetbot keeps its times in UTC.
  replayed.zone = record_.date ? record_.zone : Zone::kUtc;
  replayed.offset_known = true;
  replayed.utc_offset_minutes = record_.date ? record_.utc_offset_minutes : 0;
  if (!replayed.date) replayed.date = record_.date, replayed.start = record_.start;
  record_ = std::move(replayed);
}

Result<Minutes> JsonLog::Read(const ReadOptions& options) {
  if (auto status = Parse(); !status.ok()) return status.error();
  if (auto status = ReadMeeting(); !status.ok()) return status.error();
  if (auto status = ReadMessages(); !status.ok()) return status.error();
  Replay();
  ReadNicks();
  if (log_.contains("events") && log_["events"].is_array())
    if (auto status = ReadEvents(); !status.ok()) return status.error();
  if (record_.items.empty() && record_.participants.empty())
    return ErrorAtOffset(layout_.Top("messages"),
                         "hcoop-meetbot's log holds no meeting: no messages and no events");
  Minutes minutes;
  auto meeting = BuildMeeting(record_, source_, options, minutes.notices);
  if (!meeting.ok()) return meeting.error();
  minutes.meetings.push_back(std::move(*meeting));
  return minutes;
}

}  // namespace

Detection DetectJson(const SourceText& source) {
  for (int n = 1; n <= static_cast<int>(source.line_count()); ++n) {
    std::string_view line = Trim(source.line(n));
    if (line.empty()) continue;
    if (line[0] != '{') return {0, "no JSON object with \"messages\" and \"events\""};
    break;
  }
  bool messages = false, payload = false, events = false;
  for (int n = 1; n <= static_cast<int>(source.line_count()) && n < 5000; ++n) {
    std::string_view line = source.line(n);
    messages = messages || line.find("\"messages\"") != std::string_view::npos;
    payload = payload || line.find("\"payload\"") != std::string_view::npos;
    events = events || line.find("\"event_type\"") != std::string_view::npos;
  }
  if (messages && payload)
    return {events ? 95 : 70, "a JSON object with \"messages\" (hcoop-meetbot's raw log)"};
  return {0, "no JSON object with \"messages\" and \"events\""};
}

Result<Minutes> ReadJson(const SourceText& source, const ReadOptions& options) {
  JsonLog log(source);
  try {
    return log.Read(options);
  } catch (const json::exception& e) {
    // Every access is checked first; this is the net under a check missed.
    return source.ErrorAt(1, 0, fmt::format("not hcoop-meetbot's JSON log: {}", e.what()));
  }
}

}  // namespace plenary::meetbot
