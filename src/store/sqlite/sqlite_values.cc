#include "store/sqlite/sqlite_values.h"

#include <fmt/format.h>

#include "core/date.h"

namespace plenary::sqlite {

void BindValue(SQLite::Statement& st, int index, Id value) { st.bind(index, value); }
void BindValue(SQLite::Statement& st, int index, int value) { st.bind(index, value); }

void BindValue(SQLite::Statement& st, int index, const BlobValue& value) {
  st.bind(index, value.bytes.data(), static_cast<int>(value.bytes.size()));
}

void BindValue(SQLite::Statement& st, int index, std::size_t value) {
  st.bind(index, static_cast<Id>(value));
}

void BindValue(SQLite::Statement& st, int index, const std::string& value) {
  st.bind(index, value);
}

void BindValue(SQLite::Statement& st, int index, std::string_view value) {
  st.bind(index, std::string(value));
}

void BindValue(SQLite::Statement& st, int index, const std::optional<std::string>& value) {
  if (value) {
    st.bind(index, *value);
  } else {
    st.bind(index);
  }
}

void BindValue(SQLite::Statement& st, int index, const std::optional<Id>& value) {
  if (value) {
    st.bind(index, *value);
  } else {
    st.bind(index);
  }
}

std::optional<std::string> TextOrNull(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

void Corrupt(const SQLite::Column& column) {
  throw CorruptRow(
      fmt::format("corrupt database: column {} holds '{}'", column.getName(), column.getString()));
}

Date DateAt(const SQLite::Column& column) {
  std::optional<Date> date = ParseIsoDate(column.getString());
  if (!date) Corrupt(column);
  return *date;
}

std::optional<Date> OptionalDateAt(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return DateAt(column);
}

std::optional<TimeOfDay> OptionalTimeAt(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  std::optional<TimeOfDay> time = ParseStoredTime(column.getString());
  if (!time) Corrupt(column);
  return time;
}

ActionItem ActionItemAt(const SQLite::Statement& row, int first) {
  ActionItem item;
  item.text = row.getColumn(first).getString();
  item.due = OptionalDateAt(row.getColumn(first + 1));
  item.status = EnumAt(row.getColumn(first + 2), ParseActionStatus);
  item.source = EnumAt(row.getColumn(first + 3), ParseActionSource);
  if (!row.getColumn(first + 4).isNull()) {
    item.raised_by = Owner{row.getColumn(first + 4).getString(),
                           EnumAt(row.getColumn(first + 5), ParseOwnerKind)};
  }
  item.line = row.getColumn(first + 6).getInt();
  item.written_status = row.getColumn(first + 7).getString();
  item.due_phrase = row.getColumn(first + 8).getString();
  return item;
}

}  // namespace plenary::sqlite
