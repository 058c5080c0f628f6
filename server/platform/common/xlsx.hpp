// Spreadsheet export: a workbook of sheets, each a header row and typed cells, written as .xlsx
// (Office Open XML) with libxlsxwriter. Dates are real spreadsheet dates and rates real
// percentages, so the file sorts and sums in a spreadsheet program.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace northstar::xlsx {

struct Cell {
  enum class Kind { kEmpty, kText, kNumber, kDate, kPercent };
  Kind kind = Kind::kEmpty;
  std::string text;   // text, or a date YYYY-MM-DD
  double number = 0;  // number, or a fraction 0..1 for a percentage
};

Cell Text(std::string text);
Cell Number(double value);
Cell Date(const std::optional<std::string>& date);    // empty when nullopt
Cell Percent(const std::optional<double>& fraction);  // empty when nullopt

struct Sheet {
  std::string name;  // at most 31 characters, no []:*?/\ (Excel's rules)
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

// The workbook's bytes, its date cells shown in `date_format` (a spreadsheet number format such
// as "d mmm yyyy": the reader's own). Throws std::runtime_error when libxlsxwriter fails.
std::string Workbook(const std::vector<Sheet>& sheets, const std::string& date_format);

}  // namespace northstar::xlsx
