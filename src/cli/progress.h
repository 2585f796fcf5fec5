// Progress of long work (a bulk import, a publish, copy-db) as one status line
// on a terminal, overwritten in place as ninja's is:
//   [37/300] reading minutes: 412 items, 1.2 s, 30.8 files/s
// Nothing at all is written when standard error is not a terminal, when TERM
// is "dumb", or with --quiet; NO_COLOR (https://no-color.org) drops the bold.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace plenary {

class ProgressLine {
 public:
  // `unit` names what is counted ("files", "formats", "steps").
  ProgressLine(bool quiet, std::string_view unit);
  // Writes to `fd` when `terminal` says it is one (for tests).
  ProgressLine(int fd, bool terminal, std::string_view unit);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  bool enabled() const { return enabled_; }

  // `done` of `total` units; `what` is the stage ("reading minutes"),
  // `items` what they held so far (0: not shown). Within a stage, redraws
  // at most ten times a second, and always for the last unit.
  void Update(std::size_t done, std::size_t total, std::string_view what, std::size_t items = 0);

  // Clears the line, so that the command's own output starts on a clean one.
  void Finish();

  // The line as Update draws it, without the terminal's control sequences.
  static std::string Format(std::size_t done, std::size_t total, std::string_view what,
                            std::size_t items, std::string_view unit, double seconds);

 private:
  int fd_ = 2;
  bool enabled_ = false;
  bool color_ = false;
  bool drawn_ = false;
  std::string unit_;
  std::string what_;  // the stage drawn last: a new stage is drawn at once
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace plenary
