// Scribes' edits to an IRC log, as scribe.perl's manual defines them:
// "s/old/new/" (or s|old|new|) replaces the most recent earlier occurrence of
// the literal text old, "s/old/new/g" every earlier one, "s/old/new/G" every
// one in the log, and "i/where/text/" inserts a line before the most recent
// earlier line that contains where. Edits apply in the order they were made,
// each to the text the earlier ones left.
//
// scribe.perl looks for each edit's target by scanning back through the whole
// log, which is quadratic on long logs with many edits. Here each edit first
// looks a few hundred lines back (where nearly every target is), then asks an
// index of the lines' character trigrams for the lines that can hold the old
// text, so a log of n lines with k edits costs about n + k times the few
// candidate lines checked, not n * k.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/w3c_irc/irc_lines.h"

namespace plenary {

struct ScribeEdit {
  enum Kind { kSubstitute, kInsert } kind = kSubstitute;
  std::string old_text;  // never empty
  std::string new_text;
  // 0: the most recent occurrence; 'g': every earlier one; 'G': every one.
  char scope = 0;
};

// The edit `text` (a message, leading spaces removed) asks for, or none.
// Only '/' and '|' delimit, as in scribe.perl; the final delimiter is optional.
std::optional<ScribeEdit> ParseScribeEdit(std::string_view text);

struct EditReport {
  int applied = 0;
  // Edits that found nothing to change: (line, message), kept as text.
  std::vector<std::pair<int, std::string>> failed;
};

// Applies every edit among `lines` (messages only; events and other edits are
// never targets). A successful edit's own line is removed; inserted lines
// take the edit's nick, time and line number.
EditReport ApplyScribeEdits(std::vector<IrcLine>& lines);

}  // namespace plenary
