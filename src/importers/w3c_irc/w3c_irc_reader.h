// The W3C IRC reader's state, shared by w3c_irc.cc (the lines and their
// commands) and w3c_irc_meeting.cc (the meeting they make: date, start, kind,
// group, attendance, owners). Internal to src/importers/w3c_irc/.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "core/directory.h"
#include "importers/formats.h"
#include "importers/w3c_irc/irc_actions.h"
#include "importers/w3c_irc/irc_lines.h"
#include "importers/w3c_irc/irc_names.h"

namespace plenary::w3c_irc {

struct PendingAction {
  ActionLine line;
  int source_line = 0;
  TrackbotReply trackbot;
  bool answered = false;
  bool refused = false;
  bool dropped = false;  // "RRSAgent, drop action 2"
};

struct ScribeName {
  std::string nick;  // as typed on IRC; empty when only a name was given
  std::string name;  // how to call them
  int line = 0;
};

class IrcReader {
 public:
  IrcReader(const SourceText& source, const ReadOptions& options)
      : source_(source), options_(options) {}

  Result<Minutes> Read();

 private:
  void Notice(int line, const std::string& message) {
    line = std::clamp(line, 1, std::max(1, static_cast<int>(source_.line_count())));
    notices_.push_back(source_.Describe(line, 0, "notice: " + message));
  }

  void GuessFirstScribe(const std::vector<IrcLine>& lines);
  void HandleBot(const IrcLine& line);
  void HandleZakim(const IrcLine& line);
  void HandleLine(const IrcLine& line);
  bool HandleMeetingCommand(const IrcLine& line, std::string_view text);
  bool HandleAttendance(const IrcLine& line, std::string_view text);
  bool HandleScribe(const IrcLine& line, std::string_view text);
  bool HandleAction(const IrcLine& line, std::string_view text);
  bool HandleContinuation(const IrcLine& line, std::string_view text);
  void AddNote(const IrcLine& line, std::string_view text);
  void StartTopic(int line, std::string_view heading);
  std::string SpeakerName(std::string_view nick) const;
  const std::string& FoldedNick(const std::string& nick);
  std::vector<std::string> PeopleOf(std::string_view list, int line);

  Result<Meeting> Finish();
  void FinishAttendance(Meeting& meeting, const Directory& directory, bool has_roster);
  void FinishActions(Meeting& meeting, const Directory& directory, bool has_roster);
  void FinishDecisions(Meeting& meeting);
  const Roster* FindRoster(std::string_view record_group) const;

  const SourceText& source_;
  const ReadOptions& options_;
  std::vector<std::string> notices_;
  IrcLayout layout_ = IrcLayout::kPlain;

  std::string title_;
  int title_line_ = 0;
  std::optional<WrittenDate> written_date_;
  int date_line_ = 0;
  std::optional<Date> log_date_;
  std::string channel_;
  std::optional<std::string> record_url_;
  bool rrsagent_ = false;
  int first_seconds_ = -1;
  int scheduled_seconds_ = -1;
  int started_seconds_ = -1;

  std::vector<std::string> chairs_;
  std::vector<ScribeName> scribes_;
  std::unordered_set<std::string> current_scribes_;      // folded nicks
  std::unordered_map<std::string, std::string> aliases_;  // folded nick -> name
  const IrcLine* last_scribe_command_ = nullptr;
  int messages_ = 0;               // messages handled so far
  int last_scribe_message_ = -1;   // messages_ at the last scribe command
  bool scribe_named_ = false;

  NameList present_;
  bool explicit_present_ = false;
  int present_line_ = 0;
  NameList zakim_present_;
  std::vector<std::string> zakim_dropped_;
  int zakim_line_ = 0;
  bool zakim_attendees_open_ = false;
  NameList regrets_;
  std::map<std::string, std::pair<std::string, int>> spoke_;  // folded -> (name, first line)
  std::unordered_set<std::string> spoke_nicks_;  // the nicks of spoke_, as typed
  std::unordered_map<std::string, std::string> folded_nicks_;  // nick -> FoldedNick
  // The speakers the scribes' lines quote ("Bob: ..."), the same way.
  std::map<std::string, std::pair<std::string, int>> quoted_;

  std::vector<AgendaSection> agenda_;
  std::vector<PendingAction> actions_;
  int trackbot_target_ = -1;
  std::map<int, std::size_t> tracker_numbers_;
  std::unordered_map<std::string, std::size_t> said_actions_;  // folded text -> action
  std::vector<std::pair<int, ActionItem>> reviews_;  // (tracker number, item)
  int close_target_ = -1;                            // the review trackbot is asked to close
  std::vector<Decision> decisions_;
  enum class Continues { kNothing, kAction, kDecision } continues_ = Continues::kNothing;
  std::string continues_nick_;
  bool verbatim_ = false;
};

}  // namespace plenary::w3c_irc
