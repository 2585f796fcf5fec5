// plenary's one configuration file, /etc/plenary/plenary.toml (doc/configuration.md):
// the settings an installation keeps instead of repeating them on every command
// line. The file is TOML, read with toml++ (Debian's libtomlplusplus-dev).
//
// Every setting is one row of kSettings: adding a table (say [smtp] for
// reminders) adds its rows there, and the reader, `plenary config check` and the
// documentation's list follow. Secrets are never values in the file: a setting
// of kind kSecretFile names a private file that holds the secret, and a key
// that looks like an inline secret ("password", "token", ...) is refused.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "plenary/result.h"

namespace plenary {

enum class SettingKind {
  kStoreUrl,    // a store URL or SQLite path, with no password in it
  kListen,      // HOST:PORT, port 0-65535
  kHttpUrl,     // http:// or https://
  kText,        // any non-empty text
  kPath,        // a file path
  kSecretFile,  // the path of a private file holding a secret
  kEmail,       // an address with an @
  kLogFormat,   // text or json
  kPort,        // 1-65535
  kCount,       // 0-256
  kFlag,        // true or false
};

struct SettingSpec {
  std::string_view table;
  std::string_view key;
  SettingKind kind;
  std::string_view fallback;  // what applies when the setting is absent, for config check
  std::string_view help;
};

// Every setting the file may hold, table by table.
std::span<const SettingSpec> ConfigSettings();

// The spec of "table.key", or nullptr.
const SettingSpec* FindSetting(std::string_view name);

using SettingValue = std::variant<std::string, std::int64_t, bool>;

struct Setting {
  SettingValue value;
  std::string origin;  // "FILE:LINE:COL", or who set it ("--db", "$PLENARY_DB")
};

// The settings in force, keyed "table.key". Holds only settings that were
// given; a command falls back to its own default for the others.
class Config {
 public:
  // The file read, or empty when none was.
  const std::string& path() const { return path_; }

  const std::string* Text(std::string_view name) const;
  std::optional<std::int64_t> Number(std::string_view name) const;
  std::optional<bool> Flag(std::string_view name) const;
  const Setting* Find(std::string_view name) const;

  // Sets `name` (which must be in ConfigSettings()) from outside the file: a command
  // line option or an environment variable, which win over the file.
  void Override(std::string_view name, SettingValue value, std::string origin);

 private:
  friend Result<Config> ParseConfig(std::string_view text, std::string_view name);
  std::string path_;
  std::map<std::string, Setting, std::less<>> values_;
};

// Reads a configuration file's text. `name` is the file's name for messages.
// Fails (kInvalidInput) with "NAME:LINE:COL: message" + the line on bad TOML,
// an unknown table or key, a value of the wrong type or out of range, or a
// secret written inline. Never touches the file system.
Result<Config> ParseConfig(std::string_view text, std::string_view name);

// The file plenary reads: `option` (--config) if given, else $PLENARY_CONFIG
// if set and non-empty, else /etc/plenary/plenary.toml if it exists. A file
// that is named but missing or unreadable is an error (kIO); with no file at
// all the Config is empty.
Result<Config> LoadConfig(const std::optional<std::string>& option);

constexpr std::string_view kDefaultConfigPath = "/etc/plenary/plenary.toml";

// The effective settings, one per line, "table.key = value  # origin", with
// passwords in URLs redacted, for `plenary config check`.
std::string DescribeConfig(const Config& config);

}  // namespace plenary
