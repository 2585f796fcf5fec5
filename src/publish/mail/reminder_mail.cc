#include "publish/mail/reminder_mail.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <ctime>

#include "core/date.h"
#include "publish/formats/data_formats.h"
#include "publish/formats/html_writer.h"

namespace plenary {
namespace {

using html::HtmlWriter;

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Text with every line break as CRLF (the canonical form of text/* parts).
std::string CrLf(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

std::string Base64Body(std::string_view bytes) {
  std::string encoded = Base64(bytes), out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

bool IsPlainHeaderText(std::string_view text) {
  for (char c : text)
    if (c < 0x20 || c > 0x7e) return false;
  return text.find("=?") == std::string_view::npos;
}

// The byte where a UTF-8 character starts at or before `i`.
std::size_t CharStart(std::string_view text, std::size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

std::string Count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string ItemLine(const ReminderItem& item) {
  const ActionItem& a = item.action.item;
  std::string due = publish_detail::DueText(a);
  std::string line = fmt::format("#{} {} (due {}", item.action.id, a.text, due);
  if (item.reason == ReminderReason::kOverdue)
    line += ", " + publish_detail::DaysLateText(item.days_overdue);
  if (!a.written_status.empty()) line += "; " + a.written_status;
  line += fmt::format("; raised at {}, {})", MeetingLabel(item.action.meeting),
                      FormatIsoDate(item.action.meeting_date));
  return line;
}

struct Section {
  ReminderReason reason;
  std::string heading;
};

std::vector<Section> Sections(int window_days) {
  return {{ReminderReason::kOverdue, "Overdue"},
          {ReminderReason::kDueSoon, fmt::format("Due within {} days", window_days)},
          {ReminderReason::kBeforeMeeting, "Open, to address at the next meeting"}};
}

std::string Subject(const Reminder& r) {
  std::size_t overdue = 0, soon = 0;
  for (const ReminderItem& item : r.items) {
    overdue += item.reason == ReminderReason::kOverdue;
    soon += item.reason == ReminderReason::kDueSoon;
  }
  std::vector<std::string> parts;
  if (overdue) parts.push_back(fmt::format("{} overdue", overdue));
  if (soon) parts.push_back(fmt::format("{} due soon", soon));
  std::string subject = fmt::format("[{}] Your action items", r.group);
  if (!parts.empty()) subject += ": " + fmt::format("{}", fmt::join(parts, ", "));
  if (r.next_meeting) subject += fmt::format(" (next meeting {})", FormatIsoDate(*r.next_meeting));
  return subject;
}

std::string Introduction(const GroupRegisters& registers, const Reminder& r) {
  std::string group = registers.group;
  if (registers.roster && !registers.roster->group.full_name.empty())
    group += " (" + registers.roster->group.full_name + ")";
  std::string intro = fmt::format("Your open action items in {}, as of {}: {}.", group,
                                  FormatIsoDate(r.as_of), Count(r.items.size(), "item", "items"));
  if (r.next_meeting)
    intro += fmt::format(
        " The next meeting is expected on {}: please be prepared to address your items.",
        FormatIsoDate(*r.next_meeting));
  return intro;
}

constexpr std::string_view kFooter =
    "You receive this because the group's roster gives this address for {}. To change the "
    "address or stop these reminders, ask the secretariat, or sign in to plenary and open "
    "\"My reminders\".";

std::string TextPart(const GroupRegisters& registers, const Reminder& r) {
  std::string out = fmt::format("Dear {},\n\n{}\n", r.owner.name, Introduction(registers, r));
  for (const Section& section : Sections(r.window_days)) {
    std::string lines;
    for (const ReminderItem& item : r.items)
      if (item.reason == section.reason) lines += "  - " + ItemLine(item) + "\n";
    if (!lines.empty()) out += "\n" + section.heading + ":\n" + lines;
  }
  out += "\nThe attached calendar holds your open items as tasks.\n\n-- \n";
  out += fmt::format(fmt::runtime(kFooter), r.owner.name) + "\n";
  return out;
}

std::string HtmlPart(const GroupRegisters& registers, const Reminder& r,
                     const std::string& subject) {
  HtmlWriter w;
  w.Raw("<!DOCTYPE html>\n");
  w.Open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"}, {"lang", "en"}});
  w.Open("head").Void("meta", {{"charset", "utf-8"}}).Element("title", subject).Close("head");
  w.Open("body");
  w.Element("p", fmt::format("Dear {},", r.owner.name));
  w.Element("p", Introduction(registers, r));
  for (const Section& section : Sections(r.window_days)) {
    bool any = false;
    for (const ReminderItem& item : r.items) any = any || item.reason == section.reason;
    if (!any) continue;
    w.Element("h2", section.heading).Open("ul");
    for (const ReminderItem& item : r.items)
      if (item.reason == section.reason) w.Element("li", ItemLine(item));
    w.Close("ul");
  }
  w.Element("p", "The attached calendar holds your open items as tasks.");
  w.Element("p", fmt::format(fmt::runtime(kFooter), r.owner.name), {{"class", "footer"}});
  w.Close("body").Close("html");
  return std::move(w).Done().str() + "\n";
}

// A short stable digest, so that two owners whose names slug alike still get
// different Message-IDs.
std::string NameHash(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return fmt::format("{:08x}", h);
}

std::string DomainOf(std::string_view address) {
  std::size_t at = address.rfind('@');
  return at == std::string_view::npos ? "localhost" : std::string(address.substr(at + 1));
}

}  // namespace

std::string MailDate(std::int64_t unix_seconds) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000",
                     kDays[static_cast<std::size_t>(tm.tm_wday)], tm.tm_mday,
                     kMonths[static_cast<std::size_t>(tm.tm_mon)], tm.tm_year + 1900, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::string EncodeHeaderText(std::string_view text) {
  if (IsPlainHeaderText(text)) return std::string(text);
  // 45 bytes make 60 base64 characters: 72 with "=?UTF-8?B?" and "?=".
  std::string out;
  while (!text.empty()) {
    std::size_t cut = text.size() <= 45 ? text.size() : CharStart(text, 45);
    if (cut == 0) cut = std::min<std::size_t>(text.size(), 45);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(0, cut)) + "?=";
    text.remove_prefix(cut);
  }
  return out;
}

std::string MailboxHeader(std::string_view name, std::string_view address) {
  if (name.empty()) return fmt::format("<{}>", address);
  if (!IsPlainHeaderText(name)) return fmt::format("{} <{}>", EncodeHeaderText(name), address);
  std::string quoted;
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return fmt::format("\"{}\" <{}>", quoted, address);
}

std::string InternetMessage(const MailMessage& mail) {
  std::string mixed = fmt::format("=_plenary_mixed_{}", NameHash(mail.message_id));
  std::string alternative = fmt::format("=_plenary_alt_{}", NameHash(mail.message_id));
  std::string m;
  m += "Date: " + MailDate(mail.now_unix) + "\r\n";
  m += "From: " + MailboxHeader(mail.from_name, mail.from) + "\r\n";
  m += "To: " + MailboxHeader(mail.to_name, mail.to) + "\r\n";
  m += "Subject: " + EncodeHeaderText(mail.subject) + "\r\n";
  m += "Message-ID: <" + mail.message_id + ">\r\n";
  m += fmt::format("List-Id: {} <{}.{}>\r\n", EncodeHeaderText(mail.list_name), mail.list_label,
                   DomainOf(mail.from));
  m += "Auto-Submitted: auto-generated\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
  m += "--" + mixed + "\r\n";
  m += "Content-Type: multipart/alternative; boundary=\"" + alternative + "\"\r\n\r\n";
  m += "--" + alternative + "\r\n";
  m += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += Base64Body(CrLf(mail.text));
  m += "--" + alternative + "\r\n";
  m += "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += Base64Body(CrLf(mail.html));
  m += "--" + alternative + "--\r\n";
  if (!mail.attachment_name.empty()) {
    m += "--" + mixed + "\r\n";
    m += "Content-Type: " + mail.attachment_type + "; charset=UTF-8; name=\"" +
         mail.attachment_name + "\"\r\n";
    m += "Content-Disposition: attachment; filename=\"" + mail.attachment_name + "\"\r\n";
    m += "Content-Transfer-Encoding: base64\r\n\r\n";
    m += Base64Body(CrLf(mail.attachment));
  }
  m += "--" + mixed + "--\r\n";
  return m;
}

Result<ReminderMail> ComposeReminderMail(const GroupRegisters& registers, const Reminder& r,
                                         const ReminderMailSettings& settings) {
  auto calendar = OwnerCalendar(registers, r.owner.name);
  if (!calendar) return calendar.error();
  ReminderMail mail;
  mail.to = r.address.value_or("");
  std::string day = FormatIsoDate(r.as_of);
  mail.message_id =
      fmt::format("plenary.remind.{}.{}.{}.{}.{}@{}", Slug(r.group), Slug(r.owner.name),
                  NameHash(r.owner.name), day, settings.now_unix, DomainOf(settings.from));
  mail.subject = Subject(r);
  mail.text = TextPart(registers, r);
  mail.html = HtmlPart(registers, r, mail.subject);
  mail.calendar = std::move(*calendar);
  MailMessage message;
  message.from = settings.from;
  message.from_name = settings.from_name.empty() ? r.group + " secretariat" : settings.from_name;
  message.to = mail.to;
  message.to_name = r.owner.name;
  message.subject = mail.subject;
  message.message_id = mail.message_id;
  message.list_name = r.group + " action item reminders";
  message.list_label = Slug(r.group) + ".reminders";
  message.now_unix = settings.now_unix;
  message.text = mail.text;
  message.html = mail.html;
  message.attachment_name = fmt::format("{}-items-{}.ics", Slug(r.group), day);
  message.attachment_type = "text/calendar";
  message.attachment = mail.calendar;
  mail.message = InternetMessage(message);
  return mail;
}

}  // namespace plenary
