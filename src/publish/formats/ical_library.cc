#include "publish/formats/ical_library.h"

#include <string>

#include "publish/system_library.h"

namespace plenary {

namespace {

Result<ICalLibrary> Open() {
  constexpr const char* kSoname = "libical.so.3";
  auto opened = OpenSystemLibrary(kSoname, "libical3");
  if (!opened) return opened.error();
  void* h = *opened;
  ICalLibrary lib;
  std::string missing;
  bool ok =
      TakeFunction(h, "icalcomponent_new_vcalendar", lib.component_new_vcalendar, missing) &&
      TakeFunction(h, "icalcomponent_new_vevent", lib.component_new_vevent, missing) &&
      TakeFunction(h, "icalcomponent_new_vtodo", lib.component_new_vtodo, missing) &&
      TakeFunction(h, "icalcomponent_add_component", lib.component_add_component, missing) &&
      TakeFunction(h, "icalcomponent_add_property", lib.component_add_property, missing) &&
      TakeFunction(h, "icalcomponent_as_ical_string_r", lib.component_as_ical_string_r,
                   missing) &&
      TakeFunction(h, "icalcomponent_free", lib.component_free, missing) &&
      TakeFunction(h, "icalproperty_new_version", lib.property_new_version, missing) &&
      TakeFunction(h, "icalproperty_new_prodid", lib.property_new_prodid, missing) &&
      TakeFunction(h, "icalproperty_new_x", lib.property_new_x, missing) &&
      TakeFunction(h, "icalproperty_set_x_name", lib.property_set_x_name, missing) &&
      TakeFunction(h, "icalproperty_new_uid", lib.property_new_uid, missing) &&
      TakeFunction(h, "icalproperty_new_dtstamp", lib.property_new_dtstamp, missing) &&
      TakeFunction(h, "icalproperty_new_dtstart", lib.property_new_dtstart, missing) &&
      TakeFunction(h, "icalproperty_new_dtend", lib.property_new_dtend, missing) &&
      TakeFunction(h, "icalproperty_new_due", lib.property_new_due, missing) &&
      TakeFunction(h, "icalproperty_new_summary", lib.property_new_summary, missing) &&
      TakeFunction(h, "icalproperty_new_description", lib.property_new_description, missing) &&
      TakeFunction(h, "icalproperty_new_url", lib.property_new_url, missing) &&
      TakeFunction(h, "icalproperty_new_status", lib.property_new_status, missing) &&
      TakeFunction(h, "icaltime_null_date", lib.time_null_date, missing) &&
      TakeFunction(h, "icaltime_from_timet_with_zone", lib.time_from_timet_with_zone,
                   missing) &&
      TakeFunction(h, "icaltimezone_get_utc_timezone", lib.timezone_get_utc_timezone, missing);
  if (!ok) return Error::IO(std::string(kSoname) + " has no function " + missing);
  return lib;
}

}  // namespace

Result<const ICalLibrary*> LoadICal() {
  static const Result<ICalLibrary> loaded = Open();  // once, thread-safe (C++11 statics)
  if (!loaded) return loaded.error();
  return &*loaded;
}

}  // namespace plenary
