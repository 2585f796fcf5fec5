// `plenary remind` against a real SMTP server on 127.0.0.1 (the CTest fixture
// tests/smtp/smtp.sh: aiosmtpd, one plain server and one with STARTTLS and
// AUTH). Messages are read back with Python's e-mail parser
// (tests/smtp/parse_mail.py) and their calendars with libical. Outside ctest
// the tests skip; under CI=true a missing server is a failure.
#include <libical/ical.h>

#include <cctype>
#include <pugixml.hpp>

#include "cli_fixture.h"
#include "mediawiki_fixture.h"  // ReadEnvFile, InCi

namespace plenary::cli_testing {
namespace {

using mediawiki_testing::InCi;
using mediawiki_testing::ReadEnvFile;

// Two weekly meetings (so the next is expected on Tuesday 1 December) whose
// items are overdue, due soon, or open with no date, for owners with an
// address, none, an opt-out, an organisation's address, a refused address and
// no roster entry.
constexpr std::string_view kRosterTemplate =
    "group: RMD\n"
    "name: Reminder Test Team\n"
    "active: 2026-01-01 to\n"
    "Denise Michel | member | DM | email: denise.michel@DOMAIN | affiliation: GNSO\n"
    "Geoff Huston | member | GH\n"
    "Kerry-Ann Barrett | member | KAB | email: kab@DOMAIN | reminders: no\n"
    "James Gannon | member | JG | email: refused.jg@DOMAIN\n"
    "Jennifer Bryce | staff | JB\n"
    "organisation: Staff | email: secretariat-list@DOMAIN\n"
    "organisation: GNSO | email: gnso-council@DOMAIN\n";

constexpr std::string_view kMeeting1 =
    "RMD Plenary Meeting #1 - Tuesday 17 November 2026 @ 14:00 UTC\n"
    "\n"
    "Attendees: Denise Michel, Geoff Huston, James Gannon\n"
    "Staff: Jennifer Bryce\n"
    "\n"
    "\tAction Items Plenary #1\n"
    "\n"
    "\tAction\n\tOwner\n\tDue Date\n"
    "\n"
    "\tDraft the outreach plan.\n\tDM\n\t20 November\n"
    "\n"
    "\tCirculate the terms of reference.\n\tStaff\n\t2 December\n"
    "\n"
    "\tReview the budget.\n\tGH\n\tTBD\n";

constexpr std::string_view kMeeting2 =
    "RMD Plenary Meeting #2 - Tuesday 24 November 2026 @ 14:00 UTC\n"
    "\n"
    "Attendees: Denise Michel, Kerry-Ann Barrett\n"
    "Staff: Jennifer Bryce\n"
    "\n"
    "\tAction Items Plenary #2\n"
    "\n"
    "\tAction\n\tOwner\n\tDue Date\n"
    "\n"
    "\tWrite the summary of findings.\n\tKAB\n\tTBD\n"
    "\n"
    "\tCheck the figures for Žarko.\n\tJG\n\t1 December\n"
    "\n"
    "\tPrepare the slides.\n\tDM\n\t30 November\n"
    "\n"
    "\tAsk the auditors.\n\tZed Outsider\n\t25 November\n";

constexpr const char* kAsOf = "2026-11-28";

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

class SmtpRemindTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    const char* env_file = std::getenv("PLENARY_SMTP_ENV");
    if (env_file && *env_file) env_ = ReadEnvFile(env_file);
    if (env_.empty()) {
      if (InCi()) FAIL() << "no SMTP server: run under ctest (fixture smtp, tests/smtp/smtp.sh)";
      GTEST_SKIP() << "no SMTP server (run under ctest, which starts tests/smtp/smtp.sh)";
    }
    // Each test has its own domain: the server files mail by it.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    domain_ = Replace(AsciiLowerName(info->name()), "_", "-") + ".remind.test";
    RunResult r =
        Plenary({"import", "--roster",
                 WriteFile("roster.txt", Replace(std::string(kRosterTemplate), "DOMAIN", domain_)),
                 WriteFile("p1.txt", kMeeting1), WriteFile("p2.txt", kMeeting2)});
    ASSERT_EQ(r.status, 0) << r.err;
  }

  static std::string AsciiLowerName(std::string name) {
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
  }

  std::string Address(std::string_view local) const { return std::string(local) + "@" + domain_; }

  std::vector<std::string> Send(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"remind",     "--as-of",
                                     kAsOf,        "--send",
                                     "--smtp-url", env_.at("SMTP_PLAIN_URL"),
                                     "--smtp-tls", "none",
                                     "--from",     "secretariat@" + domain_};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  // The messages the server saved for this test's domain, by recipient.
  std::multimap<std::string, fs::path> Received() const {
    std::multimap<std::string, fs::path> messages;
    fs::path folder = fs::path(env_.at("SMTP_MAIL_DIR")) / domain_;
    if (!fs::exists(folder)) return messages;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() != ".eml") continue;
      std::string bytes = ReadBytes(entry.path());
      std::string to = bytes.substr(bytes.find("X-Envelope-To: ") + 15);
      messages.emplace(to.substr(0, to.find('\r')), entry.path());
    }
    return messages;
  }

  json Parse(const fs::path& message) const {
    RunResult r = Spawn(
        {"/usr/bin/python3", PLENARY_SOURCE_DIR "/tests/smtp/parse_mail.py", message.string()});
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }

  void AcceptRefused() const {
    WriteBytes(fs::path(env_.at("SMTP_MAIL_DIR")) / "accept" / Address("refused.jg"), "");
  }

  std::map<std::string, std::string> env_;
  std::string domain_;
};

// The VTODO summaries of an iCalendar text, parsed by libical; empty and a
// test failure when it does not parse as one VCALENDAR.
std::vector<std::string> TodoSummaries(const std::string& ics) {
  std::vector<std::string> summaries;
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  EXPECT_NE(calendar, nullptr) << ics;
  if (!calendar) return summaries;
  EXPECT_EQ(icalcomponent_isa(calendar), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_count_errors(calendar), 0) << ics;
  for (icalcomponent* todo = icalcomponent_get_first_component(calendar, ICAL_VTODO_COMPONENT);
       todo; todo = icalcomponent_get_next_component(calendar, ICAL_VTODO_COMPONENT)) {
    summaries.push_back(icalcomponent_get_summary(todo));
    EXPECT_NE(icalcomponent_get_first_property(todo, ICAL_UID_PROPERTY), nullptr);
  }
  icalcomponent_free(calendar);
  return summaries;
}

TEST_F(SmtpRemindTest, DryRunListsEveryOwnerAndSendsNothing) {
  RunResult r = Plenary({"remind", "--as-of", kAsOf});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("RMD, as of 2026-11-28 (due within 7 days; next meeting 2026-12-01): 6 to "
                       "remind"),
            std::string::npos)
      << r.out;
  for (std::string line :
       {"would send         Denise Michel <" + Address("denise.michel") +
            ">: 2 items (1 overdue, 1 due soon)",
        "would send         Staff <" + Address("secretariat-list") + ">: 1 item (1 due soon)",
        "would send         James Gannon <" + Address("refused.jg") + ">: 1 item (1 due soon)",
        std::string("no address         Geoff Huston: 1 item (1 for the meeting)"),
        std::string("opted out          Kerry-Ann Barrett: 1 item (1 for the meeting)"),
        std::string("not on the roster  Zed Outsider: 1 item (1 overdue)"),
        std::string("dry run: 3 would be sent, 0 already sent today, 3 not sendable")})
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  EXPECT_TRUE(Received().empty());
}

TEST_F(SmtpRemindTest, SendsOncePerDayAndRetriesARefusedRecipient) {
  RunResult first = Plenary(Send());
  EXPECT_EQ(first.status, 1) << first.out << first.err;  // one recipient refused
  EXPECT_NE(first.out.find("sent               Denise Michel <"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("sent               Staff <"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("failed             James Gannon <" + Address("refused.jg") +
                           ">: 1 item (1 due soon): "),
            std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find("550"), std::string::npos) << first.out;
  EXPECT_NE(first.err.find("reminder to James Gannon <" + Address("refused.jg") + "> not sent"),
            std::string::npos)
      << first.err;
  EXPECT_NE(first.out.find("2 sent, 0 already sent today, 1 failed, 3 not sendable"),
            std::string::npos)
      << first.out;
  auto received = Received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received.count(Address("denise.michel")), 1u);
  EXPECT_EQ(received.count(Address("secretariat-list")), 1u);

  // A rerun the same day sends nothing new and tries the refused one again.
  RunResult second = Plenary(Send());
  EXPECT_EQ(second.status, 1) << second.out << second.err;
  EXPECT_NE(second.out.find("already sent       Denise Michel"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("0 sent, 2 already sent today, 1 failed"), std::string::npos)
      << second.out;
  EXPECT_EQ(Received().size(), 2u);

  // Once the server takes it, the retry goes through, once.
  AcceptRefused();
  RunResult third = Plenary(Send());
  EXPECT_EQ(third.status, 0) << third.out << third.err;
  EXPECT_NE(third.out.find("1 sent, 2 already sent today, 0 failed"), std::string::npos)
      << third.out;
  EXPECT_EQ(Received().count(Address("refused.jg")), 1u);
  RunResult fourth = Plenary(Send());
  EXPECT_EQ(fourth.status, 0) << fourth.out << fourth.err;
  EXPECT_NE(fourth.out.find("0 sent, 3 already sent today, 0 failed"), std::string::npos)
      << fourth.out;
  EXPECT_EQ(Received().size(), 3u);

  // Each send and each failure is audited.
  RunResult audit = Plenary({"audit", "--group", "RMD"});
  ASSERT_EQ(audit.status, 0) << audit.err;
  std::size_t sends = 0, fails = 0;
  for (std::size_t at = audit.out.find("reminder.send"); at != std::string::npos;
       at = audit.out.find("reminder.send", at + 1))
    ++sends;
  for (std::size_t at = audit.out.find("reminder.fail"); at != std::string::npos;
       at = audit.out.find("reminder.fail", at + 1))
    ++fails;
  EXPECT_EQ(sends, 3u) << audit.out;
  EXPECT_EQ(fails, 2u) << audit.out;

  // The next day is another day's reminder.
  RunResult next_day =
      Plenary({"remind", "--as-of", "2026-11-29", "--send", "--smtp-url", env_.at("SMTP_PLAIN_URL"),
               "--smtp-tls", "none", "--from", "secretariat@" + domain_});
  EXPECT_EQ(next_day.status, 0) << next_day.out << next_day.err;
  EXPECT_EQ(Received().size(), 6u);
}

TEST_F(SmtpRemindTest, MessageParsesBackWithBothPartsAndTheCalendar) {
  RunResult r = Plenary(Send({"--from-name", "RMD Secretariat"}));
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  auto received = Received();
  auto denise = received.find(Address("denise.michel"));
  ASSERT_NE(denise, received.end());
  json mail = Parse(denise->second);
  ASSERT_TRUE(mail.is_object());
  EXPECT_EQ(mail["defects"], json::array());
  const json& h = mail["headers"];
  EXPECT_EQ(h["From"], "RMD Secretariat <secretariat@" + domain_ + ">");
  EXPECT_EQ(h["To"], "Denise Michel <" + Address("denise.michel") + ">");
  EXPECT_EQ(h["Subject"],
            "[RMD] Your action items: 1 overdue, 1 due soon (next meeting 2026-12-01)");
  EXPECT_EQ(h["List-Id"], "RMD action item reminders <rmd.reminders." + domain_ + ">");
  EXPECT_EQ(h["MIME-Version"], "1.0");
  EXPECT_EQ(h["Auto-Submitted"], "auto-generated");
  std::string message_id = h.value("Message-ID", "");
  EXPECT_EQ(message_id.front(), '<');
  EXPECT_NE(message_id.find("@" + domain_ + ">"), std::string::npos) << message_id;
  EXPECT_NE(h.value("Date", "").find(" +0000"), std::string::npos);
  EXPECT_EQ(mail["content_type"], "multipart/mixed");
  EXPECT_EQ(mail["alternative"].size(), 1u);

  const json& parts = mail["parts"];
  ASSERT_EQ(parts.size(), 3u) << parts.dump(2);
  EXPECT_EQ(parts[0]["content_type"], "text/plain");
  EXPECT_EQ(parts[1]["content_type"], "text/html");
  EXPECT_EQ(parts[2]["content_type"], "text/calendar");
  EXPECT_EQ(parts[2]["disposition"], "attachment");
  EXPECT_EQ(parts[2]["filename"], "rmd-items-2026-11-28.ics");
  std::string text = parts[0]["text"];
  std::erase(text, '\r');
  EXPECT_NE(text.find("Dear Denise Michel,"), std::string::npos) << text;
  EXPECT_NE(text.find("The next meeting is expected on 2026-12-01: please be prepared to address "
                      "your items."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Overdue:\n  - #"), std::string::npos) << text;
  EXPECT_NE(text.find("Draft the outreach plan. (due 2026-11-20, 8 days late; raised at Plenary "
                      "#1, 2026-11-17)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Due within 7 days:\n  - #"), std::string::npos) << text;
  EXPECT_NE(text.find("Prepare the slides. (due 2026-11-30;"), std::string::npos) << text;

  std::string page = parts[1]["text"];
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(page.c_str())) << page;
  EXPECT_EQ(doc.select_nodes("//h2").size(), 2u) << page;
  EXPECT_EQ(std::string(doc.select_node("//ul[1]/li").node().text().get()).find("#"), 0u);
  EXPECT_NE(page.find("Draft the outreach plan."), std::string::npos);

  EXPECT_EQ(TodoSummaries(parts[2]["text"]),
            (std::vector<std::string>{"Draft the outreach plan.", "Prepare the slides."}));

  // A name outside ASCII stays readable once decoded.
  auto staff = received.find(Address("secretariat-list"));
  ASSERT_NE(staff, received.end());
  json staff_mail = Parse(staff->second);
  EXPECT_EQ(staff_mail["headers"]["To"], "Staff <" + Address("secretariat-list") + ">");
  EXPECT_EQ(TodoSummaries(staff_mail["parts"][2]["text"]),
            (std::vector<std::string>{"Circulate the terms of reference."}));
}

TEST_F(SmtpRemindTest, StartTlsWithAuthentication) {
  AcceptRefused();
  std::vector<std::string> tls = {"remind",
                                  "--as-of",
                                  kAsOf,
                                  "--send",
                                  "--smtp-url",
                                  env_.at("SMTP_TLS_URL"),
                                  "--from",
                                  "secretariat@" + domain_,
                                  "--smtp-user",
                                  env_.at("SMTP_USER"),
                                  "--smtp-password-file",
                                  env_.at("SMTP_PASSWORD_FILE")};
  // The throwaway certificate is trusted by no system store: refused, and
  // reported per recipient.
  RunResult untrusted = Plenary(tls);
  EXPECT_EQ(untrusted.status, 1) << untrusted.out << untrusted.err;
  EXPECT_NE(untrusted.out.find("0 sent, 0 already sent today, 3 failed"), std::string::npos)
      << untrusted.out;
  EXPECT_TRUE(Received().empty());

  tls.insert(tls.end(), {"--smtp-ca-file", env_.at("SMTP_CA_FILE")});
  RunResult sent = Plenary(tls);
  EXPECT_EQ(sent.status, 0) << sent.out << sent.err;
  EXPECT_NE(sent.out.find("3 sent, 0 already sent today, 0 failed"), std::string::npos) << sent.out;
  auto received = Received();
  ASSERT_EQ(received.size(), 3u);
  for (const auto& [to, path] : received) {
    std::string bytes = ReadBytes(path);
    EXPECT_NE(bytes.find("X-TLS: yes\r\n"), std::string::npos) << to;
    EXPECT_NE(bytes.find("X-Auth: " + env_.at("SMTP_USER") + "\r\n"), std::string::npos) << to;
  }

  // A wrong password is a failure, never a send without authentication.
  std::string wrong = WriteFile("wrong-password", "not-the-password\n");
  fs::permissions(wrong, fs::perms::owner_read | fs::perms::owner_write);
  RunResult refused =
      Plenary({"remind", "--as-of", "2026-11-29", "--send", "--smtp-url", env_.at("SMTP_TLS_URL"),
               "--from", "secretariat@" + domain_, "--smtp-user", env_.at("SMTP_USER"),
               "--smtp-password-file", wrong, "--smtp-ca-file", env_.at("SMTP_CA_FILE")});
  EXPECT_EQ(refused.status, 1) << refused.out;
  EXPECT_NE(refused.out.find("0 sent, 0 already sent today, 3 failed"), std::string::npos)
      << refused.out;
  EXPECT_EQ(refused.out.find("not-the-password"), std::string::npos);
  EXPECT_EQ(refused.err.find("not-the-password"), std::string::npos);
  EXPECT_EQ(Received().size(), 3u);
}

// The same server, user and certificate from the configuration file's [smtp]
// table instead of options (doc/configuration.md).
TEST_F(SmtpRemindTest, TheConfigurationFilesSmtpTableSendsOverStartTls) {
  AcceptRefused();
  std::string url = env_.at("SMTP_TLS_URL");  // smtp://HOST:PORT
  std::string host_port = url.substr(url.find("://") + 3);
  std::string host = host_port.substr(0, host_port.rfind(':'));
  std::string port = host_port.substr(host_port.rfind(':') + 1);
  std::string config = WriteFile(
      "plenary.toml", "[smtp]\nhost = \"" + host + "\"\nport = " + port + "\nuser = \"" +
                          env_.at("SMTP_USER") + "\"\npassword_file = \"" +
                          env_.at("SMTP_PASSWORD_FILE") + "\"\nca_file = \"" +
                          env_.at("SMTP_CA_FILE") + "\"\nfrom = \"The Secretariat <secretariat@" +
                          domain_ + ">\"\n");
  RunResult check = Plenary({"--config", config, "config", "check"});
  ASSERT_EQ(check.status, 0) << check.out << check.err;
  RunResult sent = Plenary({"--config", config, "remind", "--as-of", kAsOf, "--send"});
  EXPECT_EQ(sent.status, 0) << sent.out << sent.err;
  EXPECT_NE(sent.out.find("3 sent, 0 already sent today, 0 failed"), std::string::npos) << sent.out;
  auto received = Received();
  ASSERT_EQ(received.size(), 3u);
  for (const auto& [to, path] : received) {
    std::string bytes = ReadBytes(path);
    EXPECT_NE(bytes.find("X-TLS: yes\r\n"), std::string::npos) << to;
    EXPECT_NE(bytes.find("X-Auth: " + env_.at("SMTP_USER") + "\r\n"), std::string::npos) << to;
    EXPECT_NE(bytes.find("From: \"The Secretariat\" <secretariat@" + domain_ + ">"),
              std::string::npos)
        << bytes.substr(0, 600);
  }
  // An option still wins over the file: a wrong port on the command line fails.
  RunResult refused = Plenary({"--config", config, "remind", "--as-of", "2026-11-29", "--send",
                               "--smtp-url", "smtp://" + host + ":1"});
  EXPECT_EQ(refused.status, 1) << refused.out << refused.err;
  EXPECT_EQ(Received().size(), 3u);
}

TEST_F(SmtpRemindTest, RefusesAPasswordOverPlainText) {
  std::string password = WriteFile("password", "secret\n");
  fs::permissions(password, fs::perms::owner_read | fs::perms::owner_write);
  RunResult r =
      Plenary({"remind", "--as-of", kAsOf, "--send", "--smtp-url", env_.at("SMTP_PLAIN_URL"),
               "--smtp-tls", "none", "--from", "secretariat@" + domain_, "--smtp-user", "u",
               "--smtp-password-file", password});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("would send the password in clear"), std::string::npos) << r.err;
  // Required STARTTLS against a server that offers none: nothing is sent.
  RunResult plain = Plenary({"remind", "--as-of", kAsOf, "--send", "--smtp-url",
                             env_.at("SMTP_PLAIN_URL"), "--from", "secretariat@" + domain_});
  EXPECT_EQ(plain.status, 1) << plain.out;
  EXPECT_TRUE(Received().empty());
}

// The words of `line` split at blanks.
std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// The first line of `path` that starts with `start`, continuation lines
// ("\\\n") joined.
std::string LineStarting(const fs::path& path, const std::string& start) {
  std::string text = ReadBytes(path);
  for (size_t at; (at = text.find("\\\n")) != std::string::npos;) text.replace(at, 2, " ");
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(start, 0) == 0) return line;
  ADD_FAILURE() << path << " has no line starting " << start;
  return "";
}

// The daily reminders as contrib/ ships them, run against the STARTTLS+AUTH
// server with the shipped options given the test's values (and the test
// certificate, which no system trusts, with --smtp-ca-file): the cron line
// sends today's reminders, then the systemd service's ExecStart sends none.
TEST_F(SmtpRemindTest, TheShippedDailyJobsSendOncePerDay) {
  AcceptRefused();
  const fs::path contrib = fs::path(PLENARY_SOURCE_DIR) / "contrib";
  std::string password = Path("smtp-password");
  fs::copy_file(env_.at("SMTP_PASSWORD_FILE"), password);

  std::vector<std::string> cron = Words(LineStarting(contrib / "cron/plenary-reminders", "0 "));
  ASSERT_GT(cron.size(), 7u);
  EXPECT_EQ(std::vector<std::string>(cron.begin(), cron.begin() + 5),
            (std::vector<std::string>{"0", "7", "*", "*", "*"}));
  std::vector<std::string> command(cron.begin() + 6, cron.end());
  ASSERT_EQ(command[0], "plenary");
  command[0] = PLENARY_BINARY;
  int replaced = 0;
  for (size_t i = 1; i + 1 < command.size(); ++i) {
    std::string& value = command[i + 1];
    if (command[i] == "--db") value = db_, ++replaced;
    if (command[i] == "--smtp-url") value = env_.at("SMTP_TLS_URL"), ++replaced;
    if (command[i] == "--smtp-user") value = env_.at("SMTP_USER"), ++replaced;
    if (command[i] == "--smtp-password-file") value = password, ++replaced;
    if (command[i] == "--from") value = "secretariat@" + domain_, ++replaced;
  }
  EXPECT_EQ(replaced, 5);
  command.insert(command.end(), {"--smtp-ca-file", env_.at("SMTP_CA_FILE")});
  RunResult by_cron = Spawn(command);
  EXPECT_EQ(by_cron.status, 0) << by_cron.out << by_cron.err;
  EXPECT_NE(by_cron.out.find("sent               Denise Michel"), std::string::npos) << by_cron.out;
  std::size_t sent = Received().size();
  EXPECT_GE(sent, 2u);

  EXPECT_EQ(LineStarting(contrib / "systemd/plenary-reminders.timer", "OnCalendar="),
            "OnCalendar=*-*-* 07:00:00 UTC");
  std::vector<std::string> exec =
      Words(LineStarting(contrib / "systemd/plenary-reminders.service", "ExecStart=").substr(10));
  ASSERT_GT(exec.size(), 1u);
  exec[0] = PLENARY_BINARY;
  replaced = 0;
  for (std::string& word : exec) {
    if (word == "${PLENARY_DB}") word = db_, ++replaced;
    if (word == "${PLENARY_SMTP_URL}") word = env_.at("SMTP_TLS_URL"), ++replaced;
    if (word == "${PLENARY_SMTP_USER}") word = env_.at("SMTP_USER"), ++replaced;
    if (word == "%d/smtp-password") word = password, ++replaced;
    if (word == "${PLENARY_MAIL_FROM}") word = "secretariat@" + domain_, ++replaced;
  }
  EXPECT_EQ(replaced, 5);
  exec.insert(exec.end(), {"--smtp-ca-file", env_.at("SMTP_CA_FILE")});
  RunResult by_systemd = Spawn(exec);
  EXPECT_EQ(by_systemd.status, 0) << by_systemd.out << by_systemd.err;
  EXPECT_NE(by_systemd.out.find("0 sent, " + std::to_string(sent) + " already sent today"),
            std::string::npos)
      << by_systemd.out;
  EXPECT_EQ(Received().size(), sent);
}

// An SO/AC's report back (plenary report-back --send) goes to the address the
// roster gives the affiliation, once a day, with both parts.
TEST_F(SmtpRemindTest, ReportBackGoesToTheAffiliationsAddressOncePerDay) {
  std::vector<std::string> send = {"report-back", "--group",
                                   "RMD",         "--affiliation",
                                   "GNSO",        "--month",
                                   "2026-11",     "--send",
                                   "--smtp-url",  env_.at("SMTP_PLAIN_URL"),
                                   "--smtp-tls",  "none",
                                   "--mail-from", "secretariat@" + domain_};
  RunResult r = Plenary(send);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "sent to " + Address("gnso-council") + "\n");
  auto received = Received();
  ASSERT_EQ(received.size(), 1u);
  json mail = Parse(received.begin()->second);
  EXPECT_EQ(mail["defects"], json::array());
  EXPECT_EQ(mail["headers"]["To"], "GNSO <" + Address("gnso-council") + ">");
  EXPECT_EQ(mail["headers"]["Subject"], "[RMD] Report back to GNSO, November 2026");
  EXPECT_EQ(mail["headers"]["List-Id"], "RMD report back <rmd.report-back." + domain_ + ">");
  ASSERT_EQ(mail["parts"].size(), 2u);
  std::string text = mail["parts"][0]["text"];
  std::erase(text, '\r');
  EXPECT_NE(text.find("Appointees: Denise Michel\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Open items its appointees own (2):"), std::string::npos) << text;
  std::string page = mail["parts"][1]["text"];
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(page.c_str())) << page;
  EXPECT_EQ(doc.select_nodes("//h2").size(), 5u) << page;

  r = Plenary(send);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "already sent today to " + Address("gnso-council") + "\n");
  EXPECT_EQ(Received().size(), 1u);
}

// report-back --send takes the same [smtp] table: the server, and the sender
// with its name, from the file; its own --mail-from would win.
TEST_F(SmtpRemindTest, ReportBackTakesTheConfigurationFilesSmtpTable) {
  std::string url = env_.at("SMTP_PLAIN_URL");  // smtp://HOST:PORT
  std::string host_port = url.substr(url.find("://") + 3);
  std::string config = WriteFile(
      "plenary.toml", "[smtp]\nhost = \"" + host_port.substr(0, host_port.rfind(':')) +
                          "\"\nport = " + host_port.substr(host_port.rfind(':') + 1) +
                          "\nstarttls = false\nfrom = \"RMD Staff <secretariat@" + domain_ +
                          ">\"\n");
  RunResult r = Plenary({"--config", config, "report-back", "--group", "RMD", "--affiliation",
                         "GNSO", "--month", "2026-11", "--send"});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "sent to " + Address("gnso-council") + "\n");
  auto received = Received();
  ASSERT_EQ(received.size(), 1u);
  json mail = Parse(received.begin()->second);
  EXPECT_EQ(mail["headers"]["From"], "RMD Staff <secretariat@" + domain_ + ">");
}

}  // namespace
}  // namespace plenary::cli_testing
