#include "modules/alliances/model.hpp"

#include <gtest/gtest.h>

namespace northstar::alliances {
namespace {

TEST(StageTransitions, ForwardThroughTheDealStages) {
  EXPECT_TRUE(IsTransitionAllowed("scouting", "evaluation"));
  EXPECT_TRUE(IsTransitionAllowed("evaluation", "due_diligence"));
  EXPECT_TRUE(IsTransitionAllowed("due_diligence", "negotiation"));
  EXPECT_TRUE(IsTransitionAllowed("negotiation", "startup"));
  EXPECT_TRUE(IsTransitionAllowed("startup", "execution"));
  EXPECT_TRUE(IsTransitionAllowed("execution", "renewal"));
  EXPECT_TRUE(IsTransitionAllowed("renewal", "execution"));
  EXPECT_TRUE(IsTransitionAllowed("wind_down", "closed"));
}

TEST(StageTransitions, NoSkippingAndNothingAfterTheEnd) {
  EXPECT_FALSE(IsTransitionAllowed("scouting", "execution"));
  EXPECT_FALSE(IsTransitionAllowed("startup", "scouting"));
  EXPECT_FALSE(IsTransitionAllowed("execution", "closed"));
  EXPECT_FALSE(IsTransitionAllowed("scouting", "scouting"));
  EXPECT_TRUE(AllowedNextStages("closed").empty());
  EXPECT_TRUE(AllowedNextStages("terminated").empty());
  EXPECT_TRUE(AllowedNextStages("no_such_stage").empty());
}

TEST(StageTransitions, EveryStageHasRulesAndEveryTargetIsAStage) {
  for (auto stage : Stages()) {
    for (auto next : AllowedNextStages(stage)) {
      EXPECT_NE(std::find(Stages().begin(), Stages().end(), next), Stages().end()) << next;
    }
  }
  EXPECT_FALSE(AllowedNextStages("execution").empty());
}

TEST(StageTransitions, InvalidTransitionNamesTheAllowedStages) {
  Status s = CheckTransition("startup", "closed");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kValidation);
  ASSERT_EQ(s.error().fields.size(), 1u);
  EXPECT_EQ(s.error().fields[0].field, "to");
  EXPECT_NE(s.error().fields[0].message.find("execution, terminated"), std::string::npos);
  EXPECT_EQ(s.error().extra_json, R"({"allowed":["execution","terminated"]})");
  EXPECT_TRUE(CheckTransition("startup", "execution").ok());
}

Party P(const std::string& org) { return {org, "", "", "member", "", ""}; }

TEST(CheckParties, NeedsTwoDistinctPartiesIncludingTheCreator) {
  EXPECT_TRUE(CheckParties({P("a"), P("b")}, "a").empty());
  EXPECT_TRUE(CheckParties({P("a"), P("b"), P("c")}, "c").empty());
  auto one = CheckParties({P("a")}, "a");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].field, "parties");
  auto dup = CheckParties({P("a"), P("a")}, "a");
  ASSERT_EQ(dup.size(), 2u);
  EXPECT_EQ(dup[0].field, "parties[1].organization_id");
  auto outsider = CheckParties({P("a"), P("b")}, "z");
  ASSERT_EQ(outsider.size(), 1u);
  EXPECT_EQ(outsider[0].message, "must include your own organisation");
}

TEST(Alliance, FindsPartiesByOrganisation) {
  Alliance a;
  a.parties = {P("a"), P("b")};
  ASSERT_NE(a.FindParty("b"), nullptr);
  EXPECT_EQ(a.FindParty("c"), nullptr);
}

}  // namespace
}  // namespace northstar::alliances
