#include "store/list_queries.h"

#include <algorithm>
#include <charconv>

#include "core/date.h"
#include "core/directory.h"
#include "store/attendance_rows.h"
#include "store/register_rows.h"
#include "store/site_rows.h"

namespace plenary {
namespace {

// Collects a statement's parameters and writes their placeholders: ?N for
// SQLite, $N for PostgreSQL.
class SqlBuilder {
 public:
  explicit SqlBuilder(SqlDialect dialect) : dialect_(dialect) {}
  std::string P(SqlValue value) {
    query_.params.push_back(std::move(value));
    return (dialect_ == SqlDialect::kSqlite ? "?" : "$") + std::to_string(query_.params.size());
  }
  SqlQuery Done(std::string sql) && {
    query_.sql = std::move(sql);
    return std::move(query_);
  }

 private:
  SqlDialect dialect_;
  SqlQuery query_;
};

std::int64_t AsInt(std::size_t n) { return static_cast<std::int64_t>(n); }

// The register item columns (those ReadRegisterItems reads) of the items
// whose ids `inner` selects, ordered by `order`, each item's owners in order.
std::string ItemRowsOf(const std::string& inner, const std::string& order) {
  return "SELECT r.id, r.text, r.due, r.status, r.source, r.raised_by, r.raised_by_kind, r.line, "
         "r.written_status, r.due_phrase, g.short_name, m.kind, m.number, m.date, r.status_note, "
         "r.merged_into, o.name, o.kind FROM (" +
         inner +
         ") p JOIN register_items r ON r.id = p.id "
         "JOIN meetings m ON m.id = r.origin_meeting_id JOIN groups g ON g.id = r.group_id "
         "LEFT JOIN register_item_owners o ON o.item_id = r.id ORDER BY " +
         order + ", o.position";
}

// `value` in lower case as plenary's case-blind columns fold theirs: ASCII
// letters only (SQLite's lower() and NOCASE; PostgreSQL's lower() of a
// COLLATE "C" column), where PostgreSQL's lower() of a parameter, under the
// database's collation, folds every letter ("É" to "é").
std::string LowerAscii(SqlBuilder& b, SqlDialect dialect, const std::string& value) {
  if (dialect == SqlDialect::kSqlite) return "lower(" + b.P(value) + ")";
  return "lower(" + b.P(value) + "::text COLLATE \"C\")";
}

std::string ListOf(SqlBuilder& b, const std::vector<std::string>& values) {
  std::string list;
  for (const std::string& v : values) list += (list.empty() ? "" : ", ") + b.P(v);
  return list;
}

std::string ListOf(SqlBuilder& b, const std::vector<std::int64_t>& values) {
  std::string list;
  for (std::int64_t v : values) list += (list.empty() ? "" : ", ") + b.P(v);
  return list;
}

// The unmerged items of the groups `groups` (an IN list or "= ?") that one
// of `names` owns, read from the owner-name index: on SQLite, which has no
// statistics to tell that a person's items are fewer than a group's, the
// group term is written so that no index serves it.
std::string OwnedWhere(SqlBuilder& b, SqlDialect dialect, const std::string& groups,
                       const std::vector<std::string>& names,
                       std::optional<ActionStatus> status) {
  std::string where = "o.name IN (" + ListOf(b, names) + ") AND " +
                      (dialect == SqlDialect::kSqlite ? "+r.group_id " : "r.group_id ") + groups +
                      " AND r.merged_into IS NULL";
  if (status) where += " AND r.status = " + b.P(std::string(ActionStatusName(*status)));
  return where;
}

// SQLite reads each owned item's group, status and merge from the narrow
// index of schema 14, not from the item's row (a page each).
std::string OwnedFrom(SqlDialect dialect) {
  return std::string(" FROM register_item_owners o JOIN register_items r ") +
         (dialect == SqlDialect::kSqlite ? "INDEXED BY register_items_owned " : "") +
         "ON r.id = o.item_id WHERE ";
}

// The filters of an action list; every one keeps to the group's unmerged
// items, which the partial indexes of schema 7 hold.
// `in_order`: for a page in register order, whose rows are best read from
// the status index in that order (stopping at the page's end) than from the
// due index and sorted whole; the due term is then written so that no index
// serves it.
std::string ActionWhere(SqlBuilder& b, SqlDialect dialect, std::int64_t group_id,
                        const ActionListQuery& query, const std::vector<std::string>& owner_names,
                        bool in_order) {
  std::string where = "r.group_id = " + b.P(group_id) + " AND r.merged_into IS NULL";
  if (query.overdue_as_of) {
    std::string due = "r.due";
    if (in_order) due = dialect == SqlDialect::kSqlite ? "+r.due" : "(r.due + 0)";
    where += " AND r.status = 'open' AND " + due + " < " + b.P(FormatIsoDate(*query.overdue_as_of));
  }
  if (query.status) where += " AND r.status = " + b.P(std::string(ActionStatusName(*query.status)));
  if (query.meeting) {
    where +=
        " AND r.origin_meeting_id IN (SELECT id FROM meetings WHERE group_id = " + b.P(group_id) +
        " AND lower(kind) = " + LowerAscii(b, dialect, query.meeting->kind) +
        " AND number = " + b.P(std::int64_t{query.meeting->number}) + ")";
  }
  if (query.work_plan_links) {
    // A superset of the items whose words carry a task label: LIKE's case
    // folding differs by back end, lower() of ASCII does not.
    std::string linked = "lower(r.text) LIKE '%[task%'";
    if (!query.work_plan_links->empty())
      linked = "r.id IN (" + ListOf(b, *query.work_plan_links) + ") OR " + linked;
    where += " AND (" + linked + ")";
  }
  if (query.words) {
    // The item's search document (sqlite_search.h, pg_search.h). On SQLite
    // the full-text index hands over the group's documents with the words
    // (its group_id column, migration 12), and must drive: looked up
    // document by document from the group's index, 20,000 items took 250
    // ms (the `+` terms).
    if (std::string fts = FtsQueryOf(*query.words); !fts.empty()) {
      where += " AND r.id IN (SELECT d.action_id FROM search_docs d WHERE ";
      where += dialect == SqlDialect::kSqlite
                   ? "d.id IN (SELECT rowid FROM search_text WHERE search_text MATCH " +
                         b.P("group_id : \"" + std::to_string(group_id) + "\" AND " + fts) +
                         ") AND +d.kind = 'action' AND +d.group_id = "
                   : "d.words @@ plainto_tsquery('simple', plenary_fold(" + b.P(*query.words) +
                         ")) AND d.kind = 'action' AND d.group_id = ";
      where += b.P(group_id) + ")";
    }
  }
  if (query.owner) {
    if (owner_names.empty()) return where + " AND 0 = 1";
    where += " AND r.id IN (SELECT item_id FROM register_item_owners WHERE name IN (" +
             ListOf(b, owner_names) + "))";
  }
  return where;
}

std::string Limits(SqlBuilder& b, const PageRequest& page, std::optional<std::int64_t> after,
                   std::size_t limit) {
  return " LIMIT " + b.P(AsInt(limit)) + " OFFSET " + b.P(AsInt(after ? 0 : page.offset));
}

}  // namespace

std::string QueryKey(const SqlQuery& query) {
  std::string key = query.sql;
  for (const SqlValue& v : query.params) {
    key += '\x1f';
    if (const auto* n = std::get_if<std::int64_t>(&v))
      key += std::to_string(*n);
    else
      key += std::get<std::string>(v);
  }
  return key;
}

std::string CursorOf(std::int64_t id) { return std::to_string(id); }

Result<std::optional<std::int64_t>> ParseCursor(const std::string& cursor) {
  if (cursor.empty()) return std::optional<std::int64_t>();
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), id);
  if (ec != std::errc() || end != cursor.data() + cursor.size() || id <= 0)
    return Error::InvalidInput("cursor: not one this list gave");
  return std::optional<std::int64_t>(id);
}

SqlQuery ActionPageSql(SqlDialect dialect, std::int64_t group_id, const ActionListQuery& query,
                       const std::vector<std::string>& owner_names, const PageRequest& page,
                       std::optional<std::int64_t> after, std::size_t limit, DuePart part) {
  SqlBuilder b(dialect);
  const std::string dir = page.newest_first ? " DESC" : "";
  std::string inner =
      "SELECT r.id FROM register_items r WHERE " +
      ActionWhere(b, dialect, group_id, query, owner_names, !query.soonest_due_first);
  std::string order;
  if (query.soonest_due_first && part == DuePart::kDated) {
    inner += " AND r.due IS NOT NULL";
    order = "r.due, r.replay_position";
  } else {
    if (query.soonest_due_first) inner += " AND r.due IS NULL";
    order = "r.replay_position" + dir;
    if (after)
      inner += std::string(" AND r.replay_position ") + (page.newest_first ? "<" : ">") +
               " (SELECT replay_position FROM register_items WHERE id = " + b.P(*after) + ")";
  }
  inner += " ORDER BY " + order + Limits(b, page, after, limit);
  return std::move(b).Done(ItemRowsOf(inner, order));
}

SqlQuery ActionCountSql(SqlDialect dialect, std::int64_t group_id, const ActionListQuery& query,
                        const std::vector<std::string>& owner_names) {
  SqlBuilder b(dialect);
  std::string where = ActionWhere(b, dialect, group_id, query, owner_names, false);
  return std::move(b).Done("SELECT count(*) FROM register_items r WHERE " + where);
}

namespace {

std::string MeetingWhere(SqlBuilder& b, std::int64_t group_id, const MeetingListQuery& query) {
  std::string where = "m.group_id = " + b.P(group_id);
  if (query.from) where += " AND m.date >= " + b.P(FormatIsoDate(*query.from));
  if (query.to) where += " AND m.date <= " + b.P(FormatIsoDate(*query.to));
  return where;
}

}  // namespace

SqlQuery MeetingPageSql(SqlDialect dialect, std::int64_t group_id, const MeetingListQuery& query,
                        const PageRequest& page, std::optional<std::int64_t> after,
                        std::size_t limit) {
  SqlBuilder b(dialect);
  std::string sql =
      "SELECT m.id, g.short_name, m.kind, m.number, m.date, m.start_utc, m.record_url, "
      "m.subteam FROM meetings m JOIN groups g ON g.id = m.group_id";
  // Newest first is by date only: a day's meetings stay in their order.
  if (after) {
    sql += " JOIN meetings k ON k.id = " + b.P(*after);
    sql += page.newest_first ? " AND (m.date < k.date OR (m.date = k.date AND (m.kind, m.number) "
                               "> (k.kind, k.number)))"
                             : " AND (m.date, m.kind, m.number) > (k.date, k.kind, k.number)";
  }
  sql += " WHERE " + MeetingWhere(b, group_id, query);
  sql +=
      std::string(" ORDER BY m.date") + (page.newest_first ? " DESC" : "") + ", m.kind, m.number";
  sql += Limits(b, page, after, limit);
  return std::move(b).Done(std::move(sql));
}

SqlQuery MeetingCountSql(SqlDialect dialect, std::int64_t group_id, const MeetingListQuery& query) {
  SqlBuilder b(dialect);
  std::string where = MeetingWhere(b, group_id, query);
  return std::move(b).Done("SELECT count(*) FROM meetings m WHERE " + where);
}

namespace {

// The group's entries, through audit_log_by_group: SQLite's column compares
// without regard to case (NOCASE), PostgreSQL's index is on lower(group_name).
std::string AuditWhere(SqlBuilder& b, SqlDialect dialect, const std::string& group) {
  if (dialect == SqlDialect::kSqlite) return "group_name = " + b.P(group);
  return "lower(group_name) = " + LowerAscii(b, dialect, group);
}

}  // namespace

SqlQuery AuditPageSql(SqlDialect dialect, const std::string& group, const PageRequest& page,
                      std::optional<std::int64_t> after, std::size_t limit) {
  SqlBuilder b(dialect);
  std::string sql =
      "SELECT id, at_unix, who, action, group_name, target, before, after FROM audit_log WHERE " +
      AuditWhere(b, dialect, group);
  if (after) sql += " AND id < " + b.P(*after);
  sql += " ORDER BY id DESC" + Limits(b, page, after, limit);
  return std::move(b).Done(std::move(sql));
}

SqlQuery AuditCountSql(SqlDialect dialect, const std::string& group) {
  SqlBuilder b(dialect);
  std::string where = AuditWhere(b, dialect, group);
  return std::move(b).Done("SELECT count(*) FROM audit_log WHERE " + where);
}

SqlQuery DecisionPageSql(SqlDialect dialect, std::int64_t group_id, const PageRequest& page,
                         std::optional<std::int64_t> after, std::size_t limit) {
  SqlBuilder b(dialect);
  std::string sql =
      "SELECT d.id, d.text, d.line, g.short_name, m.kind, m.number, m.date, d.body "
      "FROM meetings m JOIN decisions d ON d.meeting_id = m.id "
      "JOIN groups g ON g.id = m.group_id";
  // Newest first is by date only: a day's decisions stay in register order.
  if (after) {
    sql += " JOIN decisions d2 ON d2.id = " + b.P(*after) +
           " JOIN meetings m2 ON m2.id = d2.meeting_id";
    sql += page.newest_first ? " AND (m.date < m2.date OR (m.date = m2.date AND (m.id, d.position) "
                               "> (m2.id, d2.position)))"
                             : " AND (m.date, m.id, d.position) > (m2.date, m2.id, d2.position)";
  }
  sql += " WHERE m.group_id = " + b.P(group_id);
  sql +=
      std::string(" ORDER BY m.date") + (page.newest_first ? " DESC" : "") + ", m.id, d.position";
  sql += Limits(b, page, after, limit);
  return std::move(b).Done(std::move(sql));
}

SqlQuery DecisionCountSql(SqlDialect dialect, std::int64_t group_id) {
  SqlBuilder b(dialect);
  std::string sql =
      "SELECT count(*) FROM meetings m JOIN decisions d ON d.meeting_id = m.id "
      "WHERE m.group_id = " +
      b.P(group_id);
  return std::move(b).Done(std::move(sql));
}

SqlQuery GroupSummariesSql(SqlDialect dialect) {
  const char* has_roster = dialect == SqlDialect::kSqlite
                               ? "g.roster_saved_at IS NOT NULL"
                               : "CASE WHEN g.roster_saved_at IS NULL THEN 0 ELSE 1 END";
  return SqlBuilder(dialect).Done(
      std::string("SELECT g.short_name, g.full_name, g.active_from, g.active_to, ") + has_roster +
      ", (SELECT count(*) FROM meetings m WHERE m.group_id = g.id), "
      "(SELECT max(m.date) FROM meetings m WHERE m.group_id = g.id), "
      "coalesce(g.open_items, (SELECT count(*) FROM register_items r WHERE r.group_id = g.id "
      "AND r.status = 'open' AND r.merged_into IS NULL)) "
      "FROM groups g ORDER BY lower(g.short_name), g.id");
}

SqlQuery MeetingKeysSql(SqlDialect dialect, std::int64_t group_id) {
  SqlBuilder b(dialect);
  std::string sql =
      "SELECT g.short_name, m.kind, m.number FROM meetings m JOIN groups g ON g.id = m.group_id "
      "WHERE m.group_id = " +
      b.P(group_id) + " ORDER BY m.date, m.kind, m.number";
  return std::move(b).Done(std::move(sql));
}

SqlQuery KeptOwnerNamesSql(SqlDialect dialect, std::int64_t group_id) {
  SqlBuilder b(dialect);
  std::string sql = "SELECT owner_names FROM groups WHERE id = " + b.P(group_id);
  return std::move(b).Done(std::move(sql));
}

SqlQuery OwnerCandidatesSql(SqlDialect dialect, std::int64_t group_id) {
  SqlBuilder b(dialect);
  std::string sql =
      "SELECT DISTINCT o.name, o.kind FROM register_items r "
      "JOIN register_item_owners o ON o.item_id = r.id "
      "WHERE r.group_id = " +
      b.P(group_id) + " AND r.merged_into IS NULL ORDER BY o.name, o.kind";
  return std::move(b).Done(std::move(sql));
}

std::vector<Owner> KeptOwnerNames(const std::string& column) {
  std::optional<std::vector<Owner>> owners = ParseEventOwners(column);
  if (!owners) throw CorruptRow("corrupt database: groups.owner_names is not a list of owners");
  return std::move(*owners);
}

SqlQuery KeptOwnersSql(SqlDialect dialect, const std::vector<std::int64_t>& group_ids) {
  SqlBuilder b(dialect);
  std::string sql =
      "SELECT id, owner_names, owner_counts FROM groups WHERE id IN (" + ListOf(b, group_ids) + ")";
  return std::move(b).Done(std::move(sql));
}

OwnerCounts KeptOwnerCounts(const std::string& column) {
  std::optional<OwnerCounts> counts = ParseOwnerCounts(column);
  if (!counts) throw CorruptRow("corrupt database: groups.owner_counts is not a list of counts");
  return std::move(*counts);
}

std::vector<std::string> OwnerNamesMatching(const std::optional<Roster>& roster,
                                            const std::string& group,
                                            const std::vector<Owner>& candidates,
                                            const std::string& owner) {
  const Directory directory(roster ? &*roster : nullptr, group);
  std::vector<std::string> names;
  for (const Owner& o : candidates)
    if (directory.Names(o, owner) && std::find(names.begin(), names.end(), o.name) == names.end())
      names.push_back(o.name);
  return names;
}

SqlQuery OwnedItemIdsSql(SqlDialect dialect, const std::vector<std::int64_t>& group_ids,
                         const std::vector<std::string>& names,
                         std::optional<ActionStatus> status, bool newest_first,
                         std::optional<std::int64_t> after, std::size_t limit) {
  SqlBuilder b(dialect);
  // By o.item_id, not r.id: for one name the owner-name index (name,
  // item_id) gives the rows in that order and the read stops at the page.
  std::string sql = "SELECT DISTINCT o.item_id" + OwnedFrom(dialect) +
                    OwnedWhere(b, dialect, "IN (" + ListOf(b, group_ids) + ")", names, status);
  if (after)
    sql += std::string(" AND o.item_id ") + (newest_first ? "<" : ">") + " " + b.P(*after);
  sql += std::string(" ORDER BY o.item_id") + (newest_first ? " DESC" : "") + " LIMIT " +
         b.P(AsInt(limit));
  return std::move(b).Done(std::move(sql));
}

SqlQuery OwnedItemCountsSql(SqlDialect dialect, const std::vector<std::int64_t>& group_ids,
                            const std::vector<std::string>& names,
                            std::optional<ActionStatus> status) {
  SqlBuilder b(dialect);
  std::string groups = "IN (" + ListOf(b, group_ids) + ")";
  return std::move(b).Done("SELECT r.group_id, count(DISTINCT r.id)" + OwnedFrom(dialect) +
                           OwnedWhere(b, dialect, groups, names, status) + " GROUP BY r.group_id");
}

SqlQuery ItemsByIdSql(SqlDialect dialect, const std::vector<std::int64_t>& ids,
                      bool newest_first) {
  SqlBuilder b(dialect);
  std::string inner = "SELECT r.id FROM register_items r WHERE r.id IN (" + ListOf(b, ids) + ")";
  return std::move(b).Done(ItemRowsOf(inner, newest_first ? "r.id DESC" : "r.id"));
}

SqlQuery OwnedGroupsSql(SqlDialect dialect, const std::vector<std::string>& short_names,
                        const std::string& person) {
  SqlBuilder b(dialect);
  const std::string kept =
      "p.names, p.open_items, p.complete_items, p.cancelled_items FROM groups g "
      "LEFT JOIN person_owner_names p ON p.person = " +
      b.P(person) + " AND p.group_id = g.id ";
  if (dialect == SqlDialect::kSqlite)  // short_name is COLLATE NOCASE
    return std::move(b).Done(
        "SELECT g.id, g.short_name, g.register_token, CAST(g.roster_saved_at AS TEXT), " + kept +
        "WHERE g.short_name IN (" + ListOf(b, short_names) + ")");
  std::string keys;
  for (const std::string& name : short_names)
    keys += (keys.empty() ? "" : ", ") + LowerAscii(b, dialect, name);
  return std::move(b).Done(
      "SELECT g.id, g.short_name, g.register_token, g.roster_saved_at::text, " + kept +
      "WHERE g.short_name_key IN (" + keys + ")");
}

std::vector<std::pair<std::string, SqlQuery>> ListQueriesForPlans(SqlDialect d,
                                                                  std::int64_t group_id) {
  std::vector<std::pair<std::string, SqlQuery>> all;
  PageRequest first;
  PageRequest newest;
  newest.newest_first = true;
  const std::vector<std::string> owners{"Member 1", "M1"};
  ActionListQuery any{"G", {}, {}, {}, {}, false};
  ActionListQuery open = any;
  open.status = ActionStatus::kOpen;
  ActionListQuery overdue = any;
  overdue.overdue_as_of = Date{std::chrono::year{2026} / 1 / 1};
  ActionListQuery owned = open;
  owned.owner = "Member 1";
  ActionListQuery at_meeting = any;
  at_meeting.meeting = MeetingKey{"G", "Plenary", 3};
  ActionListQuery by_due = open;
  by_due.soonest_due_first = true;
  ActionListQuery with_words = any;
  with_words.words = "report dns";
  ActionListQuery open_with_words = open;
  open_with_words.words = "report";
  const std::vector<std::pair<std::string, ActionListQuery>> filters{
      {"every item", any},
      {"items with words", with_words},
      {"open items with a word", open_with_words},
      {"open items", open},
      {"overdue items", overdue},
      {"one owner's items", owned},
      {"items of a meeting", at_meeting}};
  for (const auto& [name, q] : filters) {
    all.emplace_back("actions: " + name,
                     ActionPageSql(d, group_id, q, owners, first, std::nullopt, 51));
    all.emplace_back("actions after a cursor: " + name,
                     ActionPageSql(d, group_id, q, owners, first, 7, 51));
    all.emplace_back("actions newest first: " + name,
                     ActionPageSql(d, group_id, q, owners, newest, 7, 51));
    all.emplace_back("actions counted: " + name, ActionCountSql(d, group_id, q, owners));
  }
  ActionListQuery work_plan{"G", {}, {}, {}, {}, false, std::vector<std::int64_t>{3, 5}};
  all.emplace_back("actions a work plan may link",
                   ActionPageSql(d, group_id, work_plan, owners, first, 7, 51));
  all.emplace_back("actions: soonest due",
                   ActionPageSql(d, group_id, by_due, owners, first, std::nullopt, 6));
  all.emplace_back(
      "actions: undated after the soonest due",
      ActionPageSql(d, group_id, by_due, owners, first, std::nullopt, 6, DuePart::kUndated));
  MeetingListQuery meetings{"G", {}, {}};
  MeetingListQuery period{"G", Date{std::chrono::year{2025} / 1 / 1},
                          Date{std::chrono::year{2025} / 12 / 31}};
  all.emplace_back("meetings", MeetingPageSql(d, group_id, meetings, first, std::nullopt, 51));
  all.emplace_back("meetings after a cursor", MeetingPageSql(d, group_id, meetings, first, 7, 51));
  all.emplace_back("meetings newest first", MeetingPageSql(d, group_id, meetings, newest, 7, 51));
  all.emplace_back("meetings of a period", MeetingPageSql(d, group_id, period, first, 7, 51));
  all.emplace_back("meetings counted", MeetingCountSql(d, group_id, meetings));
  all.emplace_back("meetings of a period counted", MeetingCountSql(d, group_id, period));
  all.emplace_back("attendance", AttendancePageSql(d, group_id, meetings, first, std::nullopt, 51));
  all.emplace_back("attendance after a cursor",
                   AttendancePageSql(d, group_id, meetings, first, 7, 51));
  all.emplace_back("attendance newest first",
                   AttendancePageSql(d, group_id, meetings, newest, 7, 51));
  all.emplace_back("attendance of a period", AttendancePageSql(d, group_id, period, first, 7, 51));
  all.emplace_back("meetings with no stored attendance", StaleAttendanceMeetingsSql(d, group_id));
  all.emplace_back("decisions", DecisionPageSql(d, group_id, first, std::nullopt, 51));
  all.emplace_back("decisions after a cursor", DecisionPageSql(d, group_id, first, 7, 51));
  all.emplace_back("decisions newest first", DecisionPageSql(d, group_id, newest, 7, 51));
  all.emplace_back("decisions counted", DecisionCountSql(d, group_id));
  all.emplace_back("audit", AuditPageSql(d, "G", first, std::nullopt, 51));
  all.emplace_back("audit after a cursor", AuditPageSql(d, "G", first, 7, 51));
  all.emplace_back("audit counted", AuditCountSql(d, "G"));
  const std::vector<std::int64_t> groups{group_id, group_id + 1};
  all.emplace_back("my items", OwnedItemIdsSql(d, groups, owners, ActionStatus::kOpen, false,
                                               std::nullopt, 51));
  all.emplace_back("my items after a cursor",
                   OwnedItemIdsSql(d, groups, owners, std::nullopt, true, 7, 51));
  all.emplace_back("my items counted", OwnedItemCountsSql(d, groups, owners, ActionStatus::kOpen));
  all.emplace_back("items by id", ItemsByIdSql(d, {3, 5, 8}, false));
  all.emplace_back("my items' groups", OwnedGroupsSql(d, {"G", "H"}, "Someone"));
  all.emplace_back("my items' owners kept", KeptOwnersSql(d, {group_id, group_id + 1}));
  all.emplace_back("groups", GroupSummariesSql(d));
  all.emplace_back("owner names kept", KeptOwnerNamesSql(d, group_id));
  all.emplace_back("owner names", OwnerCandidatesSql(d, group_id));
  all.emplace_back("meeting keys", MeetingKeysSql(d, group_id));
  return all;
}

}  // namespace plenary
