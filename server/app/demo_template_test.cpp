#include "app/demo_template.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace northstar::demo {
namespace {

Bindings Example() {
  Bindings b(Date::FromText("2026-03-31"));
  b.AddOrganization("meridian", "org-1");
  b.AddPerson("ben@meridian.example", "user-7", "s3cret");
  b.Save("heart", json::parse(R"({"id": "a-1", "version": 3, "tags": ["x", "y"]})"));
  b.Save("reports", json::parse(R"({"items": [{"due_on": "2026-01-31"}, {"due_on": "2026-02-28"},
                                              {"due_on": "2026-03-31"}],
                                    "milestones": [{"title": "First patient in", "id": "m-1"},
                                                   {"title": "DiGA listing", "id": "m-2"}]})"));
  return b;
}

TEST(DemoReferences, DaysAreRelativeToTheDayOfLoadingAcrossMonthEnds) {
  const Bindings b = Example();
  EXPECT_EQ(b.ExpandText("{today}"), "2026-03-31");
  EXPECT_EQ(b.ExpandText("{today+1}"), "2026-04-01");
  EXPECT_EQ(b.ExpandText("{today-31}"), "2026-02-28");
  EXPECT_EQ(b.ExpandText("{today+3}T09:30:00Z"), "2026-04-03T09:30:00Z");
}

TEST(DemoReferences, NameOrganisationsPeopleAndWhatEarlierStepsSaved) {
  const Bindings b = Example();
  EXPECT_EQ(b.ExpandText("/api/v1/alliances/{heart.id}/members/{user:ben@meridian.example}"),
            "/api/v1/alliances/a-1/members/user-7");
  EXPECT_EQ(b.ExpandText("{org:meridian}"), "org-1");
  EXPECT_EQ(b.ExpandText("{password:ben@meridian.example}"), "s3cret");
  EXPECT_EQ(b.ExpandText("version {heart.version}"), "version 3");
  EXPECT_EQ(b.ExpandText("{reports.milestones[title=DiGA listing].id}"), "m-2");
}

TEST(DemoReferences, AWholeReferenceKeepsItsTypeAndTextMixesIn) {
  const Bindings b = Example();
  const json::value body = b.Expand(json::parse(
      R"({"version": "{heart.version}", "tags": "{heart.tags}", "note": "v{heart.version}",
          "nested": [{"by": "{user:ben@meridian.example}"}], "n": 5})"));
  EXPECT_EQ(body.at("version"), json::value(3));
  EXPECT_EQ(body.at("tags"), json::parse(R"(["x", "y"])"));
  EXPECT_EQ(body.at("note"), json::value("v3"));
  EXPECT_EQ(body.at("nested").at(0).at("by"), json::value("user-7"));
  EXPECT_EQ(body.at("n"), json::value(5));
}

TEST(DemoReferences, IndexesCountFromTheEndAndSlicesFollowPython) {
  const Bindings b = Example();
  EXPECT_EQ(b.ExpandText("{reports.items[-1].due_on}"), "2026-03-31");
  EXPECT_EQ(b.ExpandText("{reports.items[0].due_on+9}"), "2026-02-09");
  EXPECT_EQ(b.Lookup("reports.items[:-1]").as_array().size(), 2u);
  EXPECT_EQ(b.Lookup("reports.items[1:]").as_array().at(0).at("due_on"), "2026-02-28");
  EXPECT_EQ(b.Lookup("reports.items[-2:-1]").as_array().size(), 1u);
  EXPECT_TRUE(b.Lookup("reports.items[5:9]").as_array().empty());
}

TEST(DemoReferences, AMistakeInTheDataStopsTheLoadWithTheReferenceNamed) {
  const Bindings b = Example();
  for (const char* wrong :
       {"{plan.id}", "{heart.title}", "{heart.id[0]}", "{reports.items[3]}", "{reports.items[x]}",
        "{reports.milestones[title=Nothing].id}", "{org:velara}", "{user:nobody@x.example}",
        "{heart.id+3}", "{today+x}", "{heart.tags}s", "{today", "{}"}) {
    EXPECT_THROW(b.ExpandText(wrong), std::invalid_argument) << wrong;
  }
  EXPECT_THROW(b.PasswordOf("nobody@x.example"), std::invalid_argument);
}

TEST(DemoReferences, TextWithoutBracesIsLeftAsItIs) {
  const Bindings b = Example();
  EXPECT_EQ(b.ExpandText("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"),
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1");
  EXPECT_EQ(b.Expand(json::value("")), json::value(""));
}

}  // namespace
}  // namespace northstar::demo
