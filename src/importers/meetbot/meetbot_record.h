// What MeetBot knew of one meeting, whichever record it came from: the items
// of its minutes in order, who spoke, chairs, aliases, the name and the start.
// The three MeetBot readers fill a MeetingRecord; BuildMeeting turns it into
// the model (group, number, names through the roster, owners by MeetBot's
// rule, attendance without bots).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/formats.h"
#include "importers/source_text.h"
#include "plenary/model.h"

namespace plenary::meetbot {

enum class ItemKind {
  kTopic,
  kInfo,
  kIdea,
  kLink,
  kHelp,
  kAction,
  kAgreed,    // #agreed, #agree: a decision
  kAccepted,  // #accepted, #accept; a carried motion or vote: a decision
  kRejected,  // #rejected: a decision not to
  kFailed,    // hcoop #failed, a motion that failed: minuted, not a decision
  kInconclusive,
  kMotion,
  kVote,      // the result of #startvote ... #endvote
  kSubtopic,  // meetingology's #subtopic
};

// "ACTION", "AGREED", ...: how MeetBot's minutes label an item ("" for info).
std::string_view ItemLabel(ItemKind kind);

struct MinuteItem {
  ItemKind kind = ItemKind::kInfo;
  std::string text;
  std::string nick;  // who said it
  int line = 0;
  int column = 0;
  // The decision this item records, when it is one (#agreed's text, a carried
  // motion with its count); empty otherwise.
  std::string decision;
  // The nicks the record itself assigns an action to (text minutes' "Action
  // items, by person"); none: found in the text by MeetBot's rule.
  std::optional<std::vector<std::string>> owner_nicks;
};

struct Participant {
  std::string nick;
  int lines = 0;      // lines said during the meeting
  bool here = false;  // said #here
  std::string alias;  // '#here ALIAS'
  int line = 0;       // where first seen
  // Counted by the bot (hcoop's nick table) with no line of theirs in the log.
  bool counted_only = false;
};

enum class Zone { kUnknown, kUtc, kOther };

struct MeetingRecord {
  int start_line = 1;  // the #startmeeting (or the record's first line)
  std::string name;    // #startmeeting NAME, #meetingname; the title of minutes
  std::string channel;
  std::optional<Date> date;
  std::optional<TimeOfDay> start;  // as logged, in `zone`
  Zone zone = Zone::kUnknown;
  int utc_offset_minutes = 0;       // for kOther with a numeric offset
  bool offset_known = false;
  std::string date_source;          // for the notice when the date was guessed
  std::optional<std::string> record_url;
  std::vector<MinuteItem> items;
  std::vector<Participant> participants;  // in order of first appearance
  // Nicks named by #nick or #chair: they may own actions, but are not present
  // unless they spoke.
  std::vector<std::string> known_nicks;
  std::vector<std::string> bots;  // nicks that spoke as the bot
  std::vector<std::string> notices;

  // The participant `nick` is (case ignored), added at `line` if new. Kept in
  // an index: a hostile log may have a new nick on each of 200,000 lines.
  Participant& Of(std::string_view nick, int line);
  const Participant* Find(std::string_view nick) const;

 private:
  std::unordered_map<std::string, std::size_t> index_;  // lower-case nick -> participant
};

// IRC compares nicks without case.
bool SameNick(std::string_view a, std::string_view b);

// Whether `nick` is a meeting bot by name (meetbot, zodbot, meetingology...).
bool IsKnownBotNick(std::string_view nick);

// Where `name` occurs in `text` as MeetBot finds a nick in an action: case
// ignored, not inside a longer nick (the characters around it are not letters,
// digits or nick punctuation such as `[]_-`); npos when it does not.
std::size_t FindNickInText(std::string_view text, std::string_view name);

// The meeting as the model holds it. Fails (located at the meeting's start)
// when no date or no group can be found.
Result<Meeting> BuildMeeting(const MeetingRecord& record, const SourceText& source,
                             const ReadOptions& options, std::vector<std::string>& notices);

// A date and time written "2021-04-13T02:06:12", "2021-04-13 02:06:12.5+00:00",
// "2021-04-13T02:06Z": the date, the time, and the offset from UTC in minutes
// when one is written.
struct Timestamp {
  Date date;
  TimeOfDay time;
  std::optional<int> offset_minutes;
};
std::optional<Timestamp> ParseTimestamp(std::string_view text);

// A date named anywhere in `text`: "2021-04-14" (also in a file name such as
// "council.2021-04-14-16.00.log.txt"). The byte where it starts.
struct FoundDate {
  Date date;
  std::size_t at = 0;
};
std::optional<FoundDate> FindIsoDate(std::string_view text);

}  // namespace plenary::meetbot
