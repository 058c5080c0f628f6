#include "platform/common/date.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

namespace northstar {
namespace {

using namespace std::chrono;

constexpr int64_t kMinYear = 1, kMaxYear = 9999;
constexpr int64_t kMinApiYear = 1900, kMaxApiYear = 2999;

// The number a run of decimal digits writes; nullopt when empty or any is not a digit.
std::optional<int64_t> Number(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  int64_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The day "YYYY-MM-DD" names when its year is in [min_year, max_year]; nullopt otherwise.
std::optional<year_month_day> Fields(std::string_view text, int64_t min_year, int64_t max_year) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = Number(text.substr(0, 4)), m = Number(text.substr(5, 2)),
             d = Number(text.substr(8, 2));
  if (!y || !m || !d || *y < min_year || *y > max_year) return std::nullopt;
  const year_month_day ymd{year{static_cast<int>(*y)}, month{static_cast<unsigned>(*m)},
                           day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  const auto ymd = Fields(text, kMinApiYear, kMaxApiYear);
  if (!ymd) return std::nullopt;
  return Date(sys_days{*ymd});
}

std::optional<Date> Date::ParseAnyYear(std::string_view text) {
  const auto ymd = Fields(text, kMinYear, kMaxYear);
  if (!ymd) return std::nullopt;
  return Date(sys_days{*ymd});
}

Date Date::FromText(std::string_view text) {
  const auto day = ParseAnyYear(text);
  if (!day)
    throw std::invalid_argument("not a calendar day YYYY-MM-DD: \"" + std::string(text) + "\"");
  return *day;
}

std::optional<Date> Date::FromCivil(int64_t y, int64_t m, int64_t d) {
  // Checked before narrowing, so that no large value wraps into range.
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const year_month_day ymd{year{static_cast<int>(y)}, month{static_cast<unsigned>(m)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(sys_days{ymd});
}

namespace {
std::optional<Date> pretended;  // PretendToday's day
}  // namespace

Date Date::Today() { return pretended.value_or(Date(floor<days>(system_clock::now()))); }

PretendToday::PretendToday(Date day) : previous_(pretended) { pretended = day; }
PretendToday::~PretendToday() { pretended = previous_; }

Date Date::Min() { return Date(sys_days{year{kMinYear} / January / 1}); }
Date Date::Max() { return Date(sys_days{year{kMaxYear} / December / 31}); }

std::string Date::Text() const {
  const year_month_day ymd = Civil();
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) {  // outside the contract; no digits lost all the same
    std::array<char, 32> out{};
    std::snprintf(out.data(), out.size(), "%04d-%02u-%02u", y, m, d);
    return out.data();
  }
  // By hand: occurrence lists make thousands of these.
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}

int Date::Year() const { return static_cast<int>(Civil().year()); }
int Date::Month() const { return static_cast<int>(static_cast<unsigned>(Civil().month())); }
int Date::Day() const { return static_cast<int>(static_cast<unsigned>(Civil().day())); }
std::chrono::weekday Date::Weekday() const { return std::chrono::weekday{day_}; }

int Date::DaysInMonth() const {
  const year_month_day ymd = Civil();
  return static_cast<int>(static_cast<unsigned>((ymd.year() / ymd.month() / last).day()));
}

Date Date::LastDayOfMonth() const {
  const year_month_day ymd = Civil();
  return Date(sys_days{ymd.year() / ymd.month() / last});
}

Date Date::AddDays(int64_t n) const { return Date(day_ + days{n}); }

std::optional<Date> Date::TryAddDays(int64_t n) const {
  // Both bounds are a few million days from here, so neither subtraction overflows.
  if (n < Min().day_.time_since_epoch().count() - day_.time_since_epoch().count() ||
      n > Max().day_.time_since_epoch().count() - day_.time_since_epoch().count()) {
    return std::nullopt;
  }
  return AddDays(n);
}

Date Date::AddMonths(int64_t n) const {
  const year_month_day ymd = Civil();
  const year_month ym = ymd.year() / ymd.month() + months{n};
  const day month_end = (ym / last).day();
  return Date(sys_days{ym / std::min(ymd.day(), month_end)});
}

int64_t Date::DaysUntil(Date later) const { return (later.day_ - day_).count(); }

}  // namespace northstar
