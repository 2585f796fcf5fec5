// What every back end checks and decides about an ImportBatch before writing
// it: the same refusals and the same choice of meetings, whatever the database.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/store.h"

namespace plenary {

// Error::InvalidInput for what a store cannot hold faithfully: an empty
// group name, a roster naming a person twice, a sub-team naming someone not
// on the roster, a date outside the years 1900..2999 (or not ok()), a start
// time outside 00:00..23:59. Reads nothing, writes nothing.
Status CheckImportBatch(const ImportBatch& batch);

// InvalidInput "WHAT: not a date in the years 1900..2999" unless `date` is
// one a store keeps as "YYYY-MM-DD".
Status CheckDate(const Date& date, std::string_view what);

// Whether `meeting` is a record written before the meeting (an agenda): it
// records no attendance and no decision. Such a record never replaces a stored
// record of the same meeting that holds either (its minutes): the store keeps
// the minutes and reports the meeting unchanged.
bool WrittenBeforeTheMeeting(const Meeting& meeting);

// The meetings of `meetings` to apply: the last occurrence of each key (group
// compared without regard to ASCII case), in batch order.
std::vector<const MeetingImport*> LastOfEachKey(const std::vector<MeetingImport>& meetings);

// The groups a written batch touched: those whose meetings it wrote
// (`changes`, as a back end's WriteImportBatch reports them) and its roster's
// (`find`: a group's id by short name, once written). Only their stored
// attendance can have gone stale, so only they are refreshed.
template <typename Id, typename Change, typename Find>
std::set<Id> WrittenGroups(const std::map<Id, Change>& changes, const ImportBatch& batch,
                           Find find) {
  std::set<Id> groups;
  for (const auto& entry : changes) groups.insert(entry.first);
  if (batch.roster)
    if (std::optional<Id> id = find(batch.roster->group.short_name)) groups.insert(*id);
  return groups;
}

}  // namespace plenary
