// The action item table of ICANN-style notes. Two layouts are read:
//  - one cell a line, indented, a blank line between rows, a cell continuing
//    on an unindented line (what a wiki table becomes when copied as text);
//  - one row a line, cells separated by tabs or by '|'.
#include <fmt/format.h>

#include <algorithm>

#include "importers/icann_notes_reader.h"

namespace plenary::icann {
namespace {

constexpr std::size_t kMaxColumns = 8;

std::string ColumnList(const std::vector<Cell>& header) {
  std::string names;
  for (const Cell& c : header) names += (names.empty() ? "" : ", ") + c.text;
  return names;
}

std::vector<std::string_view> SplitRow(std::string_view text, char delimiter) {
  if (delimiter == '|') {
    if (!text.empty() && text.front() == '|') text.remove_prefix(1);
    if (!text.empty() && text.back() == '|') text.remove_suffix(1);
  }
  return SplitTrimmed(text, delimiter);
}

bool IsRuleRow(std::string_view text) {  // |---|:---:|
  return text.find_first_not_of("|-: \t") == std::string_view::npos;
}

std::optional<ActionStatus> StatusFromCell(std::string_view cell) {
  std::string s = FoldName(cell);
  for (std::string_view w : {"open", "in progress", "ongoing", "pending", "not started", ""})
    if (s == w) return ActionStatus::kOpen;
  for (std::string_view w : {"complete", "completed", "done", "closed", "finished"})
    if (s == w) return ActionStatus::kComplete;
  for (std::string_view w : {"cancelled", "canceled", "withdrawn", "dropped", "no longer needed"})
    if (s == w) return ActionStatus::kCancelled;
  return std::nullopt;
}

// An entry of an action list: a bullet, or a line labelled "ACTION:".
std::optional<std::string_view> ActionListEntry(std::string_view text) {
  if (auto bulleted = AfterBullet(text)) return bulleted;
  for (std::string_view label : {"action item:", "action:"})
    if (StartsWithNoCase(text, label)) return text;
  return std::nullopt;
}

}  // namespace

Status NotesReader::ReadTable(int& n) {
  std::string_view heading = Text(n);
  if (std::size_t colon = heading.find(':'); colon != std::string_view::npos) {
    if (IsNothing(heading.substr(colon + 1)) && !Trim(heading.substr(colon + 1)).empty()) {
      ++n;  // "Action items: none"
      return Status::Ok();
    }
  }
  const int heading_line = n++;
  while (n <= LineCount() && Blank(n)) ++n;
  if (n > LineCount())
    return source_.ErrorAt(heading_line, 0, "truncated table: no header row after this heading");
  if (IsNothing(Text(n))) {
    ++n;
    return Status::Ok();
  }
  if (IsHeading(Text(n))) return Status::Ok();  // an empty table
  if (ActionListEntry(Text(n))) return ReadActionList(n);
  std::string_view first = Text(n);
  char delimiter = first.find('\t') != std::string_view::npos ? '\t'
                   : first.front() == '|'                     ? '|'
                                                              : '\0';
  std::vector<Cell> header;
  if (delimiter) {
    for (std::string_view cell : SplitRow(first, delimiter))
      header.push_back({std::string(cell), n, ColumnOf(n, cell)});
    ++n;
  } else {
    for (; n <= LineCount() && !Blank(n) && header.size() <= kMaxColumns; ++n)
      header.push_back({std::string(Text(n)), n, ColumnOf(n, Text(n))});
  }
  std::vector<Column> columns;
  for (const Cell& c : header) columns.push_back(ColumnNamed(c.text));
  if (header.size() > kMaxColumns ||
      std::count(columns.begin(), columns.end(), Column::kAction) != 1) {
    return source_.ErrorAt(header.front().line, 0,
                           "expected the table's header row, such as 'Action', 'Owner', "
                           "'Due Date' (one cell a line, or separated by tabs or '|')");
  }
  table_header_ = std::move(header);
  return delimiter ? ReadDelimitedRows(n, columns, delimiter) : ReadCellPerLineRows(n, columns);
}

Status NotesReader::ReadCellPerLineRows(int& n, const std::vector<Column>& columns) {
  const std::size_t width = columns.size();
  std::vector<Cell> row;
  auto short_row = [&](const std::vector<Cell>& cells, std::string_view what) {
    return source_.ErrorAt(
        cells.front().line, cells.front().column,
        fmt::format("{}: this row has {} cell{}, expected {} ({})", what, cells.size(),
                    cells.size() == 1 ? "" : "s", width, ColumnList(table_header_)));
  };
  for (;;) {
    while (n <= LineCount() && Blank(n)) ++n;
    if (n > LineCount()) break;
    bool ends_table = IsHeading(Text(n)) || !Indented(n);
    if (ends_table && row.empty()) return Status::Ok();
    if (ends_table) return short_row(row, "truncated table");
    std::vector<Cell> group;
    for (; n <= LineCount(); ++n) {
      // A tab alone on a line inside an unfinished row is an empty cell (an
      // owner or due date left blank); between finished rows it separates.
      bool empty_cell = Blank(n) && source_.line(n).find('\t') != std::string_view::npos &&
                        !group.empty() && row.size() + group.size() < width;
      if (Blank(n) && !empty_cell) break;
      if (empty_cell) {
        group.push_back({"", n, 1});
      } else if (Indented(n) || group.empty()) {
        group.push_back({std::string(Text(n)), n, ColumnOf(n, Text(n))});
      } else {
        group.back().text += ' ';  // a cell continued on an unindented line
        group.back().text += Text(n);
      }
    }
    if (row.size() + group.size() > width) {
      if (!row.empty()) return short_row(row, "table row");
      if (group.size() % width != 0) return short_row(group, "table row");
      for (std::size_t i = 0; i < group.size(); i += width) {  // rows with no blank between
        std::vector<Cell> one(group.begin() + static_cast<long>(i),
                              group.begin() + static_cast<long>(i + width));
        if (Status s = AddTableRow(one, columns); !s.ok()) return s;
      }
      continue;
    }
    row.insert(row.end(), group.begin(), group.end());
    if (row.size() == width) {
      if (Status s = AddTableRow(row, columns); !s.ok()) return s;
      row.clear();
    }
  }
  if (!row.empty()) return short_row(row, "truncated table");
  return Status::Ok();
}

Status NotesReader::ReadDelimitedRows(int& n, const std::vector<Column>& columns, char delimiter) {
  for (; n <= LineCount(); ++n) {
    std::string_view text = Text(n);
    if (text.empty()) continue;
    if (text.find(delimiter) == std::string_view::npos || IsHeading(text)) return Status::Ok();
    if (delimiter == '|' && IsRuleRow(text)) continue;
    std::vector<Cell> cells;
    for (std::string_view cell : SplitRow(text, delimiter))
      cells.push_back({std::string(cell), n, ColumnOf(n, cell)});
    if (cells.size() != columns.size()) {
      return source_.ErrorAt(n, 0,
                             fmt::format("table row: this row has {} cells, expected {} ({})",
                                         cells.size(), columns.size(), ColumnList(table_header_)));
    }
    if (Status s = AddTableRow(cells, columns); !s.ok()) return s;
  }
  return Status::Ok();
}

// "Action Items:" followed by bullets instead of a table: each bullet (with
// the lines that continue it) is an action of the meeting, its owner named at
// its start ("Staff to ...", "JG: ...") and its due date at its end.
Status NotesReader::ReadActionList(int& n) {
  for (; n <= LineCount(); ++n) {
    if (Blank(n)) continue;
    std::string_view text = Text(n);
    auto entry = ActionListEntry(text);
    if (!entry || IsHeading(text)) return Status::Ok();
    const int line = n;
    std::string item_text(*entry);
    while (n + 1 <= LineCount() && !Blank(n + 1) && !ActionListEntry(Text(n + 1)) &&
           !IsHeading(Text(n + 1))) {
      item_text += ' ';
      item_text += Text(++n);
    }
    ActionItem item;
    item.source = ActionSource::kTable;
    item.line = line;
    if (Status s = ApplyDueSuffix(item, item_text, line); !s.ok()) return s;
    std::string_view body = Trim(item_text);
    for (std::string_view prefix : {"action item:", "action:"})
      if (StartsWithNoCase(body, prefix)) body = Trim(body.substr(prefix.size()));
    if (auto leading = OwnerAtStart(body, *directory_)) {
      // "JG: draft ..." names the owner and then the action.
      std::string_view rest = Trim(body.substr(leading->length));
      if (body[leading->length - 1] == ':')
        body = rest;
      else if (!rest.empty() && rest.front() == ':')
        body = Trim(rest.substr(1));
      item.owners = {leading->owner};
    }
    item.text = CollapseSpaces(body);
    if (auto mark = RaisedByMark(item.text)) item.raised_by = directory_->ResolveOwner(*mark);
    if (!item.text.empty() && !IsNothing(item.text)) meeting_.actions.push_back(std::move(item));
  }
  return Status::Ok();
}

Status NotesReader::AddTableRow(const std::vector<Cell>& cells,
                                const std::vector<Column>& columns) {
  ActionItem item;
  item.source = ActionSource::kTable;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    switch (columns[i]) {
      case Column::kAction:
        item.text = CollapseSpaces(cell.text);
        item.line = cell.line;
        break;
      case Column::kOwner:
        item.owners = ResolveOwners(cell.text);
        break;
      case Column::kDue: {
        auto due = ResolveDue(ReadDueCell(cell.text), cell.text, cell.line, cell.column);
        if (!due.ok()) return due.error();
        item.due = *due;
        break;
      }
      case Column::kStatus:
        if (auto status = StatusFromCell(cell.text))
          item.status = *status;
        else
          Warn(cell.line, cell.column,
               fmt::format("status '{}' not understood; recorded as open", cell.text));
        break;
      case Column::kOther:
        break;
    }
  }
  if (item.text.empty() || IsNothing(item.text)) {
    if (item.owners.empty() && !item.due) return Status::Ok();  // "None" in an empty table
    return source_.ErrorAt(cells.front().line, cells.front().column, "table row without an action");
  }
  if (auto mark = RaisedByMark(item.text)) item.raised_by = directory_->ResolveOwner(*mark);
  meeting_.actions.push_back(std::move(item));
  return Status::Ok();
}

Result<std::optional<Date>> NotesReader::ResolveDue(const DueText& due, std::string_view phrase,
                                                    int n, int column) {
  if (due.kind == DueText::kNone) return std::optional<Date>{};
  if (due.kind == DueText::kUnreadable) {
    return source_.ErrorAt(n, column,
                           fmt::format("'{}' is not a due date; expected a date such as "
                                       "'23 June' or '30 June 2017', or 'TBD'",
                                       Trim(phrase)));
  }
  auto date = ResolveWrittenDate(due.date, meeting_.date);
  if (!date) {
    return source_.ErrorAt(n, column, fmt::format("no such day: '{}'", Trim(phrase)));
  }
  return std::optional<Date>{*date};
}

std::vector<Owner> NotesReader::ResolveOwners(std::string_view cell) const {
  std::vector<Owner> owners;
  for (const std::string& part : SplitNameList(cell)) {
    if (IsNothing(part) || ReadDueCell(part).kind == DueText::kNone) continue;  // "TBD"
    Owner owner = directory_->ResolveOwner(part);
    if (std::find(owners.begin(), owners.end(), owner) == owners.end()) owners.push_back(owner);
  }
  return owners;
}

}  // namespace plenary::icann
