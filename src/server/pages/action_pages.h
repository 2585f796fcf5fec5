// The action item register's pages: the filtered list, one item with its
// history and the forms that change it, and a signed-in member's own items.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plenary/model.h"
#include "server/pages/layout.h"
#include "server/pages/workplan_view.h"

namespace plenary::pages {

// What the list's filter form asks for; every field may be empty.
struct ActionFilter {
  std::string owner;   // a name, alias or initials
  std::string status;  // "open", "complete", "cancelled"; empty: any
  bool overdue = false;
  std::string meeting;  // "KIND/NUMBER" of the meeting it came from
  std::string text;     // words the item's text or status note holds (ActionListQuery::words)
  int page = 1;         // of the list, kActionsPerPage items a page
};

inline constexpr std::size_t kActionsPerPage = 100;

// The action list's address for `filter` (its page included), for links.
std::string ActionListPath(const std::string& group, const ActionFilter& filter);

struct ActionListPage {
  std::string group;
  Date today;
  ActionFilter filter;
  std::vector<RegisteredAction> items;  // already filtered
  std::vector<std::string> owners;      // names to offer in the owner list
  std::vector<MeetingKey> meetings;     // meetings to offer, oldest first
  // When set, the store counted and cut the list: `items` is filter.page's
  // page alone, of `total` items.
  std::optional<std::size_t> total = std::nullopt;
};
html::TrustedHtml RenderActionList(const ActionListPage& page);

struct ActionItemPage {
  std::string group;
  Date today;
  RegisteredAction item;  // with its history
  // Open items of the group that could be folded into this one, likely
  // duplicates first.
  std::vector<RegisteredAction> merge_candidates;
  bool may_edit = false;      // secretariat: every form
  bool may_complete = false;  // an owner who is a member: done and reopen only
};
// Forms (all POST, with the CSRF field), under /g/GROUP/actions/ID/:
//   done (note), reopen (note), due (due: YYYY-MM-DD or empty to clear; note),
//   owners (owners: comma-separated names; note), merge (from: an item id).
html::TrustedHtml RenderActionItem(const ActionItemPage& page, const Viewer& viewer);

struct MyItemsPage {
  static constexpr std::size_t kShown = 100;  // items of each list shown
  std::string person;  // the roster name the items are for
  Date today;
  std::vector<RegisteredAction> open;    // the first kShown, oldest first
  std::vector<RegisteredAction> closed;  // complete or cancelled: the latest kShown
  std::vector<MyTask> tasks;             // work plan tasks they lead or are engaged in
  std::size_t open_total = 0;            // every one, shown or not
  std::size_t closed_total = 0;
};
html::TrustedHtml RenderMyItems(const MyItemsPage& page);

}  // namespace plenary::pages
