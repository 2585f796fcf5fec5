// Recognising that one text speaks of another.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plenary {

// `text` without the day it was raised on, when it starts with one
// ("2024-04-03: Alvaro Retana to ...", "2024-04-03 - ..."): groups that date
// their items write it before the words, and it says nothing about which item
// the words name (items raised on one day would share its digits).
std::string_view WithoutRaisedOnDate(std::string_view text);

// Which of a set of texts another text quotes: shares a passage of at least
// kQuoteWords consecutive content words with it (stop words, case, diacritics
// and punctuation aside). A carried item that repeats a question word for word
// ("ICANN will rephrase the following: “Regarding L-root ...”") quotes the
// table item that asked it; two items that merely share topic words do not.
// Cost is linear in the length of the texts.
class QuotationIndex {
 public:
  static constexpr std::size_t kQuoteWords = 8;

  void Add(std::size_t id, std::string_view text);
  // The ids of the texts `text` quotes, the one sharing most passages first.
  std::vector<std::size_t> QuotedBy(std::string_view text) const;

 private:
  std::unordered_map<std::string, std::vector<std::size_t>> passages_;
};

}  // namespace plenary
