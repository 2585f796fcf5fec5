// MeetBot's commands replayed over the lines of one meeting, as the bot reads
// them live: who may give which command (chairs only for #topic, #agreed,
// #undo, ...), #undo removing the last item, motions and votes counted, the
// bot's own replies recognised and not counted as anyone's attendance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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
// the end; the name in lower case. nullopt for any other text.
struct Command {
  std::string name;
  std::string_view operand;  // trimmed; a view into the text
};
std::optional<Command> ParseCommand(std::string_view text);

class Replay {
 public:
  // `start` is the #startmeeting line; its speaker is the founder and first
  // chair.
  Replay(const SourceText& source, MeetingRecord& record, const ChatLine& start);

  // Reads one line of the meeting. False once a chair has ended it.
  bool Add(const ChatLine& chat);

  // The meeting ran to the end of the log without #endmeeting.
  void Unfinished();

 private:
  bool IsChair(std::string_view nick) const;
  bool IsBotReply(const ChatLine& chat);
  void TakeBotStart(const ChatLine& chat);
  bool Dispatch(const ChatLine& chat, const Command& command);
  void AddItem(ItemKind kind, const ChatLine& chat, std::string_view text,
               std::string decision = "");
  void Notice(const ChatLine& chat, std::string_view message);
  int ColumnOf(const ChatLine& chat, std::string_view part) const;
  void Chair(std::string_view operand, bool add);
  void Nick(std::string_view operand);
  void Vote(const ChatLine& chat, std::string_view operand);
  void CloseMotion(const ChatLine& chat);
  void StartVote(const ChatLine& chat, std::string_view operand);
  void EndVote(const ChatLine& chat);

  const SourceText& source_;
  MeetingRecord& record_;
  std::string founder_;
  std::vector<std::string> chairs_;
  struct Ballot {
    std::string nick;
    int choice = 0;  // a motion: +1, 0, -1; a vote: the option's index
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
};

}  // namespace plenary::meetbot
