// Reader for ICANN-style review-team notes (the format of SSR2 plenary #15;
// documented in doc/notes-format.md): a header line, attendance lists, an
// action item table, decisions, and summary notes under headings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "importers/source_text.h"
#include "plenary/model.h"
#include "plenary/result.h"

namespace plenary {

struct NotesOptions {
  // The year of the meeting, for headers that give none.
  std::optional<int> year;
  // Rosters of the groups plenary knows; the one whose short name the header
  // starts with resolves names and, through its active period, the year.
  std::vector<Roster> rosters;
};

struct ImportedNotes {
  Meeting meeting;
  // Things worth a person's attention that did not stop the import (a name
  // that matches nobody on the roster, text that was not understood), each
  // as "NAME:LINE:COL: message" with the line.
  std::vector<std::string> warnings;
};

// Reads one meeting from `source`. Fails with InvalidInput, located at the
// offending line and column, when the notes cannot be read without guessing:
// no header, an undecidable year, a truncated or malformed table, a date that
// does not exist.
Result<ImportedNotes> ReadIcannNotes(const SourceText& source, const NotesOptions& options);

}  // namespace plenary
