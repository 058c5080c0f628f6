#include "platform/common/date.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "platform/common/time.hpp"

namespace northstar {
namespace {

Date D(std::string_view text) { return Date::FromText(text); }

TEST(Date, ParsesExactlyAnExistingDayOfTheYearsTheApiAccepts) {
  ASSERT_TRUE(Date::Parse("2026-11-21"));
  EXPECT_EQ(Date::Parse("2026-11-21")->Text(), "2026-11-21");
  EXPECT_TRUE(Date::Parse("2024-02-29"));   // leap year
  EXPECT_TRUE(Date::Parse("2000-02-29"));   // divisible by 400: leap
  EXPECT_FALSE(Date::Parse("1900-02-29"));  // divisible by 100 only: common
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2026-04-31"));
  EXPECT_FALSE(Date::Parse("2026-00-10"));
  EXPECT_FALSE(Date::Parse("2026-13-01"));
  EXPECT_FALSE(Date::Parse("2026-01-00"));
  EXPECT_FALSE(Date::Parse("2026-01-32"));
  EXPECT_TRUE(Date::Parse("1900-01-01"));
  EXPECT_TRUE(Date::Parse("2999-12-31"));
  EXPECT_FALSE(Date::Parse("1899-12-31"));
  EXPECT_FALSE(Date::Parse("3000-01-01"));
  for (const char* bad :
       {"", "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00:00:00Z", " 2026-01-01",
        "2026-01-01 ", "2026-0a-01", "+026-01-01", "2026--1-01", "20260101"}) {
    EXPECT_FALSE(Date::Parse(bad)) << bad;
  }
}

TEST(Date, AnyYearReadsEveryFourDigitYearButNone) {
  EXPECT_EQ(Date::ParseAnyYear("0001-01-01"), Date::Min());
  EXPECT_EQ(Date::ParseAnyYear("9999-12-31"), Date::Max());
  EXPECT_EQ(Date::ParseAnyYear("1066-10-14")->Text(), "1066-10-14");
  EXPECT_FALSE(Date::ParseAnyYear("0000-12-31"));
  EXPECT_FALSE(Date::ParseAnyYear("1066-02-29"));
  EXPECT_FALSE(Date::Parse("1066-10-14"));
}

TEST(Date, FromTextRefusesWhatIsNotADay) {
  EXPECT_EQ(D("2026-03-01").Text(), "2026-03-01");
  EXPECT_THROW(D("2026-02-30"), std::invalid_argument);
  EXPECT_THROW(D(""), std::invalid_argument);
}

TEST(Date, FromCivilChecksEachPart) {
  EXPECT_EQ(Date::FromCivil(2028, 2, 29), D("2028-02-29"));
  EXPECT_FALSE(Date::FromCivil(2027, 2, 29));
  EXPECT_FALSE(Date::FromCivil(2026, 13, 1));
  EXPECT_FALSE(Date::FromCivil(0, 1, 1));
  EXPECT_FALSE(Date::FromCivil(10000, 1, 1));
  EXPECT_FALSE(Date::FromCivil(2026, 1, 4294967297));  // would wrap to 1 in 32 bits
}

TEST(Date, PartsWeekdayAndMonthEnd) {
  const Date d = D("2028-02-10");
  EXPECT_EQ(d.Year(), 2028);
  EXPECT_EQ(d.Month(), 2);
  EXPECT_EQ(d.Day(), 10);
  EXPECT_EQ(d.DaysInMonth(), 29);
  EXPECT_EQ(d.LastDayOfMonth(), D("2028-02-29"));
  EXPECT_EQ(D("2027-02-01").LastDayOfMonth(), D("2027-02-28"));
  EXPECT_EQ(D("2100-02-01").DaysInMonth(), 28);
  EXPECT_EQ(D("2026-12-31").LastDayOfMonth(), D("2026-12-31"));
  EXPECT_EQ(D("2026-04-15").DaysInMonth(), 30);
  EXPECT_EQ(D("1970-01-01").Weekday(), std::chrono::Thursday);
  EXPECT_EQ(D("2026-11-21").Weekday(), std::chrono::Saturday);
  EXPECT_EQ(D("2024-02-29").Weekday(), std::chrono::Thursday);
  EXPECT_EQ(D("0001-01-01").Weekday(), std::chrono::Monday);
}

TEST(Date, AddsDaysAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(D("2026-12-25").AddDays(10).Text(), "2027-01-04");
  EXPECT_EQ(D("2027-01-04").AddDays(-10).Text(), "2026-12-25");
  EXPECT_EQ(D("2026-03-01").AddDays(-1).Text(), "2026-02-28");
  EXPECT_EQ(D("2028-03-01").AddDays(-1).Text(), "2028-02-29");
  EXPECT_EQ(D("2026-11-21").AddDays(0), D("2026-11-21"));
  EXPECT_EQ(D("2000-01-01").AddDays(366).Text(), "2001-01-01");
  EXPECT_EQ(D("1999-12-31").AddDays(1).Text(), "2000-01-01");
}

TEST(Date, TryAddDaysStaysWithinFourDigitYears) {
  EXPECT_EQ(D("9999-12-30").TryAddDays(1), Date::Max());
  EXPECT_FALSE(D("9999-12-31").TryAddDays(1));
  EXPECT_EQ(D("0001-01-02").TryAddDays(-1), Date::Min());
  EXPECT_FALSE(D("0001-01-01").TryAddDays(-1));
  EXPECT_FALSE(D("2026-01-01").TryAddDays(INT64_MAX));
  EXPECT_FALSE(D("2026-01-01").TryAddDays(INT64_MIN));
  EXPECT_EQ(D("2026-01-01").TryAddDays(-30)->Text(), "2025-12-02");
}

TEST(Date, CountsDaysBetween) {
  EXPECT_EQ(D("2026-11-21").DaysUntil(D("2026-12-01")), 10);
  EXPECT_EQ(D("2026-12-01").DaysUntil(D("2026-11-21")), -10);
  EXPECT_EQ(D("2028-02-28").DaysUntil(D("2028-03-01")), 2);
  EXPECT_EQ(D("2027-02-28").DaysUntil(D("2027-03-01")), 1);
  EXPECT_EQ(D("2026-01-01").DaysUntil(D("2027-01-01")), 365);
  EXPECT_EQ(D("2028-01-01").DaysUntil(D("2029-01-01")), 366);
  EXPECT_EQ(D("2026-05-05").DaysUntil(D("2026-05-05")), 0);
}

TEST(Date, AddsMonthsKeepingTheDayOrTheMonthsLastDay) {
  EXPECT_EQ(D("2026-01-31").AddMonths(1).Text(), "2026-02-28");
  EXPECT_EQ(D("2028-01-31").AddMonths(1).Text(), "2028-02-29");
  EXPECT_EQ(D("2026-01-31").AddMonths(2).Text(), "2026-03-31");  // counted from the 31st again
  EXPECT_EQ(D("2026-01-31").AddMonths(3).Text(), "2026-04-30");
  EXPECT_EQ(D("2026-03-31").AddMonths(-1).Text(), "2026-02-28");
  EXPECT_EQ(D("2026-11-15").AddMonths(2).Text(), "2027-01-15");
  EXPECT_EQ(D("2026-01-15").AddMonths(-1).Text(), "2025-12-15");
  EXPECT_EQ(D("2026-01-15").AddMonths(-13).Text(), "2024-12-15");
  EXPECT_EQ(D("2024-02-29").AddMonths(12).Text(), "2025-02-28");
  EXPECT_EQ(D("2024-02-29").AddMonths(48).Text(), "2028-02-29");
  EXPECT_EQ(D("2000-02-29").AddMonths(1200).Text(), "2100-02-28");
  EXPECT_EQ(D("2026-06-10").AddMonths(0), D("2026-06-10"));
}

TEST(Date, OrdersAsTheCalendarDoes) {
  EXPECT_LT(D("2026-12-31"), D("2027-01-01"));
  EXPECT_LT(D("2026-02-28"), D("2026-03-01"));
  EXPECT_GT(D("2026-11-22"), D("2026-11-21"));
  EXPECT_EQ(D("2026-11-21"), *Date::Parse("2026-11-21"));
  EXPECT_NE(D("2026-11-21"), D("2026-11-22"));
  EXPECT_LT(Date::Min(), Date::Max());
}

TEST(Date, TodayIsTheUtcDay) {
  const Date before = Date::Today();
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const Date after = Date::Today();
  const std::chrono::year_month_day ymd{now};
  const auto today =
      Date::FromCivil(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                      static_cast<unsigned>(ymd.day()));
  ASSERT_TRUE(today);
  EXPECT_LE(before, *today);
  EXPECT_GE(after, *today);
  EXPECT_LE(before.DaysUntil(after), 1);
}

TEST(Date, APretendTodayHoldsWhileItLivesAndNests) {
  const Date real = Date::Today();
  {
    PretendToday spring(Date::FromText("2026-05-22"));
    EXPECT_EQ(Date::Today().Text(), "2026-05-22");
    EXPECT_EQ(TodayText(), "2026-05-22");
    {
      PretendToday later(Date::FromText("2026-06-04"));
      EXPECT_EQ(Date::Today().Text(), "2026-06-04");
    }
    EXPECT_EQ(Date::Today().Text(), "2026-05-22");
  }
  EXPECT_GE(Date::Today(), real);
  EXPECT_LE(Date::Today(), real.AddDays(1));
}

TEST(Date, TextRoundTripsEveryDayOfAFourHundredYearCycle) {
  // 146,097 days: every month length and leap rule once.
  Date day = D("2000-01-01");
  for (int i = 0; i < 146'097; ++i, day = day.AddDays(1)) {
    const std::string text = day.Text();
    const auto back = Date::ParseAnyYear(text);
    ASSERT_TRUE(back) << text;
    ASSERT_EQ(*back, day) << text;
  }
  EXPECT_EQ(day.Text(), "2400-01-01");
}

}  // namespace
}  // namespace northstar
