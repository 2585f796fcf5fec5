#include "importers/w3c_irc/irc_lines.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "core/text.h"

namespace plenary {
namespace {

constexpr std::size_t kMaxNickBytes = 64;
constexpr int kSampleLines = 500;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "HH:MM" or "HH:MM:SS" (hour of one or two digits) at the start of `s`:
// its length and the seconds of the day, or 0 when there is none.
struct Clock {
  std::size_t length = 0;
  int seconds = -1;
  bool has_seconds = false;
};

Clock ReadClock(std::string_view s) {
  std::size_t i = 0;
  int hour = 0;
  while (i < s.size() && i < 2 && IsDigit(s[i])) hour = hour * 10 + (s[i++] - '0');
  if (i == 0 || i >= s.size() || s[i] != ':') return {};
  auto two = [&](std::size_t at, int& out) {
    if (at + 2 > s.size() || !IsDigit(s[at]) || !IsDigit(s[at + 1])) return false;
    out = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
  };
  int minute = 0;
  if (!two(i + 1, minute) || hour > 23 || minute > 59) return {};
  i += 3;
  int second = 0;
  bool has_seconds = false;
  if (i < s.size() && s[i] == ':') {
    if (!two(i + 1, second) || second > 60) return {};
    i += 3;
    has_seconds = true;
  }
  return {i, hour * 3600 + minute * 60 + second, has_seconds};
}

bool IsNick(std::string_view nick) {
  if (nick.empty() || nick.size() > kMaxNickBytes) return false;
  for (char c : nick)
    if (c == ' ' || c == '\t' || c == '<' || c == '>') return false;
  return true;
}

// "<nick> text" (also "< nick>" and "<@nick>", irssi's mode column) at the
// start of `s`.
std::optional<IrcLine> ReadBracketed(std::string_view s, bool mode_column) {
  if (s.size() < 3 || s[0] != '<') return std::nullopt;
  std::size_t close = s.find('>');
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view nick = s.substr(1, close - 1);
  if (mode_column && !nick.empty() && std::string_view(" @+%~&").find(nick[0]) != std::string_view::npos)
    nick.remove_prefix(1);
  if (!IsNick(nick)) return std::nullopt;
  std::string_view rest = s.substr(close + 1);
  if (!rest.empty() && rest[0] != ' ' && rest[0] != '\t') return std::nullopt;
  IrcLine line;
  line.nick = std::string(nick);
  line.text = std::string(Trim(rest));
  return line;
}

// "* nick does something": an emote.
std::optional<IrcLine> ReadEmote(std::string_view s) {
  s = Trim(s);
  if (s.size() < 3 || s[0] != '*' || s[1] != ' ') return std::nullopt;
  std::string_view rest = Trim(s.substr(2));
  std::size_t space = rest.find(' ');
  std::string_view nick = rest.substr(0, space);
  if (!IsNick(nick)) return std::nullopt;
  IrcLine line;
  line.nick = std::string(nick);
  line.text = space == std::string_view::npos ? "" : std::string(Trim(rest.substr(space)));
  line.kind = IrcLineKind::kEmote;
  return line;
}

std::optional<IrcLine> Event(std::string_view text) {
  IrcLine line;
  line.text = std::string(Trim(text));
  line.kind = IrcLineKind::kEvent;
  return line;
}

std::optional<IrcLine> ReadRrsAgent(std::string_view s, bool for_guess) {
  Clock clock = ReadClock(s);
  if (clock.length == 0) return for_guess ? std::nullopt : ReadBracketed(s, false);
  if (!clock.has_seconds || clock.length >= s.size() || s[clock.length] != ' ')
    return std::nullopt;
  auto line = ReadBracketed(s.substr(clock.length + 1), false);
  if (line) line->seconds = clock.seconds;
  return line;
}

std::optional<IrcLine> ReadIrssi(std::string_view s, bool /*for_guess*/) {
  // An ISO 8601 date and time zone may surround the clock:
  // "2003-12-18T15:27:21-0500Z <dbooth> ...".
  if (s.size() > 11 && IsDigit(s[0]) && s[4] == '-' && s[7] == '-' && s[10] == 'T')
    s.remove_prefix(11);
  Clock clock = ReadClock(s);
  if (clock.length == 0) return std::nullopt;
  std::size_t space = s.find(' ', clock.length);
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view zone = s.substr(clock.length, space - clock.length);
  if (zone.find_first_not_of("+-0123456789Z") != std::string_view::npos) return std::nullopt;
  std::string_view rest = s.substr(space + 1);
  std::optional<IrcLine> line;
  if (rest.starts_with("-!- "))
    line = Event(rest.substr(4));
  else if (auto emote = ReadEmote(rest))
    line = emote;
  else
    line = ReadBracketed(rest, true);
  if (line) line->seconds = clock.seconds;
  return line;
}

std::optional<IrcLine> ReadMirc(std::string_view s, bool for_guess) {
  // mIRC's "Save As" text has no times: "<dbooth> text".
  if (!for_guess && !s.empty() && s[0] == '<') return ReadBracketed(s, false);
  if (s.empty() || s[0] != '[') return std::nullopt;
  Clock clock = ReadClock(s.substr(1));
  if (clock.length == 0 || clock.length + 2 >= s.size() || s[clock.length + 1] != ']' ||
      s[clock.length + 2] != ' ')
    return std::nullopt;
  std::string_view rest = s.substr(clock.length + 3);
  std::optional<IrcLine> line;
  for (std::string_view event : {"== ", "--> ", "<-- ", "-*- ", "-!- ", "*** "})
    if (rest.starts_with(event)) line = Event(rest.substr(event.size()));
  if (!line) line = ReadEmote(rest);
  if (!line) line = ReadBracketed(rest, true);
  if (line) line->seconds = clock.seconds;
  return line;
}

std::optional<IrcLine> ReadPasted(std::string_view s, bool /*for_guess*/) {
  if (auto line = ReadBracketed(s, false)) return line;
  return ReadEmote(s);
}

using LineReader = std::optional<IrcLine> (*)(std::string_view, bool);

struct LayoutReader {
  IrcLayout layout;
  LineReader read;
};

constexpr std::array<LayoutReader, 4> kLayouts{{
    {IrcLayout::kRrsAgent, ReadRrsAgent},
    {IrcLayout::kIrssi, ReadIrssi},
    {IrcLayout::kMirc, ReadMirc},
    {IrcLayout::kPasted, ReadPasted},
}};

LineReader ReaderOf(IrcLayout layout) {
  for (const LayoutReader& reader : kLayouts)
    if (reader.layout == layout) return reader.read;
  return nullptr;
}

// "<nick> nick has joined #chan" in RRSAgent's log is an event, not speech.
void MarkEvents(IrcLine& line) {
  if (line.kind != IrcLineKind::kMessage || line.nick.empty()) return;
  std::string_view text = line.text;
  if (!text.starts_with(line.nick)) return;
  text.remove_prefix(line.nick.size());
  for (std::string_view what : {" has joined ", " has left ", " has quit", " has changed the topic to"})
    if (text.starts_with(what)) line.kind = IrcLineKind::kEvent;
}

}  // namespace

std::string_view IrcLayoutName(IrcLayout layout) {
  switch (layout) {
    case IrcLayout::kRrsAgent: return "RRSAgent's log (HH:MM:SS <nick> text)";
    case IrcLayout::kIrssi: return "irssi (HH:MM <nick> text)";
    case IrcLayout::kMirc: return "mIRC ([HH:MM] <nick> text)";
    case IrcLayout::kPasted: return "pasted IRC (<nick> text)";
    case IrcLayout::kPlain: return "plain scribe notes";
  }
  return "?";
}

LayoutGuess GuessIrcLayout(const SourceText& source) {
  std::array<int, kLayouts.size()> counts{};
  int sampled = 0;
  for (int n = 1; n <= static_cast<int>(source.line_count()) && sampled < kSampleLines; ++n) {
    std::string_view text = source.line(n);
    if (Trim(text).empty()) continue;
    ++sampled;
    for (std::size_t i = 0; i < kLayouts.size(); ++i)
      if (kLayouts[i].read(text, true)) ++counts[i];
  }
  LayoutGuess guess{IrcLayout::kPlain, 0, sampled};
  for (std::size_t i = 0; i < kLayouts.size(); ++i)
    if (counts[i] > guess.matched) guess = {kLayouts[i].layout, counts[i], sampled};
  // A few lines that look like IRC in a page of prose do not make it a log.
  if (guess.matched * 3 < sampled) guess = {IrcLayout::kPlain, 0, sampled};
  return guess;
}

IrcLog SplitIrcLog(const SourceText& source, int max_lines) {
  IrcLog log;
  log.layout = GuessIrcLayout(source).layout;
  LineReader read = ReaderOf(log.layout);
  log.lines.reserve(source.line_count());
  int last = static_cast<int>(source.line_count());
  if (max_lines >= 0) last = std::min(last, max_lines);
  for (int n = 1; n <= last; ++n) {
    std::string_view text = source.line(n);
    if (Trim(text).empty()) continue;
    std::optional<IrcLine> line = read ? read(text, false) : std::nullopt;
    if (line) {
      ++log.matched;
      MarkEvents(*line);
    } else {
      line = IrcLine{};
      line->text = std::string(Trim(text));
      // A wrapped line continues its nick's message (mIRC breaks long lines).
      if (read && !log.lines.empty()) {
        line->nick = log.lines.back().nick;
        line->seconds = log.lines.back().seconds;
        line->kind = log.lines.back().kind;
      }
    }
    line->line = n;
    log.lines.push_back(std::move(*line));
  }
  return log;
}

}  // namespace plenary
