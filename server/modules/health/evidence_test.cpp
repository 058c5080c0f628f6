#include "modules/health/evidence.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace northstar::health {
namespace {

// The period of these tests: the first half of 2026.
const Period kHalf{"2026-01-01", "2026-06-30"};

const Signal& Find(const std::vector<Signal>& signals, std::string_view key) {
  const auto it =
      std::find_if(signals.begin(), signals.end(), [&](const Signal& s) { return s.key == key; });
  EXPECT_NE(it, signals.end()) << key;
  return *it;
}

Signal Measure(const Facts& f, std::string_view key) { return Find(EvidenceOf(f), key); }

Facts In(const Period& p) {
  Facts f;
  f.period = p;
  return f;
}

TEST(EvidencePeriod, RunsFromTheDayAfterThePreviousWaveClosedToThisOnesClose) {
  const Period p = EvidencePeriod("2026-11-30", std::string("2026-05-31"));
  EXPECT_EQ(p.from, "2026-06-01");
  EXPECT_EQ(p.to, "2026-11-30");
}

TEST(EvidencePeriod, WithoutAPreviousWaveCountsHalfAYear) {
  const Period p = EvidencePeriod("2026-06-30", std::nullopt);
  EXPECT_EQ(p.to, "2026-06-30");
  EXPECT_EQ(p.from, "2025-12-31");  // 182 days, both ends included
}

TEST(EvidencePeriod, APreviousWaveClosedTheSameDayLeavesOneDay) {
  const Period p = EvidencePeriod("2026-06-30", std::string("2026-06-30"));
  EXPECT_EQ(p.from, "2026-06-30");
  EXPECT_EQ(p.to, "2026-06-30");
}

TEST(Median, OfOddAndEvenCountsAndOfNothing) {
  EXPECT_EQ(Median({9, 1, 5}), 5.0);
  EXPECT_EQ(Median({1, 2, 3, 10}), 2.5);
  EXPECT_EQ(Median({}), std::nullopt);
}

TEST(ExpectedMeetings, FollowsTheCadenceAndSetsNoneForAdHoc) {
  EXPECT_DOUBLE_EQ(*ExpectedMeetings("weekly", 70), 10.0);
  EXPECT_NEAR(*ExpectedMeetings("quarterly", 365), 4.0, 0.01);
  EXPECT_NEAR(*ExpectedMeetings("monthly", 181), 5.95, 0.01);
  EXPECT_EQ(ExpectedMeetings("ad_hoc", 365), std::nullopt);
  EXPECT_EQ(ExpectedMeetings("no such cadence", 365), std::nullopt);
}

TEST(Evidence, EverySignalIsDefinedOnceWithItsDimensionUnitAndDirection) {
  const auto signals = EvidenceOf(In(kHalf));
  ASSERT_EQ(signals.size(), 10U);
  std::vector<std::string> keys;
  for (const auto& s : signals) {
    keys.push_back(s.key);
    EXPECT_FALSE(s.dimension.empty()) << s.key;
    EXPECT_TRUE(s.unit == "count" || s.unit == "days" || s.unit == "percent") << s.key;
    EXPECT_TRUE(s.better == "lower" || s.better == "higher") << s.key;
  }
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end());
  EXPECT_EQ(Find(signals, "decisions_waiting").dimension, "governance");
  EXPECT_EQ(Find(signals, "meetings_held").dimension, "communication");
  EXPECT_EQ(Find(signals, "issues_escalated").dimension, "conflict");
  EXPECT_EQ(Find(signals, "slip_days").dimension, "execution");
  EXPECT_EQ(Find(signals, "on_time_rate").dimension, "commitments");
}

TEST(Evidence, WithNothingRecordedCountsZeroAndMeasuresNothing) {
  const auto signals = EvidenceOf(In(kHalf));
  EXPECT_EQ(Find(signals, "decisions_waiting").value, 0.0);
  EXPECT_EQ(Find(signals, "decision_days").value, std::nullopt);
  EXPECT_EQ(Find(signals, "minutes_days").value, std::nullopt);
  EXPECT_EQ(Find(signals, "meetings_held").value, 0.0);
  EXPECT_EQ(Find(signals, "meetings_held").expected, std::nullopt);
  EXPECT_EQ(Find(signals, "on_time_rate").value, std::nullopt);
}

TEST(Evidence, DecisionsWaitingAreThoseProposedAMonthBeforeTheEndAndUndecidedThen) {
  Facts f = In(kHalf);
  f.decisions = {
      {"2026-05-31", std::nullopt},               // 30 days before the end, undecided: waiting
      {"2026-06-01", std::nullopt},               // 29 days: not yet
      {"2026-03-01", std::string("2026-07-15")},  // decided after the period: waiting then
      {"2026-03-01", std::string("2026-04-01")},  // decided in the period
      {"2025-10-01", std::nullopt},  // long waiting, proposed before the period: counts
  };
  EXPECT_EQ(Measure(f, "decisions_waiting").value, 3.0);
}

TEST(Evidence, DecisionDaysIsTheMedianTimeToDecideOfThoseDecidedInThePeriod) {
  Facts f = In(kHalf);
  f.decisions = {
      {"2025-12-20", std::string("2026-01-09")},  // 20 days, decided in the period
      {"2026-02-01", std::string("2026-02-11")},  // 10
      {"2026-03-01", std::string("2026-03-31")},  // 30
      {"2025-11-01", std::string("2025-12-01")},  // decided before the period: left out
      {"2026-06-01", std::string("2026-08-01")},  // after: left out
  };
  EXPECT_EQ(Measure(f, "decision_days").value, 20.0);
}

TEST(Evidence, MinutesDaysCountsFromTheMeetingToFinalMinutesWithinThePeriod) {
  Facts f = In(kHalf);
  f.meetings = {
      {"2026-02-10", false, std::string("2026-02-14")},  // 4
      {"2026-03-10", false, std::string("2026-03-22")},  // 12
      {"2026-04-10", true, std::string("2026-04-11")},   // cancelled: left out
      {"2026-06-25", false, std::string("2026-07-10")},  // final after the period: left out
      {"2026-05-01", false, std::nullopt},               // no final minutes: left out
  };
  EXPECT_EQ(Measure(f, "minutes_days").value, 8.0);
}

TEST(Evidence, MeetingsHeldAgainstWhatTheCadencesCallFor) {
  Facts f = In(kHalf);  // 181 days
  f.meetings = {{"2026-01-15", false, std::nullopt},
                {"2026-03-15", false, std::nullopt},
                {"2026-04-15", true, std::nullopt},    // cancelled
                {"2025-12-15", false, std::nullopt}};  // before the period
  f.committees = {{"quarterly", "2025-01-01"},         // 181 / 91.3 ≈ 1.98
                  {"monthly", "2026-04-01"},           // from April: 91 / 30.4 ≈ 2.99
                  {"ad_hoc", "2025-01-01"},            // no expectation
                  {"monthly", "2026-07-01"}};          // created after the period
  const Signal held = Measure(f, "meetings_held");
  EXPECT_EQ(held.value, 2.0);
  EXPECT_EQ(held.expected, 5.0);
  EXPECT_EQ(held.better, "higher");
}

TEST(Evidence, IssuesEscalatedAndTheirTimeToResolve) {
  Facts f = In(kHalf);
  f.issues = {
      {"2026-01-10", 1, std::string("2026-01-20")},  // escalated, 10 days
      {"2026-02-01", 0, std::string("2026-02-03")},  // not escalated, 2 days
      {"2026-03-01", 2, std::nullopt},               // escalated, open
      {"2025-12-01", 1, std::string("2026-01-31")},  // raised before: not counted as escalated
                                                     // here; resolved in the period: 61 days
  };
  EXPECT_EQ(Measure(f, "issues_escalated").value, 2.0);
  EXPECT_EQ(Measure(f, "issue_resolution_days").value, 10.0);
}

TEST(Evidence, MilestonesLateAndTheirSlip) {
  Facts f = In(kHalf);
  f.milestones = {
      // original, planned, forecast, actual, cancelled
      {"2026-02-01", "2026-02-01", "2026-02-01", std::string("2026-02-01"), false},  // on time
      {"2026-02-01", "2026-03-01", "2026-03-01", std::string("2026-03-05"), false},  // late
      {"2026-04-01", "2026-05-01", "2026-08-01", std::nullopt, false},  // not achieved: late
      {"2026-05-01", "2026-05-01", "2026-05-01", std::string("2026-07-02"), false},  // after end
      {"2026-05-01", "2026-05-01", "2026-09-01", std::nullopt, true},   // cancelled: left out
      {"2025-10-01", "2025-10-01", "2026-02-01", std::nullopt, false},  // planned before
  };
  EXPECT_EQ(Measure(f, "milestones_late").value, 3.0);
  // From the original day, for those first due in the period: 0 + 32 + 122 + 62.
  EXPECT_EQ(Measure(f, "slip_days").value, 216.0);
}

TEST(Evidence, KpisRedCountsTheRedOnesByThePeriodsEnd) {
  Facts f = In(kHalf);
  f.kpi_statuses = {"red", "green", "red", "no_data", "amber"};
  EXPECT_EQ(Measure(f, "kpis_red").value, 2.0);
}

TEST(Evidence, OnTimeRatePerPartyAndForAllWithJointObligationsInTheWhole) {
  Facts f = In(kHalf);
  f.obligations = {{"org-a", "Meridian", false, 9, 1, 0},
                   {"org-b", "Pulsewise", false, 2, 1, 1},
                   {"joint", "Joint", true, 1, 0, 0}};
  const Signal rate = Measure(f, "on_time_rate");
  EXPECT_NEAR(*rate.value, 100.0 * 12 / 15, 1e-9);
  ASSERT_TRUE(rate.by_party);
  ASSERT_EQ(rate.by_party->size(), 2U);
  EXPECT_EQ((*rate.by_party)[0].party_name, "Meridian");
  EXPECT_NEAR(*(*rate.by_party)[0].value, 90.0, 1e-9);
  EXPECT_NEAR(*(*rate.by_party)[1].value, 50.0, 1e-9);
}

}  // namespace
}  // namespace northstar::health
