// Manual pages and bash completion, walking the CLI11 tree that main.cc builds.
#include "cli/cli_manual.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <set>

namespace plenary {
namespace {

using Commands = std::vector<const CLI::App*>;

Commands VisibleCommands(const CLI::App& app) {
  return app.get_subcommands(
      [](const CLI::App* sub) { return !sub->get_name().starts_with(kHiddenCommandPrefix); });
}

// Text for roff: a backslash is \e, and a line may not start with a control character.
std::string RoffText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '\n')
      out += "\n.br\n";
    else
      out += c;
  }
  if (out.starts_with('.') || out.starts_with('\'')) out.insert(0, "\\&");
  return out;
}

// An option, command or page name: its hyphens are minus signs, so that a
// reader can copy them from the page.
std::string RoffName(std::string_view name) {
  std::string out;
  for (char c : RoffText(name)) {
    if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  return out;
}

bool IsFlag(const CLI::Option& option) { return option.get_items_expected_max() == 0; }

// "TEXT", "INT", ...: what CLI11 calls the value, without its check.
std::string ValueName(const CLI::Option& option) {
  std::string name = option.get_type_name();
  name = name.substr(0, name.find_first_of(": "));
  return name.empty() ? "VALUE" : name;
}

std::vector<std::string> Names(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const std::string& s : option.get_snames()) names.push_back("-" + s);
  for (const std::string& l : option.get_lnames()) names.push_back("--" + l);
  for (const std::string& f : option.get_fnames())
    if (std::find(names.begin(), names.end(), f) == names.end() && f.starts_with("--"))
      names.push_back(f);
  return names;
}

std::string PositionalSynopsis(const CLI::Option& option) {
  std::string text = fmt::format("\\fI{}\\fR", RoffName(option.get_name()));
  if (option.get_items_expected_max() > 1) text += "...";
  return option.get_required() ? text : "[" + text + "]";
}

std::string OptionItem(const CLI::Option& option) {
  std::string head;
  for (const std::string& name : Names(option)) {
    if (!head.empty()) head += ", ";
    head += fmt::format("\\fB{}\\fR", RoffName(name));
  }
  if (!IsFlag(option)) {
    std::string value = fmt::format("\\fI{}\\fR", ValueName(option));
    head += option.get_items_expected_min() == 0 ? " [" + value + "]" : " " + value;
  }
  std::string text = RoffText(option.get_description());
  if (!option.get_default_str().empty())
    text += fmt::format(" (default: {})", RoffText(option.get_default_str()));
  if (option.get_required()) text += " Required.";
  return fmt::format(".TP\n{}\n{}\n", head, text);
}

struct Page {
  std::vector<std::string> path;  // {"plenary", "actions", "show"}
  std::string Name(char separator) const {
    std::string name;
    for (const std::string& part : path)
      name += (name.empty() ? "" : std::string(1, separator)) + part;
    return name;
  }
};

constexpr std::string_view kRootSections =
    ".SH ENVIRONMENT\n"
    ".TP\n\\fBPLENARY_DB\\fR\nThe register, when there is no \\fB\\-\\-db\\fR; it wins over the "
    "configuration file's database.url.\n"
    ".TP\n\\fBPLENARY_CONFIG\\fR\nThe configuration file, when there is no "
    "\\fB\\-\\-config\\fR.\n"
    ".TP\n\\fBPLENARY_USER\\fR\nWho makes a change from the command line (default "
    "\\fBUSER\\fR).\n"
    ".TP\n\\fBNO_COLOR\\fR\nWhen set, the progress line has no colour.\n"
    ".SH FILES\n"
    ".TP\n\\fI/etc/plenary/plenary.toml\\fR\nThe configuration file: the register, the "
    "server's address, the wiki and the mail server (\\fBplenary\\-config\\fR(1)).\n"
    ".TP\n\\fI/var/lib/plenary/\\fR\nThe register of the packaged service.\n"
    ".SH EXIT STATUS\n"
    "0 on success, 1 on bad input or a failure to read or store, 2 on bad usage.\n";

std::string ManualPage(const CLI::App& app, const Page& page, std::string_view version) {
  std::string title = page.Name('-');
  std::string upper;
  for (char c : title) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string out = fmt::format(".TH \"{}\" 1 \"\" \"{}\" \"plenary manual\"\n", RoffName(upper),
                                RoffText(version));
  std::string description = app.get_description();
  std::string summary = description.substr(0, description.find(". "));
  if (page.path.size() == 1)
    summary = "the register of a group's meetings, action items, decisions and attendance";
  out += fmt::format(".SH NAME\n{} \\- {}\n", RoffName(title), RoffText(summary));

  Commands commands = VisibleCommands(app);
  std::vector<const CLI::Option*> options, positionals;
  for (const CLI::Option* option : app.get_options())
    (option->nonpositional() ? options : positionals).push_back(option);
  out += fmt::format(".SH SYNOPSIS\n.B {}\n", RoffName(page.Name(' ')));
  std::string synopsis = options.empty() ? "" : "[\\fIOPTIONS\\fR]";
  for (const CLI::Option* p : positionals) synopsis += " " + PositionalSynopsis(*p);
  if (!commands.empty())
    synopsis += app.get_require_subcommand_min() > 0 ? " \\fICOMMAND\\fR" : " [\\fICOMMAND\\fR]";
  out += synopsis + "\n";
  out += fmt::format(".SH DESCRIPTION\n{}\n", RoffText(description));
  if (!positionals.empty()) {
    out += ".SH ARGUMENTS\n";
    for (const CLI::Option* p : positionals)
      out += fmt::format(".TP\n\\fI{}\\fR\n{}\n", RoffName(p->get_name()),
                         RoffText(p->get_description()));
  }
  if (!options.empty()) {
    out += ".SH OPTIONS\n";
    for (const CLI::Option* option : options) out += OptionItem(*option);
  }
  if (!commands.empty()) {
    out += ".SH COMMANDS\n";
    for (const CLI::App* sub : commands) {
      Page sub_page{page.path};
      sub_page.path.push_back(sub->get_name());
      out += fmt::format(".TP\n\\fB{}\\fR\n{} (\\fB{}\\fR(1))\n", RoffName(sub->get_name()),
                         RoffText(sub->get_description()), RoffName(sub_page.Name('-')));
    }
  }
  if (page.path.size() == 1) {
    out += kRootSections;
  } else {
    out += ".SH SEE ALSO\n";
    Page parent{page.path};
    parent.path.pop_back();
    out += fmt::format("\\fB{}\\fR(1)", RoffName(parent.Name('-')));
    if (parent.path.size() > 1) out += ", \\fBplenary\\fR(1)";
    out +=
        "; the options of \\fBplenary\\fR(1) (\\fB\\-\\-db\\fR, \\fB\\-\\-config\\fR, "
        "\\fB\\-\\-quiet\\fR) go before the command.\n";
  }
  return out;
}

void AddPages(const CLI::App& app, const Page& page, std::string_view version,
              std::vector<std::pair<std::string, std::string>>& pages) {
  pages.emplace_back(page.Name('-') + ".1", ManualPage(app, page, version));
  for (const CLI::App* sub : VisibleCommands(app)) {
    Page sub_page{page.path};
    sub_page.path.push_back(sub->get_name());
    AddPages(*sub, sub_page, version, pages);
  }
}

void AddCompletions(const CLI::App& app, const std::string& path, std::string& cases,
                    std::set<std::string>& valued, std::string& commands) {
  std::string words;
  for (const CLI::App* sub : VisibleCommands(app)) {
    words += (words.empty() ? "" : " ") + sub->get_name();
    commands += fmt::format("      \"{} {}\") cmd=\"$cmd $w\" ;;\n", path, sub->get_name());
  }
  for (const CLI::Option* option : app.get_options()) {
    if (!option->nonpositional()) continue;
    for (const std::string& name : Names(*option)) {
      words += (words.empty() ? "" : " ") + name;
      if (!IsFlag(*option)) valued.insert(name);
    }
  }
  cases += fmt::format("    \"{}\") words=\"{}\" ;;\n", path, words);
  for (const CLI::App* sub : VisibleCommands(app))
    AddCompletions(*sub, path + " " + sub->get_name(), cases, valued, commands);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ManualPages(const CLI::App& root,
                                                             std::string_view version) {
  std::vector<std::pair<std::string, std::string>> pages;
  AddPages(root, Page{{root.get_name()}}, version, pages);
  return pages;
}

std::string BashCompletion(const CLI::App& root) {
  std::string cases, commands;
  std::set<std::string> valued;
  AddCompletions(root, root.get_name(), cases, valued, commands);
  std::string valued_pattern;
  for (const std::string& name : valued)
    valued_pattern += (valued_pattern.empty() ? "" : "|") + name;
  return fmt::format(
      "# bash completion for {0} (generated by `{0} __completion bash`)\n"
      "_{0}() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
      "  local cmd={0} w i words\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    w=${{COMP_WORDS[i]}}\n"
      "    case \"$cmd $w\" in\n"
      "{1}"
      "    esac\n"
      "  done\n"
      "  COMPREPLY=()\n"
      "  case \"$prev\" in\n"
      "    {2}) return ;;  # a value: files, by complete -o default\n"
      "  esac\n"
      "  case \"$cmd\" in\n"
      "{3}"
      "  esac\n"
      "  # Nothing matches: files, by complete -o default.\n"
      "  mapfile -t COMPREPLY < <(compgen -W \"$words\" -- \"$cur\")\n"
      "  return 0\n"
      "}}\n"
      "complete -o default -F _{0} {0}\n",
      root.get_name(), commands, valued_pattern.empty() ? "--" : valued_pattern, cases);
}

}  // namespace plenary
