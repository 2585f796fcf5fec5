#include "publish/pages.h"

#include <array>

namespace plenary {
namespace {

constexpr std::array<std::pair<PublishFormat, std::string_view>, 7> kFormats{{
    {PublishFormat::kMarkdown, "markdown"},
    {PublishFormat::kHtml, "html"},
    {PublishFormat::kConfluence, "confluence"},
    {PublishFormat::kMediaWiki, "mediawiki"},
    {PublishFormat::kCsv, "csv"},
    {PublishFormat::kJson, "json"},
    {PublishFormat::kICal, "ical"},
}};

}  // namespace

std::string_view PublishFormatName(PublishFormat format) {
  for (const auto& [f, name] : kFormats)
    if (f == format) return name;
  return "markdown";
}

std::optional<PublishFormat> ParsePublishFormat(std::string_view name) {
  for (const auto& [f, n] : kFormats)
    if (n == name) return f;
  return std::nullopt;
}

std::vector<PublishFormat> AllPublishFormats() {
  std::vector<PublishFormat> all;
  for (const auto& [f, name] : kFormats) all.push_back(f);
  return all;
}

Result<std::vector<PublishedPage>> BuildPages(Store& store, const PublishOptions& options) {
  (void)store;
  (void)options;
  return std::vector<PublishedPage>{};
}

}  // namespace plenary
