#include "publish/mail/smtp.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "app/password_file.h"
#include "publish/curl_library.h"
#include "core/email_address.h"

namespace plenary {

struct SmtpSender::State {
  SmtpOptions options;
  std::string password;
  const CurlLibrary* lib = nullptr;
  CURL* curl = nullptr;
  std::string_view upload;  // what is left of the message being sent
  char error[CURL_ERROR_SIZE] = {};

  ~State() {
    if (curl) lib->easy_cleanup(curl);
  }
};

namespace {

size_t OnRead(char* buffer, size_t size, size_t count, void* user) {
  auto* state = static_cast<SmtpSender::State*>(user);
  size_t n = std::min(size * count, state->upload.size());
  std::memcpy(buffer, state->upload.data(), n);
  state->upload.remove_prefix(n);
  return n;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<SmtpTls> ParseSmtpTls(std::string_view text) {
  if (text == "required") return SmtpTls::kRequired;
  if (text == "opportunistic") return SmtpTls::kOpportunistic;
  if (text == "none") return SmtpTls::kNone;
  return Error::InvalidInput(
      fmt::format("--smtp-tls: expected required, opportunistic or none, not '{}'", text));
}

Status CheckSmtpOptions(const SmtpOptions& o) {
  if (!StartsWith(o.url, "smtp://") && !StartsWith(o.url, "smtps://"))
    return Error::InvalidInput("--smtp-url: expected smtp://HOST:PORT or smtps://HOST:PORT");
  if (!IsEmailAddress(o.from))
    return Error::InvalidInput(fmt::format("--from: '{}' is not an e-mail address", o.from));
  if (o.user.empty() != o.password_file.empty())
    return Error::InvalidInput("--smtp-user and --smtp-password-file go together");
  if (!o.user.empty() && o.tls == SmtpTls::kNone && StartsWith(o.url, "smtp://"))
    return Error::InvalidInput(
        "--smtp-tls none with --smtp-user would send the password in clear: use STARTTLS");
  return Status::Ok();
}

Result<SmtpSender> SmtpSender::Open(const SmtpOptions& options) {
  if (Status s = CheckSmtpOptions(options); !s) return s.error();
  Result<const CurlLibrary*> lib = LoadCurl();
  if (!lib) return lib.error();
  auto state = std::make_unique<State>();
  state->lib = *lib;
  state->options = options;
  if (!options.password_file.empty()) {
    Result<std::string> password = ReadPasswordFile(options.password_file);
    if (!password.ok()) return password.error();
    state->password = *password;
  }
  state->curl = state->lib->easy_init();
  if (!state->curl) return Error::Internal("libcurl could not create a handle");
  return SmtpSender(std::move(state));
}

SmtpSender::SmtpSender(std::unique_ptr<State> state) : state_(std::move(state)) {
  const CurlLibrary* lib = state_->lib;
  CURL* c = state_->curl;
  const SmtpOptions& o = state_->options;
  lib->easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  lib->easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  lib->easy_setopt(c, CURLOPT_URL, o.url.c_str());
  lib->easy_setopt(c, CURLOPT_UPLOAD, 1L);
  lib->easy_setopt(c, CURLOPT_READFUNCTION, OnRead);
  lib->easy_setopt(c, CURLOPT_READDATA, state_.get());
  lib->easy_setopt(c, CURLOPT_ERRORBUFFER, state_->error);
  lib->easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(o.timeout.count()));
  lib->easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
  long tls = o.tls == SmtpTls::kRequired        ? static_cast<long>(CURLUSESSL_ALL)
             : o.tls == SmtpTls::kOpportunistic ? static_cast<long>(CURLUSESSL_TRY)
                                                : static_cast<long>(CURLUSESSL_NONE);
  lib->easy_setopt(c, CURLOPT_USE_SSL, tls);
  if (!o.ca_file.empty()) lib->easy_setopt(c, CURLOPT_CAINFO, o.ca_file.c_str());
  if (!o.user.empty()) {
    lib->easy_setopt(c, CURLOPT_USERNAME, o.user.c_str());
    lib->easy_setopt(c, CURLOPT_PASSWORD, state_->password.c_str());
  }
  std::string from = "<" + o.from + ">";
  lib->easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());  // libcurl copies strings
}

SmtpSender::SmtpSender(SmtpSender&&) noexcept = default;
SmtpSender& SmtpSender::operator=(SmtpSender&&) noexcept = default;
SmtpSender::~SmtpSender() = default;

Status SmtpSender::Send(const std::string& to, const std::string& message) {
  if (!IsEmailAddress(to))
    return Error::InvalidInput(fmt::format("'{}' is not an e-mail address", to));
  std::string rcpt = "<" + to + ">";
  const CurlLibrary* lib = state_->lib;
  curl_slist* recipients = lib->slist_append(nullptr, rcpt.c_str());
  if (!recipients) return Error::Internal("out of memory");
  CURL* c = state_->curl;
  lib->easy_setopt(c, CURLOPT_MAIL_RCPT, recipients);
  lib->easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  state_->upload = message;
  state_->error[0] = '\0';
  CURLcode code = lib->easy_perform(c);
  lib->easy_setopt(c, CURLOPT_MAIL_RCPT, static_cast<curl_slist*>(nullptr));
  lib->slist_free_all(recipients);
  if (code == CURLE_OK) return Status::Ok();
  std::string reason = state_->error[0] ? state_->error : lib->easy_strerror(code);
  return Error::IO(fmt::format("{}: {}", to, reason));
}

}  // namespace plenary
