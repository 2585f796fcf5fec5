// Column-aligned text for terminals: widths measured in display columns, so
// "Žarko Kečić" and CJK names line up.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/text.h"  // PrintableText

namespace plenary {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Prints the header, a rule, and the rows; the last column is not padded.
  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Display columns `text` takes on a terminal (UTF-8; control characters 0).
std::size_t DisplayWidth(const std::string& text);

}  // namespace plenary
