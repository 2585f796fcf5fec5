// Reader for an ICANN review team's wiki meeting page, copied as text from the
// browser (documented in doc/formats.md, "icann-wiki"): the title
// "SSR2 Plenary #41 - 30 August 2018" (often twice), attendance as
// `Label:  names` lines ("Review Team Members:", "Observers:", "ICANN
// Organization:", "Guests:", "Apologies:"; "/" means none), "Decisions
// Reached:" and "Action Items:" with bullets, the numbered agenda, and "Call
// Details" with the time in UTC.
#pragma once

#include "importers/formats.h"
#include "importers/source_text.h"
#include "plenary/result.h"

namespace plenary {

// How sure it is that `source` is a wiki page: a title line as ICANN notes
// write it and at least one of the page's own labels ("Review Team Members:",
// "ICANN Organization:", "Call Details", a recording line, the title again).
// E-mailed notes ("Attendees:", "Staff:", an action table) score 0.
Detection DetectIcannWikiPage(const SourceText& source);

// Reads the page's one meeting. Names resolve against the roster of the
// group the title names (Directory::MatchPerson / MatchOwner); each guess, and
// each name kept as written, is a notice. Fails with InvalidInput, located,
// on a title that is not one, an undecidable date, a due date that does not
// exist, or a page that holds nothing a meeting record holds.
Result<Minutes> ReadIcannWikiPage(const SourceText& source, const ReadOptions& options);

}  // namespace plenary
