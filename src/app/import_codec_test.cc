#include "app/import_codec.h"

#include <gtest/gtest.h>

namespace plenary {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

Roster FullRoster() {
  Roster r;
  r.group = {"SSR2", "Second Security, Stability, and Resiliency Review", D(2016, 6, 1),
             D(2021, 1, 25)};
  r.people = {{"Denise Michel", Role::kMember, {"DM", "Denise"}, D(2017, 3, 1), D(2018, 10, 1)},
              {"Jennifer Bryce", Role::kStaff, {}, std::nullopt, std::nullopt},
              {"Liaison Person", Role::kLiaison, {"LP"}, std::nullopt, D(2019, 1, 1)},
              {"An Observer", Role::kObserver, {}, D(2017, 1, 1), std::nullopt}};
  r.subteams = {{"SSR1 review", std::string("Denise Michel"), {"Denise Michel"}},
                {"Leaderless", std::nullopt, {}}};
  r.people[0].email = "denise@example.org";
  r.people[2].reminders = false;
  r.people[0].affiliation = "GNSO";
  r.people[0].capacity = Capacity::kRepresentative;
  r.people[2].capacity = Capacity::kIndividual;
  r.organisations = {{"Staff", "staff@example.org"}};
  return r;
}

// A meeting with every field of the model set to something other than its
// default, the new ones included.
Meeting FullMeeting() {
  Meeting m;
  m.key = {"SSR2", "Teleconference", 1'000'123};
  m.date = D(2017, 6, 13);
  m.start_utc = TimeOfDay{6, 30};
  m.attendees = {"Denise Michel", "Émilie Tàylor"};
  m.staff = {"Jennifer Bryce"};
  m.apologies = {"Boban Krsic"};
  m.agenda = {{"Welcome", {"Roll call", "SOI updates"}, 12}, {"AOB", {}, 40}};
  m.record_url = "https://example.org/rec?a=1&b=2";
  m.subteam = "SSR1 review";
  ActionItem a;
  a.text = "Staff to circulate the draft — with “quotes”";
  a.owners = {{"Jennifer Bryce", OwnerKind::kPerson},
              {"ICANN Org", OwnerKind::kOrganisation},
              {"Someone Unknown", OwnerKind::kUnresolved}};
  a.due = D(2017, 6, 23);
  a.status = ActionStatus::kCancelled;
  a.source = ActionSource::kReview;
  a.raised_by = Owner{"GH", OwnerKind::kUnresolved};
  a.line = 17;
  a.written_status = "on hold";
  a.due_phrase = "before the next plenary";
  ActionItem b;
  b.text = "Second";
  b.status = ActionStatus::kComplete;
  b.source = ActionSource::kNotes;
  m.actions = {a, b};
  m.decisions = {{"Resolution 2017.06.13.01", 30, "Resolved, that the team...\nSecond line."},
                 {"Plain decision", 31, ""}};
  m.guests = {"A Guest"};
  m.attendance_remarks = {{"Denise Michel", "joined at 10:45"}, {"Boban Krsic", "left early"}};
  return m;
}

TEST(ImportCodec, PlanRoundTripsEveryModelField) {
  ImportPlan plan;
  plan.batch.roster = FullRoster();
  plan.batch.meetings.push_back({FullMeeting(), {"notes.txt", std::string(64, 'a')}});
  plan.batch.meetings.push_back({Meeting{}, {"second.txt", "b"}});
  plan.warnings = {"notes.txt:1:0: warning: 'X' matches nobody\nline\n^"};
  plan.formats = {{"notes.txt", "icann-notes", "detected: header"},
                  {"second.txt", "markdown", "chosen, not detected"}};

  auto decoded = DecodePlanResult(EncodePlanResult(plan));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_TRUE(decoded->batch.roster.has_value());
  EXPECT_EQ(*decoded->batch.roster, *plan.batch.roster);
  ASSERT_EQ(decoded->batch.meetings.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(decoded->batch.meetings[i].meeting, plan.batch.meetings[i].meeting) << i;
    EXPECT_EQ(decoded->batch.meetings[i].source.name, plan.batch.meetings[i].source.name);
    EXPECT_EQ(decoded->batch.meetings[i].source.sha256, plan.batch.meetings[i].source.sha256);
  }
  EXPECT_EQ(decoded->warnings, plan.warnings);
  ASSERT_EQ(decoded->formats.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(decoded->formats[i].input, plan.formats[i].input);
    EXPECT_EQ(decoded->formats[i].format, plan.formats[i].format);
    EXPECT_EQ(decoded->formats[i].why, plan.formats[i].why);
  }
  // The new fields, spelled out: a codec that forgot one would fail above,
  // and says which here.
  const Meeting& m = decoded->batch.meetings[0].meeting;
  EXPECT_EQ(m.actions[0].written_status, "on hold");
  EXPECT_EQ(m.actions[0].due_phrase, "before the next plenary");
  EXPECT_EQ(m.guests, std::vector<std::string>{"A Guest"});
  EXPECT_EQ(m.attendance_remarks[0].remark, "joined at 10:45");
  EXPECT_EQ(m.decisions[0].body, "Resolved, that the team...\nSecond line.");
}

TEST(ImportCodec, PlanWithoutRosterRoundTrips) {
  ImportPlan plan;
  auto decoded = DecodePlanResult(EncodePlanResult(plan));
  ASSERT_TRUE(decoded.ok());
  EXPECT_FALSE(decoded->batch.roster.has_value());
  EXPECT_TRUE(decoded->batch.meetings.empty());
}

TEST(ImportCodec, ErrorsKeepTheirKindAndLocatedMessage) {
  const Error bad = Error::InvalidInput("notes.txt:3:1: no meeting header\nfoo\n^");
  auto decoded = DecodePlanResult(EncodePlanResult(bad));
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(decoded.error().message, bad.message);
  auto internal = DecodePlanResult(EncodePlanResult(Error::Internal("x")));
  ASSERT_FALSE(internal.ok());
  EXPECT_EQ(internal.error().kind, ErrorKind::kInternal);
}

// The bytes a user uploads reach the reader as they are, even when they are
// not UTF-8 (the reader refuses them with a located message).
TEST(ImportCodec, JobRoundTripsBytesThatAreNotUtf8) {
  ParseJob job;
  job.request.notes = {{"caf\xe9.txt", std::string("a\xff\xfe\0b", 5)}, {"two", ""}};
  job.request.roster = NamedInput{"roster", "SSR2 roster"};
  job.request.year = 2017;
  job.request.format = "icann-notes";
  job.request.group = "SSR2";
  job.known_rosters = {FullRoster()};
  job.cpu_seconds = 7;
  job.address_space_bytes = std::uint64_t{3} << 30;
  auto decoded = DecodeParseJob(EncodeParseJob(job));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_EQ(decoded->request.notes.size(), 2u);
  EXPECT_EQ(decoded->request.notes[0].name, job.request.notes[0].name);
  EXPECT_EQ(decoded->request.notes[0].bytes, job.request.notes[0].bytes);
  EXPECT_EQ(decoded->request.notes[1].bytes, "");
  EXPECT_EQ(decoded->request.roster->bytes, "SSR2 roster");
  EXPECT_EQ(decoded->request.year, 2017);
  EXPECT_EQ(decoded->request.format, "icann-notes");
  EXPECT_EQ(decoded->request.group, "SSR2");
  EXPECT_EQ(decoded->known_rosters, job.known_rosters);
  EXPECT_EQ(decoded->cpu_seconds, 7);
  EXPECT_EQ(decoded->address_space_bytes, job.address_space_bytes);

  ParseJob bare;
  bare.request.notes = {{"n", "x"}};
  auto plain = DecodeParseJob(EncodeParseJob(bare));
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->request.roster || plain->request.year || plain->request.format ||
               plain->request.group);
}

// An answer cut short (a child that died while writing) is an Internal error,
// never a partial plan.
TEST(ImportCodec, TruncatedOrForeignBytesAreRefused) {
  ImportPlan plan;
  plan.batch.meetings.push_back({FullMeeting(), {"notes.txt", "x"}});
  const std::string bytes = EncodePlanResult(plan);
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    auto decoded = DecodePlanResult(bytes.substr(0, cut));
    ASSERT_FALSE(decoded.ok()) << cut;
    EXPECT_EQ(decoded.error().kind, ErrorKind::kInternal);
  }
  EXPECT_FALSE(DecodePlanResult("not cbor at all").ok());
  EXPECT_EQ(DecodeParseJob("\xa0").error().kind, ErrorKind::kInvalidInput);  // {} : no fields
}

}  // namespace
}  // namespace plenary
