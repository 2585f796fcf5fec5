#include "store/postgres/pg_snapshot.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "store/snapshot_tables.h"

namespace plenary::pg {
namespace {

// Identifiers come from SnapshotTables(), never from input.
std::string SelectExpression(const SnapshotColumn& column) {
  std::string name(column.name);
  switch (column.type) {
    case SnapshotType::kDate:
      return name + "::text";
    case SnapshotType::kTimestamp:
      return fmt::format("to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')", name);
    case SnapshotType::kBool:
      return name + "::int";
    case SnapshotType::kInt:
    case SnapshotType::kText:
      break;
  }
  return name;
}

std::string Placeholder(const SnapshotColumn& column, std::size_t index) {
  switch (column.type) {
    case SnapshotType::kDate:
      return fmt::format("${}::date", index);
    case SnapshotType::kTimestamp:
      return fmt::format("${}::timestamptz", index);
    case SnapshotType::kBool:
      return fmt::format("(${}::bigint <> 0)", index);
    case SnapshotType::kInt:
      return fmt::format("${}::bigint", index);
    case SnapshotType::kText:
      break;
  }
  return fmt::format("${}::text", index);
}

SnapshotValue ValueAt(const pqxx::field& field, SnapshotType type) {
  if (field.is_null()) return std::monostate{};
  if (type == SnapshotType::kInt || type == SnapshotType::kBool) return field.as<std::int64_t>();
  return std::string(field.c_str(), field.size());
}

std::optional<std::string> ParamOf(const SnapshotValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return std::nullopt;
}

}  // namespace

Snapshot ReadSnapshot(pqxx::transaction_base& tx) {
  Snapshot snapshot;
  for (const SnapshotTableSpec& spec : SnapshotTables()) {
    SnapshotTable table{std::string(spec.name), {}, {}};
    std::vector<std::string> select;
    for (const SnapshotColumn& c : spec.columns) {
      table.columns.emplace_back(c.name);
      select.push_back(SelectExpression(c));
    }
    for (const pqxx::row& row : tx.exec(fmt::format(
             "SELECT {} FROM {} ORDER BY {}", fmt::join(select, ", "), spec.name, spec.order_by))) {
      std::vector<SnapshotValue> values;
      for (std::size_t c = 0; c < spec.columns.size(); ++c)
        values.push_back(ValueAt(row[static_cast<pqxx::row::size_type>(c)], spec.columns[c].type));
      table.rows.push_back(std::move(values));
    }
    snapshot.tables.push_back(std::move(table));
  }
  return snapshot;
}

void WriteSnapshot(pqxx::transaction_base& tx, const Snapshot& snapshot) {
  tx.exec("DELETE FROM register_counter");
  const std::vector<SnapshotTableSpec>& specs = SnapshotTables();
  for (std::size_t t = 0; t < specs.size(); ++t) {
    const SnapshotTableSpec& spec = specs[t];
    std::vector<std::string> names, placeholders;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      names.emplace_back(spec.columns[c].name);
      placeholders.push_back(Placeholder(spec.columns[c], c + 1));
    }
    std::string statement = fmt::format("snapshot_{}", spec.name);
    tx.conn().prepare(
        statement, fmt::format("INSERT INTO {} ({}) VALUES ({})", spec.name, fmt::join(names, ", "),
                               fmt::join(placeholders, ", ")));
    for (const auto& row : snapshot.tables[t].rows) {
      std::vector<std::optional<std::string>> params;
      for (const SnapshotValue& v : row) params.push_back(ParamOf(v));
      tx.exec_prepared0(statement, pqxx::prepare::make_dynamic_params(params));
    }
    // Tables whose id is not an identity (register_items, register_counter)
    // have no sequence: setval(NULL, ...) is NULL and does nothing.
    if (spec.columns.front().name == "id")
      tx.exec(fmt::format(
          "SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce(max(id), 0) + 1, false) "
          "FROM {0}",
          spec.name));
  }
}

}  // namespace plenary::pg
