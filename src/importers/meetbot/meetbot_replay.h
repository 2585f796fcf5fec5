// MeetBot's commands replayed over the lines of one meeting, as the bot reads
// them live: who may give which command (chairs only for #topic, #agreed,
// #undo, ...), #undo removing the last item, motions and votes counted, the
// bot's own replies recognised and not counted as anyone's attendance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "importers/meetbot/meetbot_record.h"
#include "importers/source_text.h"

namespace plenary::meetbot {

// One line said in the channel.
struct ChatLine {
  int line = 0;
  std::optional<Date> date;  // when the log writes one before the time
  std::optional<TimeOfDay> time;
  std::string_view nick;
  std::string_view text;  // a view into the source's line (or a JSON value)
  bool emote = false;     // "* nick waves": counted as said, never a command
};

// One line of a log (`HH:MM:SS <nick> text`, `[HH:MM] <@nick> text`,
// `2021-04-13T02:06:12 <nick> text`, `<nick> text`, `HH:MM * nick waves`),
// leading spaces and a quote mark '> ' allowed; nullopt for anything else
// (joins, parts, a page's own text).
std::optional<ChatLine> ParseChatLine(std::string_view line, int number);

// "#topic Budget" -> {"topic", "Budget"}: '#', letters or '_', then spaces or
// the end; the name in lower case. "#action: bob to ..." is also one, marked
// `colon` (MeetBot reads it, hcoop-meetbot does not), its operand after the
// ':'. nullopt for any other text.
struct Command {
  std::string name;
  std::string_view operand;  // trimmed; a view into the text
  bool colon = false;        // the name was ended by ':', not a space
};
std::optional<Command> ParseCommand(std::string_view text);

// Which bot's rules: Debian's MeetBot and its descendants (the logs), or
// hcoop-meetbot (its JSON), which differ in a few commands.
enum class Dialect { kMeetBot, kHcoop };

// What hcoop-meetbot's events say it did, by the line of the message that
// made each: what an #undo removed (its UNDO event names the message), what a
// #close announced (its ACCEPTED, FAILED or INCONCLUSIVE event).
struct BotEvents {
  std::unordered_map<int, int> undone;          // #undo's line -> the removed message's line
  std::unordered_map<int, std::string> closed;  // "Motion accepted: 2 in favor to 1 opposed"
};

class Replay {
 public:
  // `start` is the #startmeeting line; its speaker is the founder and first
  // chair.
  Replay(const SourceText& source, MeetingRecord& record, const ChatLine& start,
         Dialect dialect = Dialect::kMeetBot);

  // Follows what the bot's own record says it did where its rules and
  // MeetBot's part (hcoop-meetbot's JSON).
  void UseBotEvents(BotEvents events) { bot_events_ = std::move(events); }

  // Reads one line of the meeting. False once a chair has ended it.
  bool Add(const ChatLine& chat);

  // The meeting ran to the end of the log without #endmeeting.
  void Unfinished();

 private:
  bool IsChair(std::string_view nick) const;
  bool IsKnownPerson(std::string_view nick) const;
  bool IsBotShaped(std::string_view text) const;
  bool IsBotReply(const ChatLine& chat);
  bool TakeColon(const ChatLine& chat, const Command& command);
  bool EndMeeting(const ChatLine& chat);
  std::optional<int> MinutesSinceStart(const ChatLine& chat) const;
  void TakeBotStart(const ChatLine& chat);
  bool Dispatch(const ChatLine& chat, const Command& command);
  void AddItem(ItemKind kind, const ChatLine& chat, std::string_view text,
               std::string decision = "");
  void Notice(const ChatLine& chat, std::string_view message);
  int ColumnOf(const ChatLine& chat, std::string_view part) const;
  void Chair(std::string_view operand, bool add);
  void Nick(std::string_view operand);
  void Vote(const ChatLine& chat, std::string_view operand);
  void Undo(const ChatLine& chat);
  bool UndoLine(const ChatLine& chat, int removed);
  void CloseMotion(const ChatLine& chat);
  void RecordMotionResult(const ChatLine& chat, const std::string& result);
  void StartVote(const ChatLine& chat, std::string_view operand);
  void EndVote(const ChatLine& chat);

  const SourceText& source_;
  MeetingRecord& record_;
  Dialect dialect_;
  std::string founder_;
  // How long MeetBot gives the meeting before anyone may end it: 60 minutes
  // unless its start says "is due to finish in N minutes".
  int length_minutes_ = 60;
  std::vector<std::string> chairs_;
  // Lower-case nicks that gave a command: people, whatever they say after.
  std::unordered_set<std::string> commanders_;
  struct Ballot {
    std::string nick;
    int choice = 0;  // a motion: +1, 0, -1; a vote: the option's index
    int line = 0;
  };
  struct OpenMotion {
    std::string text;
    int line = 0;
    std::vector<Ballot> ballots;  // the last ballot of a nick counts
  };
  std::optional<OpenMotion> motion_;
  struct OpenVote {
    std::string question;
    std::vector<std::string> options;
    std::vector<Ballot> ballots;
  };
  std::optional<OpenVote> vote_;
  BotEvents bot_events_;
};

}  // namespace plenary::meetbot
