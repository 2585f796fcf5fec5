#include "importers/roster_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/directory.h"
#include "core/email_address.h"
#include "core/subteam.h"
#include "core/text.h"

namespace plenary {
namespace {

int ColumnOf(std::string_view line, std::string_view part) {
  return ColumnOfByte(line, static_cast<std::size_t>(part.data() - line.data()));
}

constexpr std::string_view kExpectedPerson =
    "expected 'NAME | ROLE | ALIASES | DATES' (and 'email: ADDRESS', 'reminders: yes|no', "
    "'affiliation: ORG', 'capacity: representative|individual')";
constexpr std::string_view kExpectedAddress = "expected an e-mail address 'NAME@DOMAIN.TLD'";
constexpr std::string_view kExpectedMembership =
    "expected membership dates 'YYYY-MM-DD to', 'to YYYY-MM-DD' or 'YYYY-MM-DD to YYYY-MM-DD'";

// A name written in a sub-team line, resolved once every person is read.
struct WrittenName {
  std::string_view text;
  int line = 0;
};

struct SubTeamLine {
  int line = 0;
  std::string_view name;
  std::optional<std::string_view> lead;
  std::vector<std::string_view> members;
};

// Where a person's membership dates were written, checked against the
// group's active period once the whole file is read.
struct MembershipLine {
  std::size_t person = 0;
  int line = 0;
  std::string_view from;  // empty when not written
  std::string_view to;
};

bool IsSubTeamKey(std::string_view key) {
  std::string k = AsciiLower(Trim(key));
  return k == "subteam" || k == "sub-team" || k == "sub team";
}

bool IsOrganisationKey(std::string_view key) {
  std::string k = AsciiLower(Trim(key));
  return k == "organisation" || k == "organization";
}

// A person's field "email: ..." or "reminders: ...": its key, lower case, or
// empty for a positional field (aliases, dates).
std::string PersonFieldKey(std::string_view field) {
  std::size_t colon = field.find(':');
  if (colon == std::string_view::npos) return "";
  std::string key = AsciiLower(Trim(field.substr(0, colon)));
  return key == "email" || key == "e-mail" || key == "reminders" || key == "affiliation" ||
                 key == "capacity"
             ? key
             : "";
}

std::string ActivePeriod(const Group& group) {
  if (!group.active_to) return "from " + FormatIsoDate(*group.active_from);
  return FormatIsoDate(*group.active_from) + " to " + FormatIsoDate(*group.active_to);
}

class RosterReader {
 public:
  explicit RosterReader(const SourceText& source) : source_(source) {}

  Result<Roster> Read() {
    for (int n = 1; n <= static_cast<int>(source_.line_count()); ++n) {
      if (Status status = ReadLine(n); !status.ok()) return status.error();
    }
    if (roster_.group.short_name.empty())
      return source_.ErrorAt(1, 1, "roster has no 'group: NAME' line");
    if (Status s = CheckMemberships(); !s.ok()) return s.error();
    if (Status s = ResolveSubTeams(); !s.ok()) return s.error();
    if (Status s = ResolveOrganisations(); !s.ok()) return s.error();
    return roster_;
  }

 private:
  Status ReadLine(int n) {
    std::string_view line = source_.line(n);
    std::string_view text = Trim(line);
    if (text.empty() || text[0] == '#') return Status::Ok();
    std::size_t colon = text.find(':');
    std::size_t bar = text.find('|');
    if (colon != std::string_view::npos && colon < bar && IsSubTeamKey(text.substr(0, colon)))
      return ReadSubTeam(n, line, text);
    if (colon != std::string_view::npos && colon < bar && IsOrganisationKey(text.substr(0, colon)))
      return ReadOrganisation(n, line, text);
    if (bar != std::string_view::npos) return ReadPerson(n, line);
    return ReadSetting(n, line, text);
  }

  Status ReadSetting(int n, std::string_view line, std::string_view text) {
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      return source_.ErrorAt(n, 0,
                             "expected 'NAME | ROLE | ALIASES' or a setting "
                             "'group:', 'name:', 'active:', 'subteam:' or 'organisation:'");
    }
    std::string key = AsciiLower(Trim(text.substr(0, colon)));
    std::string_view value = Trim(text.substr(colon + 1));
    if (key == "group") {
      if (value.empty() || SplitWords(value).size() != 1)
        return source_.ErrorAt(n, ColumnOf(line, value), "expected a one-word group short name");
      roster_.group.short_name = std::string(value);
    } else if (key == "name") {
      roster_.group.full_name = std::string(value);
    } else if (key == "active") {
      return ReadActive(n, line, value);
    } else {
      return source_.ErrorAt(n, 0,
                             fmt::format("unknown setting '{}': expected group, name, active, "
                                         "subteam or organisation",
                                         key));
    }
    return Status::Ok();
  }

  Status ReadActive(int n, std::string_view line, std::string_view value) {
    // "2017-03-01 to 2021-01-31", or an open end: "2017-03-01 to".
    auto words = SplitWords(value);
    auto date_at = [&](std::size_t i) {
      return i < words.size() ? ParseIsoDate(words[i]) : std::nullopt;
    };
    if (words.empty() || !date_at(0) || (words.size() > 1 && words[1] != "to") ||
        (words.size() > 2 && !date_at(2)) || words.size() > 3) {
      return source_.ErrorAt(n, ColumnOf(line, value),
                             "expected 'active: YYYY-MM-DD to YYYY-MM-DD'");
    }
    roster_.group.active_from = date_at(0);
    if (words.size() == 3) roster_.group.active_to = date_at(2);
    if (roster_.group.active_to && *roster_.group.active_to < *roster_.group.active_from)
      return source_.ErrorAt(n, ColumnOf(line, words[2]),
                             "the active period ends before it starts");
    return Status::Ok();
  }

  Status ReadPerson(int n, std::string_view line) {
    auto fields = SplitTrimmed(Trim(line), '|');
    std::vector<std::string_view> parts;  // name, role, aliases, dates
    std::vector<std::string_view> keyed;  // "email: ...", "reminders: ..."
    for (std::size_t i = 0; i < fields.size(); ++i)
      (i >= 2 && !PersonFieldKey(fields[i]).empty() ? keyed : parts).push_back(fields[i]);
    if (parts.size() < 2 || parts.size() > 4) {
      return source_.ErrorAt(
          n, 0, fmt::format("{} (2 to 4 fields), found {}", kExpectedPerson, parts.size()));
    }
    if (parts[0].empty()) return source_.ErrorAt(n, 0, "expected a name before '|'");
    auto role = ParseRole(AsciiLower(parts[1]));
    if (!role) {
      return source_.ErrorAt(n, ColumnOf(line, parts[1]),
                             "expected a role: member, staff, liaison or observer");
    }
    Person person{CollapseSpaces(parts[0]), *role, {}};
    if (Status s = Claim(n, line, parts[0], person.name); !s.ok()) return s;
    if (parts.size() >= 3 && !parts[2].empty()) {
      for (std::string_view alias : SplitTrimmed(parts[2], ',')) {
        if (alias.empty()) return source_.ErrorAt(n, ColumnOf(line, parts[2]), "empty alias");
        if (Status s = Claim(n, line, alias, person.name); !s.ok()) return s;
        person.aliases.push_back(CollapseSpaces(alias));
      }
    }
    if (parts.size() == 4 && !parts[3].empty()) {
      if (Status s = ReadMembership(n, line, parts[3], person); !s.ok()) return s;
    }
    for (std::string_view field : keyed) {
      if (Status s = ReadPersonField(n, line, field, person); !s.ok()) return s;
    }
    roster_.people.push_back(std::move(person));
    return Status::Ok();
  }

  // "email: denise@example.org", "reminders: no".
  Status ReadPersonField(int n, std::string_view line, std::string_view field, Person& person) {
    std::string key = PersonFieldKey(field);
    std::string_view value = Trim(field.substr(field.find(':') + 1));
    int column = ColumnOf(line, field);
    if (key == "affiliation") {
      if (!person.affiliation.empty())
        return source_.ErrorAt(n, column, "affiliation: is given twice");
      if (value.empty()) return source_.ErrorAt(n, column, "expected 'affiliation: ORGANISATION'");
      person.affiliation = CollapseSpaces(value);
      return Status::Ok();
    }
    if (key == "capacity") {
      if (person.capacity) return source_.ErrorAt(n, column, "capacity: is given twice");
      person.capacity = ParseCapacity(AsciiLower(value));
      if (!person.capacity)
        return source_.ErrorAt(n, column,
                               "expected 'capacity: representative' or 'capacity: individual'");
      return Status::Ok();
    }
    if (key == "reminders") {
      std::string word = AsciiLower(value);
      if (word != "yes" && word != "no")
        return source_.ErrorAt(n, column, "expected 'reminders: yes' or 'reminders: no'");
      if (seen_reminders_ == n) return source_.ErrorAt(n, column, "reminders: is given twice");
      seen_reminders_ = n;
      person.reminders = word == "yes";
      return Status::Ok();
    }
    if (person.email) return source_.ErrorAt(n, column, "email: is given twice");
    if (!IsEmailAddress(value))
      return source_.ErrorAt(n, value.empty() ? column : ColumnOf(line, value), kExpectedAddress);
    person.email = std::string(value);
    return Status::Ok();
  }

  // "organisation: ICANN Org | email: ssr2-staff@icann.org": where reminders
  // of the items an organisation or role owns go.
  Status ReadOrganisation(int n, std::string_view line, std::string_view text) {
    auto parts = SplitTrimmed(text, '|');
    std::string_view name = Trim(parts[0].substr(parts[0].find(':') + 1));
    std::string key = parts.size() == 2 ? PersonFieldKey(parts[1]) : "";
    if (name.empty() || (key != "email" && key != "e-mail"))
      return source_.ErrorAt(n, 0, "expected 'organisation: NAME | email: ADDRESS'");
    std::string_view value = Trim(parts[1].substr(parts[1].find(':') + 1));
    if (!IsEmailAddress(value)) {
      return source_.ErrorAt(n, value.empty() ? ColumnOf(line, parts[1]) : ColumnOf(line, value),
                             kExpectedAddress);
    }
    organisation_lines_.push_back({name, n});
    roster_.organisations.push_back({CollapseSpaces(name), std::string(value)});
    return Status::Ok();
  }

  // "2017-08-01 to" (joined), "to 2018-06-30" (left), "2017-08-01 to 2018-06-30".
  Status ReadMembership(int n, std::string_view line, std::string_view field, Person& person) {
    auto words = SplitWords(field);
    auto to = std::find(words.begin(), words.end(), std::string_view("to"));
    std::size_t before = static_cast<std::size_t>(to - words.begin());
    std::size_t after = to == words.end() ? 0 : words.size() - before - 1;
    MembershipLine where{roster_.people.size(), n, {}, {}};
    if (to == words.end() || before > 1 || after > 1 || before + after == 0)
      return source_.ErrorAt(n, ColumnOf(line, field), kExpectedMembership);
    if (before == 1) where.from = words[0];
    if (after == 1) where.to = words.back();
    for (std::string_view date : {where.from, where.to}) {
      if (!date.empty() && !ParseIsoDate(date))
        return source_.ErrorAt(n, ColumnOf(line, date), kExpectedMembership);
    }
    if (!where.from.empty()) person.member_from = ParseIsoDate(where.from);
    if (!where.to.empty()) person.member_to = ParseIsoDate(where.to);
    if (person.member_from && person.member_to && *person.member_to < *person.member_from)
      return source_.ErrorAt(n, ColumnOf(line, where.to), "the membership ends before it starts");
    memberships_.push_back(where);
    return Status::Ok();
  }

  // Each name or alias may stand for one person only.
  Status Claim(int n, std::string_view line, std::string_view written, const std::string& owner) {
    auto [it, inserted] = claimed_.emplace(FoldName(written), owner);
    if (!inserted && !(it->second == owner)) {
      return source_.ErrorAt(n, ColumnOf(line, written),
                             fmt::format("'{}' already names {}", written, it->second));
    }
    if (!inserted && written == owner)
      return source_.ErrorAt(n, ColumnOf(line, written), fmt::format("{} is listed twice", owner));
    return Status::Ok();
  }

  // Membership dates must fall within the group's active period, which may
  // be given after the people.
  Status CheckMemberships() {
    const Group& group = roster_.group;
    if (!group.active_from) return Status::Ok();
    for (const MembershipLine& m : memberships_) {
      for (std::string_view written : {m.from, m.to}) {
        if (written.empty()) continue;
        Date date = *ParseIsoDate(written);
        if (date < *group.active_from || (group.active_to && *group.active_to < date)) {
          return source_.ErrorAt(m.line, ColumnOf(source_.line(m.line), written),
                                 fmt::format("membership date {} is outside the group's active "
                                             "period ({})",
                                             written, ActivePeriod(group)));
        }
      }
    }
    return Status::Ok();
  }

  Status ReadSubTeam(int n, std::string_view line, std::string_view text);
  Status ReadSubTeamPart(int n, std::string_view line, std::string_view part, SubTeamLine& out);
  Status ResolveSubTeams();
  Status ResolveOrganisations();
  Result<std::string> ResolveMember(const Directory& directory, int n, std::string_view written);

  const SourceText& source_;
  Roster roster_;
  std::unordered_map<std::string, std::string> claimed_;
  std::vector<MembershipLine> memberships_;
  std::vector<SubTeamLine> subteam_lines_;
  std::vector<WrittenName> organisation_lines_;  // parallel to roster_.organisations
  int seen_reminders_ = 0;                       // the line whose reminders: was read
};

// "subteam: SSR1 review | lead: Denise Michel | members: DM, ET, JG". Names
// are resolved by ResolveSubTeams once every person is read.
Status RosterReader::ReadSubTeam(int n, std::string_view line, std::string_view text) {
  auto parts = SplitTrimmed(text, '|');
  std::string_view name = Trim(parts[0].substr(parts[0].find(':') + 1));
  if (name.empty()) return source_.ErrorAt(n, 0, "expected a sub-team name after 'subteam:'");
  std::vector<std::string> words = SubTeamWords(name);
  if (words.empty()) {
    return source_.ErrorAt(n, ColumnOf(line, name),
                           "a sub-team name needs a word other than 'sub-team'");
  }
  for (const SubTeamLine& other : subteam_lines_) {
    if (SubTeamWords(other.name) == words) {
      return source_.ErrorAt(
          n, ColumnOf(line, name),
          fmt::format("sub-team '{}' is listed twice (first on line {})", name, other.line));
    }
  }
  SubTeamLine subteam{n, name, std::nullopt, {}};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (Status s = ReadSubTeamPart(n, line, parts[i], subteam); !s.ok()) return s;
  }
  subteam_lines_.push_back(std::move(subteam));
  return Status::Ok();
}

Status RosterReader::ReadSubTeamPart(int n, std::string_view line, std::string_view part,
                                     SubTeamLine& out) {
  std::size_t colon = part.find(':');
  std::string key = colon == std::string_view::npos ? "" : AsciiLower(Trim(part.substr(0, colon)));
  std::string_view value = colon == std::string_view::npos ? "" : Trim(part.substr(colon + 1));
  int column = ColumnOf(line, part);
  if (key == "lead" || key == "leader") {
    if (out.lead) return source_.ErrorAt(n, column, "the sub-team's lead is given twice");
    if (value.empty()) return source_.ErrorAt(n, column, "expected 'lead: NAME'");
    out.lead = value;
  } else if (key == "members" || key == "member") {
    if (!out.members.empty())
      return source_.ErrorAt(n, column, "the sub-team's members are given twice");
    for (std::string_view member : SplitTrimmed(value, ',')) {
      if (member.empty()) return source_.ErrorAt(n, column, "expected 'members: NAME, NAME, ...'");
      out.members.push_back(member);
    }
  } else {
    return source_.ErrorAt(n, column, "expected 'lead: NAME' or 'members: NAME, NAME, ...'");
  }
  return Status::Ok();
}

Result<std::string> RosterReader::ResolveMember(const Directory& directory, int n,
                                                std::string_view written) {
  int column = ColumnOf(source_.line(n), written);
  const Person* person = directory.FindPerson(written);
  if (!person)
    return source_.ErrorAt(n, column, fmt::format("'{}' matches nobody on the roster", written));
  if (person->role == Role::kStaff || person->role == Role::kObserver) {
    return source_.ErrorAt(n, column,
                           fmt::format("{} is {}; a sub-team's members are members or liaisons",
                                       person->name, RoleName(person->role)));
  }
  return person->name;
}

Status RosterReader::ResolveSubTeams() {
  Directory directory(&roster_, roster_.group.short_name);
  for (const SubTeamLine& written : subteam_lines_) {
    SubTeam subteam{CollapseSpaces(written.name), std::nullopt, {}};
    for (std::string_view member : written.members) {
      Result<std::string> name = ResolveMember(directory, written.line, member);
      if (!name.ok()) return name.error();
      if (std::find(subteam.members.begin(), subteam.members.end(), *name) !=
          subteam.members.end()) {
        return source_.ErrorAt(written.line, ColumnOf(source_.line(written.line), member),
                               fmt::format("{} is listed twice in the sub-team", *name));
      }
      subteam.members.push_back(*name);
    }
    if (written.lead) {
      Result<std::string> lead = ResolveMember(directory, written.line, *written.lead);
      if (!lead.ok()) return lead.error();
      if (std::find(subteam.members.begin(), subteam.members.end(), *lead) ==
          subteam.members.end()) {
        return source_.ErrorAt(
            written.line, ColumnOf(source_.line(written.line), *written.lead),
            fmt::format("the lead, {}, is not one of the sub-team's members", *lead));
      }
      subteam.leader = *lead;
    }
    roster_.subteams.push_back(std::move(subteam));
  }
  return Status::Ok();
}

// An organisation's name as the directory knows it ("Secretariat" is Staff),
// else as written; a person's address belongs on their own line.
Status RosterReader::ResolveOrganisations() {
  Directory directory(&roster_, roster_.group.short_name);
  for (std::size_t i = 0; i < organisation_lines_.size(); ++i) {
    const WrittenName& written = organisation_lines_[i];
    int column = ColumnOf(source_.line(written.line), written.text);
    Owner owner = directory.ResolveOwner(written.text);
    if (owner.kind == OwnerKind::kPerson) {
      return source_.ErrorAt(written.line, column,
                             fmt::format("'{}' is {}, a person: give a person's address on "
                                         "their own line ('| email: ADDRESS')",
                                         written.text, owner.name));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (FoldName(roster_.organisations[j].name) == FoldName(owner.name)) {
        return source_.ErrorAt(written.line, column,
                               fmt::format("{} is given an address twice (first on line {})",
                                           owner.name, organisation_lines_[j].line));
      }
    }
    roster_.organisations[i].name = owner.name;
  }
  return Status::Ok();
}

}  // namespace

Result<Roster> ReadRoster(const SourceText& source) { return RosterReader(source).Read(); }

}  // namespace plenary
