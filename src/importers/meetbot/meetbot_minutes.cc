// meetbot-minutes: the text minutes MeetBot writes at #endmeeting (its .txt,
// also the reStructuredText variant): a title "#channel: name", "Meeting
// started by NICK at HH:MM:SS UTC" with the logs' address, "Meeting summary"
// (topics, under each its items "* ACTION: ...  (nick, HH:MM:SS)"), "Action
// items", "Action items, by person", "People present (lines said)".
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/text.h"
#include "importers/meetbot/meetbot.h"
#include "importers/meetbot/meetbot_record.h"

namespace plenary::meetbot {
namespace {

struct Entry {
  std::size_t indent = 0;
  std::string text;
  int line = 0;
};

bool IsRule(std::string_view line, char mark) {
  line = Trim(line);
  return line.size() >= 3 && line.find_first_not_of(mark) == std::string_view::npos;
}

std::string Unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '_') continue;
    out += text[i];
  }
  return out;
}

class MinutesReader {
 public:
  explicit MinutesReader(const SourceText& source) : source_(source) {}
  Result<Minutes> Read(const ReadOptions& options);

 private:
  void FindSections();
  std::vector<Entry> Entries(std::string_view section) const;
  void ReadTitleAndStart();
  void ReadSummary();
  void ReadOwners();
  void ReadPresent();
  int Count() const { return static_cast<int>(source_.line_count()); }

  const SourceText& source_;
  std::map<std::string, std::pair<int, int>> sections_;  // folded heading -> [first, last] lines
  int first_heading_ = 0;
  MeetingRecord record_;
};

void MinutesReader::FindSections() {
  std::string current;
  for (int n = 1; n < Count(); ++n) {
    if (Trim(source_.line(n)).empty() || !IsRule(source_.line(n + 1), '-')) continue;
    if (!current.empty()) sections_[current].second = n - 1;
    current = AsciiLower(Trim(source_.line(n)));
    sections_[current] = {n + 2, Count()};
    if (first_heading_ == 0) first_heading_ = n;
  }
}

std::vector<Entry> MinutesReader::Entries(std::string_view section) const {
  std::vector<Entry> entries;
  auto it = sections_.find(std::string(section));
  if (it == sections_.end()) return entries;
  for (int n = it->second.first; n <= it->second.second && n <= Count(); ++n) {
    std::string_view line = source_.line(n);
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;
    std::string_view rest = line.substr(indent);
    if (rest.starts_with("* ") || rest == "*") {
      entries.push_back({indent, std::string(Trim(rest.substr(1))), n});
    } else if (!entries.empty() && indent > entries.back().indent) {
      entries.back().text += " ";
      entries.back().text += Trim(rest);
    }
  }
  for (Entry& entry : entries) entry.text = Unescape(entry.text);
  return entries;
}

void MinutesReader::ReadTitleAndStart() {
  int limit = first_heading_ > 0 ? first_heading_ : std::min(Count(), 40);
  for (int n = 1; n < limit; ++n) {
    std::string_view line = Trim(source_.line(n));
    if (line.empty() || IsRule(line, '=')) continue;
    if (record_.name.empty() && record_.channel.empty() && !line.starts_with("Meeting started")) {
      record_.start_line = n;
      std::string_view title = line;
      if (title.starts_with('#')) {
        std::size_t end = title.find_first_of(": ");
        record_.channel = std::string(title.substr(0, end));
        title = end == std::string_view::npos ? "" : Trim(title.substr(end + 1));
      }
      if (!EqualsNoCase(title, "Meeting")) record_.name = std::string(title);
      continue;
    }
    if (!StartsWithNoCase(line, "Meeting started by")) continue;
    record_.start_line = n;
    std::string paragraph;
    for (int m = n; m < limit && !Trim(source_.line(m)).empty(); ++m)
      paragraph += std::string(Trim(source_.line(m))) + " ";
    std::vector<std::string_view> words = SplitWords(paragraph);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i] != "at") continue;
      std::string_view clock = words[i + 1];
      if (clock.size() >= 5 && clock[2] == ':' && std::isdigit(static_cast<unsigned char>(clock[0])) &&
          std::isdigit(static_cast<unsigned char>(clock[1])) &&
          std::isdigit(static_cast<unsigned char>(clock[3])) &&
          std::isdigit(static_cast<unsigned char>(clock[4]))) {
        int h = (clock[0] - '0') * 10 + (clock[1] - '0');
        int m = (clock[3] - '0') * 10 + (clock[4] - '0');
        if (h < 24 && m < 60) record_.start = TimeOfDay{h, m};
        if (i + 2 < words.size()) {
          std::string_view zone = words[i + 2];
          while (!zone.empty() && (zone.back() == '.' || zone.back() == ',')) zone.remove_suffix(1);
          record_.zone = EqualsNoCase(zone, "UTC") || EqualsNoCase(zone, "GMT") ? Zone::kUtc
                         : zone.empty()                                         ? Zone::kUnknown
                                                                                : Zone::kOther;
          record_.offset_known = record_.zone == Zone::kUtc;
        }
        break;
      }
    }
    for (std::string_view word : words)
      if (word.starts_with("http://") || word.starts_with("https://")) {
        record_.record_url = std::string(word);
        break;
      }
    break;
  }
}

// "text  (nick, 16:00:10)" -> text and nick.
std::pair<std::string, std::string> SplitAttribution(std::string_view text) {
  text = Trim(text);
  if (!text.ends_with(')')) return {std::string(text), ""};
  std::size_t open = text.rfind('(');
  if (open == std::string_view::npos) return {std::string(text), ""};
  std::string_view inside = text.substr(open + 1, text.size() - open - 2);
  std::size_t comma = inside.rfind(", ");
  if (comma == std::string_view::npos) return {std::string(text), ""};
  std::string_view clock = Trim(inside.substr(comma + 2));
  if (clock.size() < 4 || clock.find(':') == std::string_view::npos ||
      clock.find_first_not_of("0123456789:") != std::string_view::npos)
    return {std::string(text), ""};
  return {std::string(Trim(text.substr(0, open))), std::string(Trim(inside.substr(0, comma)))};
}

struct Label {
  std::string_view word;
  ItemKind kind;
};
constexpr Label kLabels[] = {
    {"ACTION", ItemKind::kAction},   {"AGREED", ItemKind::kAgreed},
    {"ACCEPTED", ItemKind::kAccepted}, {"REJECTED", ItemKind::kRejected},
    {"IDEA", ItemKind::kIdea},       {"HELP", ItemKind::kHelp},
    {"LINK", ItemKind::kLink},       {"INFO", ItemKind::kInfo},
    {"VOTE", ItemKind::kVote},       {"MOTION", ItemKind::kMotion},
    {"FAILED", ItemKind::kFailed},   {"INCONCLUSIVE", ItemKind::kInconclusive},
    {"SUBTOPIC", ItemKind::kSubtopic}};

std::optional<std::pair<ItemKind, std::string>> Labelled(std::string_view text) {
  for (const Label& label : kLabels) {
    if (text.size() > label.word.size() + 1 && text.starts_with(label.word) &&
        text[label.word.size()] == ':')
      return std::make_pair(label.kind, std::string(Trim(text.substr(label.word.size() + 1))));
  }
  return std::nullopt;
}

// 'Voted on "Q?" Results are, Yes: 3, No: 1': a decision when a yes wins.
std::string VoteDecision(std::string_view text) {
  std::size_t results = text.find("Results are,");
  std::size_t open = text.find('"');
  std::size_t close = text.rfind('"', results);
  if (results == std::string_view::npos || open == std::string_view::npos || close <= open)
    return "";
  std::string_view counts = Trim(text.substr(results + 12));
  long best = -1;
  std::string winner;
  bool tie = false;
  for (std::string_view part : SplitTrimmed(counts, ',')) {
    std::size_t colon = part.rfind(':');
    if (colon == std::string_view::npos) return "";
    long n = 0;
    for (char c : Trim(part.substr(colon + 1)))
      if (std::isdigit(static_cast<unsigned char>(c)) && n < 1000000) n = n * 10 + (c - '0');
    if (n > best) best = n, winner = std::string(Trim(part.substr(0, colon))), tie = false;
    else if (n == best) tie = true;
  }
  std::string lower = AsciiLower(winner);
  if (tie || best <= 0 || (lower != "yes" && lower != "+1" && lower != "aye")) return "";
  return fmt::format("{} ({})", text.substr(open + 1, close - open - 1), counts);
}

void MinutesReader::ReadSummary() {
  for (const Entry& entry : Entries("meeting summary")) {
    auto [text, nick] = SplitAttribution(entry.text);
    auto labelled = Labelled(text);
    MinuteItem item;
    item.nick = nick;
    item.line = entry.line;
    if (!labelled && entry.indent == 0) {
      item.kind = ItemKind::kTopic;
      item.text = text;
    } else {
      item.kind = labelled ? labelled->first : ItemKind::kInfo;
      item.text = labelled ? labelled->second : text;
    }
    if (item.kind == ItemKind::kAgreed || item.kind == ItemKind::kAccepted)
      item.decision = item.text;
    if (item.kind == ItemKind::kRejected) item.decision = "Rejected: " + item.text;
    if (item.kind == ItemKind::kVote) item.decision = VoteDecision(item.text);
    if (!Trim(item.text).empty()) record_.items.push_back(std::move(item));
  }
  bool has_actions = std::any_of(record_.items.begin(), record_.items.end(),
                                 [](const MinuteItem& i) { return i.kind == ItemKind::kAction; });
  if (has_actions) return;
  for (const Entry& entry : Entries("action items")) {
    if (entry.text == "(none)") continue;
    record_.items.push_back(
        {ItemKind::kAction, entry.text, "", entry.line, 0, "", std::nullopt});
  }
}

void MinutesReader::ReadOwners() {
  std::map<std::string, std::vector<std::string>> owners;  // action text -> nicks
  std::string nick;
  for (const Entry& entry : Entries("action items, by person")) {
    if (entry.indent == 0) {
      nick = entry.text == "**UNASSIGNED**" || entry.text == "UNASSIGNED" ? "" : entry.text;
    } else if (!nick.empty()) {
      owners[CollapseSpaces(entry.text)].push_back(nick);
      if (!record_.Find(nick) &&
          std::find(record_.known_nicks.begin(), record_.known_nicks.end(), nick) ==
              record_.known_nicks.end())
        record_.known_nicks.push_back(nick);
    }
  }
  for (MinuteItem& item : record_.items) {
    if (item.kind != ItemKind::kAction) continue;
    auto it = owners.find(CollapseSpaces(item.text));
    item.owner_nicks = it == owners.end() ? std::vector<std::string>{} : it->second;
  }
}

void MinutesReader::ReadPresent() {
  for (const Entry& entry : Entries("people present (lines said)")) {
    std::string_view text = entry.text;
    int lines = 1;
    if (text.ends_with(')')) {
      std::size_t open = text.rfind('(');
      if (open != std::string_view::npos) {
        std::string_view count = text.substr(open + 1, text.size() - open - 2);
        if (!count.empty() && count.size() < 7 &&
            count.find_first_not_of("0123456789") == std::string_view::npos) {
          lines = 0;
          for (char c : count) lines = lines * 10 + (c - '0');
          text = Trim(text.substr(0, open));
        }
      }
    }
    if (text.empty() || text.find(' ') != std::string_view::npos) continue;
    Participant& p = record_.Of(text, entry.line);
    p.lines = lines;
  }
}

Result<Minutes> MinutesReader::Read(const ReadOptions& options) {
  FindSections();
  if (!sections_.contains("meeting summary"))
    return source_.ErrorAt(1, 0, "not MeetBot's minutes: no 'Meeting summary' heading");
  ReadTitleAndStart();
  ReadPresent();
  ReadSummary();
  ReadOwners();
  if (record_.record_url)
    if (auto found = FindIsoDate(*record_.record_url)) record_.date = found->date;
  if (!record_.date) {
    if (auto found = FindIsoDate(record_.name)) {
      record_.date = found->date;
    } else if (auto named = FindIsoDate(source_.name())) {
      record_.date = named->date;
      record_.date_source = fmt::format("the file's name '{}'", source_.name());
    }
  }
  Minutes minutes;
  auto meeting = BuildMeeting(record_, source_, options, minutes.notices);
  if (!meeting.ok()) return meeting.error();
  minutes.meetings.push_back(std::move(*meeting));
  return minutes;
}

}  // namespace

Detection DetectMinutes(const SourceText& source) {
  bool summary = false, started = false, present = false;
  int count = static_cast<int>(source.line_count());
  for (int n = 1; n <= count; ++n) {
    std::string_view line = Trim(source.line(n));
    if (n < count && IsRule(source.line(n + 1), '-')) {
      summary = summary || EqualsNoCase(line, "Meeting summary");
      present = present || EqualsNoCase(line, "People present (lines said)");
    }
    started = started || StartsWithNoCase(line, "Meeting started by");
  }
  if (summary && (started || present))
    return {90, "MeetBot's 'Meeting summary' and 'People present (lines said)'"};
  return {0, "no MeetBot 'Meeting summary' heading"};
}

Result<Minutes> ReadMinutesText(const SourceText& source, const ReadOptions& options) {
  MinutesReader reader(source);
  return reader.Read(options);
}

}  // namespace plenary::meetbot
