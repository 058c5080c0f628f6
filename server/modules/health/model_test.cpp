#include "modules/health/model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <tuple>

namespace northstar::health {
namespace {

using Hidden = std::vector<bool>;

// ---- helpers ---------------------------------------------------------------------------------

json::value Parse(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  EXPECT_FALSE(ec) << text;
  return v;
}

template <typename T>
std::vector<FieldError> FieldErrors(const Result<T>& result) {
  if (result.ok()) return {};
  EXPECT_EQ(result.error().code, ErrorCode::kValidation);
  return result.error().fields;
}

template <typename T>
std::vector<std::string> Fields(const Result<T>& result) {
  std::vector<std::string> fields;
  for (const auto& e : FieldErrors(result)) fields.push_back(e.field);
  return fields;
}

// The message of the first error on `field`, or "" when there is none.
template <typename T>
std::string MessageOn(const Result<T>& result, std::string_view field) {
  for (const auto& e : FieldErrors(result)) {
    if (e.field == field) return e.message;
  }
  return "";
}

bool Contains(std::string_view text, std::string_view fragment) {
  return text.find(fragment) != std::string_view::npos;
}

std::string Repeat(std::string_view unit, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

json::object AgreementItem(const std::string& key) {
  return {{"key", key}, {"text", "A statement about " + key + "."}, {"scale", "agreement"}};
}

json::object LevelItem(const std::string& key) {
  return {{"key", key},
          {"text", "How is " + key + " done?"},
          {"scale", "level"},
          {"levels",
           {{"0", "Not at all."},
            {"25", "Now and then."},
            {"50", "By one party."},
            {"75", "By both parties."},
            {"100", "Jointly, reviewed each year."}}}};
}

json::object DimensionWith(const std::string& key, json::array items) {
  return {{"key", key},
          {"name", "The " + key + " dimension"},
          {"description", "What " + key + " is about."},
          {"items", std::move(items)}};
}

// A valid bank of `dimensions` dimensions ("d0", "d1", …) of `items` agreement items each.
json::value BankOf(size_t dimensions, size_t items) {
  json::array out;
  for (size_t d = 0; d < dimensions; ++d) {
    const std::string key = "d" + std::to_string(d);
    json::array list;
    for (size_t i = 0; i < items; ++i)
      list.emplace_back(AgreementItem(key + ".i" + std::to_string(i)));
    out.emplace_back(DimensionWith(key, std::move(list)));
  }
  return out;
}

// A small bank: governance with an agreement and a level item, then trust with one agreement item.
json::value SmallBankJson() {
  return json::array{DimensionWith("governance", {AgreementItem("governance.decision_speed"),
                                                  LevelItem("governance.escalation")}),
                     DimensionWith("trust", {AgreementItem("trust.good_faith")})};
}

// The "people" dimension of db/health/default-bank.json as shipped, copied verbatim: two level
// items, and typographic apostrophes that count as one character each.
constexpr std::string_view kDefaultBankPeople = R"json([
    {
      "key": "people",
      "name": "People joining and leaving",
      "description": "Whether newcomers are brought up to speed and departures are handed over, so that changes of people do not set the alliance back.",
      "items": [
        {
          "key": "people.changes_announced",
          "text": "The other party tells us in good time when key people on the alliance change.",
          "scale": "agreement"
        },
        {
          "key": "people.newcomers_up_to_speed",
          "text": "People new to the alliance quickly learn how the other party works and whom to ask.",
          "scale": "agreement"
        },
        {
          "key": "people.continuity",
          "text": "When people change, the alliance keeps its pace and the decisions already taken.",
          "scale": "agreement"
        },
        {
          "key": "people.onboarding",
          "text": "How are people who join the alliance brought up to speed?",
          "scale": "level",
          "levels": {
            "0": "Newcomers find out about the alliance and the partner on their own.",
            "25": "Newcomers are sent the contract and past minutes to read.",
            "50": "Their own alliance manager briefs newcomers on the North Star, the partner and the governance.",
            "75": "A joint briefing covers the North Star, both parties’ ways of working, key contacts and open issues.",
            "100": "Both parties own and update the onboarding together, introduce newcomers to their counterparts, and improve it from newcomers’ feedback."
          }
        },
        {
          "key": "people.handover",
          "text": "What happens when someone leaves the alliance?",
          "scale": "level",
          "levels": {
            "0": "They leave without a handover; the partner finds out when messages go unanswered.",
            "25": "A successor is named, but knowledge and contacts pass on informally, if at all.",
            "50": "A handover note covers open actions and decisions, and the partner is told who the successor is.",
            "75": "Departures are announced to both parties in advance, with a written handover and an introduction of the successor to counterparts.",
            "100": "Both parties plan for key departures, let successors overlap with leavers, and check a few months later that nothing was lost."
          }
        }
      ]
    }
  ])json";

bool SameItems(const Item& a, const Item& b) {
  return std::tie(a.key, a.text, a.scale, a.levels) == std::tie(b.key, b.text, b.scale, b.levels);
}

bool SameDimensions(const std::vector<Dimension>& a, const std::vector<Dimension>& b) {
  if (a.size() != b.size()) return false;
  for (size_t d = 0; d < a.size(); ++d) {
    if (std::tie(a[d].key, a[d].name, a[d].description) !=
            std::tie(b[d].key, b[d].name, b[d].description) ||
        !std::equal(a[d].items.begin(), a[d].items.end(), b[d].items.begin(), b[d].items.end(),
                    SameItems)) {
      return false;
    }
  }
  return true;
}

// The bank of the sheet tests, built without the reader.
std::vector<Dimension> SheetBank() {
  Item speed{"governance.decision_speed", "Decisions are quick.", "agreement", {}};
  Item escalation{"governance.escalation",
                  "How are issues escalated?",
                  "level",
                  {{0, "a"}, {25, "b"}, {50, "c"}, {75, "d"}, {100, "e"}}};
  Item faith{"trust.good_faith", "We assume good intentions.", "agreement", {}};
  return {{"governance", "Governance", "", {speed, escalation}}, {"trust", "Trust", "", {faith}}};
}

std::vector<Answer> FullSheet() {
  return {{"governance.decision_speed", 4, ""},
          {"governance.escalation", 75, "We escalate through the steering committee."},
          {"trust.good_faith", std::nullopt, "Too early to say."}};
}

// ---- ReadDimensions / DimensionsJson / FindItem ----------------------------------------------

TEST(HealthBank, ReadsADimensionOfTheDefaultBankAsShipped) {
  const auto read = ReadDimensions(Parse(kDefaultBankPeople));
  ASSERT_TRUE(read.ok()) << read.error().detail;
  ASSERT_EQ(read->size(), 1u);
  const Dimension& people = read->front();
  EXPECT_EQ(people.key, "people");
  EXPECT_EQ(people.name, "People joining and leaving");
  EXPECT_TRUE(people.description.starts_with("Whether newcomers"));
  ASSERT_EQ(people.items.size(), 5u);
  EXPECT_EQ(people.items[0].key, "people.changes_announced");
  EXPECT_EQ(people.items[0].scale, "agreement");
  EXPECT_TRUE(people.items[0].levels.empty());
  const Item& handover = people.items[4];
  EXPECT_EQ(handover.key, "people.handover");
  EXPECT_EQ(handover.scale, "level");
  ASSERT_EQ(handover.levels.size(), 5u);
  EXPECT_EQ(handover.levels.begin()->first, 0);
  EXPECT_EQ(handover.levels.rbegin()->first, 100);
  EXPECT_TRUE(handover.levels.at(50).starts_with("A handover note"));
  EXPECT_TRUE(people.items[3].levels.at(75).find("parties’ ways") != std::string::npos);
}

TEST(HealthBank, RoundTripsThroughItsJson) {
  for (const json::value& bank :
       {Parse(kDefaultBankPeople), SmallBankJson(), BankOf(20, 12), BankOf(1, 1)}) {
    const auto first = ReadDimensions(bank);
    ASSERT_TRUE(first.ok()) << first.error().detail;
    const json::array written = DimensionsJson(first.value());
    EXPECT_EQ(json::value(written), bank) << Serialize(written);
    const auto again = ReadDimensions(written);
    ASSERT_TRUE(again.ok()) << again.error().detail;
    EXPECT_TRUE(SameDimensions(first.value(), again.value())) << Serialize(written);
  }
}

TEST(HealthBank, WritesLevelsOnlyForLevelItemsInTheirOrder) {
  const auto read = ReadDimensions(SmallBankJson());
  ASSERT_TRUE(read.ok()) << read.error().detail;
  const json::array written = DimensionsJson(read.value());
  const json::array& items = written[0].as_object().at("items").as_array();
  EXPECT_FALSE(items[0].as_object().contains("levels"));
  EXPECT_EQ(Serialize(items[1].as_object().at("levels")),
            R"({"0":"Not at all.","25":"Now and then.","50":"By one party.",)"
            R"("75":"By both parties.","100":"Jointly, reviewed each year."})");
}

TEST(HealthBank, AcceptsTheLimitsOfABank) {
  EXPECT_TRUE(ReadDimensions(BankOf(20, 12)).ok());
  EXPECT_TRUE(ReadDimensions(BankOf(1, 1)).ok());
  // Texts are counted in characters, not bytes: 300 "é" are 600 bytes.
  json::value bank = SmallBankJson();
  auto& item = bank.as_array()[0].as_object()["items"].as_array()[1].as_object();
  item["text"] = Repeat("é", 300);
  item["levels"].as_object()["50"] = Repeat("ü", 300);
  const auto read = ReadDimensions(bank);
  ASSERT_TRUE(read.ok()) << read.error().detail;
  EXPECT_EQ(read->at(0).items[1].levels.at(50), Repeat("ü", 300));
  // The description is optional.
  bank.as_array()[1].as_object().erase("description");
  EXPECT_TRUE(ReadDimensions(bank).ok());
}

TEST(HealthBank, RefusesTooFewOrTooManyDimensionsAndItems) {
  EXPECT_EQ(Fields(ReadDimensions(BankOf(21, 1))), std::vector<std::string>{"dimensions"});
  EXPECT_TRUE(Contains(MessageOn(ReadDimensions(BankOf(21, 1)), "dimensions"), "1 to 20"));
  EXPECT_EQ(Fields(ReadDimensions(json::array{})), std::vector<std::string>{"dimensions"});

  const auto thirteen = ReadDimensions(BankOf(2, 13));
  EXPECT_EQ(Fields(thirteen),
            (std::vector<std::string>{"dimensions[0].items", "dimensions[1].items"}));
  EXPECT_TRUE(Contains(MessageOn(thirteen, "dimensions[1].items"), "1 to 12"));
  EXPECT_EQ(Fields(ReadDimensions(BankOf(1, 0))), std::vector<std::string>{"dimensions[0].items"});

  // Too many items, and one of them wrong: both are told at once.
  json::value bank = BankOf(1, 13);
  bank.as_array()[0].as_object()["items"].as_array()[12].as_object()["scale"] = "stars";
  EXPECT_EQ(Fields(ReadDimensions(bank)),
            (std::vector<std::string>{"dimensions[0].items", "dimensions[0].items[12].scale"}));
}

TEST(HealthBank, RefusesWhatIsNotABankShape) {
  EXPECT_EQ(Fields(ReadDimensions(json::object{{"dimensions", json::array{}}})),
            std::vector<std::string>{"dimensions"});
  EXPECT_EQ(Fields(ReadDimensions(nullptr)), std::vector<std::string>{"dimensions"});
  EXPECT_EQ(
      Fields(ReadDimensions(Parse(R"([1, {"key": "x"}])"))),
      (std::vector<std::string>{"dimensions[0]", "dimensions[1].name", "dimensions[1].items"}));
  EXPECT_EQ(Fields(ReadDimensions(Parse(R"([{"key": "x", "name": "X", "items": ["x.y"]}])"))),
            std::vector<std::string>{"dimensions[0].items[0]"});
  EXPECT_EQ(Fields(ReadDimensions(Parse(R"([{"key": "x", "name": "X", "items": {}}])"))),
            std::vector<std::string>{"dimensions[0].items"});
}

TEST(HealthBank, RefusesARepeatedDimensionKeyNamingTheFirst) {
  json::value bank = BankOf(3, 1);
  auto& third = bank.as_array()[2].as_object();
  third["key"] = "d0";
  third["items"].as_array()[0].as_object()["key"] = "d0.other";
  const auto read = ReadDimensions(bank);
  EXPECT_EQ(Fields(read), std::vector<std::string>{"dimensions[2].key"});
  EXPECT_TRUE(Contains(MessageOn(read, "dimensions[2].key"), "dimensions[0].key"))
      << MessageOn(read, "dimensions[2].key");
}

TEST(HealthBank, RefusesARepeatedItemKey) {
  json::value bank = SmallBankJson();
  bank.as_array()[0].as_object()["items"].as_array()[1].as_object()["key"] =
      "governance.decision_speed";
  const auto read = ReadDimensions(bank);
  EXPECT_EQ(Fields(read), std::vector<std::string>{"dimensions[0].items[1].key"});
  EXPECT_TRUE(
      Contains(MessageOn(read, "dimensions[0].items[1].key"), "dimensions[0].items[0].key"));

  // Across dimensions too, when two dimensions share a key.
  json::value twice = BankOf(2, 1);
  twice.as_array()[1].as_object()["key"] = "d0";
  twice.as_array()[1].as_object()["items"].as_array()[0].as_object()["key"] = "d0.i0";
  EXPECT_EQ(Fields(ReadDimensions(twice)),
            (std::vector<std::string>{"dimensions[1].key", "dimensions[1].items[0].key"}));
}

TEST(HealthBank, RefusesAnItemKeyNotPrefixedByItsDimension) {
  for (const std::string key :
       {"trust.good_faith", "governance_speed", "governancex.speed", "governance.",
        "governance.Speed", "governance.speed.more", "governance", ".governance.speed"}) {
    json::value bank = SmallBankJson();
    bank.as_array()[0].as_object()["items"].as_array()[0].as_object()["key"] = key;
    const auto read = ReadDimensions(bank);
    // "trust.good_faith" also repeats the trust item's key, which comes later in the bank.
    ASSERT_FALSE(read.ok()) << key;
    EXPECT_EQ(Fields(read)[0], "dimensions[0].items[0].key") << key;
    EXPECT_TRUE(Contains(MessageOn(read, "dimensions[0].items[0].key"), "governance.")) << key;
  }
  // Beginning with the dimension's key is not enough: "d0.i0" is no item of "d0_x".
  json::value bank = BankOf(1, 1);
  bank.as_array()[0].as_object()["key"] = "d0_x";
  EXPECT_EQ(Fields(ReadDimensions(bank)), std::vector<std::string>{"dimensions[0].items[0].key"});
}

TEST(HealthBank, RefusesADimensionKeyThatIsNotSnakeCase) {
  for (const std::string key :
       {"Governance", "2governance", "gov-ernance", "gov ernance", "_gov", "governance.x", "été"}) {
    json::value bank = BankOf(1, 1);
    bank.as_array()[0].as_object()["key"] = key;
    // The items' prefix is not checked against a key that is itself wrong.
    EXPECT_EQ(Fields(ReadDimensions(bank)), std::vector<std::string>{"dimensions[0].key"}) << key;
  }
  for (const std::string key : {"governance", "ways_of_working", "g2", "a"}) {
    json::value bank = BankOf(1, 1);
    bank.as_array()[0].as_object()["key"] = key;
    bank.as_array()[0].as_object()["items"].as_array()[0].as_object()["key"] = key + ".x_1";
    EXPECT_TRUE(ReadDimensions(bank).ok()) << key;
  }
}

TEST(HealthBank, RefusesALevelItemMissingALevelNamingItsPath) {
  json::value bank = SmallBankJson();
  auto& levels = bank.as_array()[0].as_object()["items"].as_array()[1].as_object()["levels"];
  levels.as_object().erase("50");
  const auto read = ReadDimensions(bank);
  EXPECT_EQ(Fields(read), std::vector<std::string>{"dimensions[0].items[1].levels.50"});
  EXPECT_EQ(MessageOn(read, "dimensions[0].items[1].levels.50"), "is required");
}

TEST(HealthBank, RefusesLevelsOtherThanTheFiveWithADescriptionEach) {
  const auto with_levels = [](json::value levels) {
    json::value bank = SmallBankJson();
    bank.as_array()[0].as_object()["items"].as_array()[1].as_object()["levels"] = std::move(levels);
    return ReadDimensions(bank);
  };
  const json::object five = LevelItem("x.y").at("levels").as_object();

  json::object extra = five;
  extra["10"] = "Between not at all and now and then.";
  EXPECT_EQ(Fields(with_levels(extra)),
            std::vector<std::string>{"dimensions[0].items[1].levels.10"});

  json::object empty = five;
  empty["0"] = "   ";
  EXPECT_EQ(Fields(with_levels(empty)),
            std::vector<std::string>{"dimensions[0].items[1].levels.0"});

  json::object long_one = five;
  long_one["100"] = Repeat("x", 301);
  EXPECT_EQ(Fields(with_levels(long_one)),
            std::vector<std::string>{"dimensions[0].items[1].levels.100"});

  json::object number = five;
  number["25"] = 25;
  EXPECT_EQ(Fields(with_levels(number)),
            std::vector<std::string>{"dimensions[0].items[1].levels.25"});

  EXPECT_EQ(Fields(with_levels(json::array{"a", "b", "c", "d", "e"})),
            std::vector<std::string>{"dimensions[0].items[1].levels"});

  EXPECT_EQ(Fields(with_levels(json::object{})),
            (std::vector<std::string>{
                "dimensions[0].items[1].levels.0", "dimensions[0].items[1].levels.25",
                "dimensions[0].items[1].levels.50", "dimensions[0].items[1].levels.75",
                "dimensions[0].items[1].levels.100"}));

  json::value without = SmallBankJson();
  without.as_array()[0].as_object()["items"].as_array()[1].as_object().erase("levels");
  EXPECT_EQ(Fields(ReadDimensions(without)),
            std::vector<std::string>{"dimensions[0].items[1].levels"});
}

TEST(HealthBank, RefusesLevelsOnAnAgreementItem) {
  json::value bank = SmallBankJson();
  bank.as_array()[0].as_object()["items"].as_array()[0].as_object()["levels"] =
      LevelItem("x.y").at("levels");
  const auto read = ReadDimensions(bank);
  EXPECT_EQ(Fields(read), std::vector<std::string>{"dimensions[0].items[0].levels"});
}

TEST(HealthBank, RefusesBadItemAndDimensionFieldsAllAtOnce) {
  json::value bank = SmallBankJson();
  auto& governance = bank.as_array()[0].as_object();
  governance["name"] = "";
  governance["colour"] = "blue";
  auto& speed = governance["items"].as_array()[0].as_object();
  speed["text"] = Repeat("x", 301);
  speed["scale"] = "stars";
  speed["weight"] = 2;
  auto& faith = bank.as_array()[1].as_object()["items"].as_array()[0].as_object();
  faith.erase("text");
  faith.erase("scale");
  const auto read = ReadDimensions(bank);
  EXPECT_EQ(Fields(read),
            (std::vector<std::string>{
                "dimensions[0].name", "dimensions[0].items[0].text", "dimensions[0].items[0].scale",
                "dimensions[0].items[0].weight", "dimensions[0].colour",
                "dimensions[1].items[0].text", "dimensions[1].items[0].scale"}));
  EXPECT_TRUE(Contains(MessageOn(read, "dimensions[0].items[0].text"), "300"));
  EXPECT_TRUE(Contains(MessageOn(read, "dimensions[0].items[0].scale"), "agreement, level"));
  EXPECT_EQ(read.error().detail, "7 fields are invalid");
}

TEST(HealthBank, FindsAnItemByItsKeyOnly) {
  const std::vector<Dimension> bank = SheetBank();
  const Item* found = FindItem(bank, "trust.good_faith");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found, &bank[1].items[0]);
  EXPECT_EQ(FindItem(bank, "governance.escalation")->scale, "level");
  EXPECT_EQ(FindItem(bank, "trust"), nullptr);
  EXPECT_EQ(FindItem(bank, "trust.good"), nullptr);
  EXPECT_EQ(FindItem(bank, ""), nullptr);
  EXPECT_EQ(FindItem({}, "trust.good_faith"), nullptr);
}

// ---- CheckSheet / CheckDraft -----------------------------------------------------------------

TEST(HealthSheet, AcceptsEveryItemAnsweredOnceInAnyOrder) {
  const std::vector<Dimension> bank = SheetBank();
  EXPECT_TRUE(CheckSheet(bank, FullSheet()).ok());
  std::vector<Answer> reversed = FullSheet();
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_TRUE(CheckSheet(bank, reversed).ok());
  // Every value of each scale, and don't know everywhere.
  for (const int agreement : kAgreementValues) {
    for (const int level : kLevelValues) {
      std::vector<Answer> sheet = FullSheet();
      sheet[0].value = agreement;
      sheet[1].value = level;
      EXPECT_TRUE(CheckSheet(bank, sheet).ok()) << agreement << " " << level;
    }
  }
  EXPECT_TRUE(CheckSheet(bank, {{"governance.decision_speed", std::nullopt, ""},
                                {"governance.escalation", std::nullopt, ""},
                                {"trust.good_faith", std::nullopt, ""}})
                  .ok());
  // A comment of 2,000 characters, counted as characters.
  std::vector<Answer> commented = FullSheet();
  commented[2].comment = Repeat("ö", 2000);
  EXPECT_TRUE(CheckSheet(bank, commented).ok());
}

TEST(HealthSheet, RefusesAnItemLeftOutNamingIt) {
  std::vector<Answer> sheet = FullSheet();
  sheet.erase(sheet.begin() + 1);
  const Status checked = CheckSheet(SheetBank(), sheet);
  EXPECT_EQ(Fields(checked), std::vector<std::string>{"answers"});
  EXPECT_TRUE(Contains(MessageOn(checked, "answers"), "governance.escalation"));

  const Status empty = CheckSheet(SheetBank(), {});
  EXPECT_EQ(Fields(empty), (std::vector<std::string>{"answers", "answers", "answers"}));
}

TEST(HealthSheet, RefusesAnUnknownItem) {
  std::vector<Answer> sheet = FullSheet();
  sheet.push_back({"trust.bad_news_early", 3, ""});
  const Status checked = CheckSheet(SheetBank(), sheet);
  EXPECT_EQ(Fields(checked), std::vector<std::string>{"answers[3].item"});
  EXPECT_TRUE(Contains(MessageOn(checked, "answers[3].item"), "trust.bad_news_early"));
  // A dimension's key is not an item.
  sheet.back().item = "trust";
  EXPECT_EQ(Fields(CheckSheet(SheetBank(), sheet)), std::vector<std::string>{"answers[3].item"});
}

TEST(HealthSheet, RefusesAnItemAnsweredTwiceNamingTheFirstAnswer) {
  std::vector<Answer> sheet = FullSheet();
  sheet.push_back({"governance.decision_speed", 2, ""});
  const Status checked = CheckSheet(SheetBank(), sheet);
  EXPECT_EQ(Fields(checked), std::vector<std::string>{"answers[3].item"});
  EXPECT_TRUE(Contains(MessageOn(checked, "answers[3].item"), "answers[0]"));
  // Even when both give don't know.
  sheet[0].value = std::nullopt;
  sheet[3].value = std::nullopt;
  EXPECT_EQ(Fields(CheckSheet(SheetBank(), sheet)), std::vector<std::string>{"answers[3].item"});
}

TEST(HealthSheet, RefusesAValueOffTheItemsScale) {
  const auto value_error = [](size_t index, int value) {
    std::vector<Answer> sheet = FullSheet();
    sheet[index].value = value;
    return Fields(CheckSheet(SheetBank(), sheet));
  };
  for (const int value : {0, 6, -1, 25, 100}) {
    EXPECT_EQ(value_error(0, value), std::vector<std::string>{"answers[0].value"}) << value;
  }
  for (const int value : {30, 1, 5, 3, -25, 125, 99}) {
    EXPECT_EQ(value_error(1, value), std::vector<std::string>{"answers[1].value"}) << value;
  }
  std::vector<Answer> sheet = FullSheet();
  sheet[1].value = 30;
  EXPECT_TRUE(
      Contains(MessageOn(CheckSheet(SheetBank(), sheet), "answers[1].value"), "0, 25, 50, 75"));
  sheet[1].value = 75;
  sheet[0].value = 7;
  EXPECT_TRUE(Contains(MessageOn(CheckSheet(SheetBank(), sheet), "answers[0].value"), "1, 2, 3"));
}

TEST(HealthSheet, RefusesACommentOverTwoThousandCharacters) {
  std::vector<Answer> sheet = FullSheet();
  sheet[2].comment = Repeat("ö", 2001);
  const Status checked = CheckSheet(SheetBank(), sheet);
  EXPECT_EQ(Fields(checked), std::vector<std::string>{"answers[2].comment"});
  EXPECT_TRUE(Contains(MessageOn(checked, "answers[2].comment"), "2000"));
}

TEST(HealthSheet, TellsEveryMistakeAtOnce) {
  const std::vector<Answer> sheet = {{"governance.escalation", 30, Repeat("x", 2001)},
                                     {"governance.escalation", 50, ""},
                                     {"people.handover", 50, ""}};
  EXPECT_EQ(Fields(CheckSheet(SheetBank(), sheet)),
            (std::vector<std::string>{"answers[0].value", "answers[0].comment", "answers[1].item",
                                      "answers[2].item", "answers", "answers"}));
  // As a draft, only the items left out are no mistake.
  EXPECT_EQ(Fields(CheckDraft(SheetBank(), sheet)),
            (std::vector<std::string>{"answers[0].value", "answers[0].comment", "answers[1].item",
                                      "answers[2].item"}));
}

TEST(HealthDraft, AcceptsItemsLeftOutButNothingElse) {
  const std::vector<Dimension> bank = SheetBank();
  EXPECT_TRUE(CheckDraft(bank, {}).ok());
  EXPECT_TRUE(CheckDraft(bank, {{"trust.good_faith", 2, ""}}).ok());
  EXPECT_TRUE(CheckDraft(bank, FullSheet()).ok());

  EXPECT_EQ(Fields(CheckDraft(bank, {{"trust.good_faith", 2, ""}, {"trust.good_faith", 3, ""}})),
            std::vector<std::string>{"answers[1].item"});
  EXPECT_EQ(Fields(CheckDraft(bank, {{"trust.nope", 2, ""}})),
            std::vector<std::string>{"answers[0].item"});
  EXPECT_EQ(Fields(CheckDraft(bank, {{"governance.escalation", 30, ""}})),
            std::vector<std::string>{"answers[0].value"});
  EXPECT_EQ(Fields(CheckDraft(bank, {{"trust.good_faith", std::nullopt, Repeat("x", 2001)}})),
            std::vector<std::string>{"answers[0].comment"});
}

// ---- AnswersOf -------------------------------------------------------------------------------

TEST(HealthAnswers, ListsTheScalesAnswersWithDontKnowLast) {
  EXPECT_EQ(AnswersOf("agreement"),
            (std::vector<std::string>{"1", "2", "3", "4", "5", "dont_know"}));
  EXPECT_EQ(AnswersOf("level"),
            (std::vector<std::string>{"0", "25", "50", "75", "100", "dont_know"}));
  EXPECT_EQ(AnswersOf("stars"), std::vector<std::string>{});
}

// ---- HiddenSlices ----------------------------------------------------------------------------

// Whether some hidden slice holding answers can be computed from the total and the shown slices.
// Empty slices are taken as known to everyone: a party with nobody is no secret.
bool SliceCanBeComputed(const std::vector<int64_t>& counts, const Hidden& hidden) {
  if (std::all_of(hidden.begin(), hidden.end(), [](bool h) { return h; })) return false;
  int64_t unknown = 0;
  for (size_t i = 0; i < counts.size(); ++i) unknown += hidden[i] && counts[i] > 0 ? 1 : 0;
  return unknown == 1;
}

TEST(HealthHiddenSlices, TwoPartiesWithOneSmallHidesBoth) {
  // The total (6) less the shown 4 would give the small party's 2 answers, and their mean.
  EXPECT_EQ(HiddenSlices({4, 2}, 3), (Hidden{true, true}));
  EXPECT_EQ(HiddenSlices({2, 40}, 3), (Hidden{true, true}));
}

TEST(HealthHiddenSlices, OneSmallSliceAlsoHidesTheSmallestOther) {
  EXPECT_EQ(HiddenSlices({5, 4, 2}, 3), (Hidden{false, true, true}));
  EXPECT_EQ(HiddenSlices({2, 9, 3, 7}, 3), (Hidden{true, false, true, false}));
  // Of equal smallest others, the first is hidden.
  EXPECT_EQ(HiddenSlices({6, 1, 6}, 3), (Hidden{true, true, false}));
}

TEST(HealthHiddenSlices, NothingIsHiddenWhenEverySliceReachesTheThreshold) {
  EXPECT_EQ(HiddenSlices({5, 4, 3}, 3), (Hidden{false, false, false}));
  EXPECT_EQ(HiddenSlices({5}, 3), (Hidden{false}));
  EXPECT_EQ(HiddenSlices({5, 5}, 5), (Hidden{false, false}));
  EXPECT_EQ(HiddenSlices({}, 3), Hidden{});
}

TEST(HealthHiddenSlices, TwoSmallSlicesHideOnlyThemselves) {
  // Neither can be told apart from the other: 3 answers between them.
  EXPECT_EQ(HiddenSlices({5, 2, 1}, 3), (Hidden{false, true, true}));
}

TEST(HealthHiddenSlices, SmallSlicesTooSmallTogetherHideAnotherToo) {
  // Team members 4, one alliance manager, one executive sponsor: the total less the team members
  // would be the two people's own answers, so the team members are hidden too.
  EXPECT_EQ(HiddenSlices({4, 1, 1}, 3), (Hidden{true, true, true}));
  EXPECT_EQ(HiddenSlices({9, 4, 1, 1}, 3), (Hidden{false, true, true, true}));
  EXPECT_EQ(HiddenSlices({9, 6, 2, 2}, 5), (Hidden{false, true, true, true}));
}

TEST(HealthHiddenSlices, ATotalUnderTheThresholdHidesEverySlice) {
  EXPECT_EQ(HiddenSlices({1, 1}, 3), (Hidden{true, true}));
  EXPECT_EQ(HiddenSlices({2, 0, 0}, 3), (Hidden{true, true, true}));
  EXPECT_EQ(HiddenSlices({0, 0}, 3), (Hidden{true, true}));
  EXPECT_EQ(HiddenSlices({4}, 5), (Hidden{true}));
  EXPECT_EQ(HiddenSlices({4, 4}, 10), (Hidden{true, true}));
}

TEST(HealthHiddenSlices, AnEmptySliceIsHiddenButNeedsNoCompanion) {
  // A party with nobody has nothing to show, and everyone can tell: hiding a real slice beside it
  // would protect nothing.
  EXPECT_EQ(HiddenSlices({5, 4, 0}, 3), (Hidden{false, false, true}));
  EXPECT_EQ(HiddenSlices({0, 3}, 3), (Hidden{true, false}));
  // Nor does it shield a small slice: 7 less 5 less nothing is still the small party's 2.
  EXPECT_EQ(HiddenSlices({5, 0, 2}, 3), (Hidden{true, true, true}));
  EXPECT_EQ(HiddenSlices({5, 0, 4, 2}, 3), (Hidden{false, true, true, true}));
  // And it is never the slice hidden to protect another.
  EXPECT_EQ(HiddenSlices({9, 0, 2, 8}, 3), (Hidden{false, true, true, true}));
}

TEST(HealthHiddenSlices, NoHiddenSliceCanBeComputedFromTheTotalAndTheShownOnes) {
  // Every split of up to four slices of 0 to 7 answers, at thresholds 3 and 5.
  for (const int64_t threshold : {int64_t{3}, int64_t{5}}) {
    for (size_t size = 1; size <= 4; ++size) {
      std::vector<int64_t> counts(size, 0);
      for (;;) {
        const Hidden hidden = HiddenSlices(counts, threshold);
        std::string text;
        for (const int64_t c : counts) text += std::to_string(c) + " ";
        ASSERT_EQ(hidden.size(), size);
        EXPECT_FALSE(SliceCanBeComputed(counts, hidden)) << text;
        size_t extra = 0;
        for (size_t i = 0; i < size; ++i) {
          // No small slice shows; at most one slice that reaches the threshold is hidden, unless
          // the total itself is small.
          if (counts[i] < threshold) {
            EXPECT_TRUE(hidden[i]) << text;
          }
          if (counts[i] >= threshold && hidden[i]) ++extra;
        }
        const int64_t total = std::accumulate(counts.begin(), counts.end(), int64_t{0});
        if (total >= threshold) {
          EXPECT_LE(extra, 1u) << text;
          // What the total less the shown slices tells is a group of at least the threshold.
          int64_t hidden_answers = 0;
          for (size_t k = 0; k < size; ++k) hidden_answers += hidden[k] ? counts[k] : 0;
          EXPECT_TRUE(hidden_answers == 0 || hidden_answers >= threshold) << text;
        }
        size_t i = 0;
        while (i < size && counts[i] == 7) counts[i++] = 0;
        if (i == size) break;
        ++counts[i];
      }
    }
  }
}

// ---- RoleSplitShown --------------------------------------------------------------------------

TEST(HealthRoleSplit, IsShownOnlyWhenEveryPartyRoleGroupReachesTheThreshold) {
  // The partner's three team members and the pharma's one: the team members' slice less the
  // partner's would be that one person.
  EXPECT_FALSE(RoleSplitShown({{3, 0}, {1, 4}}, 3));
  EXPECT_TRUE(RoleSplitShown({{3, 0}, {3, 4}}, 3));
  EXPECT_TRUE(RoleSplitShown({{5}, {3}}, 3));  // a group nobody is in tells nothing
  EXPECT_FALSE(RoleSplitShown({{5, 2}}, 3));
  EXPECT_TRUE(RoleSplitShown({}, 3));
}

// ---- ScoreOf / GapOf / DefaultGap ------------------------------------------------------------

TEST(HealthScore, AveragesTheValuesLeavingDontKnowOut) {
  const Score score = ScoreOf({{"1", 1}, {"5", 1}, {"4", 2}, {"dont_know", 3}});
  ASSERT_TRUE(score.mean.has_value());
  EXPECT_DOUBLE_EQ(*score.mean, 3.5);
  EXPECT_EQ(score.answers, 4);
  EXPECT_EQ(score.dont_know, 3);
}

TEST(HealthScore, AveragesLevels) {
  const Score score = ScoreOf({{"0", 2}, {"100", 1}, {"75", 0}});
  EXPECT_DOUBLE_EQ(score.mean.value_or(-1), 100.0 / 3);
  EXPECT_EQ(score.answers, 3);
  EXPECT_EQ(score.dont_know, 0);
  EXPECT_DOUBLE_EQ(ScoreOf({{"25", 4}, {"50", 4}}).mean.value_or(-1), 37.5);
}

TEST(HealthScore, HasNoMeanWhenNobodyGaveAValue) {
  const Score only_dont_know = ScoreOf({{"dont_know", 4}, {"3", 0}});
  EXPECT_EQ(only_dont_know.mean, std::nullopt);
  EXPECT_EQ(only_dont_know.answers, 0);
  EXPECT_EQ(only_dont_know.dont_know, 4);
  const Score nothing = ScoreOf({});
  EXPECT_EQ(nothing.mean, std::nullopt);
  EXPECT_EQ(nothing.answers, 0);
  EXPECT_EQ(nothing.dont_know, 0);
}

TEST(HealthGap, IsTheHighestShownPartyMeanLessTheLowest) {
  EXPECT_DOUBLE_EQ(GapOf({4.5, 2.0, 3.0}).value_or(-1), 2.5);
  EXPECT_DOUBLE_EQ(GapOf({2.0, std::nullopt, 4.25}).value_or(-1), 2.25);
  EXPECT_DOUBLE_EQ(GapOf({75.0, 25.0}).value_or(-1), 50.0);
  EXPECT_EQ(GapOf({3.0, 3.0}), 0.0);
}

TEST(HealthGap, NeedsTwoShownParties) {
  EXPECT_EQ(GapOf({4.0, std::nullopt}), std::nullopt);
  EXPECT_EQ(GapOf({std::nullopt, 1.0, std::nullopt}), std::nullopt);
  EXPECT_EQ(GapOf({4.0}), std::nullopt);
  EXPECT_EQ(GapOf({}), std::nullopt);
  EXPECT_EQ(GapOf({std::nullopt, std::nullopt}), std::nullopt);
}

TEST(HealthGap, DefaultsToAPointOrALevel) {
  EXPECT_EQ(DefaultGap("agreement"), 1.0);
  EXPECT_EQ(DefaultGap("level"), 25.0);
}

// ---- StatusOn --------------------------------------------------------------------------------

Wave WaveFrom(std::string opens_on, std::string closes_on,
              std::optional<std::string> closed_on = std::nullopt) {
  Wave wave;
  wave.opens_on = std::move(opens_on);
  wave.closes_on = std::move(closes_on);
  wave.closed_on = std::move(closed_on);
  return wave;
}

TEST(HealthWaveStatus, IsOpenFromItsFirstDayThroughItsLast) {
  const Wave wave = WaveFrom("2026-03-02", "2026-03-20");
  EXPECT_EQ(StatusOn(wave, "2025-12-31"), "scheduled");
  EXPECT_EQ(StatusOn(wave, "2026-03-01"), "scheduled");
  EXPECT_EQ(StatusOn(wave, "2026-03-02"), "open");
  EXPECT_EQ(StatusOn(wave, "2026-03-10"), "open");
  EXPECT_EQ(StatusOn(wave, "2026-03-20"), "open");
  EXPECT_EQ(StatusOn(wave, "2026-03-21"), "closed");
  EXPECT_EQ(StatusOn(wave, "2027-01-01"), "closed");
}

TEST(HealthWaveStatus, ClosesTheDayAfterItsLastDayAcrossMonthsAndYears) {
  EXPECT_EQ(StatusOn(WaveFrom("2026-12-01", "2026-12-31"), "2026-12-31"), "open");
  EXPECT_EQ(StatusOn(WaveFrom("2026-12-01", "2026-12-31"), "2027-01-01"), "closed");
  EXPECT_EQ(StatusOn(WaveFrom("2028-02-01", "2028-02-29"), "2028-02-29"), "open");
  EXPECT_EQ(StatusOn(WaveFrom("2028-02-01", "2028-02-29"), "2028-03-01"), "closed");
  // A wave of one day.
  const Wave day = WaveFrom("2026-05-04", "2026-05-04");
  EXPECT_EQ(StatusOn(day, "2026-05-03"), "scheduled");
  EXPECT_EQ(StatusOn(day, "2026-05-04"), "open");
  EXPECT_EQ(StatusOn(day, "2026-05-05"), "closed");
}

TEST(HealthWaveStatus, AnEarlyCloseTakesEffectOnItsDay) {
  const Wave wave = WaveFrom("2026-03-02", "2026-03-20", "2026-03-10");
  EXPECT_EQ(StatusOn(wave, "2026-03-01"), "scheduled");
  EXPECT_EQ(StatusOn(wave, "2026-03-09"), "open");
  EXPECT_EQ(StatusOn(wave, "2026-03-10"), "closed");
  EXPECT_EQ(StatusOn(wave, "2026-03-15"), "closed");
  EXPECT_EQ(StatusOn(wave, "2026-03-25"), "closed");
  // Closed on its first day.
  EXPECT_EQ(StatusOn(WaveFrom("2026-03-02", "2026-03-20", "2026-03-02"), "2026-03-02"), "closed");
}

TEST(HealthWaveStatus, AWaveClosedBeforeItOpenedNeverOpens) {
  const Wave wave = WaveFrom("2026-03-02", "2026-03-20", "2026-02-20");
  EXPECT_EQ(StatusOn(wave, "2026-02-19"), "scheduled");
  EXPECT_EQ(StatusOn(wave, "2026-02-20"), "closed");
  EXPECT_EQ(StatusOn(wave, "2026-03-05"), "closed");
}

}  // namespace
}  // namespace northstar::health
