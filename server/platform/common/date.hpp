// A calendar day: a date with no time of day and no zone, in the proleptic Gregorian calendar. The
// one type modules compute days with (due dates, windows, month steps, anniversaries, weekdays).
// Records keep days as "YYYY-MM-DD" text on the wire and in the database, where text order is day
// order: parse where a day is needed, compute with Date, write it back with Text().
//
// A Date is a count of days since 1970-01-01, so copying, comparing and adding days are integer
// operations. Parse, ParseAnyYear and FromCivil make days of years 0001..9999 (Min()..Max()), each
// with a four-digit text. AddDays is plain addition and may step past that range, as a loop that
// walks beyond its last day does; compare with Max() before reading such a day's parts or text.
// Immutable value; thread-safe.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace northstar {

class Date {
 public:
  // Exactly "YYYY-MM-DD" naming an existing day of years 1900..2999: the days the API accepts.
  // Nullopt for anything else (other shapes, 30 February, years outside the range).
  static std::optional<Date> Parse(std::string_view text);
  // As Parse, for years 0001..9999: for days that need not come from a person, such as an RFC 5545
  // rule's UNTIL or a day the server derived.
  static std::optional<Date> ParseAnyYear(std::string_view text);
  // The day a text known to be valid names (years 0001..9999). Throws std::invalid_argument when
  // it is not one: days are checked where they enter, so that is a bug.
  static Date FromText(std::string_view text);
  // Day `day` of month `month` (1..12) of `year` (1..9999); nullopt when there is no such day.
  static std::optional<Date> FromCivil(int64_t year, int64_t month, int64_t day);
  // Today in UTC (or the day a PretendToday names while one is alive).
  static Date Today();
  // 0001-01-01 and 9999-12-31, the first and last day with a four-digit year.
  static Date Min();
  static Date Max();

  // "YYYY-MM-DD". Requires: Min() <= *this <= Max().
  std::string Text() const;
  int Year() const;
  int Month() const;  // 1..12
  int Day() const;    // 1..31
  std::chrono::weekday Weekday() const;
  int DaysInMonth() const;  // 28..31
  Date LastDayOfMonth() const;

  // `n` days later (earlier when negative).
  Date AddDays(int64_t n) const;
  // As AddDays, or nullopt when the day would fall outside Min()..Max() (any n, no overflow).
  std::optional<Date> TryAddDays(int64_t n) const;
  // `n` whole months later (earlier when negative), the day of the month kept where the month
  // has it and otherwise the month's last day: 31 January + 1 month is 28 (29) February, and
  // 29 February + 12 months is 28 February. Requires: the result within years 1..9999.
  Date AddMonths(int64_t n) const;
  // Days from this day to `later`: negative when `later` is earlier.
  int64_t DaysUntil(Date later) const;

  // NOLINTNEXTLINE(modernize-use-nullptr): false positive on the 0 in a defaulted <=> (LLVM 53961)
  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;

 private:
  explicit Date(std::chrono::sys_days day) : day_(day) {}
  std::chrono::year_month_day Civil() const { return std::chrono::year_month_day{day_}; }

  std::chrono::sys_days day_;
};

// Replays history: while one is alive, Date::Today() answers its day (instants are untouched). For
// the demo loader, which runs its steps before the server serves or its jobs start, so that nothing
// else asks for today meanwhile; never while requests are being served.
class PretendToday {
 public:
  explicit PretendToday(Date day);
  ~PretendToday();
  PretendToday(const PretendToday&) = delete;
  PretendToday& operator=(const PretendToday&) = delete;

 private:
  std::optional<Date> previous_;
};

}  // namespace northstar
