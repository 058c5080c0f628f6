// Instants are UTC and travel as ISO-8601 text with milliseconds ("2026-11-21T19:33:56.123Z"),
// which sorts correctly as text in every database. Calendar days are "YYYY-MM-DD".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace northstar {

using Clock = std::chrono::system_clock;
using Instant = Clock::time_point;

std::string FormatInstant(Instant t);
std::string NowText();
std::optional<Instant> ParseInstant(std::string_view text);
// True for an existing calendar day in the proleptic Gregorian calendar, years 1900..2999.
bool IsValidDate(std::string_view text);
std::string TodayText();
// Calendar days as YYYY-MM-DD. Requires: valid dates. b - a in days; `day` moved by n days;
// the day of the week in lower case ("monday").
int64_t DaysBetween(std::string_view a, std::string_view b);
std::string AddDays(std::string_view day, int64_t n);
std::string WeekdayOf(std::string_view day);
// The day as people read it in a sentence: "5 Nov 2026".
std::string DayInWords(std::string_view day);
// "UTC" or a zone of the system's time-zone database (/usr/share/zoneinfo, Debian's tzdata).
bool IsKnownTimeZone(std::string_view name);

}  // namespace northstar
