// The group's index, the meeting records and the decisions register.
#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "publish/registers.h"

namespace plenary::publish_detail {
namespace {

Cell C(std::string text) { return Cell{Plain(std::move(text)), ""}; }

Cell MeetingCell(const MeetingKey& key) {
  return Cell{Linked(MeetingLabel(key), Link{MeetingPageId(key), ""}), ""};
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none recorded" : out;
}

Table MeetingHeader(const GroupRegisters& r, const Meeting& m) {
  Table t{"Meeting", {"", ""}, {}, true};
  std::string group = r.group;
  if (r.roster && !r.roster->group.full_name.empty())
    group += " (" + r.roster->group.full_name + ")";
  t.rows.push_back({C("Group"), C(group)});
  t.rows.push_back({C("Meeting"), C(MeetingLabel(m.key))});
  if (m.subteam) t.rows.push_back({C("Sub-team"), C(*m.subteam)});
  t.rows.push_back({C("Date"), C(FormatIsoDate(m.date))});
  t.rows.push_back({C("Time (UTC)"), C(m.start_utc ? FormatTime(*m.start_utc) : "not recorded")});
  t.rows.push_back({C("Official record"),
                    m.record_url ? Cell{Linked(*m.record_url, Link{"", "", *m.record_url}), ""}
                                 : C("not known")});
  return t;
}

// A resolution's body, one paragraph per line of it.
void AddBody(std::vector<Content>& content, const std::string& body) {
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = std::min(body.find('\n', start), body.size());
    std::string line = body.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos)
      content.push_back(Paragraph{Plain(std::move(line))});
    start = end + 1;
  }
}

// Decisions without a body are a list; a resolution with one is its title as
// a heading and its text below.
void AddDecisions(Document& doc, const Meeting& m) {
  List plain;
  auto flush = [&] {
    if (!plain.items.empty()) doc.content.push_back(std::move(plain));
    plain = List{};
  };
  for (const Decision& d : m.decisions) {
    if (d.body.empty()) {
      plain.items.push_back(Plain(d.text));
      continue;
    }
    flush();
    doc.content.push_back(Heading{3, d.text, ""});
    AddBody(doc.content, d.body);
  }
  flush();
}

// Guests and remarks on attendance, when the record gives them.
void AddGuestsAndRemarks(Document& doc, const Meeting& m) {
  if (!m.guests.empty()) {
    doc.content.push_back(Heading{2, "Guests", "guests"});
    doc.content.push_back(Paragraph{Plain(Joined(m.guests))});
  }
  if (m.attendance_remarks.empty()) return;
  doc.content.push_back(Heading{2, "Remarks on attendance", "attendance-remarks"});
  List remarks;
  for (const AttendanceRemark& r : m.attendance_remarks)
    remarks.items.push_back(Text{Span{r.name, std::nullopt, true}, Span{": " + r.remark}});
  doc.content.push_back(std::move(remarks));
}

// A decision's title, and its body on one line after it.
Text DecisionText(const Decision& d) {
  if (d.body.empty()) return Plain(d.text);
  std::string body;
  bool space = false;
  for (char c : d.body) {
    bool blank = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (blank) {
      space = !body.empty();
      continue;
    }
    if (space) body += ' ';
    body += c;
    space = false;
  }
  return Text{Span{d.text, std::nullopt, true}, Span{": " + body}};
}

Table RaisedActions(const GroupRegisters& r, const Meeting& m) {
  Table t{"Action items raised", {"Action", "Owner", "Due", "Status"}, {}, false};
  for (const RegisteredAction& a : r.actions) {
    if (!(a.meeting == m.key)) continue;
    t.rows.push_back({Cell{Linked(a.item.text, Link{kActionsPage, ItemAnchor(a.id)}), ""},
                      C(a.item.owners.empty() ? "no owner" : OwnerNames(a.item.owners)),
                      C(DueText(a.item)), C(StatusText(a.item))});
  }
  return t;
}

void AddSummary(Document& doc, const Meeting& m) {
  doc.content.push_back(Heading{2, "Summary notes", "summary"});
  if (m.agenda.empty()) doc.content.push_back(Paragraph{Plain("No summary notes recorded.")});
  for (const AgendaSection& s : m.agenda) {
    doc.content.push_back(Heading{3, s.heading, ""});
    List notes;
    for (const std::string& n : s.notes) notes.items.push_back(Plain(n));
    if (!notes.items.empty()) doc.content.push_back(std::move(notes));
  }
}

Content PreviousNext(const GroupRegisters& r, std::size_t index) {
  Paragraph p;
  if (index > 0) {
    const MeetingKey& k = r.meetings[index - 1].key;
    p.text.push_back(Span{"Previous: "});
    p.text.push_back(Span{MeetingLabel(k), Link{MeetingPageId(k), ""}, false});
  }
  if (index + 1 < r.meetings.size()) {
    const MeetingKey& k = r.meetings[index + 1].key;
    p.text.push_back(Span{p.text.empty() ? "Next: " : " · Next: "});
    p.text.push_back(Span{MeetingLabel(k), Link{MeetingPageId(k), ""}, false});
  }
  return p;
}

}  // namespace

Document IndexDocument(const GroupRegisters& r) {
  Document doc{kIndexPage, r.group + " registers", r.group, {}};
  doc.navigation = NavigationBar(r, kIndexPage);
  if (r.roster && !r.roster->group.full_name.empty())
    doc.content.push_back(Paragraph{Plain(r.roster->group.full_name)});
  std::size_t open = std::count_if(r.actions.begin(), r.actions.end(), [](const auto& a) {
    return a.item.status == ActionStatus::kOpen;
  });
  doc.content.push_back(Paragraph{
      Plain(fmt::format("As of {}: {} meetings, {} open action items, {} decisions.",
                        FormatIsoDate(r.today), r.meetings.size(), open, r.decisions.size()))});
  doc.content.push_back(Heading{2, "Meetings", "meetings"});
  Table t{"Meetings, newest first", {"Date", "Meeting", "Actions raised", "Decisions"}, {}, false};
  for (auto m = r.meetings.rbegin(); m != r.meetings.rend(); ++m) {
    std::size_t raised = std::count_if(r.actions.begin(), r.actions.end(),
                                       [&](const auto& a) { return a.meeting == m->key; });
    t.rows.push_back({C(FormatIsoDate(m->date)), MeetingCell(m->key), C(std::to_string(raised)),
                      C(std::to_string(m->decisions.size()))});
  }
  doc.content.push_back(std::move(t));
  doc.content.push_back(Heading{2, "Monthly participation", "months"});
  List months;
  for (const Date& month : MeetingMonths(r)) {
    int mm = static_cast<int>(unsigned{month.month()});
    months.items.push_back(
        Linked(fmt::format("{} {}", MonthName(mm), static_cast<int>(month.year())),
               Link{MonthPageId(month), ""}));
  }
  doc.content.push_back(std::move(months));
  return doc;
}

Document MeetingDocument(const GroupRegisters& r, std::size_t index) {
  const Meeting& m = r.meetings[index];
  Document doc{MeetingPageId(m.key),
               fmt::format("{} {}", r.group, MeetingLabel(m.key)),
               fmt::format("{}/{} {}", r.group, m.key.kind, MeetingNumberText(m.key.number)),
               {}};
  doc.navigation = NavigationBar(r, doc.id);
  doc.content.push_back(PreviousNext(r, index));
  doc.content.push_back(MeetingHeader(r, m));
  doc.content.push_back(Heading{2, "Attendees", "attendees"});
  doc.content.push_back(Paragraph{Plain(Joined(m.attendees))});
  doc.content.push_back(Heading{2, "Staff", "staff"});
  doc.content.push_back(Paragraph{Plain(Joined(m.staff))});
  doc.content.push_back(Heading{2, "Apologies", "apologies"});
  doc.content.push_back(Paragraph{Plain(Joined(m.apologies))});
  AddGuestsAndRemarks(doc, m);
  doc.content.push_back(Heading{2, "Action items raised", "actions"});
  Table raised = RaisedActions(r, m);
  if (raised.rows.empty())
    doc.content.push_back(Paragraph{Plain("None.")});
  else
    doc.content.push_back(std::move(raised));
  doc.content.push_back(Heading{2, "Decisions", "decisions"});
  if (m.decisions.empty())
    doc.content.push_back(Paragraph{Plain("None.")});
  else
    AddDecisions(doc, m);
  AddSummary(doc, m);
  return doc;
}

Document DecisionsDocument(const GroupRegisters& r) {
  Document doc{kDecisionsPage, r.group + " decisions", r.group + "/Decisions", {}};
  doc.navigation = NavigationBar(r, kDecisionsPage);
  std::vector<const RegisteredDecision*> newest;
  for (const RegisteredDecision& d : r.decisions) newest.push_back(&d);
  std::stable_sort(newest.begin(), newest.end(),
                   [](const auto* a, const auto* b) { return a->meeting_date > b->meeting_date; });
  Table t{"Decisions, newest first", {"Date", "Meeting", "Decision"}, {}, false};
  for (const RegisteredDecision* d : newest)
    t.rows.push_back(
        {Cell{Plain(FormatIsoDate(d->meeting_date)), fmt::format("decision-{}", d->id)},
         MeetingCell(d->meeting), Cell{DecisionText(d->decision), ""}});
  if (t.rows.empty())
    doc.content.push_back(Paragraph{Plain("No decisions recorded.")});
  else
    doc.content.push_back(std::move(t));
  return doc;
}

}  // namespace plenary::publish_detail
