// toml++ parses; this file decides what the values mean and where each
// problem is. Every table's keys are checked against the format's, so a
// misspelt key is an error at its place rather than a value silently lost.
#include "importers/workplan_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <map>

#include "core/date.h"
#include "core/directory.h"
#include "core/subteam.h"
#include "core/text.h"
#include "core/toml.h"
#include "core/workplan.h"

namespace plenary {
namespace {

std::string KeyList(std::initializer_list<std::string_view> keys) {
  std::string list;
  for (std::string_view key : keys) list += (list.empty() ? "" : ", ") + std::string(key);
  return list;
}

class WorkPlanReader {
 public:
  WorkPlanReader(const SourceText& source, const std::vector<Roster>& rosters)
      : source_(source), rosters_(rosters) {}

  Result<WorkPlan> Read() {
    std::string text;
    for (int n = 1; n <= static_cast<int>(source_.line_count()); ++n)
      text.append(source_.line(n)).push_back('\n');
    toml::table root;
    try {
      root = toml::parse(text, source_.name());
    } catch (const toml::parse_error& e) {
      return At(e.source(), e.description());
    }
    if (Status s = CheckKeys(root, {"group", "milestone", "subteam"}, "the file"); !s)
      return s.error();
    if (Status s = ReadGroup(root); !s) return s.error();
    auto milestones = Milestones(root.get("milestone"));
    if (!milestones.ok()) return milestones.error();
    plan_.milestones = std::move(*milestones);
    const toml::array* subteams = root["subteam"].as_array();
    if (!subteams || subteams->empty())
      return source_.ErrorAt(1, 1, "no sub-team: expected at least one [[subteam]] table");
    for (const toml::node& node : *subteams) {
      if (Status s = ReadSubTeam(node); !s) return s.error();
    }
    return plan_;
  }

 private:
  Error At(const toml::source_region& where, std::string_view message) const {
    int line = std::max(1, static_cast<int>(where.begin.line));
    if (line > static_cast<int>(source_.line_count()))
      line = static_cast<int>(source_.line_count());
    return source_.ErrorAt(line, std::max(1, static_cast<int>(where.begin.column)), message);
  }

  Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> keys,
                   std::string_view what) const {
    for (const auto& [key, node] : table) {
      bool known = false;
      for (std::string_view k : keys) known = known || key.str() == k;
      if (!known)
        return At(key.source(), fmt::format("unknown key '{}' in {}: expected {}", key.str(), what,
                                            KeyList(keys)));
    }
    return Status::Ok();
  }

  // A table of an array of tables ("[[subteam]]"), or an error at the value.
  Result<const toml::table*> TableOf(const toml::node& node, std::string_view header) const {
    const toml::table* table = node.as_table();
    if (!table) return At(node.source(), fmt::format("expected a [[{}]] table", header));
    return table;
  }

  // A required non-empty string, or an error at the table (when missing) or
  // the value.
  Result<std::string> Text(const toml::table& table, std::string_view key,
                           std::string_view what) const {
    const toml::node* node = table.get(key);
    if (!node)
      return At(table.source(), fmt::format("{} has no {}: expected {} = \"...\"", what, key, key));
    std::optional<std::string> text = node->value_exact<std::string>();
    if (!text || CollapseSpaces(*text).empty())
      return At(node->source(), fmt::format("expected {} as a non-empty string", key));
    return CollapseSpaces(*text);
  }

  Result<Date> DateOf(const toml::table& table, std::string_view key, std::string_view what) const {
    const toml::node* node = table.get(key);
    if (!node)
      return At(table.source(),
                fmt::format("{} has no {}: expected {} = YYYY-MM-DD", what, key, key));
    const toml::date* date = node->as_date() ? &node->as_date()->get() : nullptr;
    Date value{std::chrono::year(date ? date->year : 0),
               std::chrono::month(date ? date->month : 0u),
               std::chrono::day(date ? date->day : 0u)};
    if (!date || !value.ok())
      return At(node->source(), fmt::format("expected {} as a date YYYY-MM-DD (unquoted)", key));
    return value;
  }

  Status ReadGroup(const toml::table& root) {
    auto group = Text(root, "group", "the file");
    if (!group.ok()) return group.error();
    for (const Roster& roster : rosters_)
      if (EqualsNoCase(roster.group.short_name, *group)) roster_ = &roster;
    if (!roster_)
      return At(root.get("group")->source(),
                fmt::format("no roster for group '{}': import the group's roster first", *group));
    plan_.group = roster_->group.short_name;
    directory_.emplace(roster_, plan_.group);
    return Status::Ok();
  }

  Result<std::vector<Milestone>> Milestones(const toml::node* node) const {
    std::vector<Milestone> milestones;
    if (!node) return milestones;
    const toml::array* array = node->as_array();
    if (!array) return At(node->source(), "expected [[milestone]] tables");
    for (const toml::node& item : *array) {
      auto table = TableOf(item, "milestone");
      if (!table.ok()) return table.error();
      if (Status s = CheckKeys(**table, {"name", "date"}, "a milestone"); !s) return s.error();
      auto name = Text(**table, "name", "the milestone");
      if (!name.ok()) return name.error();
      auto date = DateOf(**table, "date", "the milestone");
      if (!date.ok()) return date.error();
      milestones.push_back({std::move(*name), *date});
    }
    return milestones;
  }

  Status ReadSubTeam(const toml::node& node) {
    auto table = TableOf(node, "subteam");
    if (!table.ok()) return table.error();
    if (Status s = CheckKeys(**table, {"name", "milestone", "subtopic"}, "a sub-team"); !s)
      return s;
    auto name = Text(**table, "name", "the sub-team");
    if (!name.ok()) return name.error();
    const SubTeam* subteam = FindSubTeam(*roster_, *name);
    const toml::node* name_node = (*table)->get("name");
    if (!subteam) {
      std::string known;
      for (const SubTeam& s : roster_->subteams) known += (known.empty() ? "" : ", ") + s.name;
      return At(name_node->source(),
                fmt::format("'{}' is not a sub-team of {}'s roster (it has: {})", *name,
                            plan_.group, known.empty() ? "none" : known));
    }
    if (FindSubTeamPlan(plan_, subteam->name))
      return At(name_node->source(), fmt::format("sub-team '{}' is given twice", subteam->name));
    SubTeamPlan plan{subteam->name, {}, {}};
    auto milestones = Milestones((*table)->get("milestone"));
    if (!milestones.ok()) return milestones.error();
    plan.milestones = std::move(*milestones);
    if (const toml::node* subtopics = (*table)->get("subtopic")) {
      const toml::array* array = subtopics->as_array();
      if (!array) return At(subtopics->source(), "expected [[subteam.subtopic]] tables");
      for (const toml::node& item : *array) {
        auto subtopic = ReadSubtopic(item);
        if (!subtopic.ok()) return subtopic.error();
        plan.subtopics.push_back(std::move(*subtopic));
      }
    }
    plan_.subteams.push_back(std::move(plan));
    return Status::Ok();
  }

  Result<Subtopic> ReadSubtopic(const toml::node& node) {
    auto table = TableOf(node, "subteam.subtopic");
    if (!table.ok()) return table.error();
    if (Status s = CheckKeys(**table, {"title", "task"}, "a subtopic"); !s) return s.error();
    auto title = Text(**table, "title", "the subtopic");
    if (!title.ok()) return title.error();
    Subtopic subtopic{std::move(*title), {}};
    if (const toml::node* tasks = (*table)->get("task")) {
      const toml::array* array = tasks->as_array();
      if (!array) return At(tasks->source(), "expected [[subteam.subtopic.task]] tables");
      for (const toml::node& item : *array) {
        auto task = ReadTask(item);
        if (!task.ok()) return task.error();
        subtopic.tasks.push_back(std::move(*task));
      }
    }
    return subtopic;
  }

  Result<WorkPlanTask> ReadTask(const toml::node& node) {
    auto table = TableOf(node, "subteam.subtopic.task");
    if (!table.ok()) return table.error();
    const toml::table& t = **table;
    if (Status s = CheckKeys(
            t, {"label", "title", "leader", "people", "start", "target", "status", "items"},
            "a task");
        !s)
      return s.error();
    WorkPlanTask task;
    if (Status s = ReadLabel(t, task); !s) return s.error();
    auto title = Text(t, "title", fmt::format("task {}", task.label));
    if (!title.ok()) return title.error();
    task.title = std::move(*title);
    if (Status s = ReadPeople(t, task); !s) return s.error();
    if (Status s = ReadDates(t, task); !s) return s.error();
    if (Status s = ReadStatus(t, task); !s) return s.error();
    if (Status s = ReadItems(t, task); !s) return s.error();
    return task;
  }

  Status ReadLabel(const toml::table& t, WorkPlanTask& task) {
    auto label = Text(t, "label", "the task");
    if (!label.ok()) return label.error();
    const toml::node* node = t.get("label");
    if (!IsTaskLabel(*label))
      return At(node->source(),
                fmt::format("malformed task label '{}': expected letters and digits, '-' and a "
                            "number, such as 'DNS-2'",
                            *label));
    std::string key = AsciiLower(*label);
    if (auto seen = label_lines_.find(key); seen != label_lines_.end())
      return At(node->source(), fmt::format("task label '{}' is given twice (first at line {})",
                                            *label, seen->second));
    label_lines_[key] = static_cast<int>(node->source().begin.line);
    task.label = std::move(*label);
    return Status::Ok();
  }

  // A roster person named by `node` (a string), or an error naming `as`.
  Result<std::string> Person(const toml::node& node, std::string_view as) const {
    std::optional<std::string> written = node.value_exact<std::string>();
    if (!written) return At(node.source(), fmt::format("expected the {} as a name in quotes", as));
    const plenary::Person* person = directory_->FindPerson(Trim(*written));
    if (!person)
      return At(node.source(), fmt::format("unknown person '{}' as {}: not on {}'s roster",
                                           Trim(*written), as, plan_.group));
    return person->name;
  }

  Status ReadPeople(const toml::table& t, WorkPlanTask& task) {
    const toml::node* leader = t.get("leader");
    if (!leader)
      return At(t.source(),
                fmt::format("task {} has no leader: expected leader = \"NAME\"", task.label));
    auto name = Person(*leader, "leader");
    if (!name.ok()) return name.error();
    task.leader = std::move(*name);
    const toml::node* people = t.get("people");
    if (!people) return Status::Ok();
    const toml::array* array = people->as_array();
    if (!array) return At(people->source(), "expected people = [\"NAME\", ...]");
    for (const toml::node& entry : *array) {
      auto person = Person(entry, "one of the people");
      if (!person.ok()) return person.error();
      if (std::find(task.people.begin(), task.people.end(), *person) != task.people.end())
        return At(entry.source(), fmt::format("'{}' is among the people twice", *person));
      task.people.push_back(std::move(*person));
    }
    return Status::Ok();
  }

  Status ReadDates(const toml::table& t, WorkPlanTask& task) {
    std::string what = fmt::format("task {}", task.label);
    auto start = DateOf(t, "start", what);
    if (!start.ok()) return start.error();
    auto target = DateOf(t, "target", what);
    if (!target.ok()) return target.error();
    if (*target < *start)
      return At(t.get("target")->source(),
                fmt::format("task {} ends ({}) before it starts ({})", task.label,
                            FormatIsoDate(*target), FormatIsoDate(*start)));
    task.start = *start;
    task.target = *target;
    return Status::Ok();
  }

  Status ReadStatus(const toml::table& t, WorkPlanTask& task) const {
    const toml::node* node = t.get("status");
    if (!node) return Status::Ok();  // planned
    std::optional<std::string> text = node->value_exact<std::string>();
    std::optional<TaskStatus> status =
        text ? ParseTaskStatus(CollapseSpaces(AsciiLower(*text))) : std::nullopt;
    if (!status)
      return At(node->source(),
                "expected a status: \"planned\", \"in progress\", \"done\", \"on hold\" or "
                "\"dropped\"");
    task.status = *status;
    return Status::Ok();
  }

  Status ReadItems(const toml::table& t, WorkPlanTask& task) const {
    const toml::node* node = t.get("items");
    if (!node) return Status::Ok();
    const toml::array* array = node->as_array();
    if (!array) return At(node->source(), "expected items = [NUMBER, ...]: action item numbers");
    for (const toml::node& entry : *array) {
      std::optional<std::int64_t> id = entry.value_exact<std::int64_t>();
      if (!id || *id <= 0) return At(entry.source(), "expected an action item number such as 12");
      if (std::find(task.items.begin(), task.items.end(), *id) == task.items.end())
        task.items.push_back(*id);
    }
    return Status::Ok();
  }

  const SourceText& source_;
  const std::vector<Roster>& rosters_;
  const Roster* roster_ = nullptr;
  std::optional<Directory> directory_;
  WorkPlan plan_;
  std::map<std::string, int> label_lines_;  // folded label -> its line
};

}  // namespace

Detection DetectWorkPlan(const SourceText& source) {
  bool group = false, subteam = false;
  for (int n = 1; n <= static_cast<int>(source.line_count()); ++n) {
    std::string_view line = Trim(source.line(n));
    if (line.starts_with("group") && Trim(line.substr(5)).starts_with("=")) group = true;
    if (line.starts_with("[[subteam]]")) subteam = true;
  }
  if (group && subteam) return {90, "a TOML work plan: 'group =' and [[subteam]] tables"};
  return {0, "no TOML 'group =' line with [[subteam]] tables"};
}

Result<WorkPlan> ReadWorkPlan(const SourceText& source, const std::vector<Roster>& rosters) {
  return WorkPlanReader(source, rosters).Read();
}

Result<Minutes> ReadWorkPlanFormat(const SourceText& source, const ReadOptions& options) {
  auto plan = ReadWorkPlan(source, options.rosters);
  if (!plan.ok()) return plan.error();
  Minutes minutes;
  minutes.workplan = std::move(*plan);
  return minutes;
}

}  // namespace plenary
