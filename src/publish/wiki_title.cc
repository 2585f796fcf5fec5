// Page titles MediaWiki takes as given. The rules are those of MediaWiki's
// TitleParser: a title that breaks them is refused at edit time ("invalid
// title"), which would leave a page of the set unpublished and every link to
// it red.
#include <cctype>
#include <string>
#include <string_view>

#include "publish/registers.h"

namespace plenary::publish_detail {
namespace {

constexpr std::size_t kMaxTitleBytes = 255;
constexpr std::size_t kKeptEndBytes = 40;

bool IsForbidden(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f || std::string_view("#<>[]{}|").find(c) != std::string_view::npos;
}

// "&name;", "&#123;" or "&#x7b;" at `at`: MediaWiki would read an entity.
bool IsEntityAt(std::string_view s, std::size_t at) {
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '#') ++i;
  if (i < s.size() && (s[i] == 'x' || s[i] == 'X') && s[at + 1] == '#') ++i;
  std::size_t start = i;
  while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
  return i > start && i < s.size() && s[i] == ';';
}

bool IsPercentEscapeAt(std::string_view s, std::size_t at) {
  return at + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[at + 1])) &&
         std::isxdigit(static_cast<unsigned char>(s[at + 2]));
}

std::string ReplaceCharacters(std::string_view name) {
  std::string out(name);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '~') {
      std::size_t run = out.find_first_not_of('~', i);
      run = (run == std::string::npos ? out.size() : run) - i;
      if (run >= 3) out.replace(i, run, run, '-');
      i += run - 1;
    } else if (IsForbidden(out[i]) || (out[i] == '&' && IsEntityAt(out, i)) ||
               (out[i] == '%' && IsPercentEscapeAt(out, i))) {
      out[i] = '-';
    }
  }
  if (!out.empty() && out[0] == ':') out[0] = '-';
  return out;
}

// Underscores as spaces and runs of spaces as one, trimmed: the title as the
// wiki stores it. "__TOC__" in a link's target would otherwise be read as
// the magic word, breaking the link.
std::string NormaliseSpaces(const std::string& title) {
  std::string out;
  for (char c : title) {
    if (c == '_') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "." and ".." as whole '/'-separated segments, as a relative path would.
std::string ReplaceDotSegments(std::string title) {
  std::size_t start = 0;
  while (start <= title.size()) {
    std::size_t end = title.find('/', start);
    if (end == std::string::npos) end = title.size();
    std::string_view segment(title.data() + start, end - start);
    if (segment == "." || segment == "..") title.replace(start, segment.size(), "-");
    start = title.find('/', start);
    if (start == std::string::npos) break;
    ++start;
  }
  return title;
}

// The largest n <= want such that s[0, n) ends on a character boundary.
std::size_t HeadBoundary(std::string_view s, std::size_t want) {
  while (want > 0 && want < s.size() && (static_cast<unsigned char>(s[want]) & 0xC0) == 0x80)
    --want;
  return want;
}

std::string Shorten(const std::string& title) {
  if (title.size() <= kMaxTitleBytes) return title;
  const std::string ellipsis = "\xE2\x80\xA6";
  std::size_t tail = title.size() - kKeptEndBytes;
  while (tail < title.size() && (static_cast<unsigned char>(title[tail]) & 0xC0) == 0x80) ++tail;
  std::size_t head = HeadBoundary(title, kMaxTitleBytes - ellipsis.size() - (title.size() - tail));
  return title.substr(0, head) + ellipsis + title.substr(tail);
}

}  // namespace

std::string WikiTitle(std::string_view name) {
  return Shorten(ReplaceDotSegments(NormaliseSpaces(ReplaceCharacters(name))));
}

}  // namespace plenary::publish_detail
