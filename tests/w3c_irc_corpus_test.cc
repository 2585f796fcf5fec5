// The expected reading of the W3C IRC dev logs (../shared/corpus/w3c-irc/,
// scribe.perl's own sample inputs), written before the reader from what a
// careful clerk would record. Where plenary and scribe.perl's minutes of the
// same logs (w3c/scribe2 sample-*.html) differ, doc/formats.md says why.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/date.h"
#include "importers/formats.h"

namespace plenary {
namespace {

using Names = std::vector<std::string>;

std::optional<Minutes> ReadSample(const std::string& name) {
  std::ifstream in(std::string(PLENARY_SOURCE_DIR) + "/../shared/corpus/w3c-irc/" + name,
                   std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto source = SourceText::Load(name, bytes.str());
  EXPECT_TRUE(source.ok());
  if (!source.ok()) return Minutes{};
  auto detected = DetectFormat(*source);
  EXPECT_TRUE(detected.ok());
  if (detected.ok()) {
    EXPECT_EQ(detected->format->name, "w3c-irc");
  }
  auto read = ReadMinutes(*source, ReadOptions{}, "w3c-irc");
  EXPECT_TRUE(read.ok()) << read.error().message;
  if (!read.ok()) return Minutes{};
  return read->minutes;
}

#define READ_SAMPLE(var, file)                                                    \
  auto var##_read = ReadSample(file);                                             \
  if (!var##_read) {                                                              \
    const char* ci = std::getenv("CI");                                           \
    if (ci && std::string(ci) == "true") FAIL() << "../shared/corpus is missing"; \
    GTEST_SKIP() << "../shared is not beside this checkout";                      \
  }                                                                               \
  ASSERT_EQ(var##_read->meetings.size(), 1u);                                     \
  const Meeting& var = var##_read->meetings[0];

Names Owners(const ActionItem& item) {
  Names names;
  for (const Owner& owner : item.owners) names.push_back(owner.name);
  return names;
}

std::string Due(const ActionItem& item) { return item.due ? FormatIsoDate(*item.due) : ""; }

Names Headings(const Meeting& m) {
  Names headings;
  for (const AgendaSection& s : m.agenda) headings.push_back(s.heading);
  return headings;
}

bool HasNotice(const Minutes& minutes, std::string_view part) {
  for (const std::string& notice : minutes.notices)
    if (notice.find(part) != std::string::npos) return true;
  return false;
}

TEST(W3cIrcCorpus, PublicFormsTeleconference) {
  READ_SAMPLE(m, "sample-public.txt");
  EXPECT_EQ(m.key.group, "Forms Working Group");
  EXPECT_EQ(m.key.kind, "Teleconference");
  EXPECT_EQ(FormatIsoDate(m.date), "2014-04-09");
  // Zakim: "scheduled to start in 1 minute" at 14:59:31 (RRSAgent's clock is UTC).
  ASSERT_TRUE(m.start_utc);
  EXPECT_EQ(FormatTime(*m.start_utc), "15:00");
  EXPECT_EQ(m.key.number, 2014040915);
  EXPECT_EQ(m.record_url, "http://www.w3.org/2014/04/09-forms-minutes.html");
  // present+ Nick and Alain; the chair Steven (also the scribe, as Steven_).
  // Zakim's "Attendees were ..." is not used: the scribe kept a present list.
  EXPECT_EQ(m.attendees, (Names{"Nick", "Alain", "Steven"}));
  EXPECT_TRUE(m.apologies.empty());
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_EQ(m.actions[0].text, "Steven to fix inconsistent text on attributes for <label> etc.");
  EXPECT_EQ(Owners(m.actions[0]), (Names{"Steven Pemberton"}));  // trackbot's reply
  EXPECT_EQ(Due(m.actions[0]), "2014-04-16");
  EXPECT_EQ(m.actions[0].status, ActionStatus::kOpen);
  EXPECT_EQ(m.actions[0].source, ActionSource::kNotes);
  EXPECT_EQ(m.actions[0].line, 38);
  EXPECT_EQ(m.actions[1].text, "Steven to make submission XML => XPath Data model change");
  EXPECT_EQ(Owners(m.actions[1]), (Names{"Steven Pemberton"}));
  EXPECT_EQ(Due(m.actions[1]), "2014-04-16");
  EXPECT_TRUE(m.decisions.empty());
  EXPECT_EQ(Headings(m), (Names{"Announcements etc", "Inconsistent description of attributes on <label> etc.",
                                "@label, @help, @hint, @alert",
                                "ACTION-1970 - Propose list of page access functions [on Erik",
                                "XML => XPath Data Model", "error-type"}));
  // s/"m"/"'m'"/ and s/;/'/ edited the lines before them; markup stays text.
  const auto& notes = m.agenda[2].notes;
  EXPECT_NE(std::find(notes.begin(), notes.end(), "... <item label=\"male\" value=\"'m'\"/>"),
            notes.end());
  EXPECT_NE(std::find(notes.begin(), notes.end(), "Steven: Then I don't think we should do it."),
            notes.end());
  EXPECT_TRUE(HasNotice(*m_read, "Steven_"));
}

TEST(W3cIrcCorpus, MemberWebTvTaskForce) {
  READ_SAMPLE(m, "sample-member.txt");
  EXPECT_EQ(m.key.group, "Web and TV IG - Media APIs TF");
  EXPECT_EQ(m.key.kind, "Meeting");  // the title names no kind: a notice says so
  EXPECT_EQ(FormatIsoDate(m.date), "2014-04-02");  // from RRSAgent's log URL
  ASSERT_TRUE(m.start_utc);
  EXPECT_EQ(FormatTime(*m.start_utc), "13:00");
  // Present: replaces; present+ Bin; the scribe Daniel (nick ddavis).
  EXPECT_EQ(m.attendees, (Names{"Kaz", "Daniel", "Giri", "Alexander", "Wook", "Bin"}));
  ASSERT_EQ(m.actions.size(), 3u);
  EXPECT_EQ(m.actions[0].text, "Bin Hu to add information in the wiki about submitting use cases");
  EXPECT_EQ(Owners(m.actions[0]), (Names{"Bin Hu"}));
  EXPECT_EQ(Due(m.actions[0]), "2014-04-09");
  // Refused by trackbot (no connection): no due; said again at the end: once.
  EXPECT_EQ(m.actions[1].text, "Bin Hu to send mail about submitting a new use case");
  EXPECT_EQ(Owners(m.actions[1]), (Names{"Bin Hu"}));
  EXPECT_EQ(Due(m.actions[1]), "");
  EXPECT_EQ(m.actions[2].text,
            "Bin Hu to send mail to TV IG asking for volunteers to drive the \"Tuner API\" "
            "initiative.");
  EXPECT_EQ(Due(m.actions[2]), "2014-04-09");
  ASSERT_EQ(m.decisions.size(), 1u);
  EXPECT_EQ(m.decisions[0].text,
            "\"Requirements from the Media API TF\" note approved by meeting attendees.");
  // i/Next is/topic: Media APIs requirements/ inserted a topic before its line.
  EXPECT_EQ(Headings(m), (Names{"With some math: $\\sin(x)=\\sqrt{2x}$", "Media APIs requirements",
                                "2nd iteration of use-cases/requirements",
                                "Possible \"Tuner API\" CG"}));
  EXPECT_TRUE(HasNotice(*m_read, "repeats"));
}

TEST(W3cIrcCorpus, FancyWcagTeleconference) {
  READ_SAMPLE(m, "sample-fancy.txt");
  EXPECT_EQ(m.key.group, "Web Content Accessibility Guidelines Working Group");
  EXPECT_EQ(m.key.kind, "Teleconference");
  EXPECT_EQ(FormatIsoDate(m.date), "2014-04-15");
  EXPECT_EQ(m.key.number, 2014041515);
  // No present list: Zakim's "the attendees have been ..." (two lines), phone
  // numbers dropped, Zakim's underscores as spaces; the scribe David is
  // David MacDonald (the one attendee called David).
  EXPECT_EQ(m.attendees,
            (Names{"AWK", "Michael Cooper", "kathleen", "Katie Haritos-Shea", "David MacDonald",
                   "Jon avila", "Loretta Guarino Reid", "Kathy Wahlbin", "Marc Johlic",
                   "Joshue O Connor", "Gregg Vanderheiden", "James Nurthen", "John Kirkwood"}));
  // "regrets: Bruce_Bailey, Sailesh_Panchang" then "Regrets+ Bruce, Sailesh".
  EXPECT_EQ(m.apologies, (Names{"Bruce Bailey", "Sailesh Panchang"}));
  ASSERT_EQ(m.actions.size(), 3u);
  EXPECT_EQ(m.actions[0].text, "Josh to ping Cynthia for some background on SCR21");
  EXPECT_EQ(Owners(m.actions[0]), (Names{"Joshue O Connor"}));
  EXPECT_EQ(Due(m.actions[0]), "2014-04-22");
  // Refused by trackbot twice and retried: one action, in its first words.
  EXPECT_EQ(m.actions[1].text,
            "David to connect with GOV of Canada regarding their objections to the discouraged "
            "parts of SCR21");
  EXPECT_EQ(Owners(m.actions[1]), (Names{"David MacDonald"}));
  EXPECT_EQ(Due(m.actions[1]), "");
  EXPECT_EQ(m.actions[2].text, "David and JON to look at rewriting technique in communication with AWK");
  EXPECT_EQ(Owners(m.actions[2]), (Names{"David MacDonald", "Jon avila"}));
  EXPECT_EQ(Due(m.actions[2]), "2014-04-22");  // trackbot's answer to the retry
  ASSERT_EQ(m.decisions.size(), 5u);
  EXPECT_EQ(m.decisions[0].text, "leave open David will get back to us re GOV of Canada");
  EXPECT_EQ(m.decisions[1].text, "Accepted as proposed LC 2887");
  EXPECT_EQ(m.decisions[3].text, "Accepted as ammended H30 new example pending editorial changes");
  // AWK's "Accepted as proposed" and the scribe's fuller line are one decision.
  EXPECT_EQ(m.decisions[4].text,
            "accepted as proposed G141 change \"would to could\" in second paragraph of");
  // Zakim's "agendum 1. ... taken up" starts a topic.
  ASSERT_FALSE(m.agenda.empty());
  EXPECT_EQ(m.agenda[0].heading, "Publication timeline update - Techniques in by May 15!");
  EXPECT_TRUE(HasNotice(*m_read, "+1.910.278.aaaa"));
}

TEST(W3cIrcCorpus, TeamHtmlFaceToFace) {
  READ_SAMPLE(m, "sample-team.txt");
  EXPECT_EQ(m.key.group, "HTML Working Group");
  EXPECT_EQ(m.key.kind, "Meeting");
  EXPECT_EQ(FormatIsoDate(m.date), "2014-04-08");
  EXPECT_EQ(m.key.number, 2014040816);
  // "Present: ..." near the end replaces the earlier present+; present+
  // zqzhang after it; the chairs and the scribes (plh, cyns, krisk) are in it.
  EXPECT_EQ(m.attendees,
            (Names{"MarkS", "MarkV", "Sam", "Plh", "Maciej", "Adrian", "Xiaoqian", "Joe", "Kris",
                   "Robin", "Tantek", "Ted", "Arnaud", "Erika", "Jay", "Eliot", "Mike", "Bob",
                   "Glenn", "Cynthia", "Paul", "zqzhang"}));
  EXPECT_EQ(m.apologies, (Names{"Mark Watson", "John Jansen"}));
  ASSERT_EQ(m.actions.size(), 5u);
  for (const ActionItem& item : m.actions) {
    EXPECT_EQ(Owners(item), (Names{"Robin Berjon"})) << item.text;
    EXPECT_EQ(Due(item), "2014-04-15") << item.text;
  }
  EXPECT_EQ(m.actions[0].text, "Robin to provide updated results for Canvas 2D Level 1");
  EXPECT_EQ(m.actions[4].text,
            "darobin to compile list of sections of html5 spec that are failing tests");
  EXPECT_TRUE(m.decisions.empty());
  EXPECT_TRUE(HasNotice(*m_read, "nick"));  // "scribe: nick" corrected at once
}

TEST(W3cIrcCorpus, SlidesWebMachineLearning) {
  READ_SAMPLE(m, "sample-slides.txt");
  EXPECT_EQ(m.key.group, "Sample");
  EXPECT_EQ(m.key.kind, "Meeting");
  EXPECT_EQ(FormatIsoDate(m.date), "2021-10-28");
  // s/Fang/Feng edited "Present+ Fang_Dai"; "present+" alone by Geun-Hyung,
  // then "Present+ Geun-Hyung_Kim": one person.
  EXPECT_EQ(m.attendees,
            (Names{"Anssi Kostiainen", "Eric Meyer", "Rachel Yager", "Ningxin Hu", "Feng Dai",
                   "Junwei Fu", "Rafael Cintron", "Wanming", "Geun-Hyung Kim", "Zoltan Kis",
                   "Chai Chaoweeraprasit", "Belem Zhang", "Takio Yamaoka", "Dom",
                   "Judy Brewer"}));
  EXPECT_TRUE(m.actions.empty());
  EXPECT_TRUE(m.decisions.empty());
  EXPECT_EQ(Headings(m), (Names{"Conformance testing of WebNN API", "Web Platform Tests",
                                "Ethical issues in using Machine Learning on the Web"}));
}

}  // namespace
}  // namespace plenary
