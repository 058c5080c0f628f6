// Fuzzes CSV (platform/common/csv.hpp): the reader on raw bytes, and the writer and reader
// together on a table made from the input. The whole input is read as CSV text; the same bytes,
// through FuzzedDataProvider, also give a table: a byte for the row count, then per row a byte for
// the field count and that many strings (a backslash and the byte after it end one). Checks,
// beyond not crashing:
//  - a table of UTF-8 fields, written row by row, reads back as the same table with each field as
//    Neutralise() documents it: an apostrophe before = + - @ (after spaces only), a tab or a CR;
//    with a field that is not UTF-8 the text is refused;
//  - Neutralise leaves nothing a spreadsheet would take for a formula, adds at most the
//    apostrophe, and is idempotent;
//  - text the reader accepts has rows of at least one field, within the limits given (also small
//    limits taken from the input), every field valid UTF-8; written again with every field quoted
//    it reads back the same;
//  - a refusal is a 400 whose detail names a line.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "platform/common/csv.hpp"

namespace {

namespace csv = northstar::csv;
using northstar::fuzz::Require;

bool IsTrigger(char c) { return c == '=' || c == '+' || c == '-' || c == '@'; }

void CheckNeutralise(const std::string& text) {
  const std::string n = csv::Neutralise(text);
  Require(n == text || n == "'" + text, "Neutralise adds at most an apostrophe", text);
  Require(csv::Neutralise(n) == n, "Neutralise is idempotent", text);
  if (n.empty()) return;
  const size_t first = n.find_first_not_of(' ');
  Require(n.front() != '\t' && n.front() != '\r' &&
              (first == std::string::npos || !IsTrigger(n[first])),
          "a neutralised field starts no formula", text);
}

// Every field quoted, rows ending in CRLF: the plainest RFC 4180 text of `rows`.
std::string QuoteAll(const csv::Rows& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      out += i ? ",\"" : "\"";
      for (char c : row[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

void CheckRead(std::string_view text, const csv::ReadLimits& limits) {
  const auto rows = csv::Read(text, limits);
  if (!rows.ok()) {
    Require(rows.error().code == northstar::ErrorCode::kMalformed, "a refusal is a 400", text);
    Require(rows.error().detail.starts_with("CSV line ") ||
                rows.error().detail.find("UTF-8") != std::string::npos,
            "a refusal names the line or the encoding", rows.error().detail);
    return;
  }
  Require(rows->size() <= limits.max_rows, "at most max_rows rows", text);
  for (const auto& row : rows.value()) {
    Require(!row.empty() && row.size() <= limits.max_fields, "1 to max_fields fields a row", text);
    for (const auto& field : row) {
      Require(field.size() <= limits.max_field_bytes, "a field within max_field_bytes", field);
      Require(northstar::fuzz::IsWellFormedUtf8(field), "a field is valid UTF-8", field);
    }
  }
  const std::string again = QuoteAll(rows.value());
  const auto reread = csv::Read(again, {});
  Require(reread.ok() && reread.value() == rows.value(),
          "rows written with every field quoted read back", again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckRead(text, {});

  FuzzedDataProvider provider(data, size);
  csv::ReadLimits small;
  small.max_rows = provider.ConsumeIntegralInRange<size_t>(1, 8);
  small.max_fields = provider.ConsumeIntegralInRange<size_t>(1, 8);
  small.max_field_bytes = provider.ConsumeIntegralInRange<size_t>(0, 64);
  CheckRead(text, small);

  csv::Rows table(provider.ConsumeIntegralInRange<size_t>(1, 8));
  bool utf8 = true;
  csv::Rows expected;
  for (auto& row : table) {
    row.resize(provider.ConsumeIntegralInRange<size_t>(1, 8));
    std::vector<std::string> neutralised;
    for (auto& field : row) {
      field = provider.ConsumeRandomLengthString(200);
      CheckNeutralise(field);
      utf8 = utf8 && northstar::fuzz::IsWellFormedUtf8(field);
      neutralised.push_back(csv::Neutralise(field));
    }
    expected.push_back(std::move(neutralised));
  }
  csv::Writer writer;
  for (const auto& row : table) writer.Row(row);
  const std::string written = writer.Take();
  Require(written.ends_with("\r\n"), "every written row ends with CRLF", written);
  const auto back = csv::Read(written);
  if (!utf8) {
    Require(!back.ok(), "text with a field that is not UTF-8 is refused", written);
    return 0;
  }
  Require(back.ok(), "written text reads", written);
  Require(back.value() == expected, "written fields read back as neutralised", written);
  return 0;
}
