#include "server/pages/published_page.h"

#include <charconv>

#include "publish/affiliation_pages.h"
#include "publish/formats/html.h"
#include "server/pages/layout.h"
#include "server/pages/parts.h"

namespace plenary::pages {
namespace {

std::string WithAnchor(std::string path, const std::string& anchor) {
  return anchor.empty() ? path : path + "#" + html::UrlSegment(anchor);
}

}  // namespace

std::string AppHref(const GroupRegisters& r, const Link& link) {
  if (!link.url.empty()) return link.url;
  const std::string& page = link.page;
  if (page.empty()) return "#" + html::UrlSegment(link.anchor);
  if (page == kIndexPage || page == kAgendaPage) return WithAnchor(GroupPath(r.group), link.anchor);
  if (page == kActionsPage) {
    // An item's history in the register is the item's own page here.
    std::int64_t id = 0;
    const std::string_view anchor = link.anchor;
    if (anchor.starts_with("item-") &&
        std::from_chars(anchor.data() + 5, anchor.data() + anchor.size(), id).ptr ==
            anchor.data() + anchor.size() &&
        id > 0)
      return ActionPath(r.group, id);
    return WithAnchor(GroupPath(r.group, "actions"), link.anchor);
  }
  if (page == kDecisionsPage) return WithAnchor(GroupPath(r.group, "decisions"), link.anchor);
  if (page == kAttendancePage) return WithAnchor(GroupPath(r.group, "attendance"), link.anchor);
  if (page.starts_with("attendance-")) return GroupPath(r.group, "attendance") + "#monthly";
  if (page.starts_with("report-back-") && r.roster)
    for (const std::string& affiliation : RosterAffiliations(*r.roster))
      if (ReportBackPageId(affiliation) == page)
        return GroupPath(r.group, "report-back") +
               html::QueryString({{"affiliation", affiliation}});
  for (const Meeting& m : r.meetings)
    if (MeetingPageId(m.key) == page) return WithAnchor(MeetingPath(m.key), link.anchor);
  return GroupPath(r.group);
}

html::TrustedHtml RenderPublishedDocument(const GroupRegisters& registers, const Document& doc) {
  html::HtmlWriter w;
  WriteHtmlFragment(w, doc, [&](const Link& link) { return AppHref(registers, link); });
  return std::move(w).Done();
}

void WritePublishedContent(html::HtmlWriter& w, const GroupRegisters& registers,
                           const std::vector<Content>& content) {
  WriteHtmlContent(w, content, [&](const Link& link) { return AppHref(registers, link); });
}

}  // namespace plenary::pages
