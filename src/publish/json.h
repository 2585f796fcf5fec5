// The registers as JSON: the shapes `--json` prints and other tools rely on
// (documented in doc/cli.md). Keys are stable; new keys may be added.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "plenary/model.h"

namespace plenary {

// {group, kind, number, date, start_utc, record_url, subteam, attendees[], staff[],
//  apologies[], decisions[], agenda[{heading, notes[]}], actions[], guests[],
//  attendance_remarks[{name, remark}], decision_bodies[] (one per decision, null
//  when it has no body apart from its title)}
nlohmann::ordered_json MeetingJson(const Meeting& meeting);
// {text, owners[], owner_kinds[], due, status, source, raised_by, line,
//  written_status, due_phrase} (the last two null when the notes gave none)
nlohmann::ordered_json ActionItemJson(const ActionItem& item);
// ActionItemJson plus {id, meeting {group, kind, number, date}, status_note,
// merged_into (null unless merged), history[] (when loaded)}
nlohmann::ordered_json RegisteredActionJson(const RegisteredAction& action);
// {id, text, meeting {group, kind, number, date}, body}
nlohmann::ordered_json RegisteredDecisionJson(const RegisteredDecision& decision);
// {date, meeting {group, kind, number} or null, event, change, words, who}
nlohmann::ordered_json ActionChangeJson(const ActionChange& change);
// {a, b, score, reason}
nlohmann::ordered_json DuplicatePairJson(const DuplicatePair& pair);
// {group, name, active_from, active_to,
//  people[{name, role, aliases[], member_from, member_to, reminders, affiliation,
//          capacity, email}],
//  subteams[{name, lead, members[]}], organisations[{name, email}]}
// The e-mail addresses only `with_addresses` (the command line, the audit
// log, signed-in readers of the group); without, the "email" keys are left out.
nlohmann::ordered_json RosterJson(const Roster& roster, bool with_addresses = true);

}  // namespace plenary
