// Moving model values in and out of SQLite statements, for the SQLite store's
// own files. Everything here may throw SQLite::Exception or CorruptRow;
// SqliteStore turns both into Error::Storage.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "plenary/model.h"
#include "store/register_rows.h"

namespace plenary::sqlite {

using Id = std::int64_t;

using plenary::CorruptRow;

void BindValue(SQLite::Statement& st, int index, Id value);
void BindValue(SQLite::Statement& st, int index, int value);
void BindValue(SQLite::Statement& st, int index, std::size_t value);
void BindValue(SQLite::Statement& st, int index, const std::string& value);
void BindValue(SQLite::Statement& st, int index, std::string_view value);
void BindValue(SQLite::Statement& st, int index, const std::optional<std::string>& value);
void BindValue(SQLite::Statement& st, int index, const std::optional<Id>& value);
// Bytes bound as a BLOB.
struct BlobValue {
  std::string bytes;
};
void BindValue(SQLite::Statement& st, int index, const BlobValue& value);

// Resets `st` and binds `values` to its parameters 1, 2, ...
template <typename... Values>
void Bind(SQLite::Statement& st, const Values&... values) {
  st.reset();
  int index = 0;
  (BindValue(st, ++index, values), ...);
}

// Binds `values` and executes `st`, which must return no rows.
template <typename... Values>
void Run(SQLite::Statement& st, const Values&... values) {
  Bind(st, values...);
  st.exec();
}

template <typename... Values>
void Run(SQLite::Database& db, const std::string& sql, const Values&... values) {
  SQLite::Statement st(db, sql);
  Run(st, values...);
}

// Readers of stored columns; CorruptRow when the text is not what this store
// writes.
std::optional<std::string> TextOrNull(const SQLite::Column& column);
Date DateAt(const SQLite::Column& column);
std::optional<Date> OptionalDateAt(const SQLite::Column& column);
std::optional<TimeOfDay> OptionalTimeAt(const SQLite::Column& column);
[[noreturn]] void Corrupt(const SQLite::Column& column);

// An action item's columns text, due, status, source, raised_by,
// raised_by_kind, line, written_status, due_phrase, in that order from column
// `first` (owners are read apart). action_mentions and register_items both have them.
ActionItem ActionItemAt(const SQLite::Statement& row, int first);

// `parse` is one of model.h's Parse* functions.
template <typename Enum>
Enum EnumAt(const SQLite::Column& column, std::optional<Enum> (*parse)(std::string_view)) {
  std::optional<Enum> value = parse(column.getString());
  if (!value) Corrupt(column);
  return *value;
}

}  // namespace plenary::sqlite
