// Markdown as GitHub renders it, for the publishing tests: cmark-gfm with the
// table, strikethrough and autolink extensions. Raw HTML is let through
// (CMARK_OPT_UNSAFE) so a test sees any markup plenary failed to escape.
#pragma once

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <string>

namespace plenary::testing {

inline std::string RenderGfm(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "strikethrough", "autolink"})
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* root = cmark_parser_finish(parser);
  char* html =
      cmark_render_html(root, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
  std::string out = html;
  free(html);  // NOLINT: cmark allocates with malloc
  cmark_node_free(root);
  cmark_parser_free(parser);
  return out;
}

}  // namespace plenary::testing
