// A long-lived group's history built in memory, the shape bench/make_history.py
// writes as notes: every meeting adds kNewItemsPerMeeting items (owners drawn
// from the group's kMembers members) and reviews kReviewsPerMeeting open earlier
// ones (every third marked complete). Shared by register_bench and million_bench.
#pragma once

#include <fmt/format.h>

#include <cctype>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "core/date.h"
#include "plenary/store.h"

namespace plenary::bench {

constexpr int kNewItemsPerMeeting = 20;
constexpr int kReviewsPerMeeting = 10;
constexpr int kMembers = 30;

inline std::string Word(std::mt19937& random) {
  static const char* kSyllables[] = {"ka",  "ri", "to",  "mel", "san", "dor", "vi", "len",
                                     "pra", "gu", "zen", "tal", "bo",  "nir", "fe", "quo"};
  std::uniform_int_distribution<int> pick(0, 15);
  return std::string(kSyllables[pick(random)]) + kSyllables[pick(random)] +
         kSyllables[pick(random)];
}

// Which people a group has: kMembers consecutive members of a pool of
// `pool` people, from `first` (wrapping), so that with several groups a person
// belongs to several of them. The defaults are register_bench's one group.
struct GroupShape {
  std::string name = "BENCH";
  int first = 0;
  int pool = kMembers;
  std::string MemberName(int i) const { return fmt::format("Member {}", (first + i) % pool); }
  // A word of this group's alone (a project's code name, say): in one new
  // item of every kCodeNameEvery, in no other group's texts.
  std::string CodeName() const {
    std::string word = name;
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return word + "memo";
  }
};

constexpr int kCodeNameEvery = 500;

inline Roster BenchRoster(const GroupShape& shape = {}) {
  Roster r;
  r.group = {shape.name, "Benchmark Review Team " + shape.name,
             Date{std::chrono::year{2000} / 1 / 1}, Date{std::chrono::year{2040} / 12 / 31}};
  for (int i = 0; i < kMembers; ++i) {
    int number = (shape.first + i) % shape.pool;
    r.people.push_back(
        {fmt::format("Member {}", number), Role::kMember, {fmt::format("M{}", number)}});
  }
  return r;
}

// A group history of `meetings` meetings; the same seed for every group, so
// that each group's texts are the same words (a common word is common in all,
// and a word rare in one group is as rare in each), but for the group's code
// name, which takes the third word's place in one new item of every
// kCodeNameEvery: a word rare in the whole installation.
inline ImportBatch History(int meetings, const GroupShape& shape = {}) {
  std::mt19937 random(42);
  ImportBatch batch;
  batch.roster = BenchRoster(shape);
  std::vector<std::string> texts;
  const Date start{std::chrono::year{2001} / 1 / 2};
  for (int m = 0; m < meetings; ++m) {
    Meeting meeting;
    meeting.key = {shape.name, "Plenary", m + 1};
    meeting.date = Date{std::chrono::sys_days{start} + std::chrono::days{7 * m}};
    for (int i = 0; i < kMembers; i += 2) meeting.attendees.push_back(shape.MemberName(i));
    for (int i = 0; i < kNewItemsPerMeeting; ++i) {
      ActionItem item;
      std::string words[5];
      for (std::string& w : words) w = Word(random);
      if ((m * kNewItemsPerMeeting + i) % kCodeNameEvery == kCodeNameEvery / 2)
        words[2] = shape.CodeName();
      item.text = fmt::format("Prepare the {} {} {} paper on {} for the {} session.", words[0],
                              words[1], words[2], words[3], words[4]);
      item.owners = {{shape.MemberName(static_cast<int>(random() % kMembers)), OwnerKind::kPerson}};
      item.due = Date{std::chrono::sys_days{meeting.date} + std::chrono::days{14}};
      item.line = i + 1;
      texts.push_back(item.text);
      meeting.actions.push_back(std::move(item));
    }
    for (int i = 0; i < kReviewsPerMeeting && m > 0; ++i) {
      ActionItem review;
      review.source = ActionSource::kReview;
      review.text = texts[random() % (texts.size() - kNewItemsPerMeeting)];
      review.text.resize(review.text.size() - 9);  // "session." dropped: a shortened mention
      if (i % 3 == 0) review.status = ActionStatus::kComplete;
      review.due = Date{std::chrono::sys_days{meeting.date} + std::chrono::days{7}};
      review.line = 100 + i;
      meeting.actions.push_back(std::move(review));
    }
    batch.meetings.push_back({std::move(meeting), {"bench.txt", shape.name + std::to_string(m)}});
  }
  return batch;
}

}  // namespace plenary::bench
