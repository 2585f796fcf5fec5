// The reader behind ReadAsfBoardMinutes / ReadAsfBoardAgenda, shared by the
// files that implement it: board_minutes.cc (title, time, roll call, the
// meeting), board_actions.cc (the review of outstanding items and the
// actions given at the meeting), board_decisions.cc (approvals and Special
// Orders). Internal to the importer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/directory.h"
#include "importers/board/board_layout.h"
#include "importers/formats.h"

namespace plenary::board {

enum class Record { kMinutes, kAgenda };

// The short name of a project from its report's title: "Apache Cassandra
// Project [Jonathan Ellis / Greg]" -> "Cassandra".
std::string ProjectOf(std::string_view item_title);

// Whether a review's status text says the item is done (kComplete), dropped
// (kCancelled) or neither (kOpen): "Done.", "report received", "Action item
// can be closed." are done; "still not done" is not.
ActionStatus ReviewStatusOf(std::string_view status);

class BoardReader {
 public:
  BoardReader(const SourceText& source, const ReadOptions& options, Record record)
      : source_(source), options_(options), record_(record) {}

  Result<Minutes> Read();

 private:
  std::string_view Line(int n) const { return source_.line(n); }
  void Notice(int n, int column, std::string_view message) {
    minutes_.notices.push_back(source_.Describe(n, column, "notice: " + std::string(message)));
  }
  bool IsAgenda() const { return record_ == Record::kAgenda; }

  // board_minutes.cc
  Status ReadTitle(int& title_line);
  Status ChooseGroup(int title_line);
  void ReadCallToOrder(const Section& section);
  void ReadRollCall(const Section& section);
  void AddRollCallName(int n, int list, std::string_view written);
  void ResolveRollCall();
  void ReadAdjournment(const Section& section, AgendaSection& agenda);
  std::optional<TimeOfDay> ReadTime(const Paragraph& p, std::size_t from, std::string_view what,
                                    std::optional<char> like, char* meridiem);

  // board_actions.cc
  void ReadReview(const Section& section, ActionSource source);
  void ReadReviewItem(const Section& section, int first, int end, ActionSource source);
  void ReadItemRemarks(const Section& section, const Item& item);
  std::vector<Owner> OwnersNamed(std::string_view written, int n, int column);
  struct Assigned {
    std::vector<Owner> owners;
    std::string text;
  };
  std::optional<Assigned> SplitOwner(std::string_view text, int n, int column);

  // board_decisions.cc
  void ReadMinutesApprovals(const Section& section);
  void ReadSectionApprovals(const Section& section);
  void ReadSpecialOrder(const Section& section, const Item& item);
  std::string BodyOf(int from, int to) const;

  const SourceText& source_;
  const ReadOptions& options_;
  Record record_;
  Minutes minutes_;
  Meeting meeting_;
  bool names_group_ = false;  // the record says it is the ASF's
  const Roster* roster_ = nullptr;
  Roster roll_call_roster_;  // the roll call as a roster, when no roster matches
  std::optional<Directory> directory_;
  std::optional<TimeOfDay> scheduled_utc_;
  char scheduled_meridiem_ = 0;
  int scheduled_offset_ = -8 * 60;

  // The roll call as written, resolved once the directory is known.
  struct Listed {
    int line = 0;
    int list = 0;  // 0 directors present, 1 directors absent, 2 officers present,
                   // 3 officers absent, 4 guests
    std::string name;
    std::string remark;
  };
  std::vector<Listed> roll_call_;
};

}  // namespace plenary::board
