// Instants are UTC and travel as ISO-8601 text with milliseconds ("2026-11-21T19:33:56.123Z"),
// which sorts correctly as text in every database. Calendar days are "YYYY-MM-DD".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/common/date.hpp"

namespace northstar {

using Clock = std::chrono::system_clock;
using Instant = Clock::time_point;

std::string FormatInstant(Instant t);
std::string NowText();
std::optional<Instant> ParseInstant(std::string_view text);

// Calendar days as text, for code that holds days as "YYYY-MM-DD" strings: each is one step over
// Date (date.hpp), which new code should use directly.
// Date::Parse(text).has_value(): an existing day, exactly YYYY-MM-DD, years 1900..2999.
bool IsValidDate(std::string_view text);
// Date::Today().Text().
std::string TodayText();
// Requires: valid days (years 0001..9999; Date::FromText throws otherwise). b - a in days; `day`
// moved by n days; the day of the week in lower case ("monday").
int64_t DaysBetween(std::string_view a, std::string_view b);
std::string AddDays(std::string_view day, int64_t n);
std::string WeekdayOf(std::string_view day);

// How a reader writes a calendar day, in the tokens the web app uses (dayjs): D or DD (day), M, MM
// or MMM (month; MMM is the English abbreviation), YYYY (year), and literal separators between
// them ("MMM D, YYYY" in the United States, "DD.MM.YYYY" in Germany). The web derives it from the
// reader's locale and sends it with exports, so a file shows days as the reader's screen does.
class DayPattern {
 public:
  // "D MMM YYYY" ("5 Nov 2026"), for a reader whose pattern is not known.
  DayPattern();
  // Nullopt unless the text is 1..32 bytes holding exactly one day, one month and one year token
  // and nothing else but separators (no letters or digits outside the tokens).
  static std::optional<DayPattern> Parse(std::string_view text);

  std::string Render(Date day) const;
  // Requires: a valid YYYY-MM-DD day.
  std::string Render(std::string_view day) const { return Render(Date::FromText(day)); }
  // The same pattern as a spreadsheet number format ("d mmm yyyy"), separators quoted.
  std::string SpreadsheetFormat() const;

 private:
  struct Part {
    std::string text;  // a token, or a literal
    bool token = false;
  };
  std::vector<Part> parts_;
};
// "UTC" or a zone of the system's time-zone database (/usr/share/zoneinfo, Debian's tzdata).
bool IsKnownTimeZone(std::string_view name);

}  // namespace northstar
