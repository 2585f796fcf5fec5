// Readers for the board minutes and board agendas of The Apache Software
// Foundation, in the fixed-width text layout the ASF's secretary keeps
// (documented in doc/formats.md, "asf-board-minutes"): a centred title and
// date, numbered sections (" 1. Call to order" .. "13. Adjournment") with
// lettered items ("    A. Chairman [Brett]"), then the attachments.
//
// The minutes record what happened: the roll call, the approvals, each
// Special Order's outcome, the review of outstanding action items and the
// actions given during the meeting. The agenda is the same layout written
// before the meeting: it records only the state of the outstanding action
// items then; the minutes of the same meeting get the same key and replace it.
#pragma once

#include "importers/formats.h"

namespace plenary {

Detection DetectAsfBoardMinutes(const SourceText& source);
Detection DetectAsfBoardAgenda(const SourceText& source);

Result<Minutes> ReadAsfBoardMinutes(const SourceText& source, const ReadOptions& options);
Result<Minutes> ReadAsfBoardAgenda(const SourceText& source, const ReadOptions& options);

}  // namespace plenary
