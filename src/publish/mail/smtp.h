// Sending messages over SMTP with libcurl: STARTTLS (required by default, so
// a password never crosses the network in clear), authentication with a user
// and a password read from a private file, one connection reused for every
// message of a run. The server's settings are one SmtpOptions, filled today
// from `plenary remind`'s command line.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "plenary/result.h"

namespace plenary {

enum class SmtpTls {
  kRequired,       // STARTTLS, or smtps://; refuse to send without TLS
  kOpportunistic,  // STARTTLS when the server offers it
  kNone,           // never (a local relay on 127.0.0.1)
};

// "required", "opportunistic", "none".
Result<SmtpTls> ParseSmtpTls(std::string_view text);

struct SmtpOptions {
  std::string url;            // "smtp://HOST:PORT" (STARTTLS) or "smtps://HOST:PORT"
  std::string user;           // empty: no AUTH
  std::string password_file;  // with user: app/password_file's rules
  std::string from;           // envelope sender and From address
  std::string from_name;      // From's display name; empty: "GROUP secretariat"
  SmtpTls tls = SmtpTls::kRequired;
  std::string ca_file;  // PEM certificates to trust instead of the system's; empty: system's
  std::chrono::seconds timeout{60};  // per message
};

// Checks `options` before anything is read or sent: a url of scheme smtp or
// smtps, a From address IsEmailAddress accepts, a password file with a user
// and a user with a password file, and kRequired or kOpportunistic when a
// password would be sent (kNone refuses AUTH over plain text). InvalidInput
// naming the option otherwise.
Status CheckSmtpOptions(const SmtpOptions& options);

class SmtpSender {
 public:
  // Reads the password file (if any) and prepares libcurl; connects on the
  // first Send.
  static Result<SmtpSender> Open(const SmtpOptions& options);
  SmtpSender(SmtpSender&&) noexcept;
  SmtpSender& operator=(SmtpSender&&) noexcept;
  ~SmtpSender();

  // Sends `message` (a whole RFC 5322 message, CRLF lines) to the one
  // recipient `to`. kIO with the server's answer or libcurl's reason
  // ("RCPT failed: 550", "Couldn't connect to server", a TLS failure), never
  // the password.
  Status Send(const std::string& to, const std::string& message);

  struct State;

 private:
  explicit SmtpSender(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace plenary
