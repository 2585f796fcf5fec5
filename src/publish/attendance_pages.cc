// The attendance log (the meetings x members grid of each block, the
// monthly participation rates and their chart) and each month's
// participation page. The counting is core/attendance's; the blocks and the
// grid's cells are publish/attendance_log's, as for `plenary attendance`.
#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/text.h"
#include "publish/affiliation_pages.h"
#include "publish/attendance_log.h"
#include "publish/registers.h"

namespace plenary::publish_detail {
namespace {

constexpr std::string_view kNone = "\xE2\x80\x93";  // "–": not counted

Cell C(std::string text) { return Cell{Plain(std::move(text)), ""}; }

std::string PresenceWord(char code) {
  switch (code) {
    case 'P':
      return "present";
    case 'A':
      return "apology";
    case '-':
      return "absent";
    default:
      return "";
  }
}

std::string MonthLabel(Date first) {
  return fmt::format("{} {}", MonthName(static_cast<int>(unsigned{first.month()})),
                     static_cast<int>(first.year()));
}

Date LastOf(Date first) { return Date{first.year() / first.month() / std::chrono::last}; }

std::string BlockName(const Block& block) {
  return block.subteam ? "Sub-team " + *block.subteam : "Whole group";
}

// The registers' log, copied (a GroupLog pointing into a GroupRegisters that
// moves would dangle), with the meetings' attendance computed once when the
// registers do not carry it (`plenary minutes`, a set built in memory): each
// block's participation and grid then read it instead of computing it again.
GroupLog LogOf(const GroupRegisters& r) {
  GroupLog log{r.group, r.roster ? &*r.roster : nullptr, r.meetings, r.attendance};
  if (log.attendance.size() != log.meetings.size())
    log.attendance = AttendanceOfEach(log.meetings, log.roster);
  return log;
}

Table ApartTable(const std::vector<Participation>& rows) {
  Table t{"Staff and observers (not rated)", {"Name", "Role", "Meetings present"}, {}, true};
  for (const Participation& row : rows)
    if (IsCountedApart(row))
      t.rows.push_back(
          {C(row.name), C(std::string(RoleName(*row.role))), C(std::to_string(row.present))});
  return t;
}

Table Grid(const Block& block, const std::vector<Participation>& rows) {
  Table t{BlockName(block) + ": attendance by meeting", {"Member"}, {}, true};
  std::vector<MeetingAttendance> log;
  for (const Meeting* m : block.meetings) {
    log.push_back(AttendanceAt(*block.group, *m));
    t.header.push_back(
        IsDatedMeetingNumber(m->key.number)
            ? MeetingNumberText(m->key.number)
            : fmt::format("#{} ({})", m->key.number, FormatIsoDate(m->date).substr(5)));
  }
  t.header.insert(t.header.end(), {"Present", "Rate"});
  for (const Participation& row : rows) {
    if (IsCountedApart(row)) continue;
    std::vector<Cell> cells{C(row.role ? row.name : row.name + " (not on the roster)")};
    for (const MeetingAttendance& a : log)
      cells.push_back(C(PresenceWord(PresenceCode(a, row.name))));
    cells.push_back(
        C(row.role ? fmt::format("{}/{}", row.present, row.held) : std::to_string(row.present)));
    cells.push_back(C(RateText(row.rate)));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

// Present over held, summed over the rated members; none when nobody was
// expected.
std::optional<double> OverallRate(const std::vector<Participation>& rows) {
  int held = 0, present = 0;
  for (const Participation& row : rows)
    if (IsRatedMember(row)) held += row.held, present += row.present;
  if (held == 0) return std::nullopt;
  return static_cast<double>(present) / held;
}

void AddMonthlyRates(Document& doc, const GroupRegisters& r, const GroupLog& log) {
  std::vector<Date> months = MeetingMonths(r);
  Block whole = BlocksOf(log, AllMeetings().from, AllMeetings().to).front();
  Table t{"Participation rate by month (group meetings)", {"Member"}, {}, true};
  BarChart chart{r.group + " participation by month",
                 "Share of expected members present at the group's meetings, by month.",
                 {},
                 {}};
  std::vector<std::vector<Participation>> per_month;
  for (const Date& m : months) {
    t.header.push_back(FormatIsoDate(m).substr(0, 7));
    per_month.push_back(ParticipationIn(whole, m, LastOf(m)));
    if (std::optional<double> rate = OverallRate(per_month.back())) {
      chart.labels.push_back(FormatIsoDate(m).substr(0, 7));
      chart.values.push_back(*rate);
    }
  }
  std::vector<Participation> all = ParticipationIn(whole, AllMeetings().from, AllMeetings().to);
  for (const Participation& person : all) {
    if (!IsRatedMember(person)) continue;
    std::vector<Cell> row{C(person.name)};
    for (const auto& month : per_month) {
      auto it = std::find_if(month.begin(), month.end(),
                             [&](const Participation& p) { return p.name == person.name; });
      row.push_back(C(it == month.end() ? std::string(kNone) : RateText(it->rate)));
    }
    t.rows.push_back(std::move(row));
  }
  std::vector<Cell> overall{C("All members")};
  for (std::size_t i = 0; i < months.size(); ++i)
    overall.push_back(
        Cell{Linked(RateText(OverallRate(per_month[i])), Link{MonthPageId(months[i]), ""}), ""});
  t.rows.push_back(std::move(overall));
  doc.content.push_back(Heading{2, "Monthly participation rates", "monthly"});
  doc.content.push_back(std::move(t));
  doc.content.push_back(std::move(chart));
}

// The group's meetings summed by its members' appointing organisations: over
// every meeting, then month by month. Only when the roster gives
// affiliations.
void AddAffiliations(Document& doc, const GroupRegisters& r, const GroupLog& log) {
  if (!r.roster || !HasAffiliations(*r.roster)) return;
  Block whole = BlocksOf(log, AllMeetings().from, AllMeetings().to).front();
  auto all = ParticipationByAffiliation(
      ParticipationIn(whole, AllMeetings().from, AllMeetings().to), *r.roster);
  doc.content.push_back(Heading{2, "Participation by affiliation", "affiliation"});
  doc.content.push_back(Paragraph{Plain(
      "The group's meetings summed over the members and liaisons each organisation appointed "
      "(the roster's affiliation and capacity): the meetings they were expected at, those they "
      "attended, and the rate. Each organisation's name leads to its report back.")});
  doc.content.push_back(
      AffiliationTable("Participation by affiliation (group meetings)", all, true));
  std::vector<Date> months = MeetingMonths(r);
  doc.content.push_back(Heading{3, "Rates by month", "affiliation-monthly"});
  Table t{"Participation rate by affiliation and month", {"Affiliation"}, {}, true};
  for (const AffiliationParticipation& a : all)
    t.rows.push_back({C(a.affiliation.empty() ? "No affiliation" : a.affiliation)});
  for (const Date& m : months) {
    t.header.push_back(FormatIsoDate(m).substr(0, 7));
    auto month = ParticipationByAffiliation(ParticipationIn(whole, m, LastOf(m)), *r.roster);
    for (std::size_t i = 0; i < all.size(); ++i) {
      auto it = std::find_if(month.begin(), month.end(), [&](const AffiliationParticipation& a) {
        return FoldName(a.affiliation) == FoldName(all[i].affiliation);
      });
      t.rows[i].push_back(C(it == month.end() ? std::string(kNone) : RateText(it->rate)));
    }
  }
  doc.content.push_back(std::move(t));
}

}  // namespace

Document AttendanceDocument(const GroupRegisters& r) {
  Document doc{kAttendancePage, r.group + " attendance", r.group + "/Attendance", {}};
  doc.navigation = NavigationBar(r, kAttendancePage);
  doc.content.push_back(Paragraph{Plain(
      "Present, apology or absent at each meeting; a blank cell: not a member then (or not of "
      "the sub-team). Staff and observers are listed apart and not rated.")});
  GroupLog log = LogOf(r);
  for (const Block& block : BlocksOf(log, AllMeetings().from, AllMeetings().to)) {
    if (block.meetings.empty()) continue;
    std::vector<Participation> rows = ParticipationIn(block, AllMeetings().from, AllMeetings().to);
    doc.content.push_back(
        Heading{2, BlockName(block), block.subteam ? "subteam-" + Slug(*block.subteam) : "group"});
    doc.content.push_back(Grid(block, rows));
    Table apart = ApartTable(rows);
    if (!apart.rows.empty()) doc.content.push_back(std::move(apart));
  }
  AddMonthlyRates(doc, r, log);
  AddAffiliations(doc, r, log);
  return doc;
}

}  // namespace plenary::publish_detail

namespace plenary {

Document BuildMonthDocument(const GroupRegisters& r, Date first) {
  using namespace publish_detail;
  Document doc{
      MonthPageId(first),
      fmt::format("{} participation, {}", r.group, MonthLabel(first)),
      WikiTitle(fmt::format("{}/Attendance/{}", r.group, FormatIsoDate(first).substr(0, 7))),
      {}};
  doc.navigation = NavigationBar(r, doc.id);
  GroupLog log = LogOf(r);
  for (const Block& block : BlocksOf(log, first, LastOf(first))) {
    std::vector<Participation> rows = ParticipationIn(block, first, LastOf(first));
    doc.content.push_back(Heading{2, BlockName(block), ""});
    if (block.meetings.empty()) {
      doc.content.push_back(Paragraph{Plain(fmt::format("No meeting in {}.", MonthLabel(first)))});
      continue;
    }
    Paragraph held{Plain(fmt::format("{} meeting{}: ", block.meetings.size(),
                                     block.meetings.size() == 1 ? "" : "s"))};
    for (std::size_t i = 0; i < block.meetings.size(); ++i) {
      const MeetingKey& k = block.meetings[i]->key;
      if (i > 0) held.text.push_back(Span{", "});
      held.text.push_back(Span{MeetingLabel(k), Link{MeetingPageId(k), ""}, false});
    }
    doc.content.push_back(std::move(held));
    Table t{BlockName(block) + ": participation, " + MonthLabel(first),
            {"Member", "Role", "Held", "Present", "Apologies", "Absent", "Rate"},
            {},
            true};
    for (const Participation& row : rows) {
      if (IsCountedApart(row)) continue;
      bool rated = IsRatedMember(row);
      t.rows.push_back(
          {C(row.name), C(row.role ? std::string(RoleName(*row.role)) : "not on the roster"),
           C(rated ? std::to_string(row.held) : std::string(kNone)), C(std::to_string(row.present)),
           C(std::to_string(row.apologies)),
           C(rated ? std::to_string(row.absent) : std::string(kNone)), C(RateText(row.rate))});
    }
    t.rows.push_back(
        {C("All members"), C(""), C(""), C(""), C(""), C(""), C(RateText(OverallRate(rows)))});
    doc.content.push_back(std::move(t));
    Table apart = ApartTable(rows);
    if (!apart.rows.empty()) doc.content.push_back(std::move(apart));
    if (!block.subteam && r.roster && HasAffiliations(*r.roster)) {
      doc.content.push_back(Heading{3, "By affiliation", "affiliation"});
      doc.content.push_back(AffiliationTable("Participation by affiliation, " + MonthLabel(first),
                                             ParticipationByAffiliation(rows, *r.roster)));
    }
  }
  return doc;
}

}  // namespace plenary
