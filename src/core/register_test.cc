#include "core/register.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/matching.h"

namespace plenary {
namespace {

Date D(int y, int m, int d) { return Date{std::chrono::year{y} / m / d}; }

ActionItem Mention(std::string text, ActionSource source = ActionSource::kReview,
                   std::optional<Date> due = std::nullopt,
                   ActionStatus status = ActionStatus::kOpen, std::vector<Owner> owners = {}) {
  ActionItem a;
  a.text = std::move(text);
  a.source = source;
  a.due = due;
  a.status = status;
  a.owners = std::move(owners);
  return a;
}

MeetingMentions Meeting(std::int64_t id, int number, Date date, std::vector<ActionItem> mentions) {
  return {id, {"SSR2", "Plenary", number}, date, std::move(mentions)};
}

const Owner kStaff{"Staff", OwnerKind::kOrganisation};
const Owner kJames{"James Gannon", OwnerKind::kPerson};

std::vector<MeetingMentions> Series() {
  return {
      Meeting(1, 15, D(2017, 6, 13),
              {Mention("Prepare a one-page summary of the SSR1 implementation briefings received "
                       "so far.",
                       ActionSource::kTable, D(2017, 6, 23), ActionStatus::kOpen, {kStaff}),
               Mention("Provide SSR2-RT with response to the Terms of Reference.",
                       ActionSource::kTable, D(2017, 6, 23)),
               Mention("Book a venue for the Johannesburg face-to-face meeting.",
                       ActionSource::kTable)}),
      Meeting(2, 16, D(2017, 6, 20),
              {Mention("Prepare a one-page summary of the SSR1 briefings: Due 30 June",
                       ActionSource::kReview, D(2017, 6, 30)),
               Mention("Provide SSR2-RT with response to the Terms of Reference. Board response "
                       "still pending."),
               Mention("Book a venue for the Johannesburg meeting. No longer needed.",
                       ActionSource::kReview, std::nullopt, ActionStatus::kCancelled),
               Mention("Circulate the draft work plan to the list.", ActionSource::kTable,
                       D(2017, 6, 27), ActionStatus::kOpen, {kJames})}),
      Meeting(3, 17, D(2017, 6, 27),
              {Mention("JG to circulate the draft work plan", ActionSource::kReview, std::nullopt,
                       ActionStatus::kComplete, {kJames}),
               Mention("Prepare the one-page summary of SSR1 briefings", ActionSource::kReview,
                       std::nullopt, ActionStatus::kOpen, {kStaff, kJames})}),
  };
}

const RegisterItem& ItemWithText(const Register& reg, std::string_view prefix) {
  for (const RegisterItem& item : reg.items)
    if (item.state.text.starts_with(prefix)) return item;
  ADD_FAILURE() << "no item " << prefix;
  return reg.items.front();
}

TEST(Register, MatchScoreRewardsContainedMentionsAndPrefersTheCloserText) {
  auto score = [](std::string_view a, std::string_view b) {
    return MatchScore(SortedWords(a), SortedWords(b));
  };
  double contained = score("Prepare a one-page summary of the SSR1 briefings",
                           "Prepare a one-page summary of the SSR1 implementation briefings "
                           "received so far.");
  EXPECT_GT(contained, 0.85);
  EXPECT_DOUBLE_EQ(score("Draft plans", "Draft plans"), 0.0);  // too little evidence
  EXPECT_EQ(score("Draft work plans for each subtopic", "Schedule remainder of SSR1 briefings"),
            0.0);
  // Both contain the mention; the closer wording scores higher.
  std::string_view mention = "Staff to capture and share discussions around outreach";
  EXPECT_GT(score(mention, "Staff to capture and share all discussions to-date around outreach."),
            score(mention,
                  "Staff start a thread on the list to capture discussions around "
                  "outreach. Team to share thoughts on list re outreach and engagement") +
                0.1);
}

TEST(Register, ShortenedMentionsUpdateTheSameItem) {
  Register reg = ReplayRegister(Series(), {});
  ASSERT_EQ(reg.items.size(), 4u);
  const RegisterItem& summary = ItemWithText(reg, "Prepare a one-page");
  EXPECT_EQ(summary.state.due, D(2017, 6, 30));
  EXPECT_EQ(summary.state.owners, (std::vector<Owner>{kStaff, kJames}));
  ASSERT_EQ(summary.history.size(), 3u);
  EXPECT_EQ(summary.history[0].change, "created");
  EXPECT_EQ(summary.history[1].change, "due 2017-06-23 -> 2017-06-30");
  EXPECT_EQ(summary.history[1].words,
            "Prepare a one-page summary of the SSR1 briefings: Due 30 June");
  EXPECT_EQ(summary.history[2].change, "owners Staff -> Staff, James Gannon");
  EXPECT_EQ(summary.history[2].meeting, (MeetingKey{"SSR2", "Plenary", 17}));
  EXPECT_TRUE(reg.diagnostics.empty());
}

// Candidates are scored only when their wordings' sizes and the words they
// can share let them reach the threshold (FindMatch): the bound must keep an
// item that scores exactly the threshold among hundreds sharing one word each
// (two of them common enough not to find candidates by).
TEST(Register, AnItemAtExactlyTheThresholdIsFoundAmongManyThatShareAWord) {
  const std::vector<std::string> words = {"abbot",  "bramble", "cobalt", "dapple", "ember",
                                          "fennel", "garnet",  "hollow", "islet",  "juniper"};
  std::vector<ActionItem> first;
  std::string target;
  for (const std::string& w : words) target += w + " ";
  first.push_back(Mention(target, ActionSource::kTable));
  for (int i = 0; i < 450; ++i)
    first.push_back(Mention(fmt::format("kettle lantern {} q{}x r{}y s{}z", words[i % 9], i, i, i),
                            ActionSource::kTable));
  // Nine of the target's ten words and one no item has: 0.9, the threshold
  // of a new row, exactly.
  std::string nine;
  for (std::size_t i = 0; i < 9; ++i) nine += words[i] + " ";
  // A review with the two common words and one rare one reaches no item.
  Register reg = ReplayRegister({Meeting(1, 1, D(2020, 1, 7), first),
                                 Meeting(2, 2, D(2020, 1, 14),
                                         {Mention(nine + "zeppelin", ActionSource::kTable),
                                          Mention("kettle lantern abbot", ActionSource::kReview)})},
                                {});
  EXPECT_DOUBLE_EQ(MatchScore(SortedWords(nine + "zeppelin"), SortedWords(target)), 0.9);
  ASSERT_EQ(reg.items.size(), 452u);
  ASSERT_EQ(reg.items[0].mentions.size(), 2u);
  EXPECT_EQ(reg.items[0].mentions[1], (MentionRef{2, 0}));
  EXPECT_EQ(reg.items.back().state.text, "kettle lantern abbot");
}

TEST(Register, CompletionCancellationAndStatusNotes) {
  Register reg = ReplayRegister(Series(), {});
  const RegisterItem& tor = ItemWithText(reg, "Provide SSR2-RT");
  EXPECT_EQ(tor.status_note, "Board response still pending.");
  EXPECT_EQ(tor.history.back().change, "note: Board response still pending.");
  EXPECT_EQ(ItemWithText(reg, "Book a venue").state.status, ActionStatus::kCancelled);
  const RegisterItem& plan = ItemWithText(reg, "Circulate the draft");
  EXPECT_EQ(plan.state.status, ActionStatus::kComplete);
  EXPECT_EQ(plan.history.back().change, "completed");
}

std::vector<std::tuple<std::string, ActionStatus, std::optional<Date>, std::vector<Owner>,
                       std::vector<ActionChange>>>
Contents(const Register& reg) {
  std::vector<std::tuple<std::string, ActionStatus, std::optional<Date>, std::vector<Owner>,
                         std::vector<ActionChange>>>
      out;
  for (const RegisterItem& i : reg.items)
    out.emplace_back(i.state.text, i.state.status, i.state.due, i.state.owners, i.history);
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
  return out;
}

TEST(Register, OrderOfImportDoesNotMatter) {
  std::vector<MeetingMentions> meetings = Series();
  Register in_order = ReplayRegister(meetings, {});
  std::mt19937 random(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(meetings.begin(), meetings.end(), random);
    EXPECT_EQ(Contents(ReplayRegister(meetings, {})), Contents(in_order));
  }
}

// A person marks the first item of meeting 1 done on 22 June 2017.
RegisterEvent MeetingOnesFirstItemDone() {
  return {1,
          RegisterEventKind::kSet,
          {1, 1},
          std::nullopt,
          ActionStatus::kComplete,
          std::nullopt,
          std::nullopt,
          "Board sent it",
          "jb",
          "2017-06-22T10:00:00Z",
          D(2017, 6, 22)};
}

// Two items in a meeting (ids `first`, numbered `number`, dated `on`) and,
// a week later, a review that could be either of them.
std::vector<MeetingMentions> AnAmbiguousReview(std::int64_t first, int number, Date on) {
  return {Meeting(first, number, on,
                  {Mention("Share thoughts on ICANN Security subtopic work plans",
                           ActionSource::kTable),
                   Mention("Share thoughts on SSR1 subtopic work plans", ActionSource::kTable)}),
          Meeting(first + 1, number + 1, Date{std::chrono::sys_days{on} + std::chrono::days{7}},
                  {Mention("Share thoughts on subtopic work plans: Due 7 July",
                           ActionSource::kReview, D(2017, 7, 7))})};
}

TEST(Register, AmbiguousMentionIsReportedNotApplied) {
  std::vector<MeetingMentions> meetings = AnAmbiguousReview(1, 15, D(2017, 6, 13));
  Register reg = ReplayRegister(meetings, {});
  ASSERT_EQ(reg.items.size(), 3u);
  EXPECT_FALSE(reg.items[0].state.due);
  EXPECT_FALSE(reg.items[1].state.due);
  ASSERT_EQ(reg.diagnostics.size(), 1u);
  EXPECT_EQ(reg.diagnostics[0].meeting.number, 16);
  EXPECT_NE(reg.diagnostics[0].message.find("could be"), std::string::npos);
}

// Two meetings before Series(): the second's review could be either of the
// first's items (a notice), so a replay guided by an earlier one must match
// it again to give the notice again.
std::vector<MeetingMentions> SeriesAfterAnAmbiguousReview() {
  std::vector<MeetingMentions> meetings = AnAmbiguousReview(11, 13, D(2017, 5, 30));
  for (MeetingMentions& m : Series()) meetings.push_back(std::move(m));
  return meetings;
}

TEST(Register, AReplayGuidedByTheLastOneBeforeTheChangeEndsAsAFullReplay) {
  std::vector<MeetingMentions> old_inputs = SeriesAfterAnAmbiguousReview();
  const RegisterEvent done = MeetingOnesFirstItemDone();
  const Register before = ReplayRegister(old_inputs, {done});
  ASSERT_EQ(before.diagnostics.size(), 1u);
  // The meeting of 20 June re-imported with its review of the summary
  // closing it; then the meeting of 27 June's instead.
  for (std::int64_t edited : {2, 3}) {
    std::vector<MeetingMentions> inputs = old_inputs;
    for (MeetingMentions& m : inputs)
      if (m.meeting_id == edited) m.mentions[edited == 2 ? 0 : 1].status = ActionStatus::kComplete;
    Date from = edited == 2 ? D(2017, 6, 20) : D(2017, 6, 27);
    Register expected = ReplayRegister(inputs, {done});
    ASSERT_NE(expected, before);
    RegisterReplay guided;
    ASSERT_TRUE(guided.ApplyAllAsBefore(before, from, inputs, {done}));
    EXPECT_EQ(guided.Current(), expected) << "meeting " << edited << " edited";
  }
  // A meeting imported out of order, before the others: nothing is guided.
  std::vector<MeetingMentions> inputs = old_inputs;
  inputs.push_back(Meeting(
      13, 12, D(2017, 5, 1),
      {Mention("Book a venue for the Johannesburg face-to-face meeting.", ActionSource::kTable)}));
  RegisterReplay earliest;
  ASSERT_TRUE(earliest.ApplyAllAsBefore(before, D(2017, 5, 1), inputs, {done}));
  EXPECT_EQ(earliest.Current(), ReplayRegister(inputs, {done}));
}

TEST(Register, AReplayGuidedByARegisterThatDoesNotFitItsInputsSaysSo) {
  std::vector<MeetingMentions> inputs = SeriesAfterAnAmbiguousReview();
  // A register made without the meeting of 6 June does not hold its mention.
  std::vector<MeetingMentions> without = inputs;
  without.erase(without.begin() + 1);
  RegisterReplay missing;
  EXPECT_FALSE(missing.ApplyAllAsBefore(ReplayRegister(without, {}), D(2017, 6, 27), inputs, {}));
  // One made with a first meeting that created a third item gives the later
  // items other places.
  std::vector<MeetingMentions> longer = inputs;
  longer[0].mentions.insert(
      longer[0].mentions.begin(),
      Mention("Draft the charter for the subgroup on abuse reporting", ActionSource::kTable));
  RegisterReplay moved;
  EXPECT_FALSE(moved.ApplyAllAsBefore(ReplayRegister(longer, {}), D(2017, 6, 27), inputs, {}));
}

TEST(Register, ManualChangesAreHistoryWithWhoAndWhen) {
  const RegisterEvent done = MeetingOnesFirstItemDone();
  Register reg = ReplayRegister(Series(), {done});
  const RegisterItem& tor = ItemWithText(reg, "Provide SSR2-RT");
  EXPECT_EQ(tor.state.status, ActionStatus::kComplete);
  EXPECT_EQ(tor.history.back().change, "completed");
  EXPECT_EQ(tor.history.back().who, "jb");
  EXPECT_EQ(tor.history.back().event_id, 1);
  EXPECT_EQ(tor.status_note, "Board sent it");
}

TEST(Register, MergeKeepsBothHistoriesAndUnmergeRestoresExactly) {
  std::vector<MeetingMentions> meetings = Series();
  meetings.push_back(
      Meeting(4, 18, D(2017, 7, 4),
              {Mention("Write a one-page SSR1 summary for the report.", ActionSource::kTable)}));
  std::map<MentionRef, std::int64_t> previous;
  std::int64_t next = 1;
  Register before = ReplayRegister(meetings, {});
  AssignItemIds(before, previous, next);
  for (const RegisterItem& i : before.items)
    for (const MentionRef& m : i.mentions) previous[m] = i.id;

  const RegisterItem& a = ItemWithText(before, "Prepare a one-page");
  const RegisterItem& b = ItemWithText(before, "Write a one-page");
  RegisterEvent merge{9, RegisterEventKind::kMerge, a.mentions[0], b.mentions[0]};
  merge.effective = D(2017, 7, 5);
  merge.who = "jb";
  Register merged = ReplayRegister(meetings, {merge});
  AssignItemIds(merged, previous, next);
  const RegisterItem& ma = ItemWithText(merged, "Prepare a one-page");
  const RegisterItem& mb = ItemWithText(merged, "Write a one-page");
  EXPECT_EQ(ma.id, a.id);
  EXPECT_EQ(mb.merged_into_id, a.id);
  EXPECT_EQ(ma.history.size(), a.history.size() + b.history.size() + 1);
  EXPECT_EQ(ma.history.back().change, "merged: Write a one-page SSR1 summary for the report.");

  Register unmerged = ReplayRegister(meetings, {});
  AssignItemIds(unmerged, previous, next);
  EXPECT_EQ(Contents(unmerged), Contents(before));
  for (std::size_t i = 0; i < before.items.size(); ++i)
    EXPECT_EQ(unmerged.items[i].id, before.items[i].id);
}

// A store's register as a partial replay takes it: each item's few columns
// and the words of its match texts, the rest when asked (counted).
class StoredItems : public RegisterItemLoader {
 public:
  explicit StoredItems(const Register& reg) : reg_(reg) {}
  PartialRegister Partial() const {
    PartialRegister partial;
    for (std::size_t i = 0; i < reg_.items.size(); ++i) {
      const RegisterItem& item = reg_.items[i];
      RegisterItem& few = partial.reg.items.emplace_back();
      few.id = item.id;
      few.state.status = item.state.status;
      few.merged_into = item.merged_into;
      few.merged_into_id = item.merged_into_id;
      few.awaits_next = item.awaits_next;
      for (const std::string& text : item.match_texts) partial.Add(i, MatchWordHashes(text));
    }
    partial.reg.diagnostics = reg_.diagnostics;
    return partial;
  }
  RegisterItem Load(std::int64_t id) override {
    ++loads;
    for (RegisterItem item : reg_.items)
      if (item.id == id) {
        item.mentions.resize(1);  // its origin: a store reads no more
        return item;
      }
    ADD_FAILURE() << "no item " << id;
    return {};
  }
  std::vector<RegisterItem> LoadMany(const std::vector<std::int64_t>& ids) override {
    ++batches;
    return RegisterItemLoader::LoadMany(ids);
  }
  std::optional<std::int64_t> ItemOf(const MentionRef& ref) override {
    for (const RegisterItem& item : reg_.items)
      for (const MentionRef& m : item.mentions)
        if (m == ref) return item.id;
    return std::nullopt;
  }
  int loads = 0;
  int batches = 0;  // LoadMany

 private:
  const Register& reg_;
};

TEST(Register, APartialReplayLoadsOnlyWhatItTouchesAndWritesWhatAWholeOneWould) {
  Register stored = ReplayRegister(Series(), {});
  std::int64_t next = 1;
  AssignItemIds(stored, {}, next);
  const RegisterItem& venue = ItemWithText(stored, "Book a venue");
  const RegisterItem& summary = ItemWithText(stored, "Prepare a one-page");
  std::vector<MeetingMentions> meetings = {
      Meeting(4, 18, D(2017, 7, 4),
              {Mention("Provide SSR2-RT with response to the Terms of Reference. Sent.",
                       ActionSource::kReview, std::nullopt, ActionStatus::kComplete),
               Mention("Write a one-page SSR1 summary for the report.", ActionSource::kTable)})};
  RegisterEvent reopened{8, RegisterEventKind::kSet, venue.mentions[0]};
  reopened.status = ActionStatus::kOpen;
  reopened.note = "a venue is needed after all";
  reopened.effective = D(2017, 7, 5);
  RegisterEvent merge{9, RegisterEventKind::kMerge, summary.mentions[0], MentionRef{4, 1}};
  merge.effective = D(2017, 7, 5);
  std::vector<RegisterEvent> events = {reopened, merge};

  RegisterReplay whole(stored);
  whole.ApplyAll(meetings, events);
  std::int64_t whole_next = next;
  AssignNewItemIds(whole.Ids(), stored.items.size(), whole_next);
  StoredItems store(stored);
  RegisterReplay partial(store.Partial(), &store);
  ASSERT_TRUE(partial.Partial());
  partial.ApplyAll(meetings, events);
  std::int64_t partial_next = next;
  AssignNewItemIds(partial.Ids(), stored.items.size(), partial_next);

  const std::vector<std::size_t> changed = whole.TakeChanged();
  ASSERT_EQ(partial.TakeChanged(), changed);
  EXPECT_EQ(changed.size(), 4u);  // the response, the venue, the summary and the new item
  EXPECT_EQ(store.loads, 3) << "only the items changed are read whole";
  EXPECT_EQ(store.batches, 1) << "the meeting's, read before it is applied";
  for (std::size_t i : changed) {
    RegisterItem a = whole.Current().items[i], b = partial.Current().items[i];
    // A loaded item holds its origin and the mentions applied since.
    std::erase_if(a.mentions, [&](const MentionRef& m) {
      return m != a.mentions.front() && m.meeting_id != 4;
    });
    EXPECT_EQ(a, b) << a.state.text;
    for (std::size_t w = 0; w < a.match_texts.size(); ++w)
      EXPECT_EQ(partial.WordingWords(i, w), whole.WordingWords(i, w));
  }
  EXPECT_EQ(partial.Current().diagnostics, whole.Current().diagnostics);
  EXPECT_EQ(partial_next, whole_next);
}

TEST(Register, IdsSurviveAnEarlierMeetingImportedLater) {
  std::vector<MeetingMentions> meetings = Series();
  std::vector<MeetingMentions> later_only(meetings.begin() + 1, meetings.end());
  std::map<MentionRef, std::int64_t> previous;
  std::int64_t next = 1;
  Register first = ReplayRegister(later_only, {});
  AssignItemIds(first, previous, next);
  for (const RegisterItem& i : first.items)
    for (const MentionRef& m : i.mentions) previous[m] = i.id;
  std::int64_t summary_id = ItemWithText(first, "Prepare a one-page").id;

  Register all = ReplayRegister(meetings, {});
  AssignItemIds(all, previous, next);
  EXPECT_EQ(ItemWithText(all, "Prepare a one-page summary of the SSR1 implementation").id,
            summary_id);
}

TEST(Register, DuplicatesAreListedWithScoreAndReason) {
  std::vector<MeetingMentions> meetings = {
      Meeting(1, 15, D(2017, 6, 13),
              {Mention("Draft work plans for each subtopic", ActionSource::kTable),
               Mention("Draft the work plan for every subtopic", ActionSource::kTable),
               Mention("Book the venue", ActionSource::kTable)})};
  Register reg = ReplayRegister(meetings, {});
  std::int64_t next = 1;
  AssignItemIds(reg, {}, next);
  auto pairs = FindDuplicates(reg);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, 1);
  EXPECT_EQ(pairs[0].b, 2);
  EXPECT_GT(pairs[0].score, 0.5);
  EXPECT_EQ(pairs[0].reason, "shared words: draft work plan subtopic");
}

ActionItem Written(ActionItem mention, std::string written_status, std::string due_phrase = "") {
  mention.written_status = std::move(written_status);
  mention.due_phrase = std::move(due_phrase);
  return mention;
}

TEST(Register, WrittenStatusFollowsTheLatestMentionWithTheChangeInHistory) {
  const std::string text = "Alice to draft the charter review text";
  std::vector<MeetingMentions> meetings = {
      Meeting(1, 1, D(2025, 9, 23), {Written(Mention(text, ActionSource::kTable), "new")}),
      Meeting(2, 2, D(2025, 9, 30), {Written(Mention(text), "in progress")}),
      Meeting(3, 3, D(2025, 10, 7), {Written(Mention(text), "in progress")}),
      Meeting(4, 4, D(2025, 10, 14),
              {Written(Mention(text, ActionSource::kReview, std::nullopt, ActionStatus::kComplete),
                       "done")}),
  };
  Register reg = ReplayRegister(meetings, {});
  ASSERT_EQ(reg.items.size(), 1u);
  const RegisterItem& item = reg.items[0];
  EXPECT_EQ(item.state.written_status, "done");
  EXPECT_EQ(item.state.status, ActionStatus::kComplete);
  std::vector<std::string> changes;
  for (const ActionChange& c : item.history) changes.push_back(c.change);
  EXPECT_EQ(changes, (std::vector<std::string>{"created", "status: new -> in progress", "mentioned",
                                               "completed; status: in progress -> done"}));
}

TEST(Register, AMentionWithoutAWrittenStatusKeepsTheItemsUnlessItClosesIt) {
  const std::string text = "Bob to collect the liaison reports";
  std::vector<MeetingMentions> meetings = {
      Meeting(1, 1, D(2025, 9, 23), {Written(Mention(text, ActionSource::kTable), "on hold")}),
      Meeting(2, 2, D(2025, 9, 30), {Mention(text)}),
  };
  EXPECT_EQ(ReplayRegister(meetings, {}).items[0].state.written_status, "on hold");
  meetings.push_back(
      Meeting(3, 3, D(2025, 10, 7),
              {Mention(text, ActionSource::kReview, std::nullopt, ActionStatus::kComplete)}));
  Register reg = ReplayRegister(meetings, {});
  EXPECT_EQ(reg.items[0].state.status, ActionStatus::kComplete);
  EXPECT_EQ(reg.items[0].state.written_status, "");
  EXPECT_EQ(reg.items[0].history.back().change, "completed");
}

TEST(Register, APersonsStatusChangeClearsTheWrittenStatus) {
  const std::string text = "Carol to book the rooms for the retreat";
  std::vector<MeetingMentions> meetings = {
      Meeting(1, 1, D(2025, 9, 23), {Written(Mention(text, ActionSource::kTable), "in progress")})};
  RegisterEvent done;
  done.id = 1;
  done.item = {1, 0};
  done.status = ActionStatus::kComplete;
  done.who = "Jennifer Bryce";
  done.effective = D(2025, 9, 25);
  Register reg = ReplayRegister(meetings, {done});
  EXPECT_EQ(reg.items[0].state.status, ActionStatus::kComplete);
  EXPECT_EQ(reg.items[0].state.written_status, "");
  EXPECT_EQ(reg.items[0].history.back().change, "completed");
}

TEST(Register, DuePhraseIsKeptUntilADayIsGiven) {
  const std::string text = "Dan to circulate the budget proposal";
  std::vector<MeetingMentions> meetings = {
      Meeting(1, 1, D(2025, 9, 23),
              {Written(Mention(text, ActionSource::kTable), "", "before the next plenary")}),
      Meeting(2, 2, D(2025, 9, 30), {Written(Mention(text), "", "by the end of the year")}),
  };
  Register reg = ReplayRegister(meetings, {});
  EXPECT_EQ(reg.items[0].state.due_phrase, "by the end of the year");
  EXPECT_EQ(reg.items[0].history.back().change, "due: by the end of the year");
  meetings.push_back(
      Meeting(3, 3, D(2025, 10, 7), {Mention(text, ActionSource::kReview, D(2025, 11, 1))}));
  reg = ReplayRegister(meetings, {});
  EXPECT_EQ(reg.items[0].state.due, D(2025, 11, 1));
  EXPECT_EQ(reg.items[0].state.due_phrase, "");
}

ActionItem DueBeforeNext(std::string text, std::string phrase) {
  ActionItem a = Mention(std::move(text), ActionSource::kTable);
  a.due_phrase = std::move(phrase);
  return a;
}

TEST(Register, DueBeforeTheNextPlenaryIsTheNextPlenarysDate) {
  MeetingMentions leadership{3, {"SSR2", "Leadership", 7}, D(2018, 9, 3), {}};
  std::vector<MeetingMentions> meetings = {
      Meeting(1, 41, D(2018, 8, 30),
              {DueBeforeNext("Consolidate the DNS SSR subteam findings into one document",
                             "before the next plenary"),
               DueBeforeNext("Share the findings with the Board", "by next week"),
               DueBeforeNext("Close the tracking sheet questions for ICANN org",
                             "before the next call")}),
      leadership,  // another kind: not the next plenary
      Meeting(2, 42, D(2018, 9, 6),
              {Mention("Close the tracking sheet questions for ICANN org. Done.",
                       ActionSource::kReview, std::nullopt, ActionStatus::kComplete)}),
  };
  Register reg = ReplayRegister(meetings, {});
  const RegisterItem& consolidate = ItemWithText(reg, "Consolidate");
  EXPECT_EQ(consolidate.state.due, D(2018, 9, 6));
  EXPECT_EQ(consolidate.state.due_phrase, "before the next plenary");
  ASSERT_EQ(consolidate.history.size(), 2u);
  EXPECT_EQ(consolidate.history[1].change, "due none -> 2018-09-06");
  EXPECT_EQ(consolidate.history[1].words, "before the next plenary");
  EXPECT_EQ(consolidate.history[1].meeting, (MeetingKey{"SSR2", "Plenary", 42}));
  EXPECT_EQ(ItemWithText(reg, "Share").state.due, std::nullopt);  // names no meeting
  // Due at the next call too, and that meeting's review completes it after.
  const RegisterItem& sheet = ItemWithText(reg, "Close");
  EXPECT_EQ(sheet.state.due, D(2018, 9, 6));
  EXPECT_EQ(sheet.state.status, ActionStatus::kComplete);

  // A pure function of its inputs: in any order, the same register.
  std::vector<MeetingMentions> reversed(meetings.rbegin(), meetings.rend());
  Register again = ReplayRegister(reversed, {});
  ASSERT_EQ(again.items.size(), reg.items.size());
  for (std::size_t i = 0; i < reg.items.size(); ++i)
    EXPECT_EQ(again.items[i].state, reg.items[i].state);
}

TEST(Register, DueBeforeTheNextPlenaryStaysUndatedUntilOneIsImported) {
  Register reg = ReplayRegister(
      {Meeting(1, 41, D(2018, 8, 30),
               {DueBeforeNext("Consolidate the DNS SSR subteam findings into one document",
                              "before the next plenary")})},
      {});
  ASSERT_EQ(reg.items.size(), 1u);
  EXPECT_EQ(reg.items[0].state.due, std::nullopt);
  EXPECT_EQ(reg.items[0].state.due_phrase, "before the next plenary");

  // Closed before the next plenary: it keeps no due date.
  RegisterEvent done;
  done.id = 7;
  done.item = {1, 0};
  done.status = ActionStatus::kComplete;
  done.who = "jb";
  done.at = "2018-09-01T10:00:00Z";
  done.effective = D(2018, 9, 1);
  Register closed = ReplayRegister(
      {Meeting(1, 41, D(2018, 8, 30),
               {DueBeforeNext("Consolidate the DNS SSR subteam findings into one document",
                              "before the next plenary")}),
       Meeting(2, 42, D(2018, 9, 6), {})},
      {done});
  ASSERT_EQ(closed.items.size(), 1u);
  EXPECT_EQ(closed.items[0].state.due, std::nullopt);
}

// Agendas that date each item by the day it was raised ("2024-05-01: ...")
// name the same item with the same date week after week; the date is not
// what matches, so two items raised on one day stay two items.
TEST(Register, ARaisedOnDateIsNotPartOfTheMatch) {
  EXPECT_EQ(WithoutRaisedOnDate("2024-04-03: Alvaro Retana to follow up"),
            "Alvaro Retana to follow up");
  EXPECT_EQ(WithoutRaisedOnDate("2024-04-03 - Alvaro Retana"), "Alvaro Retana");
  EXPECT_EQ(WithoutRaisedOnDate("2024-04-03 meeting notes"), "2024-04-03 meeting notes");
  EXPECT_EQ(WithoutRaisedOnDate("Due 2024-04-03: x"), "Due 2024-04-03: x");
  // Without the rule the shared digits of the date would make Bob's item Ann's.
  Register reg =
      ReplayRegister({Meeting(1, 1, D(2024, 5, 8), {Mention("2024-05-01: Ann to book the room.")}),
                      Meeting(2, 2, D(2024, 5, 15),
                              {Mention("2024-05-01: Bob to book the room."),
                               Mention("2024-05-01: Ann to book the room.", ActionSource::kReview,
                                       std::nullopt, ActionStatus::kComplete)})},
                     {});
  ASSERT_EQ(reg.items.size(), 2u);
  EXPECT_EQ(reg.items[0].state.status, ActionStatus::kComplete);
  EXPECT_EQ(reg.items[0].history.size(), 2u);
  EXPECT_EQ(reg.items[1].state.text, "2024-05-01: Bob to book the room.");
}

TEST(Register, TheGroupsWordForTheStatusFollowsTheLatestMention) {
  auto mention = [](std::string written, ActionStatus status) {
    ActionItem a = Mention("2024-05-01: Ann Lee to book the meeting room.", ActionSource::kReview,
                           std::nullopt, status);
    a.written_status = std::move(written);
    return a;
  };
  Register reg =
      ReplayRegister({Meeting(1, 1, D(2024, 5, 8), {mention("in progress", ActionStatus::kOpen)}),
                      Meeting(2, 2, D(2024, 5, 15), {mention("on hold", ActionStatus::kOpen)}),
                      Meeting(3, 3, D(2024, 5, 22), {mention("done", ActionStatus::kComplete)})},
                     {});
  ASSERT_EQ(reg.items.size(), 1u);
  EXPECT_EQ(reg.items[0].state.written_status, "done");
  ASSERT_EQ(reg.items[0].history.size(), 3u);
  EXPECT_EQ(reg.items[0].history[1].change, "status: in progress -> on hold");
  EXPECT_EQ(reg.items[0].history[2].change, "completed; status: on hold -> done");
  EXPECT_TRUE(FindDuplicates(reg).empty());
}

}  // namespace
}  // namespace plenary
