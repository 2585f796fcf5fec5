#include "store/postgres/pg_values.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/date.h"

namespace plenary::pg {

std::optional<std::string> TextOrNull(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return std::string(field.c_str(), field.size());
}

std::optional<Id> IdOrNull(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<Id>();
}

void Corrupt(const pqxx::field& field) {
  throw CorruptRow(
      fmt::format("corrupt database: column {} holds '{}'", field.name(), field.c_str()));
}

Date DateAt(const pqxx::field& field) {
  std::optional<Date> date = ParseIsoDate(field.c_str());
  if (!date) Corrupt(field);
  return *date;
}

std::optional<Date> OptionalDateAt(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return DateAt(field);
}

std::optional<TimeOfDay> OptionalTimeAt(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  std::optional<TimeOfDay> time = ParseStoredTime(field.c_str());
  if (!time) Corrupt(field);
  return time;
}

ActionItem ActionItemAt(const pqxx::row& row, pqxx::row::size_type first) {
  ActionItem item;
  item.text = row[first].c_str();
  item.due = OptionalDateAt(row[first + 1]);
  item.status = EnumAt(row[first + 2], ParseActionStatus);
  item.source = EnumAt(row[first + 3], ParseActionSource);
  if (!row[first + 4].is_null())
    item.raised_by = Owner{row[first + 4].c_str(), EnumAt(row[first + 5], ParseOwnerKind)};
  item.line = row[first + 6].as<int>();
  item.written_status = row[first + 7].c_str();
  item.due_phrase = row[first + 8].c_str();
  return item;
}

std::string IdArray(const std::vector<Id>& ids) { return fmt::format("{{{}}}", fmt::join(ids, ",")); }

}  // namespace plenary::pg
