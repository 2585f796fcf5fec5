// iCalendar feeds built with libical: the components are libical objects and
// libical writes them (escaping, line folding, CRLF), so no text from the
// notes can break a property or start a component. libical is loaded on
// first use (publish/formats/ical_library.h); `ical` is it.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "core/date.h"
#include "core/text.h"
#include "publish/formats/data_formats.h"
#include "publish/formats/ical_library.h"
#include "publish/formats/renderers.h"

namespace plenary {
namespace {

constexpr auto kMeetingLength = std::chrono::hours{1};
constexpr const char* kProdId = "-//plenary//plenary 0.1.0//EN";

using Component = std::unique_ptr<icalcomponent, void (*)(icalcomponent*)>;

icaltimetype DateValue(const ICalLibrary& ical, const Date& d) {
  icaltimetype t = ical.time_null_date();
  t.year = static_cast<int>(d.year());
  t.month = static_cast<int>(unsigned{d.month()});
  t.day = static_cast<int>(unsigned{d.day()});
  return t;
}

icaltimetype UtcValue(const ICalLibrary& ical, std::chrono::sys_seconds at) {
  return ical.time_from_timet_with_zone(at.time_since_epoch().count(), 0,
                                     ical.timezone_get_utc_timezone());
}

std::chrono::sys_seconds Midnight(const Date& d) { return std::chrono::sys_days{d}; }

Component NewCalendar(const ICalLibrary& ical, const std::string& name) {
  Component cal(ical.component_new_vcalendar(), ical.component_free);
  ical.component_add_property(cal.get(), ical.property_new_version("2.0"));
  ical.component_add_property(cal.get(), ical.property_new_prodid(kProdId));
  icalproperty* calname = ical.property_new_x(name.c_str());
  ical.property_set_x_name(calname, "X-WR-CALNAME");
  ical.component_add_property(cal.get(), calname);
  return cal;
}

icalcomponent* MeetingEvent(const ICalLibrary& ical, const GroupRegisters& r, const Meeting& m) {
  icalcomponent* ev = ical.component_new_vevent();
  std::string uid = fmt::format("meeting-{}-{}@plenary", Slug(r.group), MeetingPageId(m.key));
  ical.component_add_property(ev, ical.property_new_uid(uid.c_str()));
  ical.component_add_property(ev, ical.property_new_dtstamp(UtcValue(ical, Midnight(m.date))));
  if (m.start_utc) {
    auto start = Midnight(m.date) + std::chrono::hours{m.start_utc->hour} +
                 std::chrono::minutes{m.start_utc->minute};
    ical.component_add_property(ev, ical.property_new_dtstart(UtcValue(ical, start)));
    ical.component_add_property(ev, ical.property_new_dtend(UtcValue(ical, start + kMeetingLength)));
  } else {
    ical.component_add_property(ev, ical.property_new_dtstart(DateValue(ical, m.date)));
  }
  std::string summary = fmt::format("{} {}", r.group, MeetingLabel(m.key));
  ical.component_add_property(ev, ical.property_new_summary(summary.c_str()));
  std::string description = fmt::format("{} attendees, {} apologies, {} decisions.",
                                        m.attendees.size(), m.apologies.size(), m.decisions.size());
  ical.component_add_property(ev, ical.property_new_description(description.c_str()));
  if (m.record_url && IsSafeUrl(*m.record_url))
    ical.component_add_property(ev, ical.property_new_url(m.record_url->c_str()));
  return ev;
}

Date LastChange(const RegisteredAction& a) {
  Date last = a.meeting_date;
  for (const ActionChange& c : a.history) last = std::max(last, c.date);
  return last;
}

icalcomponent* ItemTodo(const ICalLibrary& ical, const GroupRegisters& r, const RegisteredAction& a) {
  icalcomponent* todo = ical.component_new_vtodo();
  std::string uid = fmt::format("action-{}-{}@plenary", Slug(r.group), a.id);
  ical.component_add_property(todo, ical.property_new_uid(uid.c_str()));
  ical.component_add_property(todo, ical.property_new_dtstamp(UtcValue(ical, Midnight(LastChange(a)))));
  ical.component_add_property(todo, ical.property_new_dtstart(DateValue(ical, a.meeting_date)));
  if (a.item.due) ical.component_add_property(todo, ical.property_new_due(DateValue(ical, *a.item.due)));
  ical.component_add_property(todo, ical.property_new_summary(a.item.text.c_str()));
  std::string owners = publish_detail::OwnerNames(a.item.owners);
  std::string description = fmt::format(
      "Action item #{} of {}, raised at {} ({}). Owner: {}.", a.id, r.group,
      MeetingLabel(a.meeting), FormatIsoDate(a.meeting_date), owners.empty() ? "none" : owners);
  if (!a.item.written_status.empty()) description += " Status: " + a.item.written_status + ".";
  if (!a.item.due && !a.item.due_phrase.empty()) description += " Due " + a.item.due_phrase + ".";
  ical.component_add_property(todo, ical.property_new_description(description.c_str()));
  ical.component_add_property(todo, ical.property_new_status(ICAL_STATUS_NEEDSACTION));
  return todo;
}

std::string Serialise(const ICalLibrary& ical, const Component& cal) {
  char* text = ical.component_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  free(text);  // NOLINT: libical allocates with malloc
  return out;
}

bool OwnedBy(const RegisteredAction& a, const std::string& owner) {
  return std::any_of(a.item.owners.begin(), a.item.owners.end(),
                     [&](const Owner& o) { return o.name == owner; });
}

}  // namespace

Result<std::string> GroupCalendar(const GroupRegisters& r) {
  auto loaded = LoadICal();
  if (!loaded) return loaded.error();
  const ICalLibrary& ical = **loaded;
  Component cal = NewCalendar(ical, r.group + " meetings and open action items");
  for (const Meeting& m : r.meetings)
    ical.component_add_component(cal.get(), MeetingEvent(ical, r, m));
  for (const RegisteredAction& a : r.actions)
    if (a.item.status == ActionStatus::kOpen)
      ical.component_add_component(cal.get(), ItemTodo(ical, r, a));
  return Serialise(ical, cal);
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

Result<std::string> OwnerCalendar(const GroupRegisters& r, const std::string& owner) {
  auto loaded = LoadICal();
  if (!loaded) return loaded.error();
  const ICalLibrary& ical = **loaded;
  Component cal = NewCalendar(ical, fmt::format("{} action items of {}", r.group, owner));
  for (const RegisteredAction& a : r.actions)
    if (a.item.status == ActionStatus::kOpen && OwnedBy(a, owner))
      ical.component_add_component(cal.get(), ItemTodo(ical, r, a));
  return Serialise(ical, cal);
}

}  // namespace plenary
