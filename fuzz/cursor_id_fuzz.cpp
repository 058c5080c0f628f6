// Fuzzes the small parsers of query strings and path values: ParseQuery and PercentDecode
// (platform/http/message.hpp), ReadPage's limit and opaque cursor (request_helpers.hpp), IsValidId
// (ids.hpp), and IsValidDate, ParseInstant and the day arithmetic (time.hpp). The whole input is
// one text, given to each of them: as a query string, as the `cursor` and as the `limit` value.
// Checks, beyond not crashing:
//  - PercentDecode gives valid UTF-8 no longer than its input and decodes its own percent-encoding
//    of that back; ParseQuery's pairs, percent-encoded again, parse to the same pairs;
//  - ReadPage accepts a limit exactly when it is a whole number 1..200, and a cursor exactly
//    when it decodes to a JSON object, which EncodeCursor then encodes so that it reads back equal;
//  - IsValidId agrees with the UUID shape (lower-case hex 8-4-4-4-12), and NewId is valid;
//  - IsValidDate agrees with an independent calendar, and for a valid date AddDays, DaysBetween
//    and WeekdayOf agree with std::chrono; a canonical instant survives ParseInstant and
//    FormatInstant unchanged, or is refused when an Instant cannot hold it (after 2262);
//  - UBSan watches ParseInstant on every input (it once overflowed after 2262).
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"
#include "platform/http/message.hpp"
#include "platform/http/request_helpers.hpp"

namespace {

namespace http = northstar::http;
namespace json = boost::json;
using northstar::fuzz::Require;

// Percent-encodes everything but RFC 3986's unreserved characters.
std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

void CheckPercentDecode(std::string_view text) {
  for (bool plus_is_space : {false, true}) {
    std::string out;
    const bool ok = http::PercentDecode(text, out, plus_is_space);
    if (text.find('%') == std::string_view::npos &&
        (!plus_is_space || text.find('+') == text.npos)) {
      Require(ok == northstar::fuzz::IsWellFormedUtf8(text),
              "text without escapes decodes exactly when it is UTF-8", text);
      if (ok) Require(out == text, "text without escapes decodes to itself", text);
    }
    if (!ok) continue;
    Require(northstar::fuzz::IsWellFormedUtf8(out), "decoded text is valid UTF-8", out);
    Require(out.size() <= text.size(), "decoding never lengthens", text);
    std::string again;
    Require(http::PercentDecode(PercentEncode(out), again, plus_is_space) && again == out,
            "decoding its own encoding gives the text back", out);
  }
}

void CheckQuery(std::string_view text) {
  std::multimap<std::string, std::string> pairs;
  if (!http::ParseQuery(text, pairs)) return;
  Require(pairs.size() <= static_cast<size_t>(std::count(text.begin(), text.end(), '&')) + 1,
          "at most one pair per '&'-separated part", text);
  std::string encoded;
  for (const auto& [k, v] : pairs) {
    Require(northstar::fuzz::IsWellFormedUtf8(k) && northstar::fuzz::IsWellFormedUtf8(v),
            "query names and values are valid UTF-8", text);
    encoded += (encoded.empty() ? "" : "&") + PercentEncode(k) + "=" + PercentEncode(v);
  }
  std::multimap<std::string, std::string> again;
  Require(http::ParseQuery(encoded, again), "an encoded query parses", encoded);
  Require(again == pairs, "an encoded query gives the same pairs", encoded);

  // The query as a request's: ReadPage must behave as it does on each value alone.
  http::Request request;
  request.query = pairs;
  (void)http::ReadPage(request);
}

// Whether `text` is a limit ReadPage takes: decimal digits only, value 1..200.
bool IsGoodLimit(std::string_view text) {
  if (text.empty()) return false;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    n = std::min(n * 10 + (c - '0'), 1000);  // leading zeros are fine; the size is not
  }
  return n >= 1 && n <= 200;
}

void CheckPage(const std::string& text) {
  http::Request with_limit;
  with_limit.query.emplace("limit", text);
  const auto page = http::ReadPage(with_limit);
  Require(page.ok() == IsGoodLimit(text), "a limit is accepted exactly when it is 1..200", text);
  if (page.ok()) Require(page->limit >= 1 && page->limit <= 200, "the limit is 1..200", text);

  http::Request with_cursor;
  with_cursor.query.emplace("cursor", text);
  const auto read = http::ReadPage(with_cursor, 25);
  if (!read.ok()) {
    Require(read.error().code == northstar::ErrorCode::kMalformed, "a bad cursor is a 400", text);
    return;
  }
  Require(read->limit == 25, "the default limit applies", text);
  Require(read->cursor.has_value() == !text.empty(), "a non-empty cursor is decoded", text);
  if (!read->cursor) return;
  http::Request round_trip;
  round_trip.query.emplace("cursor", http::EncodeCursor(*read->cursor));
  const auto again = http::ReadPage(round_trip);
  Require(again.ok() && again->cursor == read->cursor, "a cursor re-encodes to the same position",
          text);
  if (auto it = read->cursor->find("id"); it != read->cursor->end() && it->value().is_string()) {
    Require(http::CursorText(read.value(), "id") == std::string(it->value().as_string()),
            "CursorText reads a string member", text);
  }
}

void CheckId(std::string_view text) {
  bool shape = text.size() == 36;
  for (size_t i = 0; shape && i < text.size(); ++i) {
    const char c = text[i];
    shape = (i == 8 || i == 13 || i == 18 || i == 23)
                ? c == '-'
                : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
  Require(northstar::IsValidId(text) == shape, "IsValidId is the UUID shape", text);
}

void CheckDates(std::string_view text) {
  const auto day = northstar::fuzz::ParseDayText(text);
  const bool in_range = day && text.substr(0, 4) >= "1900" && text.substr(0, 4) <= "2999";
  Require(northstar::IsValidDate(text) == in_range, "IsValidDate is an existing day in 1900..2999",
          text);
  if (in_range) {
    // A shift taken from the text itself, within a century either way.
    int64_t shift = 0;
    for (char c : text) shift = (shift * 31 + static_cast<unsigned char>(c)) % 73'000;
    shift -= 36'500;
    const std::string moved = northstar::AddDays(text, shift);
    Require(moved == northstar::fuzz::DayText(*day + shift), "AddDays agrees with std::chrono",
            text);
    Require(northstar::DaysBetween(text, moved) == shift, "DaysBetween undoes AddDays", text);
    Require(northstar::AddDays(text, 0) == text, "AddDays by 0 is the day", text);
    static const char* kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                   "thursday", "friday", "saturday"};
    const unsigned weekday =
        std::chrono::weekday(std::chrono::sys_days(std::chrono::days(*day))).c_encoding();
    Require(northstar::WeekdayOf(text) == kNames[weekday], "WeekdayOf agrees with std::chrono",
            text);

    // A canonical instant on that day survives parsing and formatting, where an Instant (64-bit
    // nanoseconds) can hold it; after 2262-04-11 ParseInstant must refuse it rather than wrap.
    const std::string instant = std::string(text) + "T23:59:59.999Z";
    const auto parsed = northstar::ParseInstant(instant);
    const int64_t last_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                northstar::Instant::max().time_since_epoch())
                                .count();
    if ((*day + 1) * 86'400'000 - 1 <= last_ms) {
      Require(parsed && northstar::FormatInstant(*parsed) == instant,
              "a canonical instant round-trips", instant);
    } else {
      Require(!parsed, "an instant an Instant cannot hold is refused", instant);
    }
  }
  (void)northstar::ParseInstant(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  CheckPercentDecode(text);
  CheckQuery(text);
  CheckPage(text);
  CheckId(text);
  CheckDates(text);
  static const bool new_id_valid = northstar::IsValidId(northstar::NewId());
  Require(new_id_valid, "NewId makes a valid id");
  return 0;
}
