#include "store/register_rows.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/date.h"
#include "core/directory.h"
#include "core/text.h"

namespace plenary {

std::optional<std::string> IsoDateOrNull(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return FormatIsoDate(*date);
}

std::optional<TimeOfDay> ParseStoredTime(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  TimeOfDay time{(text[0] - '0') * 10 + (text[1] - '0'), (text[3] - '0') * 10 + (text[4] - '0')};
  if (time.hour > 23 || time.minute > 59) return std::nullopt;
  return time;
}

ActionColumns ColumnsOf(const ActionItem& item) {
  ActionColumns c{item.text,
                  IsoDateOrNull(item.due),
                  std::string(ActionStatusName(item.status)),
                  std::string(ActionSourceName(item.source)),
                  {},
                  {},
                  item.line,
                  item.written_status,
                  item.due_phrase};
  if (item.raised_by) {
    c.raised_by = item.raised_by->name;
    c.raised_by_kind = std::string(OwnerKindName(item.raised_by->kind));
  }
  return c;
}

std::vector<std::string>* ParticipantList(Meeting& meeting, std::string_view role) {
  return role == "attendee"  ? &meeting.attendees
         : role == "staff"   ? &meeting.staff
         : role == "apology" ? &meeting.apologies
         : role == "guest"   ? &meeting.guests
                             : nullptr;
}

std::string EventOwnersJson(const std::vector<Owner>& owners) {
  nlohmann::json list = nlohmann::json::array();
  for (const Owner& o : owners) list.push_back({{"name", o.name}, {"kind", OwnerKindName(o.kind)}});
  return list.dump();
}

std::optional<std::vector<Owner>> ParseEventOwners(std::string_view text) {
  nlohmann::json list = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) return std::nullopt;
  std::vector<Owner> owners;
  for (const nlohmann::json& o : list) {
    if (!o.is_object() || !o.contains("name") || !o["name"].is_string() || !o.contains("kind") ||
        !o["kind"].is_string())
      return std::nullopt;
    std::optional<OwnerKind> kind = ParseOwnerKind(o["kind"].get<std::string>());
    if (!kind) return std::nullopt;
    owners.push_back({o["name"].get<std::string>(), *kind});
  }
  return owners;
}

RegisterRebuild PlanRebuild(GroupMentions input, std::vector<RegisterEvent> events,
                            std::int64_t next_id) {
  RegisterRebuild plan;
  for (const MeetingMentions& m : input.meetings)
    plan.meeting_ids[{m.key.group, m.key.kind, m.key.number}] = m.meeting_id;
  plan.reg = ReplayRegister(std::move(input.meetings), std::move(events));
  AssignItemIds(plan.reg, input.previous, next_id);
  plan.next_id = next_id;
  return plan;
}

std::optional<std::int64_t> MeetingIdOf(const MeetingIds& ids,
                                        const std::optional<MeetingKey>& key) {
  if (!key) return std::nullopt;
  auto it = ids.find({key->group, key->kind, key->number});
  if (it == ids.end()) return std::nullopt;
  return it->second;
}

std::vector<RegisteredAction> FilterByOwner(std::vector<RegisteredAction> rows,
                                            const std::vector<Roster>& rosters,
                                            const std::string& owner) {
  std::vector<RegisteredAction> actions;
  // Who an owner query names is the domain's rule (Directory::Names), applied
  // with each item's group roster.
  std::map<std::string, Directory> directories;
  auto directory_of = [&](const std::string& group) -> const Directory& {
    auto it = directories.find(group);
    if (it != directories.end()) return it->second;
    const Roster* roster = nullptr;
    for (const Roster& r : rosters)
      if (EqualsNoCase(r.group.short_name, group)) roster = &r;
    return directories.emplace(group, Directory(roster, group)).first->second;
  };
  for (RegisteredAction& row : rows) {
    const Directory& directory = directory_of(row.meeting.group);
    const auto& owners = row.item.owners;
    if (std::any_of(owners.begin(), owners.end(),
                    [&](const Owner& o) { return directory.Names(o, owner); }))
      actions.push_back(std::move(row));
  }
  return actions;
}

std::vector<DuplicatePair> DuplicatesAmong(std::vector<RegisteredAction> open) {
  Register reg;
  for (RegisteredAction& a : open) {
    RegisterItem item;
    item.id = a.id;
    item.state = std::move(a.item);
    reg.items.push_back(std::move(item));
  }
  return FindDuplicates(reg);
}

}  // namespace plenary
