#include "cli/config_file.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

constexpr std::string_view kGood =
    "# plenary.toml\n"
    "[database]\n"
    "url = \"sqlite:/var/lib/plenary/register.db\"\n"
    "\n"
    "[serve]\n"
    "listen = \"0.0.0.0:8081\"\n"
    "secure_cookies = true\n"
    "workers = 8\n"
    "\n"
    "[mediawiki]\n"
    "api = \"https://wiki.example.org/w/api.php\"\n"
    "user = \"Secretariat@plenary\"\n"
    "password_file = \"/etc/plenary/wiki-password\"\n"
    "\n"
    "[smtp]\n"
    "host = \"mail.example.org\"\n"
    "port = 465\n"
    "starttls = false\n"
    "user = \"plenary\"\n"
    "password_file = \"/etc/plenary/smtp-password\"\n"
    "from = \"Secretariat <secretariat@example.org>\"\n";

std::string Error(std::string_view text) {
  auto config = ParseConfig(text, "plenary.toml");
  EXPECT_FALSE(config.ok());
  return config.ok() ? "" : config.error().message;
}

std::string FirstLineOfError(std::string_view text) {
  std::string message = Error(text);
  return message.substr(0, message.find('\n'));
}

TEST(ConfigFile, ReadsEveryTable) {
  auto config = ParseConfig(kGood, "plenary.toml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->path(), "plenary.toml");
  EXPECT_EQ(*config->Text("database.url"), "sqlite:/var/lib/plenary/register.db");
  EXPECT_EQ(config->Find("database.url")->origin, "plenary.toml:3:7");
  EXPECT_EQ(*config->Text("serve.listen"), "0.0.0.0:8081");
  EXPECT_EQ(config->Flag("serve.secure_cookies"), true);
  EXPECT_EQ(config->Number("serve.workers"), 8);
  EXPECT_EQ(config->Number("serve.threads"), std::nullopt);
  EXPECT_EQ(*config->Text("mediawiki.password_file"), "/etc/plenary/wiki-password");
  EXPECT_EQ(*config->Text("smtp.host"), "mail.example.org");
  EXPECT_EQ(config->Number("smtp.port"), 465);
  EXPECT_EQ(config->Flag("smtp.starttls"), false);
  EXPECT_EQ(*config->Text("smtp.from"), "Secretariat <secretariat@example.org>");
}

TEST(ConfigFile, AnEmptyFileSetsNothing) {
  auto config = ParseConfig("# nothing yet\n", "plenary.toml");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->Find("database.url"), nullptr);
}

TEST(ConfigFile, BadValuesAreLocated) {
  EXPECT_EQ(Error("[serve]\nlisten = \"localhost\"\n"),
            "plenary.toml:2:10: serve.listen: expected HOST:PORT with a port of 0-65535\n"
            "  listen = \"localhost\"\n"
            "           ^");
  EXPECT_EQ(FirstLineOfError("[serve]\nlisten = \"127.0.0.1:99999\"\n"),
            "plenary.toml:2:10: serve.listen: expected HOST:PORT with a port of 0-65535");
  EXPECT_EQ(FirstLineOfError("[serve]\nsecure_cookies = \"yes\"\n"),
            "plenary.toml:2:18: serve.secure_cookies: expected true or false, found string");
  EXPECT_EQ(FirstLineOfError("[serve]\nworkers = 1000\n"),
            "plenary.toml:2:11: serve.workers: 1000 is not in 0-256");
  EXPECT_EQ(FirstLineOfError("[smtp]\nport = 0\n"),
            "plenary.toml:2:8: smtp.port: 0 is not in 1-65535");
  EXPECT_EQ(FirstLineOfError("[smtp]\nport = \"587\"\n"),
            "plenary.toml:2:8: smtp.port: expected an integer, found string");
  EXPECT_EQ(FirstLineOfError("[smtp]\nfrom = \"secretariat\"\n"),
            "plenary.toml:2:8: smtp.from: expected an address such as secretariat@example.org");
  EXPECT_EQ(FirstLineOfError("[mediawiki]\napi = \"wiki.example.org\"\n"),
            "plenary.toml:2:7: mediawiki.api: expected an http:// or https:// URL");
  EXPECT_EQ(FirstLineOfError("[database]\nurl = \"\"\n"),
            "plenary.toml:2:7: database.url: is empty");
}

TEST(ConfigFile, UnknownTablesAndKeysAreLocated) {
  EXPECT_EQ(FirstLineOfError("[serve]\nlisten = \"127.0.0.1:80\"\nlisen = \"x\"\n"),
            "plenary.toml:3:1: unknown setting 'serve.lisen' (see doc/configuration.md)");
  EXPECT_EQ(FirstLineOfError("\n[server]\nlisten = \"127.0.0.1:80\"\n"),
            "plenary.toml:2:2: unknown table 'server' (see doc/configuration.md)");
  EXPECT_EQ(FirstLineOfError("serve = 1\n"), "plenary.toml:1:1: 'serve' must be a table");
}

TEST(ConfigFile, InlineSecretsAreRefused) {
  EXPECT_EQ(Error("[smtp]\nhost = \"mail\"\npassword = \"hunter2\"\n"),
            "plenary.toml:3:1: smtp.password: secrets are never written in this file: keep it in "
            "a private file (mode 600) and give its path as password_file\n"
            "  password = ***\n"
            "  ^");
  EXPECT_EQ(FirstLineOfError("[mediawiki]\nbot_password = \"x\"\n").substr(0, 44),
            "plenary.toml:2:1: mediawiki.bot_password: se");
  EXPECT_EQ(FirstLineOfError("[database]\nurl = \"postgresql://plenary:hunter2@db/plenary\"\n"),
            "plenary.toml:2:7: database.url: a password is written inline; keep it in a private "
            "file and name it with libpq's passfile= parameter "
            "(postgresql://USER@HOST/DB?passfile=/etc/plenary/pgpass)");
  // The message never repeats the secret, not even in the line it shows.
  EXPECT_EQ(
      Error("[database]\nurl = \"postgresql://plenary:hunter2@db/plenary\"\n").find("hunter2"),
      std::string::npos);
  EXPECT_EQ(Error("[smtp]\npassword = \"hunter2\"\n").find("hunter2"), std::string::npos);
}

TEST(ConfigFile, BadTomlIsLocated) {
  EXPECT_EQ(FirstLineOfError("[serve]\nlisten = 127.0.0.1:8080\n").substr(0, 19),
            "plenary.toml:2:12: ");
  EXPECT_EQ(FirstLineOfError("[serve\n").substr(0, 15), "plenary.toml:1:");
}

TEST(ConfigFile, OverridesWinAndDescribeRedacts) {
  auto config = ParseConfig(kGood, "plenary.toml");
  ASSERT_TRUE(config.ok());
  config->Override("database.url", std::string("postgresql://u:hunter2@db/plenary"), "--db");
  config->Override("serve.listen", std::string("127.0.0.1:9000"), "--listen");
  std::string described = DescribeConfig(*config);
  EXPECT_EQ(described.find("hunter2"), std::string::npos) << described;
  EXPECT_NE(described.find("url = 'postgresql://u:***@db/plenary'  # --db\n"), std::string::npos)
      << described;
  EXPECT_NE(described.find("listen = '127.0.0.1:9000'  # --listen\n"), std::string::npos);
  EXPECT_NE(described.find("secure_cookies = true  # plenary.toml:7:18\n"), std::string::npos);
  EXPECT_NE(described.find("port = 465  # plenary.toml:17:8\n"), std::string::npos);
  EXPECT_NE(described.find("# threads = 0 (one per core)  (default)\n"), std::string::npos);
}

TEST(ConfigFile, EverySettingHasItsRow) {
  for (const SettingSpec& spec : ConfigSettings()) {
    std::string name = std::string(spec.table) + "." + std::string(spec.key);
    EXPECT_EQ(FindSetting(name), &spec) << name;
  }
  EXPECT_EQ(FindSetting("serve.nothing"), nullptr);
  EXPECT_EQ(FindSetting("serve"), nullptr);
}

}  // namespace
}  // namespace plenary
