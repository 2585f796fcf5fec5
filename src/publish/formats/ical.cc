// iCalendar feeds built with libical: the components are libical objects and
// libical writes them (escaping, line folding, CRLF), so no text from the
// notes can break a property or start a component.
#include <fmt/format.h>
#include <libical/ical.h>

#include <algorithm>
#include <memory>

#include "core/date.h"
#include "core/text.h"
#include "publish/formats/data_formats.h"
#include "publish/formats/renderers.h"

namespace plenary {
namespace {

constexpr auto kMeetingLength = std::chrono::hours{1};
constexpr const char* kProdId = "-//plenary//plenary 0.1.0//EN";

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype DateValue(const Date& d) {
  icaltimetype t = icaltime_null_date();
  t.year = static_cast<int>(d.year());
  t.month = static_cast<int>(unsigned{d.month()});
  t.day = static_cast<int>(unsigned{d.day()});
  return t;
}

icaltimetype UtcValue(std::chrono::sys_seconds at) {
  return icaltime_from_timet_with_zone(at.time_since_epoch().count(), 0,
                                       icaltimezone_get_utc_timezone());
}

std::chrono::sys_seconds Midnight(const Date& d) { return std::chrono::sys_days{d}; }

Component NewCalendar(const std::string& name) {
  Component cal(icalcomponent_new_vcalendar());
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid(kProdId));
  icalproperty* calname = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calname, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), calname);
  return cal;
}

icalcomponent* MeetingEvent(const GroupRegisters& r, const Meeting& m) {
  icalcomponent* ev = icalcomponent_new_vevent();
  std::string uid = fmt::format("meeting-{}-{}@plenary", Slug(r.group), MeetingPageId(m.key));
  icalcomponent_add_property(ev, icalproperty_new_uid(uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(UtcValue(Midnight(m.date))));
  if (m.start_utc) {
    auto start = Midnight(m.date) + std::chrono::hours{m.start_utc->hour} +
                 std::chrono::minutes{m.start_utc->minute};
    icalcomponent_add_property(ev, icalproperty_new_dtstart(UtcValue(start)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(UtcValue(start + kMeetingLength)));
  } else {
    icalcomponent_add_property(ev, icalproperty_new_dtstart(DateValue(m.date)));
  }
  std::string summary = fmt::format("{} {}", r.group, MeetingLabel(m.key));
  icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
  std::string description = fmt::format("{} attendees, {} apologies, {} decisions.",
                                        m.attendees.size(), m.apologies.size(), m.decisions.size());
  icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
  if (m.record_url && IsSafeUrl(*m.record_url))
    icalcomponent_add_property(ev, icalproperty_new_url(m.record_url->c_str()));
  return ev;
}

Date LastChange(const RegisteredAction& a) {
  Date last = a.meeting_date;
  for (const ActionChange& c : a.history) last = std::max(last, c.date);
  return last;
}

icalcomponent* ItemTodo(const GroupRegisters& r, const RegisteredAction& a) {
  icalcomponent* todo = icalcomponent_new_vtodo();
  std::string uid = fmt::format("action-{}-{}@plenary", Slug(r.group), a.id);
  icalcomponent_add_property(todo, icalproperty_new_uid(uid.c_str()));
  icalcomponent_add_property(todo, icalproperty_new_dtstamp(UtcValue(Midnight(LastChange(a)))));
  icalcomponent_add_property(todo, icalproperty_new_dtstart(DateValue(a.meeting_date)));
  if (a.item.due) icalcomponent_add_property(todo, icalproperty_new_due(DateValue(*a.item.due)));
  icalcomponent_add_property(todo, icalproperty_new_summary(a.item.text.c_str()));
  std::string owners = publish_detail::OwnerNames(a.item.owners);
  std::string description = fmt::format(
      "Action item #{} of {}, raised at {} ({}). Owner: {}.", a.id, r.group,
      MeetingLabel(a.meeting), FormatIsoDate(a.meeting_date), owners.empty() ? "none" : owners);
  if (!a.item.written_status.empty()) description += " Status: " + a.item.written_status + ".";
  if (!a.item.due && !a.item.due_phrase.empty()) description += " Due " + a.item.due_phrase + ".";
  icalcomponent_add_property(todo, icalproperty_new_description(description.c_str()));
  icalcomponent_add_property(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
  return todo;
}

std::string Serialise(const Component& cal) {
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  free(text);  // NOLINT: libical allocates with malloc
  return out;
}

bool OwnedBy(const RegisteredAction& a, const std::string& owner) {
  return std::any_of(a.item.owners.begin(), a.item.owners.end(),
                     [&](const Owner& o) { return o.name == owner; });
}

}  // namespace

std::string GroupCalendar(const GroupRegisters& r) {
  Component cal = NewCalendar(r.group + " meetings and open action items");
  for (const Meeting& m : r.meetings) icalcomponent_add_component(cal.get(), MeetingEvent(r, m));
  for (const RegisteredAction& a : r.actions)
    if (a.item.status == ActionStatus::kOpen)
      icalcomponent_add_component(cal.get(), ItemTodo(r, a));
  return Serialise(cal);
}

std::vector<std::string> OpenItemOwners(const GroupRegisters& r) {
  std::vector<std::string> owners;
  for (const RegisteredAction& a : r.actions)
    if (a.item.status == ActionStatus::kOpen)
      for (const Owner& o : a.item.owners)
        if (std::find(owners.begin(), owners.end(), o.name) == owners.end())
          owners.push_back(o.name);
  std::sort(owners.begin(), owners.end());
  return owners;
}

std::string OwnerCalendar(const GroupRegisters& r, const std::string& owner) {
  Component cal = NewCalendar(fmt::format("{} action items of {}", r.group, owner));
  for (const RegisteredAction& a : r.actions)
    if (a.item.status == ActionStatus::kOpen && OwnedBy(a, owner))
      icalcomponent_add_component(cal.get(), ItemTodo(r, a));
  return Serialise(cal);
}

}  // namespace plenary
