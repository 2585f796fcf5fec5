#include "publish/formats/html_writer.h"

#include <cctype>
#include <cstdint>

namespace plenary::html {
namespace {

// Length of the valid UTF-8 sequence at the start of `s`, or 0 when the
// first byte does not start one (overlongs, surrogates and values past
// U+10FFFF are invalid).
std::size_t Utf8SequenceLength(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (s.size() < len) return 0;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  // U+FFFE and U+FFFF are not XML characters.
  if (cp == 0xFFFE || cp == 0xFFFF) return 0;
  return len;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string PercentEncode(std::string_view text, bool space_as_plus) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (IsUnreserved(c)) {
      out += c;
    } else if (c == ' ' && space_as_plus) {
      out += '+';
    } else {
      const auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0x0F];
    }
  }
  return out;
}

// A byte written as it is: printable ASCII other than the five markup
// characters. Most of a page's text is a run of them, appended at once.
bool IsPlainByte(char c) {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

}  // namespace

void AppendEscaped(std::string& out, std::string_view text, bool in_attribute) {
  out.reserve(out.size() + text.size());
  while (!text.empty()) {
    std::size_t plain = 0;
    while (plain < text.size() && IsPlainByte(text[plain])) ++plain;
    if (plain > 0) {
      out.append(text.substr(0, plain));
      text.remove_prefix(plain);
      continue;
    }
    const std::size_t len = Utf8SequenceLength(text);
    if (len == 0) {
      out += kReplacement;
      text.remove_prefix(1);
      continue;
    }
    if (len > 1) {
      out.append(text.substr(0, len));
      text.remove_prefix(len);
      continue;
    }
    const char c = text[0];
    text.remove_prefix(1);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += in_attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += in_attribute ? "&#13;" : "\n";
        break;
      case '\t':
        out += '\t';
        break;
      default:
        // Other C0 controls and DEL are not allowed in XML; they carry nothing
        // a reader could see.
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    }
  }
}

std::string Escape(std::string_view text) {
  std::string out;
  AppendEscaped(out, text);
  return out;
}

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t len = Utf8SequenceLength(text);
    if (len == 0) {
      out += kReplacement;
      text.remove_prefix(1);
    } else {
      out.append(text.substr(0, len));
      text.remove_prefix(len);
    }
  }
  return out;
}

std::string Shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return ValidUtf8(text);
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return ValidUtf8(text.substr(0, end)) + "…";
}

bool IsWebUrl(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    return true;
  };
  return starts("https://") || starts("http://");
}

std::string UrlSegment(std::string_view text) { return PercentEncode(text, false); }
std::string QueryValue(std::string_view text) { return PercentEncode(text, true); }

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (value.empty()) continue;
    out += out.empty() ? '?' : '&';
    out += QueryValue(name) + '=' + QueryValue(value);
  }
  return out;
}

void HtmlWriter::WriteAttrs(std::initializer_list<Attr> attrs) {
  for (const Attr& a : attrs) {
    if (a.name.empty()) continue;
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    AppendEscaped(out_, a.value, true);
    out_ += '"';
  }
}

HtmlWriter& HtmlWriter::Open(std::string_view tag, std::initializer_list<Attr> attrs) {
  out_ += '<';
  out_ += tag;
  WriteAttrs(attrs);
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Close(std::string_view tag) {
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

HtmlWriter& HtmlWriter::Void(std::string_view tag, std::initializer_list<Attr> attrs) {
  out_ += '<';
  out_ += tag;
  WriteAttrs(attrs);
  out_ += " />";
  return *this;
}

HtmlWriter& HtmlWriter::Element(std::string_view tag, std::string_view text,
                                std::initializer_list<Attr> attrs) {
  Open(tag, attrs);
  AppendEscaped(out_, text);
  return Close(tag);
}

HtmlWriter& HtmlWriter::Link(std::string_view href, std::string_view text,
                             std::initializer_list<Attr> attrs) {
  out_ += "<a href=\"";
  AppendEscaped(out_, href, true);
  out_ += '"';
  WriteAttrs(attrs);
  out_ += '>';
  AppendEscaped(out_, text);
  return Close("a");
}

HtmlWriter& HtmlWriter::Text(std::string_view text) {
  AppendEscaped(out_, text);
  return *this;
}

HtmlWriter& HtmlWriter::Raw(const TrustedHtml& html) {
  out_ += html.str();
  return *this;
}

TrustedHtml HtmlWriter::Done() && {
  return TrustedHtml(TrustedHtml::FromWriter{}, std::move(out_));
}

}  // namespace plenary::html
