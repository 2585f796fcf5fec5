// Reading plenary.toml. toml++ parses; this file decides what the values mean
// and where each problem is, so that every refusal names FILE:LINE:COL.
#include "cli/config_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/toml.h"
#include "importers/source_text.h"
#include "store/store_url.h"

namespace plenary {
namespace {

using K = SettingKind;

// The settings, table by table. A new table is a few rows here.
constexpr std::array kSettingRows{
    SettingSpec{"database", "url", K::kStoreUrl, "$PLENARY_DB, else ./plenary.db",
                "The register: an SQLite file, sqlite:PATH or postgresql://USER@HOST/DB"},
    SettingSpec{"serve", "listen", K::kListen, "127.0.0.1:8080",
                "HOST:PORT plenary serve listens on"},
    SettingSpec{"serve", "secure_cookies", K::kFlag, "false",
                "Mark the session cookie Secure (the site is reached over HTTPS)"},
    SettingSpec{"serve", "threads", K::kCount, "0 (one per core)", "Network threads"},
    SettingSpec{"serve", "workers", K::kCount, "0 (two per core)", "Database workers"},
    SettingSpec{"serve", "response_cache_mb", K::kCount, "32",
                "MiB of read routes' answers kept while the database is unchanged; 0: none"},
    SettingSpec{"serve", "access_log", K::kPath, "standard error", "Append the access log here"},
    SettingSpec{"serve", "log_format", K::kLogFormat, "text",
                "The access log's lines: text, or json (one object per line)"},
    SettingSpec{"mediawiki", "api", K::kHttpUrl, "none",
                "The wiki's api.php that plenary publish --mediawiki posts to"},
    SettingSpec{"mediawiki", "user", K::kText, "none", "The bot password's login, Account@AppId"},
    SettingSpec{"mediawiki", "password_file", K::kSecretFile, "none",
                "A private file holding the bot password"},
    SettingSpec{"smtp", "host", K::kText, "none", "The mail server reminders are sent through"},
    SettingSpec{"smtp", "port", K::kPort, "587", "Its port"},
    SettingSpec{"smtp", "starttls", K::kFlag, "true", "Require STARTTLS"},
    SettingSpec{"smtp", "user", K::kText, "none", "The login on the mail server"},
    SettingSpec{"smtp", "password_file", K::kSecretFile, "none",
                "A private file holding the mail server's password"},
    SettingSpec{"smtp", "from", K::kEmail, "none", "The reminders' From address"},
    SettingSpec{"smtp", "ca_file", K::kPath, "the system's certificates",
                "Trust the certificates in this PEM file instead"},
};

// Keys that would hold a secret in the file itself.
bool LooksLikeInlineSecret(std::string_view key) {
  for (std::string_view word : {"password", "passwd", "secret", "token", "api_key"}) {
    if (key == word) return true;
    if (key.size() > word.size() && key.ends_with(word) && key[key.size() - word.size() - 1] == '_')
      return true;
  }
  return false;
}

class Located {
 public:
  Located(std::string_view text, std::string_view name) : name_(name) {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (line.ends_with('\r')) line.remove_suffix(1);
      lines_.push_back(line);
      start = end + 1;
    }
  }

  // `secret`: the line holds a secret, shown up to `where` followed by "***".
  Error At(const toml::source_region& where, std::string_view message, bool secret = false) const {
    int line = static_cast<int>(where.begin.line), column = static_cast<int>(where.begin.column);
    std::string text(line >= 1 && static_cast<std::size_t>(line) <= lines_.size() ? lines_[line - 1]
                                                                                  : "");
    if (secret) text = RedactedLine(text);
    return Error::InvalidInput(
        FormatDiagnostic(name_, std::max(line, 1), std::max(column, 1), message, text));
  }

  // The line up to its "=" and "***": what is after may be a secret.
  static std::string RedactedLine(std::string_view line) {
    std::size_t equals = line.find('=');
    return equals == std::string_view::npos ? std::string(line)
                                            : std::string(line.substr(0, equals + 1)) + " ***";
  }

  std::string Origin(const toml::source_region& where) const {
    return fmt::format("{}:{}:{}", name_, where.begin.line, where.begin.column);
  }

 private:
  std::string name_;
  std::vector<std::string_view> lines_;
};

bool ValidListen(std::string_view listen) {
  std::size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view port = listen.substr(colon + 1);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  return ec == std::errc() && end == port.data() + port.size() && !port.empty() && value <= 65535;
}

// The value of one setting, or why it is refused.
Result<SettingValue> ValueOf(const SettingSpec& spec, const toml::node& node) {
  auto expected = [&](std::string_view what) {
    std::ostringstream found;
    found << node.type();
    return Error::InvalidInput(
        fmt::format("{}.{}: expected {}, found {}", spec.table, spec.key, what, found.str()));
  };
  switch (spec.kind) {
    case K::kFlag:
      if (!node.is_boolean()) return expected("true or false");
      return SettingValue{*node.value<bool>()};
    case K::kPort:
    case K::kCount: {
      if (!node.is_integer()) return expected("an integer");
      std::int64_t n = *node.value<std::int64_t>();
      auto [low, high] = spec.kind == K::kPort ? std::pair<std::int64_t, std::int64_t>{1, 65535}
                                               : std::pair<std::int64_t, std::int64_t>{0, 256};
      if (n < low || n > high)
        return Error::InvalidInput(
            fmt::format("{}.{}: {} is not in {}-{}", spec.table, spec.key, n, low, high));
      return SettingValue{n};
    }
    default:
      break;
  }
  if (!node.is_string()) return expected("a string");
  std::string text = *node.value<std::string>();
  auto refuse = [&](std::string_view why) {
    return Error::InvalidInput(fmt::format("{}.{}: {}", spec.table, spec.key, why));
  };
  if (text.empty()) return refuse("is empty");
  switch (spec.kind) {
    case K::kStoreUrl:
      if (RedactUrl(text) != text)
        return refuse(
            "a password is written inline; keep it in a private file and name it with libpq's "
            "passfile= parameter (postgresql://USER@HOST/DB?passfile=/etc/plenary/pgpass)");
      break;
    case K::kListen:
      if (!ValidListen(text)) return refuse("expected HOST:PORT with a port of 0-65535");
      break;
    case K::kHttpUrl:
      if (!text.starts_with("http://") && !text.starts_with("https://"))
        return refuse("expected an http:// or https:// URL");
      break;
    case K::kLogFormat:
      if (text != "text" && text != "json") return refuse("expected text or json");
      break;
    case K::kEmail:
      if (text.find('@') == std::string::npos || text.find_first_of("\r\n") != std::string::npos)
        return refuse("expected an address such as secretariat@example.org");
      break;
    default:
      break;
  }
  return SettingValue{std::move(text)};
}

// A value as TOML writes it (strings quoted and escaped), URLs redacted.
std::string TomlValue(const SettingSpec& spec, const SettingValue& value) {
  std::ostringstream out;
  if (const auto* text = std::get_if<std::string>(&value))
    out << toml::value<std::string>(spec.kind == K::kStoreUrl ? RedactUrl(*text) : *text);
  else if (const auto* flag = std::get_if<bool>(&value))
    out << (*flag ? "true" : "false");
  else
    out << std::get<std::int64_t>(value);
  return out.str();
}

}  // namespace

std::span<const SettingSpec> ConfigSettings() { return kSettingRows; }

const SettingSpec* FindSetting(std::string_view name) {
  for (const SettingSpec& spec : kSettingRows)
    if (name.size() == spec.table.size() + 1 + spec.key.size() && name.starts_with(spec.table) &&
        name[spec.table.size()] == '.' && name.ends_with(spec.key))
      return &spec;
  return nullptr;
}

const Setting* Config::Find(std::string_view name) const {
  auto found = values_.find(name);
  return found == values_.end() ? nullptr : &found->second;
}

const std::string* Config::Text(std::string_view name) const {
  const Setting* s = Find(name);
  return s ? std::get_if<std::string>(&s->value) : nullptr;
}

std::optional<std::int64_t> Config::Number(std::string_view name) const {
  const Setting* s = Find(name);
  if (const auto* n = s ? std::get_if<std::int64_t>(&s->value) : nullptr) return *n;
  return std::nullopt;
}

std::optional<bool> Config::Flag(std::string_view name) const {
  const Setting* s = Find(name);
  if (const auto* b = s ? std::get_if<bool>(&s->value) : nullptr) return *b;
  return std::nullopt;
}

void Config::Override(std::string_view name, SettingValue value, std::string origin) {
  values_.insert_or_assign(std::string(name), Setting{std::move(value), std::move(origin)});
}

Result<Config> ParseConfig(std::string_view text, std::string_view name) {
  Located located(text, name);
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    return located.At(e.source(), e.description());
  }
  Config config;
  config.path_ = std::string(name);
  for (auto& [table_key, table_node] : root) {
    const toml::table* table = table_node.as_table();
    if (LooksLikeInlineSecret(table_key.str()))
      return located.At(table_key.source(),
                        "secrets are never written in this file: keep it in a private file and "
                        "give its path as password_file",
                        true);
    std::string_view table_name = table_key.str();
    bool known_table = std::any_of(kSettingRows.begin(), kSettingRows.end(),
                                   [&](const SettingSpec& s) { return s.table == table_name; });
    if (!known_table)
      return located.At(
          table_key.source(),
          fmt::format("unknown table '{}' (see doc/configuration.md)", table_key.str()));
    if (!table)
      return located.At(table_key.source(), fmt::format("'{}' must be a table", table_key.str()));
    for (auto& [key, node] : *table) {
      std::string setting = fmt::format("{}.{}", table_key.str(), key.str());
      if (LooksLikeInlineSecret(key.str()))
        return located.At(key.source(),
                          fmt::format("{}: secrets are never written in this file: keep it in a "
                                      "private file (mode 600) and give its path as password_file",
                                      setting),
                          true);
      const SettingSpec* spec = FindSetting(setting);
      if (!spec)
        return located.At(key.source(),
                          fmt::format("unknown setting '{}' (see doc/configuration.md)", setting));
      Result<SettingValue> value = ValueOf(*spec, node);
      if (!value.ok())
        return located.At(node.source(), value.error().message, spec->kind == K::kStoreUrl);
      config.values_.insert_or_assign(setting,
                                      Setting{std::move(*value), located.Origin(node.source())});
    }
  }
  return config;
}

Result<Config> LoadConfig(const std::optional<std::string>& option) {
  std::string path;
  if (option) {
    path = *option;
  } else if (const char* env = std::getenv("PLENARY_CONFIG"); env && *env) {
    path = env;
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(kDefaultConfigPath, ec)) return Config{};
    path = std::string(kDefaultConfigPath);
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Error::IO(fmt::format("{}: no such configuration file", path));
  if (std::filesystem::file_size(path, ec) > 1 << 20)
    return Error::InvalidInput(fmt::format("{}: a configuration file over 1 MiB", path));
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open())
    return Error::IO(fmt::format("{}: cannot read it ({})", path, std::strerror(errno)));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) return Error::IO(fmt::format("{}: cannot read it", path));
  return ParseConfig(bytes.str(), path);
}

std::string DescribeConfig(const Config& config) {
  std::string out =
      config.path().empty() ? "# no configuration file\n" : fmt::format("# {}\n", config.path());
  std::string_view table;
  for (const SettingSpec& spec : kSettingRows) {
    if (spec.table != table) {
      table = spec.table;
      out += fmt::format("[{}]\n", table);
    }
    std::string name = fmt::format("{}.{}", spec.table, spec.key);
    const Setting* s = config.Find(name);
    if (!s) {
      out += fmt::format("# {} = {}  (default)\n", spec.key, spec.fallback);
      continue;
    }
    out += fmt::format("{} = {}  # {}\n", spec.key, TomlValue(spec, s->value), s->origin);
  }
  return out;
}

}  // namespace plenary
