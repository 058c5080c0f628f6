#include "modules/governance/model.hpp"

#include <gtest/gtest.h>

namespace northstar::governance {
namespace {

const std::vector<std::pair<std::string, std::string>> kParties = {{"pharma", "Helix"},
                                                                   {"startup", "Nimbus"}};

std::vector<Seat> Board() {
  return {{"p-chair", "pharma", "chair", "2026-01-01", std::nullopt},
          {"p-vote", "pharma", "voting_member", "2026-01-01", std::nullopt},
          {"p-sec", "pharma", "secretary", "2026-01-01", std::nullopt},
          {"s-cochair", "startup", "co_chair", "2026-01-01", std::nullopt},
          {"s-vote", "startup", "voting_member", "2026-01-01", std::nullopt},
          {"s-guest", "startup", "non_voting_member", "2026-01-01", std::nullopt}};
}

TEST(Roles, VotingAndReviewingRoles) {
  EXPECT_TRUE(IsVotingRole("chair"));
  EXPECT_TRUE(IsVotingRole("co_chair"));
  EXPECT_TRUE(IsVotingRole("voting_member"));
  EXPECT_FALSE(IsVotingRole("non_voting_member"));
  EXPECT_FALSE(IsVotingRole("secretary"));
  EXPECT_TRUE(IsReviewerRole("secretary"));
  EXPECT_FALSE(IsReviewerRole("voting_member"));
}

TEST(Seats, ASeatCoversItsFirstDayButNotTheDayItEnds) {
  const Seat seat{"u", "o", "chair", "2026-03-01", "2026-06-01"};
  EXPECT_FALSE(SitsOn(seat, "2026-02-28"));
  EXPECT_TRUE(SitsOn(seat, "2026-03-01"));
  EXPECT_TRUE(SitsOn(seat, "2026-05-31"));
  EXPECT_FALSE(SitsOn(seat, "2026-06-01"));
}

TEST(ChairRotation, YearlyTurnsOnEachAnniversaryAndPerMeetingAfterEachMeeting) {
  const std::vector<std::string> parties = {"pharma", "startup"};
  EXPECT_EQ(ChairParty("none", "2025-04-01", parties, "2026-11-22", {}), std::nullopt);
  EXPECT_EQ(ChairParty("yearly", "2025-04-01", parties, "2025-04-01", {}), "pharma");
  EXPECT_EQ(ChairParty("yearly", "2025-04-01", parties, "2026-03-31", {}), "pharma");
  EXPECT_EQ(ChairParty("yearly", "2025-04-01", parties, "2026-04-01", {}), "startup");
  EXPECT_EQ(ChairParty("yearly", "2025-04-01", parties, "2027-04-01", {}), "pharma");
  EXPECT_EQ(ChairParty("yearly", "2027-01-01", parties, "2026-11-22", {}), "pharma");
  // Started on 29 February: in a common year the turn passes on 1 March.
  EXPECT_EQ(ChairParty("yearly", "2024-02-29", parties, "2025-02-28", {}), "pharma");
  EXPECT_EQ(ChairParty("yearly", "2024-02-29", parties, "2025-03-01", {}), "startup");
  EXPECT_EQ(ChairParty("yearly", "2024-02-29", parties, "2028-02-29", {}), "pharma");
  EXPECT_EQ(ChairParty("per_meeting", "2025-04-01", parties, "2026-11-22", {"m1", "m2", "m3"}),
            "startup");
  EXPECT_EQ(ChairParty("per_meeting", "2025-04-01", {"a", "b", "c"}, "2026-11-22",
                       {"m1", "m2", "m3", "m4"}),
            "b");
}

TEST(Quorum, EveryPartyNeedsAVotingMemberPresentAndADelegateCounts) {
  auto q =
      CheckQuorum("every_party_voting", Board(),
                  {{"p-chair", "present"}, {"s-guest", "present"}, {"s-vote", "absent"}}, kParties);
  EXPECT_FALSE(q.met);
  EXPECT_NE(q.detail.find("Nimbus"), std::string::npos) << q.detail;
  ASSERT_EQ(q.by_party.size(), 2u);
  EXPECT_EQ(q.by_party[0].present, 1);
  EXPECT_EQ(q.by_party[0].voting_members, 2);
  EXPECT_EQ(q.by_party[1].present, 0);  // a non-voting member does not count

  q = CheckQuorum("every_party_voting", Board(), {{"p-chair", "present"}, {"s-vote", "delegate"}},
                  kParties);
  EXPECT_TRUE(q.met) << q.detail;
}

TEST(Quorum, MajorityNeedsMoreThanHalfAndEveryPartyAllNeedsEveryone) {
  // 4 voting members: 2 present is not a majority.
  auto q = CheckQuorum("majority_voting", Board(), {{"p-chair", "present"}, {"s-vote", "present"}},
                       kParties);
  EXPECT_FALSE(q.met);
  q = CheckQuorum("majority_voting", Board(),
                  {{"p-chair", "present"}, {"p-vote", "present"}, {"s-vote", "present"}}, kParties);
  EXPECT_TRUE(q.met) << q.detail;
  // A majority from one party alone is not enough.
  q = CheckQuorum("majority_voting",
                  {{"a1", "pharma", "voting_member", "2026-01-01", std::nullopt},
                   {"a2", "pharma", "voting_member", "2026-01-01", std::nullopt},
                   {"a3", "pharma", "voting_member", "2026-01-01", std::nullopt},
                   {"b1", "startup", "voting_member", "2026-01-01", std::nullopt}},
                  {{"a1", "present"}, {"a2", "present"}, {"a3", "present"}}, kParties);
  EXPECT_FALSE(q.met);
  q = CheckQuorum("all_voting", Board(),
                  {{"p-chair", "present"}, {"p-vote", "present"}, {"s-vote", "present"}}, kParties);
  EXPECT_FALSE(q.met);
  EXPECT_NE(q.detail.find("1 of 4"), std::string::npos) << q.detail;
  q = CheckQuorum("all_voting", Board(),
                  {{"p-chair", "present"},
                   {"p-vote", "present"},
                   {"s-vote", "present"},
                   {"s-cochair", "delegate"}},
                  kParties);
  EXPECT_TRUE(q.met);
}

TEST(Quorum, ACommitteeWithoutVotingMembersHasNone) {
  const auto q =
      CheckQuorum("every_party_voting", {{"x", "pharma", "secretary", "2026-01-01", std::nullopt}},
                  {{"x", "present"}}, kParties);
  EXPECT_FALSE(q.met);
}

TEST(Consent, OnePartyCannotApproveAlone) {
  const std::vector<std::string> parties = {"pharma", "startup"};
  auto positions = PartyPositions(parties, {{"p-chair", "pharma", "approve"}});
  EXPECT_EQ(positions[0].position, "approved");
  EXPECT_EQ(positions[1].position, "pending");
  EXPECT_EQ(ConsentOutcome(positions), "proposed");

  positions =
      PartyPositions(parties, {{"p-chair", "pharma", "approve"}, {"p-vote", "pharma", "approve"}});
  EXPECT_EQ(ConsentOutcome(positions), "proposed") << "two votes of one party are still one party";

  positions =
      PartyPositions(parties, {{"p-chair", "pharma", "approve"}, {"s-vote", "startup", "approve"}});
  EXPECT_EQ(ConsentOutcome(positions), "approved");
}

TEST(Consent, ARejectionByAnyVoterRejectsForTheirPartyAndAbstentionsWait) {
  const std::vector<std::string> parties = {"pharma", "startup"};
  auto positions = PartyPositions(parties, {{"p-chair", "pharma", "approve"},
                                            {"s-vote", "startup", "approve"},
                                            {"s-cochair", "startup", "reject"}});
  EXPECT_EQ(positions[1].position, "rejected");
  EXPECT_EQ(ConsentOutcome(positions), "rejected");
  positions =
      PartyPositions(parties, {{"p-chair", "pharma", "approve"}, {"s-vote", "startup", "abstain"}});
  EXPECT_EQ(ConsentOutcome(positions), "proposed");
  EXPECT_EQ(ConsentOutcome({}), "proposed") << "no voting party: nobody can approve";
}

TEST(Minutes, FinalOnlyWhenEveryRequiredPartyApproved) {
  EXPECT_FALSE(MinutesApproved({"pharma", "startup"}, {"pharma"}));
  EXPECT_TRUE(MinutesApproved({"pharma", "startup"}, {"startup", "pharma"}));
  EXPECT_TRUE(MinutesApproved({"pharma"}, {"pharma"}));
  EXPECT_FALSE(MinutesApproved({}, {"pharma"}));
}

TEST(Escalation, MovesOneLevelPerPassedLimitUntilADueDateIsNotPast) {
  const std::vector<EscalationLevel> levels = {{"Project team", std::nullopt, 10},
                                               {"JDC", "jdc", 14},
                                               {"JSC", "jsc", 30},
                                               {"Executives", std::nullopt, 30}};
  EXPECT_TRUE(DueEscalations(levels, 0, "2026-12-01", "2026-12-01").empty())
      << "the due day itself has not passed";
  auto steps = DueEscalations(levels, 0, "2026-12-01", "2026-12-02");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].level, 1);
  EXPECT_EQ(steps[0].entered_on, "2026-12-02");
  EXPECT_EQ(steps[0].due_on, "2026-12-15");
  // Both the team's and the JDC's limits have passed: two moves, the second due from the first.
  steps = DueEscalations(levels, 0, "2026-12-01", "2026-12-20");
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].level, 2);
  EXPECT_EQ(steps[1].entered_on, "2026-12-16");
  EXPECT_EQ(steps[1].due_on, "2027-01-14");
  // The last level stays, however late.
  steps = DueEscalations(levels, 0, "2026-12-01", "2028-01-01");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps.back().level, 3);
  EXPECT_TRUE(DueEscalations(levels, 3, "2026-12-01", "2028-01-01").empty());
}

TEST(Cadence, ClassicIsQuarterlyForTheSteeringCommitteeAndMonthlyForOthers) {
  const std::vector<CommitteeRef> committees = {{"jsc", "JSC", "joint_steering"},
                                                {"jdc", "JDC", "joint_development"}};
  const auto classic = ProposeMeetings("classic", committees, "2027-01-04", 12);
  int jsc = 0, jdc = 0;
  for (const auto& m : classic) {
    (m.committee_id == "jsc" ? jsc : jdc)++;
    if (m.committee_id == "jsc") EXPECT_EQ(m.duration_minutes, 180);
    if (m.committee_id == "jdc") EXPECT_EQ(m.duration_minutes, 90);
  }
  EXPECT_EQ(jsc, 4);
  EXPECT_EQ(jdc, 12);
  EXPECT_EQ(classic.front().starts_at, "2027-01-04T15:00:00Z");
  EXPECT_TRUE(std::is_sorted(classic.begin(), classic.end(), [](const auto& a, const auto& b) {
    return a.starts_at < b.starts_at;
  }));
}

TEST(Cadence, LeanIsShorterAndMoreFrequentAndWeekendsMoveToMonday) {
  const std::vector<CommitteeRef> committees = {{"jsc", "JSC", "joint_steering"},
                                                {"team", "Team", "joint_project_team"}};
  const auto lean = ProposeMeetings("lean", committees, "2027-01-02", 2);  // a Saturday
  int jsc = 0, team = 0;
  for (const auto& m : lean) {
    (m.committee_id == "jsc" ? jsc : team)++;
    EXPECT_LE(m.duration_minutes, 60);
  }
  EXPECT_EQ(jsc, 1);
  EXPECT_EQ(team, 5);  // every two weeks for two months
  EXPECT_EQ(lean.front().starts_at, "2027-01-04T15:00:00Z");
}

TEST(Cadence, MonthlyStepsFromTheThirtyFirstKeepTheMonthEnd) {
  const std::vector<CommitteeRef> committees = {{"jdc", "JDC", "joint_development"}};
  // 31 Jan 2027 and 28 Feb 2027 are Sundays; each step counts from 31 January, so March keeps
  // its 31st; the proposal ends before 30 April (31 January + 3 months).
  const auto classic = ProposeMeetings("classic", committees, "2027-01-31", 3);
  ASSERT_EQ(classic.size(), 3u);
  EXPECT_EQ(classic[0].starts_at, "2027-02-01T15:00:00Z");
  EXPECT_EQ(classic[1].starts_at, "2027-03-01T15:00:00Z");
  EXPECT_EQ(classic[2].starts_at, "2027-03-31T15:00:00Z");
}

TEST(Stakeholders, QuadrantsOfTheInfluenceInterestMap) {
  EXPECT_EQ(Quadrant(5, 5), "manage_closely");
  EXPECT_EQ(Quadrant(3, 3), "manage_closely");
  EXPECT_EQ(Quadrant(4, 1), "keep_satisfied");
  EXPECT_EQ(Quadrant(2, 5), "keep_informed");
  EXPECT_EQ(Quadrant(1, 2), "monitor");
}

TEST(Actions, OverdueWhenOpenOrInProgressPastTheDueDay) {
  EXPECT_TRUE(IsOverdue("open", "2026-11-21", "2026-11-22"));
  EXPECT_TRUE(IsOverdue("in_progress", "2026-11-21", "2026-11-22"));
  EXPECT_FALSE(IsOverdue("open", "2026-11-22", "2026-11-22"));
  EXPECT_FALSE(IsOverdue("done", "2026-11-01", "2026-11-22"));
  EXPECT_FALSE(IsOverdue("cancelled", "2026-11-01", "2026-11-22"));
}

TEST(Inputs, TimeZonesInstantsAndLinks) {
  EXPECT_TRUE(IsTimeZoneName("UTC"));
  EXPECT_TRUE(IsTimeZoneName("Europe/Berlin"));
  EXPECT_TRUE(IsTimeZoneName("America/Argentina/Buenos_Aires"));
  EXPECT_FALSE(IsTimeZoneName("../etc/passwd"));
  EXPECT_FALSE(IsTimeZoneName("Berlin"));
  EXPECT_TRUE(IsUtcInstant("2026-12-01T15:00:00Z"));
  EXPECT_FALSE(IsUtcInstant("2026-12-01T15:00:00+01:00"));
  EXPECT_FALSE(IsUtcInstant("2026-12-01T15:00:00.000Z"));
  EXPECT_FALSE(IsUtcInstant("2026-02-30T15:00:00Z"));
  EXPECT_FALSE(IsUtcInstant("2300-01-01T15:00:00Z"));  // past what a meeting end can hold
  EXPECT_FALSE(IsUtcInstant("1899-12-31T15:00:00Z"));
  EXPECT_TRUE(IsUtcInstant("2199-12-31T23:59:59Z"));
  EXPECT_FALSE(IsUtcInstant("2026-12-01T24:00:00Z"));
  EXPECT_TRUE(IsWebLink("https://meet.example.org/jsc?id=1"));
  EXPECT_FALSE(IsWebLink("javascript:alert(1)"));
  EXPECT_FALSE(IsWebLink("https://exa mple.org"));
}

}  // namespace
}  // namespace northstar::governance
