// Manual pages and shell completion, generated from the CLI11 definitions
// that `--help` prints, so that there is one text to keep: `plenary __man DIR`
// and `plenary __completion bash` (hidden commands, run by the build).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

namespace plenary {

// Commands whose name starts with this are for the build and the server's
// own children, never shown or completed.
constexpr std::string_view kHiddenCommandPrefix = "__";

// Every manual page of `root` and its visible commands, at every depth: the
// file name ("plenary.1", "plenary-actions-show.1") and its roff source
// (man(7) macros). `version` goes in the pages' footer.
std::vector<std::pair<std::string, std::string>> ManualPages(const CLI::App& root,
                                                             std::string_view version);

// A bash completion script for `root`: commands, subcommands and options at
// each depth; files after options that take a value and for positionals.
std::string BashCompletion(const CLI::App& root);

}  // namespace plenary
