// Writing HTML that is safe by construction: every piece of text and every
// attribute value goes through one escaping function, and the only way to put
// markup in is a TrustedHtml, which is made from a string literal or from
// another HtmlWriter's output.
//
// The output is polyglot XHTML5: well-formed XML (void elements closed with
// " />", attributes always quoted) that browsers read as HTML5. Invalid UTF-8
// in text becomes U+FFFD, and control characters other than tab and newline
// are dropped, so the output is always valid UTF-8 and valid XML.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary::html {

// `text` escaped for element content and for double- or single-quoted
// attribute values: & < > " ' become references; CR and LF in attributes
// are kept as &#13; / &#10; (AppendEscaped with in_attribute) so that a
// value round-trips through a form unchanged.
std::string Escape(std::string_view text);
void AppendEscaped(std::string& out, std::string_view text, bool in_attribute = false);

// `text` made valid UTF-8: each invalid byte becomes U+FFFD.
std::string ValidUtf8(std::string_view text);

// `text` cut to at most `max_bytes` bytes at a character boundary, with "…"
// added when anything was cut.
std::string Shorten(std::string_view text, std::size_t max_bytes);

// Whether `url` is an absolute http(s) URL, the only kind of address from
// data that pages turn into links (never javascript: or data:).
bool IsWebUrl(std::string_view url);

// Percent-encoding of one URL path segment, and of a query value
// (application/x-www-form-urlencoded).
std::string UrlSegment(std::string_view text);
std::string QueryValue(std::string_view text);
// "?a=1&b=2" from the non-empty pairs (empty string when none).
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& pairs);

// Markup known to be safe. Made only from a literal or from a writer.
class TrustedHtml {
 public:
  // A string known when the program is compiled: consteval refuses anything
  // computed at run time.
  struct Literal {
    consteval Literal(const char* literal) : text(literal) {}  // NOLINT: implicit by design
    const char* text;
  };
  TrustedHtml(Literal literal) : html_(literal.text) {}  // NOLINT: implicit by design
  const std::string& str() const { return html_; }

 private:
  friend class HtmlWriter;
  struct FromWriter {};
  TrustedHtml(FromWriter, std::string html) : html_(std::move(html)) {}
  std::string html_;
};

// An attribute; one with an empty name is left out, so that a boolean
// attribute can be written {on ? "checked" : "", "checked"}.
struct Attr {
  std::string_view name;  // a literal name in the program, never user data
  std::string_view value;
};

// An HTML fragment under construction. Tags and attribute names are the
// program's own; text and attribute values are escaped.
class HtmlWriter {
 public:
  HtmlWriter& Open(std::string_view tag, std::initializer_list<Attr> attrs = {});
  HtmlWriter& Close(std::string_view tag);
  // A void element (<input />, <meta />, <br />).
  HtmlWriter& Void(std::string_view tag, std::initializer_list<Attr> attrs = {});
  // <tag attrs>text</tag>
  HtmlWriter& Element(std::string_view tag, std::string_view text,
                      std::initializer_list<Attr> attrs = {});
  // <a href="href">text</a>
  HtmlWriter& Link(std::string_view href, std::string_view text,
                   std::initializer_list<Attr> attrs = {});
  HtmlWriter& Text(std::string_view text);
  HtmlWriter& Raw(const TrustedHtml& html);
  HtmlWriter& Raw(TrustedHtml::Literal literal) { return Raw(TrustedHtml(literal)); }

  TrustedHtml Done() &&;
  const std::string& str() const { return out_; }

 private:
  void WriteAttrs(std::initializer_list<Attr> attrs);
  std::string out_;
};

}  // namespace plenary::html
