#include "modules/plans/model.hpp"

#include <gtest/gtest.h>

namespace northstar::plans {
namespace {

constexpr char kToday[] = "2026-11-21";

StatusFacts Due(std::string planned, std::string forecast) {
  return StatusFacts{std::move(planned), std::move(forecast), std::nullopt, std::nullopt, {}};
}

TEST(Days, CountAcrossMonthsLeapYearsAndBackwards) {
  EXPECT_EQ(DaysBetween("2026-11-21", "2026-12-01"), 10);
  EXPECT_EQ(DaysBetween("2028-02-28", "2028-03-01"), 2);
  EXPECT_EQ(DaysBetween("2027-02-28", "2027-03-01"), 1);
  EXPECT_EQ(DaysBetween("2026-12-01", "2026-11-21"), -10);
  EXPECT_EQ(AddDays("2026-12-25", 10), "2027-01-04");
  EXPECT_EQ(AddDays("2026-03-01", -1), "2026-02-28");
}

TEST(MilestoneStatus, FollowsTheDatesWhenNobodySetIt) {
  EXPECT_EQ(MilestoneStatus(Due("2026-12-01", "2026-12-01"), kToday), "on_track");
  EXPECT_EQ(MilestoneStatus(Due("2027-06-01", "2027-06-01"), kToday), "planned");
  EXPECT_EQ(MilestoneStatus(Due("2026-12-01", "2027-01-15"), kToday), "at_risk");  // slipped
  EXPECT_EQ(MilestoneStatus(Due("2026-11-01", "2026-11-20"), kToday), "late");
  EXPECT_EQ(MilestoneStatus(Due("2026-11-21", "2026-11-21"), kToday), "on_track");  // due today
  StatusFacts done = Due("2026-11-01", "2026-11-10");
  done.actual_date = "2026-11-12";
  EXPECT_EQ(MilestoneStatus(done, kToday), "achieved");
  EXPECT_TRUE(IsDerived(done, kToday));
}

TEST(MilestoneStatus, AnOpenDependencyForecastLaterPutsItAtRisk) {
  StatusFacts f = Due("2027-01-10", "2027-01-10");
  f.open_dependency_dates = {"2027-01-05", "2027-01-20"};
  EXPECT_EQ(MilestoneStatus(f, kToday), "at_risk");
  f.open_dependency_dates = {"2027-01-05"};
  EXPECT_EQ(MilestoneStatus(f, kToday), "on_track");
}

TEST(MilestoneStatus, WhatAPersonSetWinsExceptThatLateShowsThroughPlannedOrOnTrack) {
  StatusFacts f = Due("2026-12-01", "2026-12-01");
  f.status_set = "at_risk";
  EXPECT_EQ(MilestoneStatus(f, kToday), "at_risk");
  EXPECT_FALSE(IsDerived(f, kToday));
  f.status_set = "cancelled";
  f.forecast_date = "2026-01-01";
  EXPECT_EQ(MilestoneStatus(f, kToday), "cancelled");
  f.status_set = "on_track";
  EXPECT_EQ(MilestoneStatus(f, kToday), "late");  // the forecast is past: the dates say late
  f.forecast_date = "2027-02-01";                 // slipped, but a person says on track
  EXPECT_EQ(MilestoneStatus(f, kToday), "on_track");
}

TEST(Slip, CountsFromTheBaselineToTheForecastOrTheActualDate) {
  EXPECT_EQ(SlipDays("2027-03-01", "2027-04-15", std::nullopt), 45);
  EXPECT_EQ(SlipDays("2027-03-01", "2027-04-15", std::string("2027-02-27")), -2);
  EXPECT_EQ(SlipDays("2027-03-01", "2027-03-01", std::nullopt), 0);
}

TEST(FindCycle, NamesTheLoopThroughTheStart) {
  DependencyGraph g{{"a", {"b"}}, {"b", {"c"}}, {"c", {}}};
  EXPECT_FALSE(FindCycle(g, "a").has_value());
  g["c"] = {"a"};
  auto cycle = FindCycle(g, "a");
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(*cycle, (std::vector<std::string>{"a", "b", "c", "a"}));
  DependencyGraph self{{"x", {"x"}}};
  EXPECT_EQ(*FindCycle(self, "x"), (std::vector<std::string>{"x", "x"}));
  // A loop elsewhere that does not come back to the start is not this milestone's cycle.
  DependencyGraph elsewhere{{"s", {"p"}}, {"p", {"q"}}, {"q", {"p"}}};
  EXPECT_FALSE(FindCycle(elsewhere, "s").has_value());
}

TEST(CriticalPath, WalksBackThroughTheLatestDependency) {
  // A -> B -> D and A -> C -> D, with C later than B: A, C, D.
  std::vector<PathNode> nodes{{"A", "2027-01-10", {}, false},
                              {"B", "2027-02-01", {"A"}, false},
                              {"C", "2027-03-01", {"A"}, false},
                              {"D", "2027-04-01", {"B", "C"}, false},
                              {"E", "2027-01-20", {}, false}};
  EXPECT_EQ(CriticalPath(nodes), (std::vector<std::string>{"A", "C", "D"}));
  nodes[3].cancelled = true;  // without D the last milestone is C
  EXPECT_EQ(CriticalPath(nodes), (std::vector<std::string>{"A", "C"}));
  EXPECT_TRUE(CriticalPath({}).empty());
}

TEST(CriticalPath, IgnoresDependenciesTheCallerCannotSee) {
  std::vector<PathNode> nodes{{"B", "2027-02-01", {"hidden"}, false},
                              {"D", "2027-04-01", {"B"}, false}};
  EXPECT_EQ(CriticalPath(nodes), (std::vector<std::string>{"B", "D"}));
}

TEST(KpiStatus, HigherIsBetterWithThresholds) {
  KpiRule r{true, 40, 30, 20};
  EXPECT_EQ(KpiStatus(r, std::nullopt), "no_data");
  EXPECT_EQ(KpiStatus(r, 40), "green");
  EXPECT_EQ(KpiStatus(r, 35), "amber");
  EXPECT_EQ(KpiStatus(r, 25), "amber");
  EXPECT_EQ(KpiStatus(r, 20), "red");
  KpiRule amber_only{true, 40, 30, std::nullopt};
  EXPECT_EQ(KpiStatus(amber_only, 30), "amber");
  EXPECT_EQ(KpiStatus(amber_only, 29.5), "red");
  KpiRule bare{true, 1, std::nullopt, std::nullopt};  // "approval obtained": 1 = yes
  EXPECT_EQ(KpiStatus(bare, 1), "green");
  EXPECT_EQ(KpiStatus(bare, 0), "red");
}

TEST(KpiStatus, LowerIsBetterMirrors) {
  KpiRule r{false, 5, 8, 12};  // e.g. screen-failure rate in %
  EXPECT_EQ(KpiStatus(r, 4), "green");
  EXPECT_EQ(KpiStatus(r, 9), "amber");
  EXPECT_EQ(KpiStatus(r, 12), "red");
}

TEST(KpiThresholds, MustSitOnTheWorseSideOfTheTarget) {
  EXPECT_FALSE(CheckThresholds({true, 40, 30, 20}).has_value());
  EXPECT_TRUE(CheckThresholds({true, 40, 50, std::nullopt}).has_value());
  EXPECT_EQ(CheckThresholds({true, 40, 20, 30})->field, "red_threshold");
  EXPECT_EQ(CheckThresholds({true, 40, 30, 50})->field, "red_threshold");
  EXPECT_EQ(CheckThresholds({true, 40, 50, 20})->field, "amber_threshold");
  EXPECT_FALSE(CheckThresholds({false, 5, 8, 12}).has_value());
  EXPECT_TRUE(CheckThresholds({false, 5, 3, std::nullopt}).has_value());
}

TEST(Numbers, ReadBackExactly) {
  EXPECT_EQ(NumberText(40), "40");
  EXPECT_EQ(NumberText(12.5), "12.5");
  EXPECT_EQ(NumberText(0.1), "0.1");
}

TEST(Raci, ExactlyOneAccountable) {
  EXPECT_FALSE(CheckAccountable({"R", "A", "C", "I"}).has_value());
  EXPECT_EQ(*CheckAccountable({"R", "A", "A"}), "needs exactly one Accountable (A); found 2");
  EXPECT_EQ(*CheckAccountable({"R"}), "needs exactly one Accountable (A); found 0");
}

TEST(Approvals, EveryPartyMustApproveAndAnyMayReject) {
  EXPECT_EQ(ApprovalState({"pending", "pending"}), "pending");
  EXPECT_EQ(ApprovalState({"approved", "pending"}), "pending");
  EXPECT_EQ(ApprovalState({"approved", "approved", "approved"}), "cleared");
  EXPECT_EQ(ApprovalState({"approved", "rejected"}), "rejected");
  EXPECT_EQ(ApprovalState({}), "pending");
}

TEST(Currency, ThreeUpperCaseLetters) {
  EXPECT_TRUE(IsCurrencyCode("EUR"));
  EXPECT_FALSE(IsCurrencyCode("eur"));
  EXPECT_FALSE(IsCurrencyCode("EURO"));
  EXPECT_FALSE(IsCurrencyCode("E1R"));
}

}  // namespace
}  // namespace northstar::plans
