#include "modules/agreements/model.hpp"

#include <gtest/gtest.h>

namespace northstar::agreements {
namespace {

using Dates = std::vector<std::string>;

RecurrenceRule Rule(std::string_view text) {
  const ParsedRule parsed = ParseRule(text);
  EXPECT_TRUE(parsed.rule.has_value()) << text << ": " << parsed.error;
  return parsed.rule.value_or(RecurrenceRule{});
}

Dates ExpandText(std::string_view rule, std::string_view start, std::string_view from,
                 std::string_view to, size_t limit = 1000) {
  return Expand(Rule(rule), start, from, to, limit);
}

// ---- IsInForce -------------------------------------------------------------------------------

TEST(AgreementInForce, OnlySignedAndActiveAgreementsBind) {
  EXPECT_TRUE(IsInForce("signed"));
  EXPECT_TRUE(IsInForce("active"));
  for (const auto status : {"draft", "in_negotiation", "expired", "terminated", ""}) {
    EXPECT_FALSE(IsInForce(status)) << status;
  }
}

// ---- ParseRule / FormatRule ------------------------------------------------------------------

TEST(RecurrenceParse, ReadsEveryPartInAnyOrderAndCase) {
  const ParsedRule parsed = ParseRule(" rrule:count=8;bymonthday=-1,15;Interval=3;FREQ=monthly ");
  ASSERT_TRUE(parsed.rule) << parsed.error;
  const RecurrenceRule& r = *parsed.rule;
  EXPECT_EQ(r.freq, "MONTHLY");
  EXPECT_EQ(r.interval, 3);
  EXPECT_EQ(r.by_month_day, (std::vector<int>{-1, 15}));
  EXPECT_EQ(r.count, 8);
  EXPECT_EQ(r.until, std::nullopt);
  EXPECT_TRUE(parsed.error.empty());

  const RecurrenceRule weekly = Rule("FREQ=WEEKLY;BYDAY=mo,TH;UNTIL=20261231");
  ASSERT_EQ(weekly.by_day.size(), 2u);
  EXPECT_EQ(weekly.by_day[0].weekday, 0);
  EXPECT_EQ(weekly.by_day[0].ordinal, 0);
  EXPECT_EQ(weekly.by_day[1].weekday, 3);
  EXPECT_EQ(weekly.until, "2026-12-31");
  EXPECT_EQ(weekly.interval, 1);
  EXPECT_EQ(weekly.count, std::nullopt);

  const RecurrenceRule monthly = Rule("FREQ=MONTHLY;BYDAY=1MO,-1FR,+2SU");
  ASSERT_EQ(monthly.by_day.size(), 3u);
  EXPECT_EQ(monthly.by_day[0].weekday, 0);
  EXPECT_EQ(monthly.by_day[0].ordinal, 1);
  EXPECT_EQ(monthly.by_day[1].weekday, 4);
  EXPECT_EQ(monthly.by_day[1].ordinal, -1);
  EXPECT_EQ(monthly.by_day[2].weekday, 6);
  EXPECT_EQ(monthly.by_day[2].ordinal, 2);
}

TEST(RecurrenceParse, UntilTakesTheDateOfADateTime) {
  EXPECT_EQ(Rule("FREQ=DAILY;UNTIL=20260301T235959Z").until, "2026-03-01");
  EXPECT_EQ(Rule("FREQ=DAILY;UNTIL=20260301T000000").until, "2026-03-01");
  EXPECT_EQ(Rule("FREQ=YEARLY;UNTIL=20280229").until, "2028-02-29");
  // Any four-digit year, not only those a date field accepts; the rule then simply ends early.
  EXPECT_EQ(Rule("FREQ=DAILY;UNTIL=18000101").until, "1800-01-01");
  EXPECT_EQ(Rule("FREQ=DAILY;UNTIL=99991231").until, "9999-12-31");
  EXPECT_EQ(Expand(Rule("FREQ=DAILY;UNTIL=18000101"), "2026-01-01", "2026-01-01", "2026-12-31"),
            Dates{});
}

TEST(RecurrenceParse, EveryMistakeIsRefusedNamingThePart) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "empty"},
      {"RRULE:", "empty"},
      {"   ", "empty"},
      {"INTERVAL=2", "FREQ is required"},
      {"FREQ=HOURLY", "FREQ=HOURLY"},
      {"FREQ=", "FREQ="},
      {"FREQ=DAILY;BYSETPOS=1", "BYSETPOS"},
      {"FREQ=DAILY;WKST=MO", "WKST"},
      {"FREQ=DAILY;COUNT", "\"COUNT\" is not a NAME=VALUE part"},
      {"FREQ=DAILY;;COUNT=2", "empty part"},
      {"FREQ=DAILY;FREQ=WEEKLY", "FREQ is given more than once"},
      {"FREQ=DAILY;COUNT=2;count=3", "COUNT is given more than once"},
      {"FREQ=DAILY;INTERVAL=0", "INTERVAL=0 is not 1..1000"},
      {"FREQ=DAILY;INTERVAL=1001", "INTERVAL=1001"},
      {"FREQ=DAILY;INTERVAL=-1", "INTERVAL=-1"},
      {"FREQ=DAILY;INTERVAL=two", "INTERVAL=two"},
      {"FREQ=DAILY;INTERVAL=99999999999999999999", "INTERVAL=99999999999999999999"},
      {"FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 is not 1..31 or -31..-1"},
      {"FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32"},
      {"FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY=-32"},
      {"FREQ=MONTHLY;BYMONTHDAY=1,,15", "BYMONTHDAY="},
      {"FREQ=MONTHLY;BYMONTHDAY=first", "BYMONTHDAY=first"},
      {"FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY is only allowed with FREQ=MONTHLY"},
      {"FREQ=DAILY;BYMONTHDAY=1", "BYMONTHDAY is only allowed with FREQ=MONTHLY"},
      {"FREQ=YEARLY;BYMONTHDAY=1", "BYMONTHDAY is only allowed with FREQ=MONTHLY"},
      {"FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX is not a weekday"},
      {"FREQ=WEEKLY;BYDAY=MO,MONDAY", "BYDAY=MONDAY"},
      {"FREQ=WEEKLY;BYDAY=", "BYDAY="},
      {"FREQ=MONTHLY;BYDAY=0MO", "BYDAY=0MO"},
      {"FREQ=MONTHLY;BYDAY=6MO", "BYDAY=6MO: the ordinal is not 1..5 or -5..-1"},
      {"FREQ=MONTHLY;BYDAY=-53FR", "BYDAY=-53FR: the ordinal is not 1..5 or -5..-1"},
      {"FREQ=WEEKLY;BYDAY=1MO", "BYDAY=1MO: an ordinal"},
      {"FREQ=DAILY;BYDAY=-1FR", "BYDAY=-1FR: an ordinal"},
      {"FREQ=YEARLY;BYDAY=MO", "BYDAY is not supported with FREQ=YEARLY"},
      {"FREQ=DAILY;COUNT=0", "COUNT=0 is not 1..1000"},
      {"FREQ=DAILY;COUNT=1001", "COUNT=1001"},
      {"FREQ=DAILY;COUNT=3;UNTIL=20261231", "COUNT and UNTIL cannot both be given"},
      {"FREQ=DAILY;UNTIL=2026-12-31", "UNTIL=2026-12-31"},
      {"FREQ=DAILY;UNTIL=20260230", "UNTIL=20260230"},
      {"FREQ=DAILY;UNTIL=20261231T250000Z", "UNTIL=20261231T250000Z"},
  };
  for (const auto& [text, fragment] : cases) {
    const ParsedRule parsed = ParseRule(text);
    EXPECT_FALSE(parsed.rule.has_value()) << text;
    EXPECT_NE(parsed.error.find(fragment), std::string::npos)
        << text << " gave \"" << parsed.error << "\", expected it to mention \"" << fragment
        << "\"";
  }
}

TEST(RecurrenceFormat, IsCanonicalAndRoundTrips) {
  EXPECT_EQ(FormatRule(Rule("count=8;bymonthday=-1;interval=3;freq=monthly")),
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=8");
  EXPECT_EQ(FormatRule(Rule("RRULE:UNTIL=20261231T120000Z;BYDAY=1mo,-1FR;FREQ=MONTHLY")),
            "FREQ=MONTHLY;BYDAY=1MO,-1FR;UNTIL=20261231");
  EXPECT_EQ(FormatRule(Rule("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH")), "FREQ=WEEKLY;BYDAY=MO,TH");
  EXPECT_EQ(FormatRule(Rule("FREQ=YEARLY")), "FREQ=YEARLY");

  for (const std::string text :
       {"FREQ=DAILY;INTERVAL=10;BYDAY=MO,TU,WE,TH,FR;COUNT=100",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270101",
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR",
        "FREQ=MONTHLY;BYDAY=-1FR,2TU,SU", "FREQ=YEARLY;INTERVAL=4;COUNT=5"}) {
    const RecurrenceRule rule = Rule(text);
    EXPECT_EQ(FormatRule(rule), text);
    const RecurrenceRule again = Rule(FormatRule(rule));
    EXPECT_EQ(FormatRule(again), text);
    EXPECT_EQ(Expand(again, "2026-01-01", "2026-01-01", "2030-12-31"),
              Expand(rule, "2026-01-01", "2026-01-01", "2030-12-31"));
  }
}

// ---- Expand ----------------------------------------------------------------------------------

TEST(Recurrence, LastDayOfTheMonthFollowsFebruaryInLeapAndCommonYears) {
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-01", "2024-01-01", "2024-04-30"),
            (Dates{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"}));
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=-1", "2025-01-01", "2025-01-01", "2025-04-30"),
            (Dates{"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"}));
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=-1", "2100-02-01", "2100-02-01", "2100-02-28"),
            (Dates{"2100-02-28"}))
      << "2100 is not a leap year";
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=-2", "2024-02-01", "2024-02-01", "2024-03-31"),
            (Dates{"2024-02-28", "2024-03-30"}));
}

TEST(Recurrence, DayThirtyOneSkipsShortMonths) {
  const Dates thirty_firsts = {"2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31",
                               "2026-08-31", "2026-10-31", "2026-12-31"};
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-01", "2026-01-01", "2026-12-31"),
            thirty_firsts);
  // Without BYMONTHDAY the day of DTSTART is used, and months without it are skipped, not clamped.
  EXPECT_EQ(ExpandText("FREQ=MONTHLY", "2026-01-31", "2026-01-01", "2026-12-31"), thirty_firsts);
  EXPECT_EQ(ExpandText("FREQ=MONTHLY", "2026-01-30", "2026-01-01", "2026-03-31"),
            (Dates{"2026-01-30", "2026-03-30"}));
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=-31", "2026-01-01", "2026-01-01", "2026-04-30"),
            (Dates{"2026-01-01", "2026-03-01"}));
}

TEST(Recurrence, YearlyFromLeapDayFallsOnlyInLeapYears) {
  EXPECT_EQ(ExpandText("FREQ=YEARLY", "2024-02-29", "2024-01-01", "2032-12-31"),
            (Dates{"2024-02-29", "2028-02-29", "2032-02-29"}));
  EXPECT_EQ(ExpandText("FREQ=YEARLY", "2024-02-29", "2025-01-01", "2027-12-31"), Dates{});
  EXPECT_EQ(ExpandText("FREQ=YEARLY;COUNT=2", "2024-02-29", "2024-01-01", "2040-12-31"),
            (Dates{"2024-02-29", "2028-02-29"}));
  EXPECT_EQ(ExpandText("FREQ=YEARLY;INTERVAL=2", "2026-06-30", "2026-01-01", "2031-12-31"),
            (Dates{"2026-06-30", "2028-06-30", "2030-06-30"}));
}

TEST(Recurrence, QuarterlyOnTheLastDayOfTheQuarterMonth) {
  EXPECT_EQ(
      ExpandText("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", "2026-01-15", "2026-01-01", "2027-02-28"),
      (Dates{"2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31"}));
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=8", "2026-03-01", "2026-01-01",
                       "2099-12-31"),
            (Dates{"2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31",
                   "2027-06-30", "2027-09-30", "2027-12-31"}));
}

TEST(Recurrence, FortnightlyOnMondaysAndThursdaysWithWeeksStartingMonday) {
  // 2026-01-07 is a Wednesday: the Monday of its week is before DTSTART and does not occur.
  EXPECT_EQ(
      ExpandText("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2026-01-07", "2026-01-01", "2026-02-28"),
      (Dates{"2026-01-08", "2026-01-19", "2026-01-22", "2026-02-02", "2026-02-05", "2026-02-16",
             "2026-02-19"}));
  // Starting on a Sunday, the Monday after begins the next (skipped) week.
  EXPECT_EQ(
      ExpandText("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU", "2026-01-04", "2026-01-01", "2026-01-31"),
      (Dates{"2026-01-04", "2026-01-12", "2026-01-18", "2026-01-26"}));
}

TEST(Recurrence, WeeklyWithoutByDayUsesTheWeekdayOfTheStart) {
  EXPECT_EQ(ExpandText("FREQ=WEEKLY", "2026-01-07", "2026-01-01", "2026-01-31"),
            (Dates{"2026-01-07", "2026-01-14", "2026-01-21", "2026-01-28"}));
}

TEST(Recurrence, MonthlyByWeekdayWithAndWithoutOrdinals) {
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-01", "2026-01-01", "2026-04-30"),
            (Dates{"2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24"}));
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYDAY=1MO", "2026-01-01", "2026-01-01", "2026-04-30"),
            (Dates{"2026-01-05", "2026-02-02", "2026-03-02", "2026-04-06"}));
  EXPECT_EQ(
      ExpandText("FREQ=MONTHLY;BYDAY=2TU,-2TH", "2026-01-01", "2026-01-01", "2026-03-31"),
      (Dates{"2026-01-13", "2026-01-22", "2026-02-10", "2026-02-19", "2026-03-10", "2026-03-19"}));
  // Plain and ordinal weekdays together: each item adds its days (RFC 5545 BYDAY is a list).
  EXPECT_EQ(
      ExpandText("FREQ=MONTHLY;BYDAY=1MO,FR", "2026-01-01", "2026-01-01", "2026-01-31"),
      (Dates{"2026-01-02", "2026-01-05", "2026-01-09", "2026-01-16", "2026-01-23", "2026-01-30"}));
  // A fifth Friday exists only in some months.
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYDAY=5FR", "2026-01-01", "2026-01-01", "2026-12-31"),
            (Dates{"2026-01-30", "2026-05-29", "2026-07-31", "2026-10-30"}));
  // Without an ordinal: every such weekday of the month.
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYDAY=MO", "2026-01-01", "2026-01-01", "2026-02-28"),
            (Dates{"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02",
                   "2026-02-09", "2026-02-16", "2026-02-23"}));
}

TEST(Recurrence, MonthDayAndWeekdayTogetherMustBothMatch) {
  EXPECT_EQ(
      ExpandText("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", "2026-01-01", "2026-01-01", "2027-12-31"),
      (Dates{"2026-02-13", "2026-03-13", "2026-11-13", "2027-08-13"}));
  // The first weekday of the month that is also among days 1..3.
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=1,2,3;BYDAY=1MO", "2026-01-01", "2026-01-01",
                       "2026-06-30"),
            (Dates{"2026-02-02", "2026-03-02", "2026-06-01"}));
}

TEST(Recurrence, DailyRulesStepByIntervalAndAreLimitedByWeekday) {
  EXPECT_EQ(ExpandText("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "2026-01-01", "2026-01-01", "2026-01-09"),
            (Dates{"2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07",
                   "2026-01-08", "2026-01-09"}));
  EXPECT_EQ(ExpandText("FREQ=DAILY;INTERVAL=10", "2026-01-01", "2026-01-15", "2026-02-28"),
            (Dates{"2026-01-21", "2026-01-31", "2026-02-10", "2026-02-20"}));
  EXPECT_EQ(ExpandText("FREQ=DAILY;INTERVAL=2;BYDAY=SA", "2026-01-01", "2026-01-01", "2026-02-28"),
            (Dates{"2026-01-03", "2026-01-17", "2026-01-31", "2026-02-14", "2026-02-28"}));
}

TEST(Recurrence, CountCountsFromTheStartEvenWhenTheWindowStartsLater) {
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;COUNT=3", "2026-01-10", "2026-02-01", "2026-12-31"),
            (Dates{"2026-02-10", "2026-03-10"}));
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;COUNT=3", "2026-01-10", "2026-04-01", "2026-12-31"), Dates{});
  EXPECT_EQ(ExpandText("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5", "2026-01-05", "2026-01-14", "2026-12-31"),
            (Dates{"2026-01-15", "2026-01-19"}));
}

TEST(Recurrence, UntilIsInclusive) {
  EXPECT_EQ(ExpandText("FREQ=WEEKLY;UNTIL=20260115", "2026-01-01", "2026-01-01", "2026-12-31"),
            (Dates{"2026-01-01", "2026-01-08", "2026-01-15"}));
  EXPECT_EQ(ExpandText("FREQ=WEEKLY;UNTIL=20260114", "2026-01-01", "2026-01-01", "2026-12-31"),
            (Dates{"2026-01-01", "2026-01-08"}));
  EXPECT_EQ(ExpandText("FREQ=DAILY;UNTIL=20251231", "2026-01-01", "2025-01-01", "2026-12-31"),
            Dates{})
      << "UNTIL before DTSTART";
}

TEST(Recurrence, AStartThatDoesNotMatchTheRuleIsNotAnOccurrenceNorCounted) {
  EXPECT_EQ(
      ExpandText("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2", "2026-01-20", "2026-01-01", "2026-12-31"),
      (Dates{"2026-02-15", "2026-03-15"}));
  // 2026-01-07 is a Wednesday.
  EXPECT_EQ(ExpandText("FREQ=WEEKLY;BYDAY=MO;COUNT=3", "2026-01-07", "2026-01-01", "2026-12-31"),
            (Dates{"2026-01-12", "2026-01-19", "2026-01-26"}));
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYDAY=1MO;COUNT=1", "2026-01-06", "2026-01-01", "2026-12-31"),
            (Dates{"2026-02-02"}));
}

TEST(Recurrence, NothingOccursBeforeTheStart) {
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=1,-1", "2026-01-20", "2025-06-01", "2026-02-28"),
            (Dates{"2026-01-31", "2026-02-01", "2026-02-28"}));
}

TEST(Recurrence, TheWindowIsInclusiveAndSkippingAheadChangesNothing) {
  EXPECT_EQ(ExpandText("FREQ=DAILY", "2026-01-01", "2026-03-01", "2026-03-01"),
            (Dates{"2026-03-01"}));
  // Expanding a late window directly gives what expanding from the start and filtering gives.
  for (const std::string text :
       {"FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;INTERVAL=4;BYDAY=MO,FR",
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SU", "FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=-1,10",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1MO", "FREQ=YEARLY;INTERVAL=3"}) {
    const Dates all = ExpandText(text, "2025-11-29", "2025-11-29", "2031-12-31");
    Dates expected;
    for (const auto& d : all) {
      if (d >= "2029-02-17") expected.push_back(d);
    }
    EXPECT_FALSE(expected.empty()) << text;
    EXPECT_EQ(ExpandText(text, "2025-11-29", "2029-02-17", "2031-12-31"), expected) << text;
  }
}

TEST(Recurrence, IsDeterministicAndBounded) {
  const RecurrenceRule daily = Rule("FREQ=DAILY");
  const Dates first = Expand(daily, "2026-01-01", "2026-01-01", "2035-12-31", 5);
  EXPECT_EQ(first, (Dates{"2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"}));
  EXPECT_EQ(Expand(daily, "2026-01-01", "2026-01-01", "2035-12-31", 5), first);
  EXPECT_EQ(Expand(daily, "2026-01-01", "2026-01-01", "2035-12-31", 0), Dates{});
  EXPECT_EQ(Expand(daily, "2026-01-01", "2026-01-01", "2035-12-31").size(), 1000u)
      << "the default limit";

  // An open-ended rule stops 100 years after its start, whatever the window.
  const Dates century = Expand(daily, "2000-01-01", "2000-01-01", "2999-12-31", 100000);
  ASSERT_FALSE(century.empty());
  EXPECT_EQ(century.back(), "2100-01-01");
  EXPECT_EQ(century.size(), 36526u);
  EXPECT_EQ(Expand(Rule("FREQ=YEARLY"), "2000-01-01", "2150-01-01", "2999-12-31"), Dates{});
  // A rule that can never match ends too.
  EXPECT_EQ(ExpandText("FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=1MO;COUNT=5", "2026-01-01", "2026-01-01",
                       "2999-12-31"),
            Dates{});
}

TEST(Recurrence, BadInputGivesNoDates) {
  const RecurrenceRule monthly = Rule("FREQ=MONTHLY");
  EXPECT_EQ(Expand(monthly, "2026-02-30", "2026-01-01", "2026-12-31"), Dates{});
  EXPECT_EQ(Expand(monthly, "2026-01-01", "2026-12-31", "2026-01-01"), Dates{});
  EXPECT_EQ(Expand(monthly, "2026-01-01", "soon", "2026-12-31"), Dates{});
  RecurrenceRule bad = monthly;
  bad.interval = 0;
  EXPECT_EQ(Expand(bad, "2026-01-01", "2026-01-01", "2026-12-31"), Dates{});
  bad = monthly;
  bad.freq = "HOURLY";
  EXPECT_EQ(Expand(bad, "2026-01-01", "2026-01-01", "2026-12-31"), Dates{});
  bad = Rule("FREQ=WEEKLY");
  bad.by_day.push_back({0, 1});  // an ordinal with WEEKLY
  EXPECT_EQ(Expand(bad, "2026-01-01", "2026-01-01", "2026-12-31"), Dates{});
}

// ---- schedules -------------------------------------------------------------------------------

TEST(Schedules, OnceIsDueOnItsDay) {
  Schedule once;
  once.kind = "once";
  once.due_on = "2026-05-15";
  EXPECT_EQ(DueDates(once, "2026-01-01", "2026-12-31"), Dates{"2026-05-15"});
  EXPECT_EQ(DueDates(once, "2026-05-16", "2026-12-31"), Dates{});
  EXPECT_EQ(DueDates(once, "2026-01-01", "2026-12-31", 0), Dates{});
  EXPECT_TRUE(IsDueDate(once, "2026-05-15"));
  EXPECT_FALSE(IsDueDate(once, "2026-05-14"));
  once.due_on.reset();
  EXPECT_EQ(DueDates(once, "2026-01-01", "2026-12-31"), Dates{});
}

TEST(Schedules, RecurringFollowsItsRule) {
  Schedule recurring;
  recurring.kind = "recurring";
  recurring.starts_on = "2026-01-15";
  recurring.rule = Rule("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=4");
  EXPECT_EQ(DueDates(recurring, "2026-01-01", "2030-12-31"),
            (Dates{"2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31"}));
  EXPECT_EQ(DueDates(recurring, "2026-01-01", "2030-12-31", 2),
            (Dates{"2026-01-31", "2026-04-30"}));
  EXPECT_TRUE(IsDueDate(recurring, "2026-07-31"));
  EXPECT_FALSE(IsDueDate(recurring, "2026-07-30"));
  EXPECT_FALSE(IsDueDate(recurring, "2027-01-31")) << "past COUNT";
  recurring.rule.reset();
  EXPECT_EQ(DueDates(recurring, "2026-01-01", "2030-12-31"), Dates{});
}

TEST(Schedules, MilestoneIsDueOffsetDaysAfterItIsAchieved) {
  Schedule milestone;
  milestone.kind = "milestone";
  milestone.offset_days = 30;
  EXPECT_EQ(DueDates(milestone, "2000-01-01", "2999-12-31"), Dates{}) << "not achieved yet";
  EXPECT_FALSE(IsDueDate(milestone, "2026-04-09"));
  milestone.milestone_achieved_on = "2026-03-10";
  EXPECT_EQ(DueDates(milestone, "2026-01-01", "2026-12-31"), Dates{"2026-04-09"});
  EXPECT_TRUE(IsDueDate(milestone, "2026-04-09"));
  EXPECT_FALSE(IsDueDate(milestone, "2026-03-10"));
  milestone.offset_days = 0;
  EXPECT_TRUE(IsDueDate(milestone, "2026-03-10"));
}

TEST(Schedules, AnUnknownKindHasNoDueDates) {
  Schedule odd;
  odd.kind = "sometimes";
  odd.due_on = "2026-05-15";
  EXPECT_EQ(DueDates(odd, "2026-01-01", "2026-12-31"), Dates{});
}

// ---- derived status and compliance -----------------------------------------------------------

TEST(OccurrenceStatus, RecordedWinsOtherwiseTheDateDecides) {
  const std::string today = "2026-03-10";
  EXPECT_EQ(DeriveStatus("fulfilled", "2026-01-01", today), "fulfilled");
  EXPECT_EQ(DeriveStatus("waived", "2026-01-01", today), "waived");
  EXPECT_EQ(DeriveStatus("in_dispute", "2026-12-01", today), "in_dispute");
  EXPECT_EQ(DeriveStatus("open", "2026-03-09", today), "overdue");
  EXPECT_EQ(DeriveStatus(std::nullopt, "2026-03-09", today), "overdue");
  EXPECT_EQ(DeriveStatus(std::nullopt, "2026-03-10", today), "due");
  EXPECT_EQ(DeriveStatus(std::nullopt, "2026-03-17", today), "due");
  EXPECT_EQ(DeriveStatus(std::nullopt, "2026-03-18", today), "upcoming");
  EXPECT_EQ(DeriveStatus(std::nullopt, "2026-04-04", "2026-03-28"), "due") << "across a month";
}

OccurrenceFact Fact(std::string due_on, std::string status,
                    std::optional<std::string> fulfilled_on = std::nullopt) {
  return {std::move(due_on), std::move(status), std::move(fulfilled_on)};
}

TEST(Compliance, OutcomeOfEachOccurrence) {
  EXPECT_EQ(Outcome(Fact("2026-03-10", "fulfilled", "2026-03-10")), "on_time");
  EXPECT_EQ(Outcome(Fact("2026-03-10", "fulfilled", "2026-02-01")), "on_time");
  EXPECT_EQ(Outcome(Fact("2026-03-10", "fulfilled", "2026-03-11")), "late");
  EXPECT_EQ(Outcome(Fact("2026-03-10", "overdue")), "overdue");
  EXPECT_EQ(Outcome(Fact("2026-03-10", "waived")), "waived");
  EXPECT_EQ(Outcome(Fact("2026-03-10", "in_dispute")), "in_dispute");
  EXPECT_EQ(Outcome(Fact("2026-03-10", "due")), "pending");
  EXPECT_EQ(Outcome(Fact("2026-03-10", "upcoming")), "pending");
}

TEST(Compliance, TallyCountsSettledOccurrencesAndRatesOnlyTheRated) {
  Tally tally;
  EXPECT_EQ(tally.Rate(), std::nullopt);
  tally.Add(Fact("2026-01-10", "fulfilled", "2026-01-09"));
  tally.Add(Fact("2026-02-10", "fulfilled", "2026-02-10"));
  tally.Add(Fact("2026-03-10", "fulfilled", "2026-03-12"));
  tally.Add(Fact("2026-04-10", "overdue"));
  tally.Add(Fact("2026-05-10", "waived"));
  tally.Add(Fact("2026-06-10", "in_dispute"));
  tally.Add(Fact("2026-07-10", "due"));
  tally.Add(Fact("2026-08-10", "upcoming"));
  EXPECT_EQ(tally.due, 6);
  EXPECT_EQ(tally.on_time, 2);
  EXPECT_EQ(tally.late, 1);
  EXPECT_EQ(tally.overdue, 1);
  EXPECT_EQ(tally.waived, 1);
  EXPECT_EQ(tally.in_dispute, 1);
  ASSERT_TRUE(tally.Rate());
  EXPECT_DOUBLE_EQ(*tally.Rate(), 0.5);

  Tally waived_only;
  waived_only.Add(Fact("2026-05-10", "waived"));
  waived_only.Add(Fact("2026-05-11", "in_dispute"));
  EXPECT_EQ(waived_only.due, 2);
  EXPECT_EQ(waived_only.Rate(), std::nullopt);
}

TEST(Compliance, QuarterOfADate) {
  EXPECT_EQ(QuarterOf("2026-01-01"), "2026-Q1");
  EXPECT_EQ(QuarterOf("2026-03-31"), "2026-Q1");
  EXPECT_EQ(QuarterOf("2026-04-01"), "2026-Q2");
  EXPECT_EQ(QuarterOf("2026-07-15"), "2026-Q3");
  EXPECT_EQ(QuarterOf("2026-09-30"), "2026-Q3");
  EXPECT_EQ(QuarterOf("2026-12-31"), "2026-Q4");
}

// ---- the "consider an amendment" signal ------------------------------------------------------

TEST(AmendmentSignalRule, TwoLateOrWaivedAmongTheLastFourRaiseIt) {
  const std::string today = "2026-06-30";
  auto signal = SignalFor(
      {Fact("2026-01-31", "fulfilled", "2026-01-31"), Fact("2026-02-28", "fulfilled", "2026-03-05"),
       Fact("2026-03-31", "fulfilled", "2026-03-30"),
       Fact("2026-04-30", "fulfilled", "2026-04-30")},
      today);
  EXPECT_FALSE(signal.consider_amendment) << "one late is below the threshold";
  EXPECT_EQ(signal.late, 1);
  EXPECT_EQ(signal.considered, 4);
  EXPECT_TRUE(signal.reason.empty());

  signal = SignalFor({Fact("2026-04-30", "waived"), Fact("2026-01-31", "fulfilled", "2026-01-31"),
                      Fact("2026-03-31", "fulfilled", "2026-03-30"),
                      Fact("2026-02-28", "fulfilled", "2026-03-05")},
                     today);
  EXPECT_TRUE(signal.consider_amendment) << "one late and one waived reach it";
  EXPECT_EQ(signal.late, 1);
  EXPECT_EQ(signal.waived, 1);
  EXPECT_EQ(signal.considered, 4);
  EXPECT_EQ(signal.reason, "2 of the last 4 occurrences were late or waived");

  signal = SignalFor({Fact("2026-05-31", "overdue"), Fact("2026-04-30", "overdue"),
                      Fact("2026-03-31", "fulfilled", "2026-04-02")},
                     today);
  EXPECT_TRUE(signal.consider_amendment) << "overdue counts as late";
  EXPECT_EQ(signal.late, 3);
  EXPECT_EQ(signal.considered, 3);
  EXPECT_EQ(signal.reason, "3 of the last 3 occurrences were late or waived");
}

TEST(AmendmentSignalRule, OlderHistoryAndPendingOccurrencesAreIgnored) {
  const std::string today = "2026-06-30";
  std::vector<OccurrenceFact> history = {
      Fact("2025-09-30", "overdue"), Fact("2025-10-31", "waived"),
      Fact("2025-11-30", "fulfilled", "2025-12-20"), Fact("2026-02-28", "fulfilled", "2026-02-27"),
      Fact("2026-03-31", "fulfilled", "2026-03-31"), Fact("2026-04-30", "fulfilled", "2026-04-30"),
      Fact("2026-05-31", "in_dispute"),
      // Not yet settled: neither looked at nor counted.
      Fact("2026-06-30", "due"), Fact("2026-07-31", "upcoming"), Fact("2026-08-31", "waived")};
  auto signal = SignalFor(history, today);
  EXPECT_FALSE(signal.consider_amendment);
  EXPECT_EQ(signal.considered, 4);
  EXPECT_EQ(signal.late, 0);
  EXPECT_EQ(signal.waived, 0) << "a waiver due after today is not looked at";

  // One more late occurrence inside the window tips it.
  history.push_back(Fact("2026-06-15", "fulfilled", "2026-06-20"));
  history.push_back(Fact("2026-06-20", "overdue"));
  signal = SignalFor(history, today);
  EXPECT_TRUE(signal.consider_amendment);
  EXPECT_EQ(signal.late, 2);
  EXPECT_EQ(signal.considered, 4);

  EXPECT_EQ(SignalFor({}, today).considered, 0);
  EXPECT_FALSE(SignalFor({}, today).consider_amendment);
}

// ---- reminders -------------------------------------------------------------------------------

TEST(Reminders, TheSmallestThresholdReachedUntilTheDueDate) {
  const std::vector<int64_t> days = {14, 3};
  const std::string due = "2026-03-20";
  EXPECT_EQ(ReminderThreshold(days, due, "2026-03-05"), std::nullopt) << "15 days before";
  EXPECT_EQ(ReminderThreshold(days, due, "2026-03-06"), 14);
  EXPECT_EQ(ReminderThreshold(days, due, "2026-03-16"), 14);
  EXPECT_EQ(ReminderThreshold(days, due, "2026-03-17"), 3);
  EXPECT_EQ(ReminderThreshold(days, due, "2026-03-20"), 3);
  EXPECT_EQ(ReminderThreshold(days, due, "2026-03-21"), std::nullopt) << "after the due date";
  EXPECT_EQ(ReminderThreshold({3, 14, 0}, due, "2026-03-20"), 0);
  EXPECT_EQ(ReminderThreshold({}, due, "2026-03-20"), std::nullopt);
  EXPECT_EQ(ReminderThreshold({90, 30}, "2027-01-15", "2026-12-01"), 90) << "across a year";
}

// ---- agreement terms -------------------------------------------------------------------------

TEST(AgreementTerms, EmptyChangesAndNoticeDeadline) {
  TermChanges changes;
  EXPECT_TRUE(changes.Empty());
  changes.territory = "EU";
  EXPECT_FALSE(changes.Empty());
  TermChanges zero_notice;
  zero_notice.notice_period_days = 0;
  EXPECT_FALSE(zero_notice.Empty());

  EXPECT_EQ(NoticeDeadline("2026-12-31", 90), "2026-10-02");
  EXPECT_EQ(NoticeDeadline("2028-03-01", 1), "2028-02-29");
  EXPECT_EQ(NoticeDeadline("2026-12-31", 0), "2026-12-31");
  EXPECT_EQ(NoticeDeadline(std::nullopt, 90), std::nullopt);
  EXPECT_EQ(NoticeDeadline("2026-12-31", std::nullopt), std::nullopt);
  EXPECT_EQ(NoticeDeadline("0001-01-10", 9), "0001-01-01");
  EXPECT_EQ(NoticeDeadline("0001-01-10", 10), std::nullopt) << "before year 1";
}

Amendment MakeAmendment(std::string id, std::string status, std::optional<std::string> effective_on,
                        std::optional<std::string> signed_on, std::string created_at = "") {
  Amendment a;
  a.id = std::move(id);
  a.status = std::move(status);
  a.effective_on = std::move(effective_on);
  a.signed_on = std::move(signed_on);
  a.created_at = std::move(created_at);
  return a;
}

TEST(AgreementTerms, AnAmendmentIsInForceWhenSignedOrActiveAndEffective) {
  const std::string today = "2026-06-01";
  EXPECT_TRUE(AmendmentInForce(MakeAmendment("a", "signed", "2026-06-01", std::nullopt), today));
  EXPECT_TRUE(AmendmentInForce(MakeAmendment("a", "active", "2026-01-01", "2025-12-01"), today));
  EXPECT_FALSE(AmendmentInForce(MakeAmendment("a", "signed", "2026-06-02", "2026-05-01"), today))
      << "effective tomorrow; the signing date does not matter";
  EXPECT_TRUE(AmendmentInForce(MakeAmendment("a", "signed", std::nullopt, "2026-05-01"), today))
      << "no effective date: from signing";
  EXPECT_FALSE(AmendmentInForce(MakeAmendment("a", "signed", std::nullopt, std::nullopt), today));
  for (const auto status : {"draft", "in_negotiation", "expired", "terminated"}) {
    EXPECT_FALSE(AmendmentInForce(MakeAmendment("a", status, "2026-01-01", "2026-01-01"), today))
        << status;
  }
}

TEST(AgreementTerms, AsAmendedAppliesAmendmentsInForceInDateOrder) {
  Terms base;
  base.expiry_on = "2026-12-31";
  base.notice_period_days = 90;
  base.governing_law = "England and Wales";
  base.field = "Cardiology";
  base.territory = "EU";
  base.exclusivity = "exclusive";

  Amendment third =
      MakeAmendment("third", "active", "2026-05-01", std::nullopt, "2026-04-01T00:00:00.000Z");
  third.changes.expiry_on = "2028-12-31";
  Amendment first =
      MakeAmendment("first", "signed", "2026-02-01", std::nullopt, "2026-03-01T00:00:00.000Z");
  first.changes.expiry_on = "2027-12-31";
  first.changes.territory = "EU and UK";
  // Same effective date as `first`, created later: applied after it.
  Amendment second =
      MakeAmendment("second", "signed", "2026-02-01", std::nullopt, "2026-03-02T00:00:00.000Z");
  second.changes.notice_period_days = 30;
  second.changes.territory = "Worldwide";
  Amendment draft =
      MakeAmendment("draft", "draft", "2026-01-01", std::nullopt, "2026-01-01T00:00:00.000Z");
  draft.changes.governing_law = "New York";
  Amendment future =
      MakeAmendment("future", "signed", "2026-07-01", std::nullopt, "2026-01-01T00:00:00.000Z");
  future.changes.exclusivity = "non_exclusive";
  Amendment by_signing =
      MakeAmendment("by-signing", "signed", std::nullopt, "2026-01-15", "2026-06-01T00:00:00.000Z");
  by_signing.changes.field = "Cardiology and nephrology";
  by_signing.changes.territory = "EU only";
  // Listed out of order on purpose.
  const std::vector<Amendment> amendments = {second, third, draft, first, future, by_signing};
  const Terms terms = AsAmended(base, amendments, "2026-06-01");
  EXPECT_EQ(terms.applied_amendment_ids,
            (std::vector<std::string>{"by-signing", "first", "second", "third"}));
  EXPECT_EQ(terms.expiry_on, "2028-12-31");
  EXPECT_EQ(terms.notice_period_days, 30);
  EXPECT_EQ(terms.territory, "Worldwide") << "the later amendment overrides";
  EXPECT_EQ(terms.field, "Cardiology and nephrology");
  EXPECT_EQ(terms.governing_law, "England and Wales") << "a draft changes nothing";
  EXPECT_EQ(terms.exclusivity, "exclusive") << "a future amendment changes nothing yet";
  EXPECT_EQ(terms.notice_deadline, "2028-12-01");

  // On a day before any is in force: the agreement's own terms, with their deadline.
  const Terms before = AsAmended(base, amendments, "2026-01-01");
  EXPECT_TRUE(before.applied_amendment_ids.empty());
  EXPECT_EQ(before.expiry_on, "2026-12-31");
  EXPECT_EQ(before.territory, "EU");
  EXPECT_EQ(before.notice_deadline, "2026-10-02");

  Terms open_ended = base;
  open_ended.expiry_on.reset();
  EXPECT_EQ(AsAmended(open_ended, {}, "2026-06-01").notice_deadline, std::nullopt);
}

// ---- conflict check --------------------------------------------------------------------------

RestrictionScope HeartFailureInEurope() {
  RestrictionScope r;
  r.therapeutic_areas = {"Heart failure", "Hypertension"};
  r.modalities = {};
  r.territories = {"EU", "UK"};
  r.counterparties = {"Acme Bio"};
  r.starts_on = "2025-01-01";
  r.ends_on = "2028-12-31";
  return r;
}

Proposal CardiologyDeal() {
  Proposal p;
  p.therapeutic_areas = {"  heart FAILURE ", "Oncology"};
  p.modalities = {"Small molecule"};
  p.territories = {"eu"};
  p.counterparty = " ACME BIO";
  return p;
}

const std::string kToday = "2026-06-01";

TEST(MayTouchRule, ReportsWhatMatchedOnEveryDimension) {
  const auto matched = MayTouch(HeartFailureInEurope(), CardiologyDeal(), kToday);
  ASSERT_TRUE(matched);
  EXPECT_EQ(*matched, (std::vector<std::string>{"therapeutic area: Heart failure", "modality: any",
                                                "territory: EU", "counterparty: Acme Bio"}));
}

TEST(MayTouchRule, EachDimensionCanRuleItOut) {
  Proposal p = CardiologyDeal();
  p.therapeutic_areas = {"Oncology"};
  EXPECT_EQ(MayTouch(HeartFailureInEurope(), p, kToday), std::nullopt) << "therapeutic area";

  RestrictionScope r = HeartFailureInEurope();
  r.modalities = {"Cell therapy", "Gene therapy"};
  EXPECT_EQ(MayTouch(r, CardiologyDeal(), kToday), std::nullopt) << "modality";
  r.modalities = {"small molecule"};
  ASSERT_TRUE(MayTouch(r, CardiologyDeal(), kToday));
  EXPECT_EQ((*MayTouch(r, CardiologyDeal(), kToday))[1], "modality: small molecule");

  p = CardiologyDeal();
  p.territories = {"US", "Japan"};
  EXPECT_EQ(MayTouch(HeartFailureInEurope(), p, kToday), std::nullopt) << "territory";

  p = CardiologyDeal();
  p.counterparty = "Other Pharma";
  EXPECT_EQ(MayTouch(HeartFailureInEurope(), p, kToday), std::nullopt) << "counterparty";
}

TEST(MayTouchRule, AnOpenListOnEitherSideMatchesAsAny) {
  Proposal p = CardiologyDeal();
  p.therapeutic_areas = {};
  p.territories = {" "};  // blank entries say nothing
  p.counterparty = "";
  auto matched = MayTouch(HeartFailureInEurope(), p, kToday);
  ASSERT_TRUE(matched);
  EXPECT_EQ(*matched, (std::vector<std::string>{"therapeutic area: any", "modality: any",
                                                "territory: any", "counterparty: any"}));

  RestrictionScope r;  // restricts nothing in particular, forever
  matched = MayTouch(r, CardiologyDeal(), kToday);
  ASSERT_TRUE(matched);
  EXPECT_EQ(*matched, (std::vector<std::string>{"therapeutic area: any", "modality: any",
                                                "territory: any", "counterparty: any"}));
}

TEST(MayTouchRule, WorldwideOrGlobalOverlapsEveryTerritory) {
  RestrictionScope r = HeartFailureInEurope();
  r.territories = {"Worldwide"};
  Proposal p = CardiologyDeal();
  p.territories = {"Brazil"};
  auto matched = MayTouch(r, p, kToday);
  ASSERT_TRUE(matched);
  EXPECT_EQ((*matched)[2], "territory: Worldwide");

  p.territories = {" GLOBAL "};
  r.territories = {"Japan", "EU"};
  matched = MayTouch(r, p, kToday);
  ASSERT_TRUE(matched);
  EXPECT_EQ((*matched)[2], "territory: Japan, EU");

  // "worldwide" is a territory word only: it does not widen other dimensions.
  p = CardiologyDeal();
  p.therapeutic_areas = {"worldwide"};
  EXPECT_EQ(MayTouch(HeartFailureInEurope(), p, kToday), std::nullopt);
}

TEST(MayTouchRule, PeriodsMustOverlapWithOpenEndsUnbounded) {
  RestrictionScope r = HeartFailureInEurope();
  Proposal p = CardiologyDeal();

  r.ends_on = "2026-05-31";  // ended yesterday; the proposal starts today
  EXPECT_EQ(MayTouch(r, p, kToday), std::nullopt);
  r.ends_on = kToday;  // the last day still binds
  EXPECT_TRUE(MayTouch(r, p, kToday));
  p.starts_on = "2026-01-01";  // a proposal given a start looks back too
  r.ends_on = "2026-05-31";
  EXPECT_TRUE(MayTouch(r, p, kToday));

  r = HeartFailureInEurope();
  r.starts_on = "2030-01-01";
  r.ends_on.reset();
  p = CardiologyDeal();
  EXPECT_TRUE(MayTouch(r, p, kToday)) << "an open-ended proposal reaches any later start";
  p.ends_on = "2029-12-31";
  EXPECT_EQ(MayTouch(r, p, kToday), std::nullopt);
  p.ends_on = "2030-01-01";
  EXPECT_TRUE(MayTouch(r, p, kToday));

  r.starts_on.reset();
  r.ends_on.reset();
  p.starts_on = "1990-01-01";
  p.ends_on = "1990-12-31";
  EXPECT_TRUE(MayTouch(r, p, kToday)) << "a restriction without dates binds always";

  p.starts_on.reset();
  p.ends_on = "2026-01-01";  // ends before it starts (today): no days at all
  EXPECT_EQ(MayTouch(r, p, kToday), std::nullopt);
}

// ---- uploads ---------------------------------------------------------------------------------

const std::string kPdfBytes = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n";
const std::string kOle2Bytes =
    std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) + std::string(64, '\0') + "rest";

std::string Zip(std::string_view part) {
  return std::string("PK\x03\x04\x14\x00\x06\x00", 8) + std::string(22, '\0') +
         "[Content_Types].xml" + "PK\x03\x04" + std::string(part) + "document.xml";
}

constexpr std::string_view kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kPptxType =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

void ExpectAccepted(std::string_view name, std::string_view declared, const std::string& bytes,
                    std::string_view type) {
  const UploadCheck check = CheckUpload(name, declared, bytes);
  EXPECT_TRUE(check.ok) << name << ": " << check.kind << " " << check.error;
  EXPECT_EQ(check.content_type, type) << name;
  EXPECT_TRUE(check.error.empty()) << name;
}

void ExpectRefused(std::string_view name, std::string_view declared, const std::string& bytes,
                   std::string_view kind, std::string_view why = "") {
  const UploadCheck check = CheckUpload(name, declared, bytes);
  EXPECT_FALSE(check.ok) << name << " " << why;
  EXPECT_EQ(check.kind, kind) << name << " " << why << ": " << check.error;
  EXPECT_FALSE(check.error.empty()) << name;
  EXPECT_TRUE(check.content_type.empty()) << name;
}

TEST(Uploads, AcceptsEachAllowedTypeByItsContents) {
  ExpectAccepted("Master agreement.pdf", "", kPdfBytes, "application/pdf");
  ExpectAccepted("SIGNED.PDF", "application/octet-stream", kPdfBytes, "application/pdf");
  ExpectAccepted("terms.docx", "", Zip("word/"), kDocxType);
  ExpectAccepted("budget.xlsx", "", Zip("xl/"), kXlsxType);
  ExpectAccepted("deck.pptx", "", Zip("ppt/"), kPptxType);
  ExpectAccepted("old.doc", "", kOle2Bytes, "application/msword");
  ExpectAccepted("old.xls", "", kOle2Bytes, "application/vnd.ms-excel");
  ExpectAccepted("milestones.csv", "", "id,title\n1,Café opening\n", "text/csv");
  ExpectAccepted("notes.txt", "", "\xEF\xBB\xBFMinutes — 2026\n", "text/plain");
  ExpectAccepted("/tmp/uploads/ok.pdf", "", kPdfBytes, "application/pdf");
}

TEST(Uploads, ADeclaredTypeMustMatchIgnoringParametersAndCase) {
  ExpectAccepted("a.pdf", "application/pdf", kPdfBytes, "application/pdf");
  ExpectAccepted("a.pdf", " Application/PDF ; name=a.pdf", kPdfBytes, "application/pdf");
  ExpectAccepted("a.csv", "text/csv; charset=utf-8", "a,b\n", "text/csv");
  ExpectAccepted("a.txt", "application/octet-stream; x=y", "hello", "text/plain");
  ExpectRefused("a.pdf", "image/png", kPdfBytes, "mismatch");
  ExpectRefused("a.csv", "text/plain", "a,b\n", "mismatch");
  ExpectRefused("a.docx", std::string(kXlsxType), Zip("word/"), "mismatch");
  const UploadCheck check = CheckUpload("a.pdf", "text/html", kPdfBytes);
  EXPECT_NE(check.error.find("mismatched type"), std::string::npos) << check.error;
}

TEST(Uploads, TheContentsMustMatchTheExtension) {
  ExpectRefused("report.docx", "", kPdfBytes, "mismatch");
  ExpectRefused("report.pdf", "", Zip("word/"), "mismatch");
  ExpectRefused("budget.docx", "", Zip("xl/"), "mismatch");
  ExpectRefused("deck.xlsx", "", Zip("ppt/"), "mismatch");
  ExpectRefused("archive.docx", "", Zip("src/"), "mismatch", "a zip without Office parts");
  ExpectRefused("old.pdf", "", kOle2Bytes, "mismatch");
  ExpectRefused("old.docx", "", kOle2Bytes, "mismatch");
  ExpectRefused("plain.pdf", "", "just text", "mismatch");
  ExpectRefused("data.csv", "", std::string("a,b\0c", 5), "mismatch", "a NUL is not text");
  ExpectRefused("data.txt", "", "caf\xE9", "mismatch", "Latin-1 is not UTF-8");
  ExpectRefused("data.txt", "", "\xC3", "mismatch", "a truncated sequence");
  ExpectRefused("data.txt", "", "\xED\xA0\x80", "mismatch", "a surrogate");
  ExpectRefused("data.txt", "", "\xC0\xAF", "mismatch", "an overlong form");
  ExpectRefused("image.txt", "", "\x89PNG\r\n\x1a\n", "mismatch");
  const UploadCheck check = CheckUpload("report.docx", "", kPdfBytes);
  EXPECT_NE(check.error.find("mismatched type"), std::string::npos) << check.error;
}

TEST(Uploads, ExecutablesAreRefusedByContentsOrName) {
  const std::vector<std::string> magics = {
      "MZ\x90",           "\177ELF\2\1",      "\xfe\xed\xfa\xce", "\xfe\xed\xfa\xcf",
      "\xce\xfa\xed\xfe", "\xcf\xfa\xed\xfe", "\xca\xfe\xba\xbe", "#!/bin/sh\nrm -rf /\n"};
  for (const auto& magic : magics) {
    for (const auto name : {"contract.pdf", "notes.txt", "data.csv", "no-extension"}) {
      const UploadCheck check = CheckUpload(name, "", magic + std::string(16, 'x'));
      EXPECT_FALSE(check.ok) << name;
      EXPECT_EQ(check.kind, "executable") << name;
      EXPECT_EQ(check.error, "executable files are not accepted");
    }
  }
  for (const auto name :
       {"setup.exe", "lib.dll", "lib.so", "run.sh", "run.bat", "run.cmd", "old.com", "app.js",
        "install.msi", "tool.jar", "script.ps1", "macro.vbs", "Thing.app", "firmware.bin",
        "SETUP.EXE", "contract.pdf.exe", "setup.exe.", "setup.exe  "}) {
    ExpectRefused(name, "", kPdfBytes, "executable");
    ExpectRefused(name, "", "", "executable");
  }
}

TEST(Uploads, UnknownExtensionsAreUnsupportedAndEmptyFilesRefused) {
  ExpectRefused("photo.png", "", "\x89PNG\r\n\x1a\n", "unsupported");
  ExpectRefused("data.json", "", "{}", "unsupported");
  ExpectRefused("archive.zip", "", Zip("word/"), "unsupported");
  ExpectRefused("README", "", "hello", "unsupported");
  ExpectRefused("contract.pdf.html", "", kPdfBytes, "unsupported");
  const UploadCheck check = CheckUpload("photo.png", "", "x");
  EXPECT_NE(check.error.find("unsupported type"), std::string::npos) << check.error;

  ExpectRefused("empty.pdf", "", "", "empty");
  ExpectRefused("empty.txt", "text/plain", "", "empty");
}

// ---- data register ---------------------------------------------------------------------------

TEST(Destruction, StatusFollowsTheDueDateUntilConfirmed) {
  const std::string today = "2026-06-01";
  EXPECT_EQ(DestructionStatus(std::nullopt, std::nullopt, today), "not_scheduled");
  EXPECT_EQ(DestructionStatus("2026-12-31", std::nullopt, today), "scheduled");
  EXPECT_EQ(DestructionStatus("2026-07-02", std::nullopt, today), "scheduled");
  EXPECT_EQ(DestructionStatus("2026-07-01", std::nullopt, today), "due") << "30 days ahead";
  EXPECT_EQ(DestructionStatus("2026-06-01", std::nullopt, today), "due");
  EXPECT_EQ(DestructionStatus("2026-05-31", std::nullopt, today), "overdue");
  EXPECT_EQ(DestructionStatus("2026-05-31", "2026-05-30", today), "confirmed");
  EXPECT_EQ(DestructionStatus(std::nullopt, "2026-05-30", today), "confirmed");
}

}  // namespace
}  // namespace northstar::agreements
