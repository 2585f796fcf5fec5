// Reading model values out of PostgreSQL rows, for the PostgreSQL store's own
// files. Everything here may throw pqxx exceptions or CorruptRow; PostgresStore
// turns them into Error::Storage.
#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <vector>

#include "plenary/model.h"
#include "store/register_rows.h"

namespace plenary::pg {

using Id = std::int64_t;

std::optional<std::string> TextOrNull(const pqxx::field& field);
std::optional<Id> IdOrNull(const pqxx::field& field);
// A date column (read as ISO text: the connection sets DateStyle ISO).
Date DateAt(const pqxx::field& field);
std::optional<Date> OptionalDateAt(const pqxx::field& field);
std::optional<TimeOfDay> OptionalTimeAt(const pqxx::field& field);
[[noreturn]] void Corrupt(const pqxx::field& field);

template <typename Enum>
Enum EnumAt(const pqxx::field& field, std::optional<Enum> (*parse)(std::string_view)) {
  std::optional<Enum> value = parse(field.c_str());
  if (!value) Corrupt(field);
  return *value;
}

// Columns text, due, status, source, raised_by, raised_by_kind, line,
// written_status, due_phrase from column `first` (owners apart), as action_mentions and
// register_items hold them.
ActionItem ActionItemAt(const pqxx::row& row, pqxx::row::size_type first);

// The array literal of `ids` ("{3,7}"), bound as `$1::bigint[]` and matched
// with `= ANY(...)`: the planner counts an array's elements, where a JSON
// list read by json_array_elements_text is always "100 rows" to it and,
// against stale statistics, made a one-item write scan the group's 20,000
// items and index rows (register_bench's manual change on PostgreSQL).
std::string IdArray(const std::vector<Id>& ids);

// The optional of a nullable parameter, as libpqxx binds it.
inline std::optional<std::string> Param(const std::optional<Id>& id) {
  return id ? std::optional<std::string>(std::to_string(*id)) : std::nullopt;
}

}  // namespace plenary::pg
