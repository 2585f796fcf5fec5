#include "store/site_rows.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace plenary {
namespace {

bool HasControl(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '\x7f'; });
}

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

Status CheckSiteField(std::string_view what, std::string_view value, std::size_t limit) {
  if (value.size() > limit)
    return Error::InvalidInput(fmt::format("{}: longer than {} bytes", what, limit));
  if (FindInvalidUtf8(value) != std::string_view::npos)
    return Error::InvalidInput(fmt::format("{}: not valid UTF-8", what));
  if (HasControl(value)) return Error::InvalidInput(fmt::format("{}: control character", what));
  return Status::Ok();
}

Status CheckNewUser(const NewUser& user) {
  if (user.login.empty()) return Error::InvalidInput("login: empty");
  for (auto [what, value, limit] :
       {std::tuple<std::string_view, std::string_view, std::size_t>{"login", user.login, kMaxLogin},
        {"name", user.display_name, kMaxSiteField},
        {"person", user.person, kMaxSiteField},
        {"password hash", user.password_hash, kMaxSiteField}}) {
    if (Status s = CheckSiteField(what, value, limit); !s) return s;
  }
  return Status::Ok();
}

Status CheckGroupName(std::string_view group) {
  if (group.empty()) return Error::InvalidInput("group: empty");
  return CheckSiteField("group", group);
}

Status CheckSearchQuery(const SearchQuery& query) {
  if (query.text.size() > kMaxSearchText)
    return Error::InvalidInput(fmt::format("search: longer than {} bytes", kMaxSearchText));
  if (FindInvalidUtf8(query.text) != std::string::npos)
    return Error::InvalidInput("search: not valid UTF-8");
  for (const std::string& group : query.groups)
    if (FindInvalidUtf8(group) != std::string::npos)
      return Error::InvalidInput("search: a group name is not valid UTF-8");
  return Status::Ok();
}

bool HasSearchWords(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return IsWordByte(static_cast<unsigned char>(c)); });
}

std::string FtsQueryOf(std::string_view text) {
  constexpr std::size_t kMaxWords = 32;
  std::string query;
  std::size_t words = 0;
  for (std::string_view word : SplitWords(text)) {
    if (words == kMaxWords) break;
    if (!HasSearchWords(word)) continue;
    if (!query.empty()) query += ' ';
    query += '"';
    for (char c : word) query += c == '"' ? std::string("\"\"") : std::string(1, c);
    query += '"';
    ++words;
  }
  return query.empty() ? query : "body : (" + query + ")";
}

std::string_view RoleName(GroupRole role) {
  return role == GroupRole::kSecretariat ? "secretariat" : "member";
}

GroupRole RoleOf(std::string_view name) {
  return name == "secretariat" ? GroupRole::kSecretariat : GroupRole::kMember;
}

SearchKind SearchKindOf(std::string_view kind) {
  if (kind == "action") return SearchKind::kAction;
  if (kind == "decision") return SearchKind::kDecision;
  if (kind == "meeting") return SearchKind::kMeeting;
  return SearchKind::kNote;
}

void SetMarkedSnippet(SearchHit& hit, std::string_view marked) {
  std::size_t begin = 0;
  for (char c : marked) {
    if (c == '\x02') {
      begin = hit.snippet.size();
    } else if (c == '\x03') {
      hit.highlights.emplace_back(begin, hit.snippet.size());
    } else {
      hit.snippet += c;
    }
  }
}

}  // namespace plenary
