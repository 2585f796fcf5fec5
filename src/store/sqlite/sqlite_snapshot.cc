#include "store/sqlite/sqlite_snapshot.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "store/snapshot_tables.h"

namespace plenary::sqlite {

// Identifiers come from SnapshotTables(), never from input. SQLite stores
// dates, times and timestamps as the snapshot's text and flags as 0/1, so
// values cross unchanged.
Snapshot ReadSnapshot(SQLite::Database& db) {
  Snapshot snapshot;
  for (const SnapshotTableSpec& spec : SnapshotTables()) {
    SnapshotTable table{std::string(spec.name), {}, {}};
    for (const SnapshotColumn& c : spec.columns) table.columns.emplace_back(c.name);
    SQLite::Statement rows(
        db, fmt::format("SELECT {} FROM {} ORDER BY {}", fmt::join(table.columns, ", "), spec.name,
                        spec.order_by));
    while (rows.executeStep()) {
      std::vector<SnapshotValue> values;
      for (int c = 0; c < rows.getColumnCount(); ++c) {
        SQLite::Column column = rows.getColumn(c);
        if (column.isNull())
          values.emplace_back(std::monostate{});
        else if (column.isInteger())
          values.emplace_back(column.getInt64());
        else
          values.emplace_back(column.getString());
      }
      table.rows.push_back(std::move(values));
    }
    snapshot.tables.push_back(std::move(table));
  }
  return snapshot;
}

void WriteSnapshot(SQLite::Database& db, const Snapshot& snapshot) {
  db.exec("DELETE FROM register_counter");
  const std::vector<SnapshotTableSpec>& specs = SnapshotTables();
  for (std::size_t t = 0; t < specs.size(); ++t) {
    const SnapshotTable& table = snapshot.tables[t];
    std::vector<std::string> marks(table.columns.size(), "?");
    SQLite::Statement insert(db,
                             fmt::format("INSERT INTO {} ({}) VALUES ({})", specs[t].name,
                                         fmt::join(table.columns, ", "), fmt::join(marks, ", ")));
    for (const auto& row : table.rows) {
      insert.reset();
      insert.clearBindings();
      for (std::size_t c = 0; c < row.size(); ++c) {
        int index = static_cast<int>(c) + 1;
        if (const auto* i = std::get_if<std::int64_t>(&row[c]))
          insert.bind(index, *i);
        else if (const auto* s = std::get_if<std::string>(&row[c]))
          insert.bind(index, *s);
      }
      insert.exec();
    }
  }
}

}  // namespace plenary::sqlite
