// meetbot-log: a channel's log as MeetBot writes it (`HH:MM:SS <nick> text`),
// as IRC clients write it (`[HH:MM:SS] <@nick> text`, a date before the
// time), or pasted inside a page (indented, in a ``` block, between other
// lines, which are skipped). Each #startmeeting ... #endmeeting is a meeting.
#include <fmt/format.h>

#include <cctype>
#include <cstring>
#include <deque>

#include "core/text.h"
#include "importers/meetbot/meetbot.h"
#include "importers/meetbot/meetbot_record.h"
#include "importers/meetbot/meetbot_replay.h"

namespace plenary::meetbot {
namespace {

constexpr std::size_t kMaxNickBytes = 64;

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// "HH:MM" or "HH:MM:SS" (also "H:MM") at `at`; advances past it.
std::optional<TimeOfDay> ReadTime(std::string_view s, std::size_t& at) {
  std::size_t i = at;
  int h = 0;
  std::size_t digits = 0;
  while (i < s.size() && IsDigit(s[i]) && digits < 2) h = h * 10 + (s[i++] - '0'), ++digits;
  if (digits == 0 || i + 2 >= s.size() || s[i] != ':' || !IsDigit(s[i + 1]) || !IsDigit(s[i + 2]))
    return std::nullopt;
  int m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
  i += 3;
  if (i + 2 < s.size() + 0 && s[i] == ':' && IsDigit(s[i + 1]) && IsDigit(s[i + 2])) i += 3;
  if (h > 23 || m > 59) return std::nullopt;
  at = i;
  return TimeOfDay{h, m};
}

// "2021-04-13 " or "2021-04-13T" at `at`; advances past it.
std::optional<Date> ReadDatePrefix(std::string_view s, std::size_t& at) {
  if (at + 11 > s.size() || (s[at + 10] != ' ' && s[at + 10] != 'T')) return std::nullopt;
  auto found = FindIsoDate(s.substr(at, 10));
  if (!found || found->at != 0) return std::nullopt;
  at += 11;
  return found->date;
}

bool IsNickByte(unsigned char c) {
  if (c >= 0x80 || std::isalnum(c)) return true;
  return c != '\0' && std::strchr("-_[]\\`^{}|.~'", c) != nullptr;
}

bool IsNick(std::string_view nick) {
  if (nick.empty() || nick.size() > kMaxNickBytes) return false;
  for (char c : nick)
    if (!IsNickByte(static_cast<unsigned char>(c))) return false;
  return true;
}

void SkipSpaces(std::string_view s, std::size_t& at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
}

}  // namespace

// One line of a log, or nullopt for anything else (joins and parts, page text).
std::optional<ChatLine> ParseChatLine(std::string_view s, int number) {
  ChatLine chat;
  chat.line = number;
  std::size_t at = 0;
  SkipSpaces(s, at);
  if (at + 1 < s.size() && s[at] == '>' && s[at + 1] == ' ') at += 2;  // a quoted paste
  SkipSpaces(s, at);
  char close = '\0';
  if (at < s.size() && (s[at] == '[' || s[at] == '(')) close = s[at] == '[' ? ']' : ')';
  std::size_t after_open = close ? at + 1 : at;
  std::size_t i = after_open;
  chat.date = ReadDatePrefix(s, i);
  chat.time = ReadTime(s, i);
  if (chat.time) {
    if (close) {
      if (i >= s.size() || s[i] != close) return std::nullopt;
      ++i;
    }
    at = i;
    SkipSpaces(s, at);
  } else if (chat.date) {
    return std::nullopt;
  }
  if (at < s.size() && s[at] == '<') {
    std::size_t end = s.find('>', at + 1);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view nick = s.substr(at + 1, end - at - 1);
    while (!nick.empty() && std::strchr("@+%&~", nick[0]) && nick.size() > 1) nick.remove_prefix(1);
    nick = Trim(nick);
    if (!IsNick(nick)) return std::nullopt;
    chat.nick = nick;
    std::size_t text = end + 1;
    SkipSpaces(s, text);
    chat.text = s.substr(text);
    return chat;
  }
  // "HH:MM:SS * nick waves": only with a time, so that a page's bullets are
  // never taken for emotes.
  if (chat.time && at + 2 < s.size() && s[at] == '*' && s[at + 1] == ' ') {
    std::size_t start = at + 2;
    SkipSpaces(s, start);
    std::size_t end = start;
    while (end < s.size() && s[end] != ' ') ++end;
    std::string_view nick = s.substr(start, end - start);
    if (!IsNick(nick)) return std::nullopt;
    chat.nick = nick;
    chat.emote = true;
    SkipSpaces(s, end);
    chat.text = s.substr(end);
    return chat;
  }
  return std::nullopt;
}

namespace {

bool IsStart(const ChatLine& chat) {
  auto command = ParseCommand(chat.text);
  return !chat.emote && command && command->name == "startmeeting";
}

// A date for a meeting whose lines give none: the file's name, the meeting's
// name, or a line of the page around the log.
void FindDate(MeetingRecord& record, const SourceText& source,
              const std::optional<std::pair<Date, int>>& page_date) {
  if (record.date) return;
  if (auto found = FindIsoDate(source.name())) {
    record.date = found->date;
    record.date_source = fmt::format("the file's name '{}'", source.name());
  } else if (auto named = FindIsoDate(record.name)) {
    record.date = named->date;
    record.date_source = fmt::format("the meeting's name '{}'", record.name);
  } else if (page_date) {
    record.date = page_date->first;
    record.date_source = fmt::format("line {} of the page", page_date->second);
  }
}

}  // namespace

Detection DetectLog(const SourceText& source) {
  int chat_lines = 0;
  for (int n = 1; n <= static_cast<int>(source.line_count()); ++n) {
    auto chat = ParseChatLine(source.line(n), n);
    if (!chat) continue;
    ++chat_lines;
    if (IsStart(*chat)) return {85, "an IRC log line '<nick> #startmeeting'"};
  }
  if (chat_lines > 0) return {0, "IRC log lines, but no '<nick> #startmeeting'"};
  return {0, "no IRC log line '<nick> #startmeeting'"};
}

Result<Minutes> ReadLog(const SourceText& source, const ReadOptions& options) {
  std::deque<MeetingRecord> records;
  std::optional<Replay> replay;
  std::optional<std::pair<Date, int>> page_date;
  std::optional<Date> current_date;
  int outside = 0;
  int first_chat = 0;
  for (int n = 1; n <= static_cast<int>(source.line_count()); ++n) {
    std::string_view text = source.line(n);
    auto chat = ParseChatLine(text, n);
    if (!chat) {
      if (!page_date && !replay)
        if (auto found = FindIsoDate(text)) page_date = std::make_pair(found->date, n);
      continue;
    }
    if (first_chat == 0) first_chat = n;
    if (chat->date) current_date = chat->date;
    chat->date = current_date;
    if (replay) {
      if (!replay->Add(*chat)) replay.reset();
    } else if (IsStart(*chat)) {
      records.emplace_back();
      replay.emplace(source, records.back(), *chat);
    } else {
      ++outside;
    }
  }
  if (replay) replay->Unfinished();
  if (records.empty())
    return source.ErrorAt(first_chat > 0 ? first_chat : 1, 0,
                          "no '#startmeeting': MeetBot minutes only what is said between "
                          "#startmeeting and #endmeeting");
  Minutes minutes;
  if (outside > 0)
    minutes.notices.push_back(source.Describe(
        first_chat, 0,
        fmt::format("notice: {} line(s) said outside #startmeeting ... #endmeeting are not "
                    "read",
                    outside)));
  for (MeetingRecord& record : records) {
    FindDate(record, source, page_date);
    auto meeting = BuildMeeting(record, source, options, minutes.notices);
    if (!meeting.ok()) return meeting.error();
    minutes.meetings.push_back(std::move(*meeting));
  }
  return minutes;
}

}  // namespace plenary::meetbot
