// MeetBot's records: the IRC bot that keeps meetings' minutes (Debian's
// MeetBot, its descendants zodbot, meetingology, openstack's, and
// hcoop-meetbot). Three formats, three rows of the formats table:
//
//   meetbot-log      the channel's log as the bot writes it (`HH:MM:SS <nick>
//                    text`, also `[HH:MM:SS]`, a date before the time, `* nick`
//                    emotes), or the same lines pasted inside a page (indented,
//                    in a code block); the commands (#startmeeting, #topic,
//                    #action, ...) are replayed as the bot replays them.
//   meetbot-json     hcoop-meetbot's raw JSON log (messages and the events the
//                    bot made of them).
//   meetbot-minutes  the text minutes MeetBot writes ("Meeting summary",
//                    "Action items, by person", "People present (lines said)").
//
// Each meeting between #startmeeting and #endmeeting becomes one Meeting of
// kind "Meeting", numbered by its date and start hour in UTC. doc/formats.md
// describes what is read.
#pragma once

#include "importers/formats.h"

namespace plenary::meetbot {

Detection DetectLog(const SourceText& source);
Result<Minutes> ReadLog(const SourceText& source, const ReadOptions& options);

Detection DetectJson(const SourceText& source);
Result<Minutes> ReadJson(const SourceText& source, const ReadOptions& options);

Detection DetectMinutes(const SourceText& source);
Result<Minutes> ReadMinutesText(const SourceText& source, const ReadOptions& options);

}  // namespace plenary::meetbot
