#include "publish/site_json.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

namespace plenary {
namespace {

using json = nlohmann::ordered_json;

json ParsedOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  return parsed.is_discarded() ? json(text) : parsed;
}

std::string_view KindName(SearchKind kind) {
  switch (kind) {
    case SearchKind::kNote:
      return "note";
    case SearchKind::kAction:
      return "action";
    case SearchKind::kDecision:
      return "decision";
    case SearchKind::kMeeting:
      return "meeting";
  }
  return "?";
}

}  // namespace

json UserJson(const User& user) {
  json grants = json::array();
  for (const GroupGrant& g : user.grants)
    grants.push_back({{"group", g.group},
                      {"role", g.role == GroupRole::kSecretariat ? "secretariat" : "member"}});
  return {{"id", user.id},         {"login", user.login}, {"name", user.display_name},
          {"person", user.person}, {"admin", user.admin}, {"grants", grants}};
}

json AuditEntryJson(const AuditEntry& e) {
  std::chrono::sys_seconds at{std::chrono::seconds{e.at_unix}};
  return {{"id", e.id},
          {"at", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", at)},
          {"who", e.who},
          {"action", e.action},
          {"group", e.group},
          {"target", e.target},
          {"before", ParsedOrNull(e.before)},
          {"after", ParsedOrNull(e.after)}};
}

json SearchHitJson(const SearchHit& hit) {
  json highlights = json::array();
  for (auto [begin, end] : hit.highlights) highlights.push_back({begin, end});
  return {{"kind", KindName(hit.kind)},
          {"group", hit.group},
          {"meeting", hit.meeting},
          {"date", hit.date},
          {"action_id", hit.kind == SearchKind::kAction ? json(hit.action_id) : json(nullptr)},
          {"snippet", hit.snippet},
          {"highlights", highlights}};
}

}  // namespace plenary
