// Pieces several pages show the same way: an action item's status, owners
// and due date, links to items and meetings, and the table of action items.
#pragma once

#include <string>
#include <vector>

#include "core/meeting_label.h"
#include "plenary/model.h"
#include "publish/formats/html_writer.h"

namespace plenary::pages {

// /g/SSR2/meetings/Plenary/15, /g/IRSG/meetings/Teleconference/2025-09-23
// (MeetingLabel, core/meeting_label.h, names a meeting to people)
std::string MeetingPath(const MeetingKey& key);
// /g/SSR2/actions/4
std::string ActionPath(const std::string& group, std::int64_t id);
// The due date, the due in words when it names no day, or "—".
std::string DueText(const ActionItem& item);
// "Alice, ICANN Org", or "unassigned"
std::string OwnersText(const std::vector<Owner>& owners);
// Open with a due date before `today`.
bool IsOverdue(const ActionItem& item, const Date& today);

// <span class="status status-open">open</span>, with the group's own word
// for it beside it (<span class="status status-written">in progress</span>) when the
// notes wrote one, and "overdue" when it is.
void StatusBadge(html::HtmlWriter& w, const ActionItem& item, const Date& today);

// A table of items: number, text (linked to the item), owners, due, status,
// the meeting it came from. `caption` names the table for screen readers.
void ActionTable(html::HtmlWriter& w, const std::vector<RegisteredAction>& items, const Date& today,
                 std::string_view caption, bool show_group = false);

}  // namespace plenary::pages
