// Pieces several pages show the same way: an action item's status, owners
// and due date, links to items and meetings, and the table of action items.
#pragma once

#include <string>
#include <vector>

#include "plenary/model.h"
#include "publish/formats/html_writer.h"

namespace plenary::pages {

// "Plenary #15"
std::string MeetingLabel(const MeetingKey& key);
// /g/SSR2/meetings/Plenary/15
std::string MeetingPath(const MeetingKey& key);
// /g/SSR2/actions/4
std::string ActionPath(const std::string& group, std::int64_t id);
// "Alice, ICANN Org", or "unassigned"
std::string OwnersText(const std::vector<Owner>& owners);
// Open with a due date before `today`.
bool IsOverdue(const ActionItem& item, const Date& today);

// <span class="status status-open">open</span>, with "overdue" beside it
// when it is.
void StatusBadge(html::HtmlWriter& w, const ActionItem& item, const Date& today);

// A table of items: number, text (linked to the item), owners, due, status,
// the meeting it came from. `caption` names the table for screen readers.
void ActionTable(html::HtmlWriter& w, const std::vector<RegisteredAction>& items, const Date& today,
                 std::string_view caption, bool show_group = false);

}  // namespace plenary::pages
