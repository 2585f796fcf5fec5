// The tables a Snapshot holds, the same in every back end: names, columns
// with their neutral type, in an order that satisfies every foreign key when
// restoring. schema_migrations is not among them (each back end has its own),
// nor what is derived from the rest (the search index, rebuilt on Restore) or
// short-lived (sessions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plenary/result.h"
#include "plenary/store.h"

namespace plenary {

enum class SnapshotType {
  kInt,        // integer
  kText,       // text
  kDate,       // "YYYY-MM-DD"
  kTimestamp,  // "YYYY-MM-DDTHH:MM:SSZ", UTC
  kBool,       // 0 or 1
};

struct SnapshotColumn {
  std::string_view name;
  SnapshotType type = SnapshotType::kText;
};

struct SnapshotTableSpec {
  std::string_view name;
  std::vector<SnapshotColumn> columns;
  std::string_view order_by;  // the primary key's columns (ASCII-folded names)
};

const std::vector<SnapshotTableSpec>& SnapshotTables();

// Ok when `snapshot` has exactly SnapshotTables()'s tables and columns, in
// order, and every row the right width; Error::InvalidInput naming the first
// difference otherwise.
Status CheckSnapshot(const Snapshot& snapshot);

// The canonical JSON of a snapshot: {"format":"plenary-export","version":1,
// "tables":{NAME:[{COLUMN:VALUE,...},...],...}}, tables and columns in
// SnapshotTables() order, two-space indented, ending with a newline. Equal
// installations give byte-identical text.
std::string SnapshotJson(const Snapshot& snapshot);

}  // namespace plenary
