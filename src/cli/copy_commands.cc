// `plenary export` and `plenary copy-db`: a whole installation as canonical
// JSON, and moved between back ends (store/snapshot_tables.h).
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "store/snapshot_tables.h"
#include "store/store_url.h"

namespace plenary {
namespace {

std::size_t RowsOf(const Snapshot& snapshot, std::string_view table) {
  for (const SnapshotTable& t : snapshot.tables)
    if (t.name == table) return t.rows.size();
  return 0;
}

}  // namespace

int RunExport(const CliContext& ctx) {
  auto store = OpenExistingStore(ctx);
  if (!store.ok()) return Fail(ctx, store.error());
  auto snapshot = (*store)->Export();
  if (!snapshot.ok()) return Fail(ctx, snapshot.error());
  ctx.out << SnapshotJson(*snapshot);
  return kExitOk;
}

// The target is checked after the copy by exporting it again: the copy counts
// only when its export is the source's, byte for byte.
int RunCopyDb(const CliContext& ctx, const std::string& from, const std::string& to) {
  if (from == to) return Fail(ctx, Error::InvalidInput("copy-db: --from and --to are the same"));
  CliContext source_ctx{from, ctx.out, ctx.err, ctx.today};
  auto source = OpenExistingStore(source_ctx);
  if (!source.ok()) return Fail(ctx, source.error());
  // Three steps, each one call into a store: the line says which is under way.
  ProgressLine progress(ctx.quiet, "steps");
  auto fail = [&](const Error& error) {
    progress.Finish();
    return Fail(ctx, error);
  };
  progress.Update(0, 3, "reading " + RedactUrl(from));
  auto snapshot = (*source)->Export();
  if (!snapshot.ok()) return fail(snapshot.error());
  std::size_t rows = 0;
  for (const SnapshotTable& table : snapshot->tables) rows += table.rows.size();
  progress.Update(1, 3, "writing " + RedactUrl(to), rows);
  auto target = OpenStore(to);
  if (!target.ok()) return fail(target.error());
  Status restored = (*target)->Restore(*snapshot);
  progress.Update(2, 3, "checking the copy", rows);
  if (!restored) {
    Error error = restored.error();
    error.message = fmt::format("{}: {}", RedactUrl(to), error.message);
    return fail(error);
  }
  auto copied = (*target)->Export();
  progress.Finish();
  if (!copied.ok()) return fail(copied.error());
  if (SnapshotJson(*copied) != SnapshotJson(*snapshot))
    return fail(
        Error::Internal(fmt::format("the copy in {} differs from {}; it is left for inspection",
                                    RedactUrl(to), RedactUrl(from))));
  ctx.out << fmt::format(
      "copied {} groups, {} meetings, {} action mentions, {} register items, {} manual "
      "changes from {} to {}; the exports are identical\n",
      RowsOf(*snapshot, "groups"), RowsOf(*snapshot, "meetings"),
      RowsOf(*snapshot, "action_mentions"), RowsOf(*snapshot, "register_items"),
      RowsOf(*snapshot, "register_events"), RedactUrl(from), RedactUrl(to));
  return kExitOk;
}

}  // namespace plenary
