// Fuzzes the recurrence rules of obligations (modules/agreements/model.hpp): ParseRule on the
// rule text, then Expand and DueDates over a window. The input is the rule text followed by 12
// bytes of little-endian parameters (fewer are read as zeros):
//   int32 start  DTSTART = 2026-01-01 + start % 2,930,000 days (years about -6000..10000, so
//                also dates the server refuses)
//   int32 from   from = DTSTART + from % 40,000 days
//   uint16 span  to = from + (span + 730) % 65,536 days
//   uint16 lim   limit = 1000 - lim % 1001
// Checks, beyond not crashing:
//  - a parsed rule prints (FormatRule) as text that parses to the same rule, and the printing is
//    stable; names and values are case-insensitive (the lower-cased text parses the same);
//  - occurrences are strictly ascending, real days in [from, to], on or after DTSTART, at most
//    `limit`, before UNTIL and within 100 years of DTSTART;
//  - each occurrence is one of the rule's days by an independent reference (interval, BYDAY with
//    and without ordinals, BYMONTHDAY from either end, the month and day of DTSTART);
//  - in small windows, no day of the rule is missed, and with COUNT exactly the first COUNT of
//    the rule's days from DTSTART occur;
//  - a window split in two gives the same days; a smaller limit gives a prefix; IsDueDate says
//    yes on every occurrence; invalid dates give nothing.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "modules/agreements/model.hpp"

namespace {

namespace agr = northstar::agreements;
using northstar::fuzz::Require;

constexpr size_t kParamBytes = 12;
const int64_t kFirstDay = northstar::fuzz::DayNumber(1, 1, 1);
const int64_t kLastDay = northstar::fuzz::DayNumber(9999, 12, 31);

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool SameRule(const agr::RecurrenceRule& a, const agr::RecurrenceRule& b) {
  if (a.freq != b.freq || a.interval != b.interval || a.by_month_day != b.by_month_day ||
      a.count != b.count || a.until != b.until || a.by_day.size() != b.by_day.size()) {
    return false;
  }
  for (size_t i = 0; i < a.by_day.size(); ++i) {
    if (a.by_day[i].weekday != b.by_day[i].weekday || a.by_day[i].ordinal != b.by_day[i].ordinal) {
      return false;
    }
  }
  return true;
}

struct Civil {
  int year;
  unsigned month, day;
};

Civil CivilOf(int64_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

// Monday = 0 … Sunday = 6, as ByDay counts.
int WeekdayOf(int64_t day) {
  return static_cast<int>(
      std::chrono::weekday(std::chrono::sys_days(std::chrono::days(day))).iso_encoding() - 1);
}

unsigned DaysInMonth(int year, unsigned month) {
  return static_cast<unsigned>(
      std::chrono::year_month_day_last(std::chrono::year(year),
                                       std::chrono::month_day_last(std::chrono::month(month)))
          .day());
}

// Whether `day` is one of the rule's days (ignoring COUNT, UNTIL and the 100-year horizon):
// RFC 5545 read directly, one day at a time.
bool RuleHasDay(const agr::RecurrenceRule& rule, int64_t start, int64_t day) {
  if (day < start) return false;
  const Civil s = CivilOf(start), d = CivilOf(day);
  const int64_t interval = rule.interval;
  bool plain_weekday = false;  // some BYDAY without an ordinal names day's weekday
  for (const auto& b : rule.by_day) plain_weekday |= b.ordinal == 0 && b.weekday == WeekdayOf(day);

  if (rule.freq == "DAILY") {
    if ((day - start) % interval != 0) return false;
    return rule.by_day.empty() || plain_weekday;
  }
  if (rule.freq == "WEEKLY") {
    const int64_t week = (day - WeekdayOf(day) - (start - WeekdayOf(start))) / 7;
    if (week % interval != 0) return false;
    return rule.by_day.empty() ? WeekdayOf(day) == WeekdayOf(start) : plain_weekday;
  }
  if (rule.freq == "YEARLY") {
    return (d.year - s.year) % interval == 0 && d.month == s.month && d.day == s.day;
  }
  // MONTHLY
  const int64_t months = (int64_t{d.year} - s.year) * 12 + (int64_t{d.month} - s.month);
  if (months % interval != 0) return false;
  const unsigned dim = DaysInMonth(d.year, d.month);
  bool month_day = false;
  for (int v : rule.by_month_day) {
    const int64_t resolved = v > 0 ? v : int64_t{dim} + v + 1;
    month_day |= resolved == d.day;
  }
  bool by_day = plain_weekday;
  for (const auto& b : rule.by_day) {
    if (b.ordinal == 0 || b.weekday != WeekdayOf(day)) continue;
    const int64_t nth_from_start = (d.day - 1) / 7 + 1;  // 1 = first such weekday
    const int64_t nth_from_end = -static_cast<int64_t>((dim - d.day) / 7) - 1;  // -1 = last
    by_day |= b.ordinal == nth_from_start || b.ordinal == nth_from_end;
  }
  if (!rule.by_month_day.empty() && !rule.by_day.empty()) return month_day && by_day;
  if (!rule.by_month_day.empty()) return month_day;
  if (!rule.by_day.empty()) return by_day;
  return d.day == s.day;
}

// The last day the expansion may reach: UNTIL, and 100 years after DTSTART (clamped to the month).
int64_t Horizon(const agr::RecurrenceRule& rule, int64_t start) {
  const Civil s = CivilOf(start);
  int64_t last = kLastDay;
  if (s.year + 100 <= 9999) {
    last = northstar::fuzz::DayNumber(s.year + 100, s.month,
                                      std::min(s.day, DaysInMonth(s.year + 100, s.month)));
  }
  if (rule.until) last = std::min(last, *northstar::fuzz::ParseDayText(*rule.until));
  return last;
}

std::vector<int64_t> Days(const std::vector<std::string>& texts) {
  std::vector<int64_t> out;
  for (const auto& t : texts) {
    const auto d = northstar::fuzz::ParseDayText(t);
    Require(d.has_value(), "an occurrence is a real day YYYY-MM-DD", t);
    Require(northstar::fuzz::DayText(*d) == t, "an occurrence is in canonical form", t);
    out.push_back(*d);
  }
  return out;
}

void CheckExpansion(const agr::RecurrenceRule& rule, int64_t start, int64_t from, int64_t to,
                    size_t limit, const std::string& rule_text) {
  using northstar::fuzz::DayText;
  const std::string s = DayText(start), f = DayText(from), t = DayText(to);
  const auto texts = agr::Expand(rule, s, f, t, limit);
  const bool valid = start >= kFirstDay && start <= kLastDay && from >= kFirstDay &&
                     from <= kLastDay && to >= kFirstDay && to <= kLastDay;
  if (!valid || from > to || limit == 0) {
    Require(texts.empty(), "no occurrences for invalid dates, an empty window or limit 0",
            rule_text);
    return;
  }
  const std::vector<int64_t> days = Days(texts);
  const int64_t horizon = Horizon(rule, start);
  Require(days.size() <= limit, "at most limit occurrences", rule_text);
  for (size_t i = 0; i < days.size(); ++i) {
    Require(i == 0 || days[i - 1] < days[i], "occurrences strictly ascending", rule_text);
    Require(days[i] >= from && days[i] <= to, "occurrences inside the window", rule_text);
    Require(days[i] >= start, "occurrences on or after DTSTART", rule_text);
    Require(days[i] <= horizon, "occurrences before UNTIL and the 100-year horizon", rule_text);
    Require(RuleHasDay(rule, start, days[i]), "each occurrence is a day of the rule",
            rule_text + " " + s + " " + texts[i]);
  }
  if (rule.count) {
    Require(static_cast<int64_t>(days.size()) <= *rule.count, "COUNT respected", rule_text);
  }

  // Completeness against the reference, where walking every day is cheap.
  const int64_t walk_from = rule.count ? start : from;
  const int64_t walk_to = std::min(to, horizon);
  if (walk_to - walk_from <= 3000) {
    std::vector<int64_t> expected;
    int64_t counted = 0;
    for (int64_t d = std::max(walk_from, start); d <= walk_to; ++d) {
      if (!RuleHasDay(rule, start, d)) continue;
      if (rule.count && counted++ >= *rule.count) break;
      if (d >= from) expected.push_back(d);
      if (expected.size() == limit) break;
    }
    Require(days == expected, "occurrences are exactly the rule's days (reference walk)",
            rule_text + " start " + s + " window " + f + ".." + t);
  }

  // The same days from a split window, unless the limit cut the whole one short.
  if (days.size() < limit && to > from) {
    const int64_t mid = from + (to - from) / 2;
    auto left = Days(agr::Expand(rule, s, f, DayText(mid), limit));
    const auto right = Days(agr::Expand(rule, s, DayText(mid + 1), t, limit));
    left.insert(left.end(), right.begin(), right.end());
    Require(left == days, "a split window gives the same occurrences", rule_text);
  }
  // A smaller limit gives a prefix.
  if (days.size() > 1) {
    const size_t smaller = days.size() / 2;
    const auto prefix = Days(agr::Expand(rule, s, f, t, smaller));
    Require(prefix.size() == smaller && std::equal(prefix.begin(), prefix.end(), days.begin()),
            "a smaller limit gives a prefix", rule_text);
  }

  agr::Schedule schedule;
  schedule.kind = "recurring";
  schedule.starts_on = s;
  schedule.rule = rule;
  Require(agr::DueDates(schedule, f, t, limit) == texts,
          "DueDates of a recurring schedule is Expand", rule_text);
  for (size_t i = 0; i < texts.size() && i < 8; ++i) {
    Require(agr::IsDueDate(schedule, texts[i]), "IsDueDate on each occurrence", texts[i]);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const size_t text_size = size >= kParamBytes ? size - kParamBytes : size;
  const std::string text(reinterpret_cast<const char*>(data), text_size);
  uint8_t params[kParamBytes] = {};
  std::memcpy(params, data + text_size, size - text_size);
  int32_t start_raw, from_raw;
  uint16_t span_raw, limit_raw;
  std::memcpy(&start_raw, params, 4);
  std::memcpy(&from_raw, params + 4, 4);
  std::memcpy(&span_raw, params + 8, 2);
  std::memcpy(&limit_raw, params + 10, 2);

  const agr::ParsedRule parsed = agr::ParseRule(text);
  Require(parsed.rule.has_value() != !parsed.error.empty(), "a rule or an error, never both", text);
  const agr::ParsedRule lower = agr::ParseRule(Lower(text));
  Require(lower.rule.has_value() == parsed.rule.has_value(), "parsing is case-insensitive", text);
  if (!parsed.rule) return 0;
  const agr::RecurrenceRule& rule = *parsed.rule;
  Require(SameRule(*lower.rule, rule), "lower case parses to the same rule", text);

  const std::string canonical = agr::FormatRule(rule);
  const agr::ParsedRule again = agr::ParseRule(canonical);
  Require(again.rule.has_value(), "the canonical text parses", canonical);
  Require(SameRule(*again.rule, rule), "the canonical text is the same rule", canonical);
  Require(agr::FormatRule(*again.rule) == canonical, "the canonical text is stable", canonical);

  const int64_t start = northstar::fuzz::DayNumber(2026, 1, 1) + start_raw % 2'930'000;
  const int64_t from = start + from_raw % 40'000;
  const int64_t to = from + static_cast<uint16_t>(span_raw + 730);
  const size_t limit = 1000 - limit_raw % 1001;
  CheckExpansion(rule, start, from, to, limit, canonical);
  return 0;
}
