// The reader behind ReadIcannNotes, shared by the files that implement it:
// icann_notes.cc (header, attendance), icann_table.cc (the action item table)
// and icann_summary.cc (decisions, summary notes, what they record).
// Internal to the importer; not part of plenary's interface.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/directory.h"
#include "core/matching.h"
#include "core/text.h"
#include "importers/icann_notes.h"
#include "importers/notes_phrases.h"

namespace plenary::icann {

enum class Column { kAction, kOwner, kDue, kStatus, kOther };

struct Cell {
  std::string text;
  int line = 0;
  int column = 0;
};

struct Note {
  std::string text;
  int line = 0;
};

struct Section {
  std::string heading;
  int line = 0;
  std::vector<Note> notes;
};

// Which column of the action table a header cell names.
Column ColumnNamed(std::string_view header);
// The first http(s) URL in `text`, or empty.
std::string_view FindUrl(std::string_view text);

enum class Field { kAttendees, kStaff, kApologies, kNone };

// "Attendees: A, B", "Apologies – C": the field a line starts with and the
// list after the colon or dash; nullopt for any other line.
std::optional<std::pair<Field, std::string_view>> FieldLine(std::string_view text);

class NotesReader {
 public:
  NotesReader(const SourceText& source, const NotesOptions& options)
      : source_(source), options_(options) {}

  Result<ImportedNotes> Read();

 private:
  int LineCount() const { return static_cast<int>(source_.line_count()); }
  std::string_view Text(int n) const { return Trim(source_.line(n)); }
  bool Blank(int n) const { return Text(n).empty(); }
  bool Indented(int n) const {
    std::string_view raw = source_.line(n);
    return !Blank(n) && (raw[0] == ' ' || raw[0] == '\t' || raw.substr(0, 2) == "\xC2\xA0");
  }
  int ColumnOf(int n, std::string_view part) const {
    return ColumnOfByte(source_.line(n),
                        static_cast<std::size_t>(part.data() - source_.line(n).data()));
  }
  bool IsHeading(std::string_view text) const {
    return !AfterBullet(text) && (IsActionTableHeading(text) || IsDecisionsHeading(text) ||
                                  IsSummaryHeading(text) || IsEndOfMeeting(text));
  }
  void Warn(int n, int column, std::string_view message) {
    result_.warnings.push_back(source_.Describe(n, column, "warning: " + std::string(message)));
  }

  Status ReadHeader(int& n);
  void ReadPreambleLine(int n);
  void AddNames(Field field, int n, std::string_view list);
  Status ReadTable(int& n);
  Status ReadTableHeader(int& n, std::vector<Column>& columns);
  Status ReadCellPerLineRows(int& n, const std::vector<Column>& columns);
  Status ReadActionList(int& n);
  Status ReadDelimitedRows(int& n, const std::vector<Column>& columns, char delimiter);
  Status AddTableRow(const std::vector<Cell>& cells, const std::vector<Column>& columns);
  void ReadDecisions(int& n);
  void ReadSummaryLine(int n, bool after_blank);
  Status ExtractFromSummary();
  Status AddReviewItem(const Note& note, const QuotationIndex& table_items);
  Status ApplyDueSuffix(ActionItem& item, std::string& text, int n);
  int ColumnOfPhrase(int n, std::string_view phrase) const;
  Status AddNotedActions(const Note& note);
  Result<std::optional<Date>> ResolveDue(const DueText& due, std::string_view phrase, int n,
                                         int column);
  void AddDecision(std::string text, int line);
  std::vector<Owner> ResolveOwners(std::string_view cell) const;

  const SourceText& source_;
  const NotesOptions& options_;
  ImportedNotes result_;
  Meeting& meeting_ = result_.meeting;
  const Roster* roster_ = nullptr;
  std::optional<Directory> directory_;
  std::vector<Section> sections_;
  std::vector<Cell> table_header_;
  std::unordered_set<std::string> decision_keys_;
  bool in_summary_ = false;
  Field last_field_ = Field::kNone;
  int last_field_line_ = 0;
};

}  // namespace plenary::icann
