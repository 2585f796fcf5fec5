// libical, loaded when a command first writes an iCalendar feed (`publish
// --format ical`, a reminder's attachment) rather than when plenary starts:
// libical brings ICU (libicuuc, libicui18n, libicudata), and mapping and
// relocating those four cost more than a meeting's minutes take to make (1.0
// to 1.6 ms of every start here). It opens libical.so.3 (Debian's libical3,
// a Depends of the package) and takes the functions publish/formats/ical.cc
// calls. doc/performance.md ("Starting a process").
#pragma once

#include <libical/ical.h>

#include "plenary/result.h"

namespace plenary {

// The functions plenary calls, with libical's own signatures.
struct ICalLibrary {
  decltype(&::icalcomponent_new_vcalendar) component_new_vcalendar = nullptr;
  decltype(&::icalcomponent_new_vevent) component_new_vevent = nullptr;
  decltype(&::icalcomponent_new_vtodo) component_new_vtodo = nullptr;
  decltype(&::icalcomponent_add_component) component_add_component = nullptr;
  decltype(&::icalcomponent_add_property) component_add_property = nullptr;
  decltype(&::icalcomponent_as_ical_string_r) component_as_ical_string_r = nullptr;
  decltype(&::icalcomponent_free) component_free = nullptr;
  decltype(&::icalproperty_new_version) property_new_version = nullptr;
  decltype(&::icalproperty_new_prodid) property_new_prodid = nullptr;
  decltype(&::icalproperty_new_x) property_new_x = nullptr;
  decltype(&::icalproperty_set_x_name) property_set_x_name = nullptr;
  decltype(&::icalproperty_new_uid) property_new_uid = nullptr;
  decltype(&::icalproperty_new_dtstamp) property_new_dtstamp = nullptr;
  decltype(&::icalproperty_new_dtstart) property_new_dtstart = nullptr;
  decltype(&::icalproperty_new_dtend) property_new_dtend = nullptr;
  decltype(&::icalproperty_new_due) property_new_due = nullptr;
  decltype(&::icalproperty_new_summary) property_new_summary = nullptr;
  decltype(&::icalproperty_new_description) property_new_description = nullptr;
  decltype(&::icalproperty_new_url) property_new_url = nullptr;
  decltype(&::icalproperty_new_status) property_new_status = nullptr;
  decltype(&::icaltime_null_date) time_null_date = nullptr;
  decltype(&::icaltime_from_timet_with_zone) time_from_timet_with_zone = nullptr;
  decltype(&::icaltimezone_get_utc_timezone) timezone_get_utc_timezone = nullptr;
};

// libical, opened once per process, thread-safe; it stays loaded until exit.
// kIO naming the loader's reason when libical.so.3 or a function is missing.
Result<const ICalLibrary*> LoadICal();

}  // namespace plenary
