#include "publish/roster_text.h"

#include "core/date.h"

namespace plenary {
namespace {

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string Membership(const Person& p) {
  if (!p.member_from && !p.member_to) return "";
  std::string out = p.member_from ? FormatIsoDate(*p.member_from) + " to" : "to";
  if (p.member_to) out += " " + FormatIsoDate(*p.member_to);
  return out;
}

}  // namespace

std::string RosterText(const Roster& roster) {
  const Group& g = roster.group;
  std::string out = "group: " + g.short_name + "\n";
  if (!g.full_name.empty()) out += "name: " + g.full_name + "\n";
  if (g.active_from) {
    out += "active: " + FormatIsoDate(*g.active_from) + " to";
    if (g.active_to) out += " " + FormatIsoDate(*g.active_to);
    out += "\n";
  }
  out += "\n";
  for (const Person& p : roster.people) {
    out += p.name + " | " + std::string(RoleName(p.role));
    const std::string dates = Membership(p);
    if (!p.aliases.empty() || !dates.empty()) out += " | " + Joined(p.aliases);
    if (!dates.empty()) out += " | " + dates;
    if (p.email) out += " | email: " + *p.email;
    if (!p.reminders) out += " | reminders: no";
    if (!p.affiliation.empty()) out += " | affiliation: " + p.affiliation;
    if (p.capacity) out += " | capacity: " + std::string(CapacityName(*p.capacity));
    out += "\n";
  }
  if (!roster.subteams.empty()) out += "\n";
  for (const SubTeam& s : roster.subteams) {
    out += "subteam: " + s.name;
    if (s.leader) out += " | lead: " + *s.leader;
    if (!s.members.empty()) out += " | members: " + Joined(s.members);
    out += "\n";
  }
  if (!roster.organisations.empty()) out += "\n";
  for (const OrganisationAddress& o : roster.organisations)
    out += "organisation: " + o.name + " | email: " + o.email + "\n";
  return out;
}

}  // namespace plenary
