// A reminder (app/reminders.h) as an Internet message (RFC 5322, MIME):
//
//   multipart/mixed
//     multipart/alternative
//       text/plain; charset=UTF-8      the items, as lines
//       text/html; charset=UTF-8       the same, written by HtmlWriter
//     text/calendar; charset=UTF-8     the owner's open items as VTODOs
//                                      (publish/formats: OwnerCalendar)
//
// with Date, From, To, Subject, Message-ID, List-Id (the group), MIME-Version
// and Auto-Submitted. Every part is base64 (lines of 76), so no text from the
// notes can end a part or a header; names outside ASCII in headers are
// RFC 2047 encoded words. Pure: the same inputs give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/reminders.h"
#include "plenary/result.h"
#include "publish/registers.h"

namespace plenary {

struct ReminderMailSettings {
  std::string from;       // the sender's address (checked by the caller)
  std::string from_name;  // display name; empty: "GROUP secretariat"
  std::int64_t now_unix = 0;
};

struct ReminderMail {
  std::string to;          // the reminder's address
  std::string message_id;  // without angle brackets
  std::string subject;
  std::string text;      // the plain part, "\n" lines
  std::string html;      // the HTML part
  std::string calendar;  // the attachment
  std::string message;   // the whole message, CRLF lines
};

// `reminder` must have an address. kIO when the attachment cannot be made
// (libical cannot be loaded).
Result<ReminderMail> ComposeReminderMail(const GroupRegisters& registers, const Reminder& reminder,
                                 const ReminderMailSettings& settings);

// Any message plenary sends, in the shape above: the alternatives, and an
// attachment when `attachment_name` is not empty.
struct MailMessage {
  std::string from, from_name, to, to_name;  // addresses checked by the caller
  std::string subject;
  std::string message_id;  // without angle brackets
  std::string list_name;   // "SSR2 action item reminders"
  std::string list_label;  // "ssr2.reminders": List-Id is <LABEL.DOMAIN-OF-FROM>
  std::int64_t now_unix = 0;
  std::string text, html;
  std::string attachment_name, attachment_type, attachment;
};
std::string InternetMessage(const MailMessage& message);

// "Wed, 02 Dec 2026 20:01:46 +0000".
std::string MailDate(std::int64_t unix_seconds);
// `text` as it may stand in a header: itself when printable ASCII, else
// RFC 2047 "=?UTF-8?B?...?=" words of at most 75 characters, folded.
std::string EncodeHeaderText(std::string_view text);
// `"Name" <address>`, or `=?UTF-8?B?...?= <address>`; `<address>` alone when
// the name is empty.
std::string MailboxHeader(std::string_view name, std::string_view address);

}  // namespace plenary
