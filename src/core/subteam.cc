#include "core/subteam.h"

#include <algorithm>
#include <cstddef>

#include "core/text.h"

namespace plenary {
namespace {

// ASCII letters and digits, and every byte of a non-ASCII character (folded
// text keeps letters such as "ø" that have no ASCII form).
bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

std::vector<std::string> FoldedWords(std::string_view text) {
  std::string folded = FoldName(text);
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    if (IsWordByte(c)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool IsTeamWord(const std::string& w) { return w == "team" || w == "teams"; }

// Whether `needle` occurs as a run of whole words in `haystack`.
bool ContainsRun(const std::vector<std::string>& haystack, const std::vector<std::string>& needle) {
  if (needle.empty()) return false;
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

}  // namespace

std::vector<std::string> SubTeamWords(std::string_view text) {
  std::vector<std::string> words = FoldedWords(text);
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "subteam" || words[i] == "subteams") continue;
    if (words[i] == "sub" && i + 1 < words.size() && IsTeamWord(words[i + 1])) {
      ++i;
      continue;
    }
    kept.push_back(std::move(words[i]));
  }
  return kept;
}

const SubTeam* FindSubTeam(const Roster& roster, std::string_view name) {
  std::vector<std::string> words = SubTeamWords(name);
  if (words.empty()) return nullptr;
  for (const SubTeam& subteam : roster.subteams)
    if (SubTeamWords(subteam.name) == words) return &subteam;
  return nullptr;
}

const SubTeam* SubTeamNamedBy(std::string_view kind, const Roster& roster) {
  std::vector<std::string> kind_words = SubTeamWords(kind);
  const SubTeam* best = nullptr;
  std::size_t best_size = 0;
  for (const SubTeam& subteam : roster.subteams) {
    std::vector<std::string> words = SubTeamWords(subteam.name);
    if (words.size() > best_size && ContainsRun(kind_words, words)) {
      best = &subteam;
      best_size = words.size();
    }
  }
  return best;
}

const SubTeam* SubTeamOf(const Meeting& meeting, const Roster* roster) {
  if (roster == nullptr) return nullptr;
  if (meeting.subteam) {
    if (const SubTeam* recorded = FindSubTeam(*roster, *meeting.subteam)) return recorded;
  }
  return SubTeamNamedBy(meeting.key.kind, *roster);
}

}  // namespace plenary
