// The dev records of the markdown format (../shared/corpus/ietf/: two IRSG
// minutes and an IAB agenda from the IETF wiki) read as a careful clerk would
// record them: meeting, date, attendance, every action with owners, due,
// written status and open/closed, every decision. Written before the reader.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/meeting_label.h"
#include "importers/formats.h"
#include "importers/source_text.h"

namespace plenary {
namespace {

using Names = std::vector<std::string>;

std::optional<std::string> ReadCorpus(const std::string& file) {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/../shared/corpus/ietf/" + file,
                   std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

#define READ_CORPUS(file, out)                                                 \
  ReadMinutesResult out;                                                       \
  {                                                                            \
    auto bytes = ReadCorpus(file);                                             \
    if (!bytes) {                                                              \
      if (InCi()) FAIL() << "../shared/corpus/ietf/" << file << " is missing"; \
      GTEST_SKIP() << "../shared is not beside this checkout";                 \
    }                                                                          \
    auto source = SourceText::Load(file, *bytes);                              \
    ASSERT_TRUE(source.ok()) << source.error().message;                        \
    auto minutes = ReadMinutes(*source, {});                                   \
    ASSERT_TRUE(minutes.ok()) << minutes.error().message;                      \
    out = std::move(*minutes);                                                 \
  }

struct ExpectedAction {
  std::string text;
  Names owners;
  ActionStatus status;
  std::string written_status;
  ActionSource source = ActionSource::kReview;
  std::optional<Date> due;
};

Names OwnerNames(const ActionItem& item) {
  Names out;
  for (const Owner& o : item.owners) out.push_back(o.name);
  return out;
}

void ExpectActions(const Meeting& m, const std::vector<ExpectedAction>& expected) {
  ASSERT_EQ(m.actions.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].text);
    const ActionItem& a = m.actions[i];
    EXPECT_EQ(a.text, expected[i].text);
    EXPECT_EQ(OwnerNames(a), expected[i].owners);
    EXPECT_EQ(a.status, expected[i].status);
    EXPECT_EQ(a.written_status, expected[i].written_status);
    EXPECT_EQ(a.source, expected[i].source);
    EXPECT_EQ(a.due, expected[i].due);
  }
}

constexpr auto kOpen = ActionStatus::kOpen;
constexpr auto kDone = ActionStatus::kComplete;

TEST(MarkdownCorpus, Irsg20220531) {
  READ_CORPUS("irsg-2022-05-31.md", read);
  EXPECT_EQ(read.format, "markdown");
  ASSERT_EQ(read.minutes.meetings.size(), 1u);
  const Meeting& m = read.minutes.meetings[0];
  const Date date{std::chrono::year{2022} / 5 / 31};
  EXPECT_EQ(m.key, (MeetingKey{"IRSG", "Teleconference", DatedMeetingNumber(date, {})}));
  EXPECT_EQ(m.date, date);
  EXPECT_EQ(m.start_utc, std::nullopt);
  EXPECT_EQ(m.attendees, (Names{"Carsten Bormann", "Laurent Ciavaglia", "Spencer Dawkins",
                                "Stephen Farrell", "Jérôme François", "Mat Ford", "Ari Keränen",
                                "Mirja Kühlewind", "Dave Oran", "Colin Perkins", "Melinda Shore"}));
  EXPECT_EQ(m.staff, Names{"Amy Vezza"});
  EXPECT_TRUE(m.apologies.empty());
  EXPECT_TRUE(m.guests.empty());
  ExpectActions(
      m, {{"Colin Perkins to begin email thread on possible email list moderation.",
           {"Colin Perkins"},
           kDone,
           "done"},
          {"Colin Perkins to draft text for an IRTF Code of Conduct.",
           {"Colin Perkins"},
           kOpen,
           "in progress"},
          {"Colin Perkins to send update to IRTF Note well slides to IETF counsel, LLC, and IETF "
           "Trust.",
           {"Colin Perkins"},
           kOpen,
           "in progress"}});
  EXPECT_TRUE(m.decisions.empty());
}

TEST(MarkdownCorpus, Irsg20230627) {
  READ_CORPUS("irsg-2023-06-27.md", read);
  EXPECT_EQ(read.format, "markdown");
  ASSERT_EQ(read.minutes.meetings.size(), 1u);
  const Meeting& m = read.minutes.meetings[0];
  const Date date{std::chrono::year{2023} / 6 / 27};
  EXPECT_EQ(m.key, (MeetingKey{"IRSG", "Teleconference", DatedMeetingNumber(date, {})}));
  EXPECT_EQ(m.date, date);
  // Both spellings of Niels ten Oever are kept (no roster says which is right);
  // a notice points at the pair.
  EXPECT_EQ(m.attendees,
            (Names{"Jane Coffin", "Spencer Dawkins", "Stephen Farrell", "Jonathan Hoyland",
                   "Mirja Kühlewind", "Neils ten Oever", "Dave Oran", "Colin Perkins",
                   "Melinda Shore", "Brian Trammell", "Lixia Zhang", "Niels ten Oever"}));
  EXPECT_EQ(m.staff, (Names{"Jenny Bui", "Amy Vezza"}));
  bool pair_noticed = false;
  for (const std::string& n : read.minutes.notices)
    if (n.find("'Niels ten Oever'") != std::string::npos &&
        n.find("'Neils ten Oever'") != std::string::npos)
      pair_noticed = true;
  EXPECT_TRUE(pair_noticed);
  ExpectActions(
      m, {{"Brian Trammell to review draft-irtf-cfrg-frost for IRSG Review",
           {"Brian Trammell"},
           kDone,
           "done"},
          {"Colin Perkins to followup with the DINRG Chairs regarding a possible DINRG Recharter.",
           {"Colin Perkins"},
           kDone,
           "done"},
          {"Colin Perkins to draft text for an IRTF Code of Conduct. Colin Perkins asked for "
           "assistance with drafting text about academic integrity. Brian Trammell volunteered to "
           "help.",
           {"Colin Perkins"},
           kOpen,
           "in progress"},
          {"Sofía Celi to draft text for guidance to IRTF document shepherds.",
           {"Sofía Celi"},
           kOpen,
           "in progress"}});
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text,
            "The Minutes from the May 25, 2023 IRSG Teleconfernce were approved.");
  EXPECT_EQ(m.decisions[0].line, 44);
}

TEST(MarkdownCorpus, IabAgenda20240528) {
  READ_CORPUS("iab-agenda-2024-05-28.md", read);
  EXPECT_EQ(read.format, "markdown");
  ASSERT_EQ(read.minutes.meetings.size(), 1u);
  const Meeting& m = read.minutes.meetings[0];
  // "IAB Agenda: 2024-05-29 0730 PDT (UTC-7)": 14:30 UTC.
  const Date date{std::chrono::year{2024} / 5 / 29};
  const TimeOfDay start{14, 30};
  EXPECT_EQ(m.key, (MeetingKey{"IAB", "Meeting", DatedMeetingNumber(date, start)}));
  EXPECT_EQ(m.date, date);
  EXPECT_EQ(m.start_utc, start);
  // The Attendance heading is empty: an agenda, taken before the call.
  EXPECT_TRUE(m.attendees.empty());
  EXPECT_TRUE(m.apologies.empty());
  const std::string on_hold = "on hold";
  const std::string in_progress = "in progress";
  ExpectActions(
      m,
      {{"2024-05-15: Cindy Morgan to send draft-iab-bias-workshop-report-01 out for community "
        "review.",
        {"Cindy Morgan"},
        kDone,
        "done"},
       {"2023-05-11: Suresh Krishnan et al to write a draft on limited domains. (Check back end "
        "of June 2023)",
        {"Suresh Krishnan"},
        kOpen,
        on_hold},
       {"2023-06-07: Dhruv Dhody and Wes Hardaker to track adding IAB review of proposed WG "
        "charters to the Datatracker. See https://github.com/ietf-tools/datatracker/issues/5849",
        {"Dhruv Dhody", "Wes Hardaker"},
        kOpen,
        on_hold},
       {"2024-03-17: Liaison Managers to follow up with Martin Thomson about liaison manager for "
        "W3C. Check back August 2024",
        {"Liaison Managers"},
        kOpen,
        on_hold},
       {"2024-03-17: Dhruv Dhody, Mirja Kühlewind and Suresh Krishnan to update the text that "
        "describes Technical Programs and Administrative Support Groups. Check back after 2024 "
        "Retreat",
        {"Dhruv Dhody", "Mirja Kühlewind", "Suresh Krishnan"},
        kOpen,
        on_hold},
       {"2024-02-14: Eliot Lear to send a proposal to the IAB about how to have a conversation "
        "with the community about publishing crypto algorithms that are not widely reviewed.",
        {"Eliot Lear"},
        kOpen,
        in_progress},
       {"2024-03-06: Cindy Morgan, Mirja Kühlewind, and Sally Wentworth to coordinate on adding "
        "the IAB as a signer to the Global Encryption Coalition letter about Australia and "
        "announcing it to the community.",
        {"Cindy Morgan", "Mirja Kühlewind", "Sally Wentworth"},
        kOpen,
        in_progress},
       {"2024-03-17: Suresh Krishnan to follow up with the IETF-3GPP Administrative Support Group "
        "about updating RFC 3113, \"3GPP-IETF Standardization Collaboration.\"",
        {"Suresh Krishnan"},
        kOpen,
        in_progress},
       {"2024-04-03: Alvaro Retana to follow up with Ed Birrane about collaboration with CCSDS on "
        "a requirements document for satellite networking. (Check back 2024-05-15)",
        {"Alvaro Retana"},
        kOpen,
        in_progress},
       {"2024-04-17: Cindy Morgan to update the timeline for the 2025 ICANN NomCom Liaison "
        "appointment once the list of positions being filled is available.",
        {"Cindy Morgan"},
        kOpen,
        in_progress},
       {"2024-05-01: Dhruv Dhody to merge the content of the existing \"IAB Workshop "
        "Guidelines\" wiki page with the new proposed \"Considerations for IAB Workshops\" wiki "
        "page.",
        {"Dhruv Dhody"},
        kOpen,
        in_progress},
       // "All IAB" is the whole group: the directory's organisation "Team".
       {"2024-05-01: All IAB to review the content for the proposed pages on the IAB Website and "
        "public wiki about IAB Workshops.",
        {"Team"},
        kOpen,
        in_progress},
       {"2024-05-01: All IAB to review the draft blog post about IAB workshops.",
        {"Team"},
        kOpen,
        in_progress},
       {"2024-05-15: Tommy Pauly to follow up with Eliot Lear about holding a discussion with the "
        "community about the Independent Stream at IETF 120.",
        {"Tommy Pauly"},
        kOpen,
        in_progress},
       {"2024-05-15: Wes Hardaker and Suresh Krishnan to follow up on a proposal for a workshop "
        "on network management.",
        {"Wes Hardaker", "Suresh Krishnan"},
        kOpen,
        in_progress},
       {"2024-05-15: Dhruv Dhody and Mirja Kühlewind to follow up about a potential IETF "
        "presentation at NetDev in Santa Clara (July 2024).",
        {"Dhruv Dhody", "Mirja Kühlewind"},
        kOpen,
        in_progress}});
  EXPECT_TRUE(m.decisions.empty());
}

}  // namespace
}  // namespace plenary
