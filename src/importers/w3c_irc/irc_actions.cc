#include "importers/w3c_irc/irc_actions.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"
#include "importers/notes_phrases.h"

namespace plenary {
namespace {

constexpr std::size_t kMaxOwnerWords = 8;
constexpr std::size_t kMaxNameWords = 4;

// "action" at the start of `line`, then what follows it.
std::optional<std::string_view> AfterActionWord(std::string_view line) {
  if (!StartsWithNoCase(line, "action")) return std::nullopt;
  std::string_view rest = line.substr(6);
  if (rest.empty() || (rest[0] != ' ' && rest[0] != ':' && rest[0] != '\t')) return std::nullopt;
  return rest;
}

bool FitsOwnerList(std::string_view prefix, std::vector<std::string>& owners) {
  prefix = Trim(prefix);
  if (prefix.empty() || SplitWords(prefix).size() > kMaxOwnerWords) return false;
  if (prefix.find_first_of(":;.?!\"") != std::string_view::npos) return false;
  std::vector<std::string> names = SplitNameList(prefix);
  if (names.empty()) return false;
  for (const std::string& name : names)
    if (SplitWords(name).size() > kMaxNameWords) return false;
  owners = std::move(names);
  return true;
}

// "[DONE]" and the like at the end of an action: scribe.perl 1's status codes.
std::string TrailingStatus(std::string& text) {
  std::string_view t = Trim(text);
  if (t.empty() || t.back() != ']') return "";
  std::size_t open = t.rfind('[');
  if (open == std::string_view::npos) return "";
  std::string word = AsciiLower(Trim(t.substr(open + 1, t.size() - open - 2)));
  static const char* const kStatuses[] = {"done",    "pending", "new",        "continues",
                                          "dropped", "closed",  "in progress", "on hold"};
  for (const char* status : kStatuses) {
    if (word != status) continue;
    text = std::string(Trim(t.substr(0, open)));
    return word;
  }
  return "";
}

int ToNumber(std::string_view digits) {
  int n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size()) return 0;
  return n;
}

// The number after "action" in "action-12", "ACTION 12", "action12"; what
// follows it.
std::optional<std::pair<int, std::string_view>> ActionNumber(std::string_view text) {
  if (!StartsWithNoCase(text, "action")) return std::nullopt;
  std::string_view rest = text.substr(6);
  if (!rest.empty() && (rest[0] == '-' || rest[0] == ' ')) rest.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < rest.size() && digits < 9 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  return std::pair{ToNumber(rest.substr(0, digits)), rest.substr(digits)};
}

}  // namespace

std::optional<ActionLine> ReadActionLine(std::string_view line) {
  auto rest = AfterActionWord(Trim(line));
  if (!rest) return std::nullopt;
  std::string_view body = Trim(*rest);
  bool colon = !body.empty() && body[0] == ':';
  if (colon) body = Trim(body.substr(1));
  // "ACTION - Bob to ...", "ACTION: - Bob to ...": a dash for the colon.
  if (body.starts_with("- ")) body = Trim(body.substr(2));
  else if (body.starts_with("\xE2\x80\x93 ")) body = Trim(body.substr(4));  // '–'
  if (body.empty()) return std::nullopt;
  ActionLine action;
  action.text = std::string(body);
  action.written_status = TrailingStatus(action.text);
  std::string_view text = action.text;
  // "action Ann: publish report 17", "ACTION: dmacdona : David to ..."
  std::size_t at_colon = text.find(':');
  std::string lower = AsciiLower(text);
  std::size_t at_to = lower.find(" to ");
  if (at_colon != std::string_view::npos && (at_to == std::string::npos || at_colon < at_to) &&
      FitsOwnerList(text.substr(0, at_colon), action.owners)) {
    action.task = std::string(Trim(text.substr(at_colon + 1)));
  } else if (at_to != std::string::npos && FitsOwnerList(text.substr(0, at_to), action.owners)) {
    action.task = std::string(Trim(text.substr(at_to + 4)));
  } else {
    // Without "ACTION:", a line must name its owners to be an action.
    if (!colon) return std::nullopt;
    action.task = action.text;
  }
  return action;
}

std::optional<ActionReplacement> ReadActionReplacement(std::string_view line) {
  line = Trim(line);
  auto number = ActionNumber(line);
  if (!number) return std::nullopt;
  std::string_view rest = Trim(number->second);
  if (rest.empty() || rest[0] != '=') return std::nullopt;
  rest = Trim(rest.substr(1));
  if (rest.empty() || number->first <= 0) return std::nullopt;
  return ActionReplacement{number->first, std::string(rest), line.size() > 6 && line[6] == '-'};
}

std::optional<int> ReadCloseAction(std::string_view line) {
  line = Trim(line);
  if (!StartsWithNoCase(line, "close ")) return std::nullopt;
  auto number = ActionNumber(Trim(line.substr(6)));
  if (!number || number->first <= 0 || !Trim(number->second).empty()) return std::nullopt;
  return number->first;
}

std::optional<TrackbotReply> ReadTrackbotReply(std::string_view line) {
  line = Trim(line);
  TrackbotReply reply;
  if (line.starts_with("Error") || line.find("is an ambiguous username") != std::string_view::npos)
    return reply;
  if (!line.starts_with("Created ACTION-")) return std::nullopt;
  auto number = ActionNumber(line.substr(8));
  if (!number) return std::nullopt;
  reply.created = true;
  reply.number = number->first;
  // "... [on Steven Pemberton - due 2014-04-16]."
  std::size_t on = line.rfind("[on ");
  if (on == std::string_view::npos) return reply;
  std::string_view tail = line.substr(on + 4);
  std::size_t close = tail.rfind(']');
  if (close != std::string_view::npos) tail = tail.substr(0, close);
  std::size_t due = tail.rfind(" - due ");
  if (due != std::string_view::npos) {
    reply.due = ParseIsoDate(Trim(tail.substr(due + 7)));
    tail = tail.substr(0, due);
  }
  reply.owner = std::string(Trim(tail));
  return reply;
}

bool SameTask(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = ContentWords(a);
  std::vector<std::string> wb = ContentWords(b);
  if (wa.empty() || wb.empty()) return false;
  if (wa.size() > wb.size()) std::swap(wa, wb);
  std::size_t shared = 0;
  for (const std::string& w : wa)
    if (std::find(wb.begin(), wb.end(), w) != wb.end()) ++shared;
  return shared * 10 >= wa.size() * 6;
}

}  // namespace plenary
