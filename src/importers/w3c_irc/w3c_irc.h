// Reader for W3C IRC meeting logs (doc/formats.md, "w3c-irc"), read the way
// scribe.perl's manual (w3c/scribe2 scribedoc.html) describes them: the log's
// lines (irc_lines.h), the scribes' s/// and i/// edits (scribe_edits.h),
// then the commands: Meeting:, Date:, Chair:, Scribe:, Topic:, present+,
// regrets+, ACTION:, RESOLUTION:, and what the bots (RRSAgent, Zakim,
// trackbot) answered.
#pragma once

#include "importers/formats.h"

namespace plenary {

// 0 when the text is not an IRC log or scribe notes with W3C commands.
Detection DetectW3cIrc(const SourceText& source);

// One meeting. Fails with InvalidInput, located, when the log holds no
// meeting (none of the commands above), names no date (no Date: line and no
// RRSAgent log address), or no group (no roster, no --group, no Meeting: line
// or channel).
Result<Minutes> ReadW3cIrc(const SourceText& source, const ReadOptions& options);

}  // namespace plenary
