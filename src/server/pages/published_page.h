// A page of the published set (publish/registers.h) shown inside the app: the
// same document rendered by the same HTML renderer as `plenary publish`, its
// links turned into the app's routes. The attendance page is one.
#pragma once

#include "publish/document.h"
#include "publish/formats/html_writer.h"
#include "publish/registers.h"

namespace plenary::pages {

// The app's address for a link of `registers`' published set: meeting
// records, the registers and the attendance pages map to their routes (an
// item's anchor in the action register to the item's page); a
// month's participation page to the attendance page's monthly rates; an
// affiliation's report back to its page (the last twelve months); outside
// addresses stay as they are.
std::string AppHref(const GroupRegisters& registers, const Link& link);

html::TrustedHtml RenderPublishedDocument(const GroupRegisters& registers, const Document& doc);
// Only `content` (no title), links as RenderPublishedDocument's.
void WritePublishedContent(html::HtmlWriter& w, const GroupRegisters& registers,
                           const std::vector<Content>& content);

}  // namespace plenary::pages
