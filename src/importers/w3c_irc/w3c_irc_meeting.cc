// The meeting a W3C IRC log makes, once its lines are read (w3c_irc.cc): the
// date, the start, the kind and the group, attendance with the chairs and
// scribes, the owners and due dates of actions, the decisions.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/meeting_label.h"
#include "core/text.h"
#include "importers/notes_phrases.h"
#include "importers/w3c_irc/w3c_irc_reader.h"

namespace plenary::w3c_irc {
namespace {

// The kind a Meeting: title names, and where it starts in the title.
struct TitleKind {
  std::string kind;
  std::size_t at = std::string::npos;
};

TitleKind KindInTitle(std::string_view title) {
  static const std::pair<std::string_view, std::string_view> kKinds[] = {
      {"teleconference", "Teleconference"}, {"telecon", "Teleconference"},
      {"meeting", "Meeting"},               {"call", "Call"},
      {"face-to-face", "Meeting"},          {"f2f", "Meeting"}};
  std::string lower = AsciiLower(title);
  TitleKind found;
  for (const auto& [word, kind] : kKinds) {
    for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
      std::size_t end = at + word.size();
      bool ends = end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]));
      if (!starts || !ends) continue;
      // The first kind word ends the group's name ("HTML Working Group
      // face-to-face meeting").
      if (found.kind.empty() || at < found.at) found = {std::string(kind), at};
    }
  }
  return found;
}

// Who is on the roster: a canonical name and whether staff; none when nobody.
std::optional<std::pair<std::string, bool>> RosterPerson(const Directory& directory,
                                                          std::string_view name) {
  const Person* person = directory.FindPerson(name);
  if (!person) {
    std::string bare(name);
    while (!bare.empty() && ((bare.back() >= '0' && bare.back() <= '9') || bare.back() == '_'))
      bare.pop_back();
    if (!bare.empty() && bare != name) person = directory.FindPerson(bare);
  }
  if (!person) return std::nullopt;
  return std::pair{person->name, person->role == Role::kStaff};
}

}  // namespace

const Roster* IrcReader::FindRoster(std::string_view record_group) const {
  for (const Roster& roster : options_.rosters) {
    std::string short_name = FoldName(roster.group.short_name);
    std::string full_name = FoldName(roster.group.full_name);
    // A view of --group itself: `group ? *group : ""` would be a temporary.
    std::string_view asked = options_.group ? std::string_view(*options_.group) : std::string_view();
    for (std::string_view candidate : {asked, record_group, std::string_view(channel_)}) {
      std::string folded = FoldName(candidate);
      if (folded.empty()) continue;
      if (folded == short_name || (!full_name.empty() && folded == full_name)) return &roster;
    }
    std::string title = FoldName(title_);
    if (!short_name.empty() && title.starts_with(short_name + " ")) return &roster;
  }
  return nullptr;
}

void IrcReader::FinishAttendance(Meeting& meeting, const Directory& directory, bool has_roster) {
  NameList present = present_;
  if (!explicit_present_ && !zakim_present_.names().empty()) {
    present = zakim_present_;
    Notice(zakim_line_, "no present+ or Present: line; attendance is Zakim's list of attendees");
    if (!zakim_dropped_.empty()) {
      std::vector<std::string> dropped;
      for (const std::string& d : zakim_dropped_)
        if (std::find(dropped.begin(), dropped.end(), d) == dropped.end()) dropped.push_back(d);
      Notice(zakim_line_, fmt::format("left out of attendance, as telephone lines rather than "
                                      "people: {}",
                                      fmt::join(dropped, ", ")));
    }
  }
  if (!explicit_present_ && zakim_present_.names().empty()) {
    // No present list at all: who spoke on IRC, and whom the scribes quote,
    // took part (scribe.perl's "Maybe present"). A guess, so said.
    std::vector<std::pair<int, std::string>> heard;
    for (const auto* said : {&spoke_, &quoted_})
      // A nick named as a scribe's after it first spoke ("scribenick: dd")
      // is that scribe: SpeakerName again, now that every alias is known.
      for (const auto& [folded, who] : *said) heard.emplace_back(who.second, SpeakerName(who.first));
    std::sort(heard.begin(), heard.end());
    std::vector<std::string> added;
    for (const auto& [line, name] : heard)
      if (!MatchName(present.names(), name, true)) {
        present.Add(name);
        added.push_back(name);
      }
    if (!added.empty())
      Notice(heard.front().first,
             fmt::format("no present list (present+, Present: or Zakim's); attendance is who spoke "
                         "on IRC or was quoted by the scribe: {}",
                         fmt::join(added, ", ")));
  }
  // The chairs and the scribes were there.
  std::vector<std::pair<std::string, int>> officers;
  for (const std::string& chair : chairs_) officers.emplace_back(chair, title_line_);
  for (const ScribeName& scribe : scribes_) officers.emplace_back(scribe.name, scribe.line);
  for (const auto& [name, line] : officers) {
    auto match = MatchName(present.names(), name, true);
    if (!match) {
      present.Add(name);
      continue;
    }
    if (match->how != NameMatch::kSame)
      Notice(line, fmt::format("'{}' taken as '{}' of the present list", name,
                               present.names()[match->index]));
  }
  for (const auto& [folded, said] : spoke_) {
    // The name now: a nick named as a scribe's after it first spoke is that scribe.
    const std::string name = SpeakerName(said.first);
    if (!MatchName(present.names(), name, true) && explicit_present_)
      Notice(said.second, fmt::format("{} spoke but is not in the present list", name));
  }
  auto place = [&](const std::string& name, std::vector<std::string>& members, int line) {
    if (has_roster) {
      if (auto person = RosterPerson(directory, name)) {
        auto& list = person->second ? meeting.staff : members;
        if (std::find(list.begin(), list.end(), person->first) == list.end())
          list.push_back(person->first);
        return;
      }
      Notice(line, fmt::format("'{}' matches nobody on the roster; kept as written", name));
    }
    if (std::find(members.begin(), members.end(), name) == members.end()) members.push_back(name);
  };
  for (const std::string& name : present.names()) place(name, meeting.attendees, present_line_);
  for (const std::string& name : regrets_.names()) {
    if (MatchName(present.names(), name, false)) {
      Notice(present_line_, fmt::format("{} sent regrets but is in the present list; counted present", name));
      continue;
    }
    place(name, meeting.apologies, present_line_);
  }
}

void IrcReader::FinishActions(Meeting& meeting, const Directory& directory, bool has_roster) {
  std::vector<std::string> attendees = meeting.attendees;
  attendees.insert(attendees.end(), meeting.staff.begin(), meeting.staff.end());
  for (PendingAction& pending : actions_) {
    if (pending.dropped) continue;
    ActionItem item;
    item.text = pending.line.text;
    item.source = ActionSource::kNotes;
    item.line = pending.source_line;
    item.written_status = pending.line.written_status;
    if (item.written_status == "done" || item.written_status == "closed")
      item.status = ActionStatus::kComplete;
    else if (item.written_status == "dropped")
      item.status = ActionStatus::kCancelled;
    std::vector<std::string> owners = pending.line.owners;
    if (owners.empty() && !pending.trackbot.owner.empty()) owners.push_back(pending.trackbot.owner);
    for (std::size_t i = 0; i < owners.size(); ++i) {
      const std::string& written = owners[i];
      std::string name = written;
      if (has_roster && RosterPerson(directory, written)) {
        name = RosterPerson(directory, written)->first;
      } else if (i == 0 && !pending.trackbot.owner.empty()) {
        name = pending.trackbot.owner;
        if (FoldName(name) != FoldName(written))
          Notice(item.line, fmt::format("owner '{}' is trackbot's '{}'", written, name));
      } else if (auto match = MatchName(attendees, written, false)) {
        name = attendees[match->index];
        if (match->how != NameMatch::kSame)
          Notice(item.line, fmt::format("owner '{}' taken as '{}' of the attendees", written, name));
      } else {
        Notice(item.line, fmt::format("owner '{}' matches nobody{}; kept as written", written,
                                      has_roster ? " on the roster" : " present"));
      }
      item.owners.push_back(directory.ResolveOwner(name));
    }
    if (item.owners.empty())
      Notice(item.line, "this action names no owner (write 'ACTION: NAME to ...')");
    // The action's own words first ("- due 2014-04-16", "by Friday", "by the
    // end of May", "before the next call"), then what trackbot recorded.
    if (auto words = FindDueWords(item.text)) {
      DueReading reading = ReadDue(*words, meeting.date);
      item.due = reading.due;
      item.due_phrase = std::move(reading.due_phrase);
      if (!reading.notice.empty()) Notice(item.line, reading.notice);
    }
    if (!item.due && pending.trackbot.due) {
      item.due = pending.trackbot.due;
      Notice(item.line, fmt::format("due {} as trackbot set it", FormatIsoDate(*item.due)));
    }
    meeting.actions.push_back(std::move(item));
  }
  for (auto& [number, review] : reviews_) meeting.actions.push_back(std::move(review));
}

namespace {

// Whether `longer` begins with `shorter` as whole words: "close issue 5" is
// not the beginning of "close issue 50".
bool BeginsWithWords(std::string_view longer, std::string_view shorter) {
  if (!longer.starts_with(shorter)) return false;
  if (longer.size() == shorter.size() || shorter.empty()) return true;
  const auto next = static_cast<unsigned char>(longer[shorter.size()]);
  const auto last = static_cast<unsigned char>(shorter.back());
  return !std::isalnum(next) || !std::isalnum(last);
}

}  // namespace

void IrcReader::FinishDecisions(Meeting& meeting) {
  for (Decision& decision : decisions_) {
    if (!meeting.decisions.empty()) {
      // "RESOLUTION: Accepted as proposed" by one, "RESOLUTION: accepted as
      // proposed G141 ..." by the scribe: one decision, in its fuller words.
      // Only under the same topic: "approve" under one and "approve the
      // budget" under the next are two decisions.
      Decision& last = meeting.decisions.back();
      std::string a = FoldName(last.text), b = FoldName(decision.text);
      const bool same_topic = std::none_of(agenda_.begin(), agenda_.end(), [&](const auto& s) {
        return s.line > last.line && s.line <= decision.line;
      });
      if (same_topic && (BeginsWithWords(a, b) || BeginsWithWords(b, a))) {
        Notice(decision.line, fmt::format("this resolution says again the one of line {}; "
                                          "recorded once",
                                          last.line));
        if (b.size() > a.size()) last = decision;
        continue;
      }
    }
    meeting.decisions.push_back(std::move(decision));
  }
}

Result<Meeting> IrcReader::Finish() {
  Meeting meeting;
  // The date: the Date: line, else RRSAgent's log address.
  if (written_date_) {
    WrittenDate written = *written_date_;
    if (written.year == 0) {
      if (!options_.year && !log_date_)
        return source_.ErrorAt(date_line_, 0, "the date gives no year; pass --year");
      written.year = options_.year ? *options_.year : static_cast<int>(log_date_->year());
    }
    auto date = ResolveWrittenDate(written, Date{std::chrono::year{written.year} / 1 / 1});
    if (!date) return source_.ErrorAt(date_line_, 0, "this date does not exist");
    meeting.date = *date;
  } else if (log_date_) {
    meeting.date = *log_date_;
  } else {
    return source_.ErrorAt(1, 0,
                           "no meeting date: no 'Date: 9 April 2014' line and no RRSAgent log "
                           "address ('logging to https://www.w3.org/2014/04/09-forms-irc')");
  }
  // The start: RRSAgent's clock is UTC; other clients' are local and unknown.
  if (layout_ == IrcLayout::kRrsAgent && rrsagent_) {
    // Zakim's call is the meeting's only when it begins with the log (within
    // half an hour); a bridge opened later for a part of a long meeting is not.
    auto near_start = [&](int at) { return at >= 0 && at - first_seconds_ <= 30 * 60; };
    int seconds = near_start(scheduled_seconds_) ? scheduled_seconds_
                  : near_start(started_seconds_) ? started_seconds_
                                                 : first_seconds_;
    if (seconds >= 0) {
      seconds %= 24 * 3600;
      meeting.start_utc = TimeOfDay{seconds / 3600, seconds / 60 % 60};
    }
  }
  // The kind and the group from the title, else the channel.
  TitleKind kind = KindInTitle(title_);
  std::string record_group;
  if (!kind.kind.empty()) {
    meeting.key.kind = kind.kind;
    record_group = std::string(Trim(std::string_view(title_).substr(0, kind.at)));
    while (!record_group.empty() && std::string_view("-:,").find(record_group.back()) != std::string_view::npos)
      record_group = std::string(Trim(std::string_view(record_group).substr(0, record_group.size() - 1)));
  } else {
    meeting.key.kind = "Meeting";
    record_group = title_;
    Notice(title_line_ ? title_line_ : 1,
           title_.empty() ? "no Meeting: line; kind 'Meeting'"
                          : "the Meeting: title names no kind (Teleconference, Meeting, Call); "
                            "kind 'Meeting'");
  }
  if (record_group.empty()) record_group = channel_;
  const Roster* roster = FindRoster(record_group);
  if (roster)
    meeting.key.group = roster->group.short_name;
  else if (options_.group)
    meeting.key.group = *options_.group;
  else
    meeting.key.group = record_group;
  if (meeting.key.group.empty())
    return source_.ErrorAt(1, 0,
                           "no group: the log has no 'Meeting:' line and no channel, and no "
                           "roster matched; pass --group NAME");
  meeting.key.number = DatedMeetingNumber(meeting.date, meeting.start_utc);
  meeting.record_url = record_url_;
  Directory directory(roster, meeting.key.group);
  if (!roster && !options_.rosters.empty())
    Notice(1, fmt::format("no roster for group '{}'; names are kept as written",
                          meeting.key.group));
  FinishAttendance(meeting, directory, roster != nullptr);
  FinishActions(meeting, directory, roster != nullptr);
  FinishDecisions(meeting);
  meeting.agenda = std::move(agenda_);
  return meeting;
}

}  // namespace plenary::w3c_irc
