// The line grammar of IRC logs as W3C groups keep them: a time, a nick and a
// message, in the layouts scribe.perl's manual lists (RRSAgent's text log,
// irssi, mIRC/qwebirc, text pasted without times, plain scribe notes). The
// layout is chosen once per file, from its first lines; commands are read
// later (w3c_irc.cc) from the messages these lines give.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/source_text.h"

namespace plenary {

enum class IrcLayout {
  kRrsAgent,  // "14:59:27 <nick> text" (RRSAgent's .txt log; its clock is UTC)
  kIrssi,     // "15:27 <nick> text", "15:27 < nick> text", "15:27 -!- ..."
  kMirc,      // "[15:27] <nick> text", "[15:27] * nick ...", "[15:27] == ..."
  kPasted,    // "<nick> text" with no times
  kPlain,     // lines without nicks: what a scribe typed into an editor
};

std::string_view IrcLayoutName(IrcLayout layout);

enum class IrcLineKind {
  kMessage,  // something a nick said
  kEmote,    // "* nick waves" (/me)
  kEvent,    // joins, parts, quits, topic and mode changes, logging banners
};

struct IrcLine {
  int line = 0;         // 1-based line in the source
  int seconds = -1;     // time of day in seconds as the log writes it; -1: none
  std::string nick;     // empty for kPlain lines and most events
  std::string text;     // the message, leading and trailing spaces removed
  IrcLineKind kind = IrcLineKind::kMessage;
};

struct IrcLog {
  IrcLayout layout = IrcLayout::kPlain;
  std::vector<IrcLine> lines;  // blank lines are left out
  // How many of the non-blank lines the layout's grammar matched (the rest
  // continue the line before them, as mIRC's wrapped lines do).
  int matched = 0;
};

// The layout most of the first 500 non-blank lines follow, and how many of
// them follow it (0 when no IRC layout fits, i.e. kPlain).
struct LayoutGuess {
  IrcLayout layout = IrcLayout::kPlain;
  int matched = 0;
  int sampled = 0;
};
LayoutGuess GuessIrcLayout(const SourceText& source);

// Splits the whole source into lines of the guessed layout. Never fails: a
// line the grammar does not match continues the line before it (kept as a
// line of its own, by the same nick), or is a plain line when none precedes.
// `max_lines` stops after that many source lines (detection looks at the
// first few hundred only).
IrcLog SplitIrcLog(const SourceText& source, int max_lines = -1);

}  // namespace plenary
