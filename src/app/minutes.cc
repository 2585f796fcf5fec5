#include "app/minutes.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "core/register.h"
#include "core/text.h"

namespace plenary {

namespace {

// The meetings of each group (the key folded to lower case), last version of
// each meeting kept at the place of its first.
std::map<std::string, std::vector<Meeting>> MeetingsByGroup(const ImportBatch& batch) {
  std::map<std::string, std::vector<Meeting>> groups;
  for (const MeetingImport& import : batch.meetings) {
    std::vector<Meeting>& meetings = groups[AsciiLower(import.meeting.key.group)];
    auto same = [&](const Meeting& m) { return m.key == import.meeting.key; };
    if (auto it = std::find_if(meetings.begin(), meetings.end(), same); it != meetings.end())
      *it = import.meeting;
    else
      meetings.push_back(import.meeting);
  }
  return groups;
}

// What the store's replay makes of the meetings (ids from 1, in register
// order), as LoadRegisters would read it back.
std::vector<RegisteredAction> ActionsOf(const std::vector<Meeting>& meetings) {
  std::vector<MeetingMentions> mentions;
  for (std::size_t i = 0; i < meetings.size(); ++i)
    mentions.push_back({static_cast<std::int64_t>(i + 1), meetings[i].key, meetings[i].date,
                        meetings[i].actions});
  Register reg = ReplayRegister(std::move(mentions), {});
  std::int64_t next_id = 1;
  AssignItemIds(reg, {}, next_id);
  std::vector<RegisteredAction> actions;
  for (RegisterItem& item : reg.items) {
    if (item.merged_into) continue;
    actions.push_back({item.id, std::move(item.state), item.origin, item.origin_date,
                       std::move(item.status_note), 0, std::move(item.history)});
  }
  std::sort(actions.begin(), actions.end(),
            [](const RegisteredAction& a, const RegisteredAction& b) { return a.id < b.id; });
  return actions;
}

std::vector<RegisteredDecision> DecisionsOf(const std::vector<Meeting>& meetings) {
  std::vector<RegisteredDecision> decisions;
  for (const Meeting& m : meetings)
    for (const Decision& d : m.decisions)
      decisions.push_back({static_cast<std::int64_t>(decisions.size() + 1), d, m.key, m.date});
  return decisions;
}

}  // namespace

std::vector<GroupRegisters> RegistersOfMeetings(const ImportBatch& batch, Date today) {
  std::vector<GroupRegisters> registers;
  for (auto& [folded, meetings] : MeetingsByGroup(batch)) {
    std::stable_sort(meetings.begin(), meetings.end(), [](const Meeting& a, const Meeting& b) {
      return std::tie(a.date, a.key.kind, a.key.number) < std::tie(b.date, b.key.kind, b.key.number);
    });
    GroupRegisters r;
    r.group = meetings.front().key.group;
    if (batch.roster && AsciiLower(batch.roster->group.short_name) == folded) r.roster = batch.roster;
    r.actions = ActionsOf(meetings);
    r.decisions = DecisionsOf(meetings);
    r.meetings = std::move(meetings);
    r.today = today;
    registers.push_back(std::move(r));
  }
  return registers;
}

}  // namespace plenary
