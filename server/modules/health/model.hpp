// The rules of health assessments, as pure functions: what a question bank is and how it is
// checked, how answers are scored, the perception gap between parties, and the anonymity rule that
// decides which slices of a result may be shown. No database, no HTTP: unit-tested in
// model_test.cpp. Then the records of health assessments as the server holds them.
//
// Answers are kept only as tallies — how many people of a party, in a respondent role, gave an item
// each answer — never as one person's sheet, so nothing stored links an answer to whoever gave it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/common/error.hpp"
#include "platform/common/json.hpp"
#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::health {

// The two ways an item is answered: agreement on a scale of 1 to 5, or a descriptive level of a
// practice (0, 25, 50, 75, 100, each level with its own description). Either may be "don't know".
inline const std::vector<std::string_view> kScales = {"agreement", "level"};
inline const std::vector<int> kAgreementValues = {1, 2, 3, 4, 5};
inline const std::vector<int> kLevelValues = {0, 25, 50, 75, 100};
inline const std::vector<std::string_view> kRespondentRoles = {
    "team_member", "alliance_manager", "executive_sponsor", "finance", "other"};
inline const std::vector<std::string_view> kWaveStatuses = {"scheduled", "open", "closed"};

// The anonymity thresholds: no slice with fewer answers (scores) or comments is ever shown.
inline constexpr int64_t kMinThreshold = 3;
inline constexpr int64_t kDefaultScoreThreshold = 3;
inline constexpr int64_t kDefaultCommentThreshold = 5;
// A perception gap is flagged from this size by default: a point on the 1–5 scale, a level on the
// 0–100 one.
inline constexpr double kDefaultAgreementGap = 1.0;
inline constexpr double kDefaultLevelGap = 25.0;
// A wave's respondents who have not answered are reminded this many days before its last day.
inline constexpr int64_t kClosingNoticeDays = 3;

struct Item {
  std::string key;  // "governance.decision_speed", unique within the bank
  std::string text;
  std::string scale;                  // "agreement" | "level"
  std::map<int, std::string> levels;  // level items: 0, 25, 50, 75, 100 → description
};

struct Dimension {
  std::string key;  // "governance"
  std::string name;
  std::string description;
  std::vector<Item> items;
};

// A bank's content: its dimensions with their items, in order.
struct BankContent {
  std::string about;
  std::vector<Dimension> dimensions;
};

// Reads a bank's dimensions from JSON (the shape of db/health/default-bank.json's "dimensions"),
// checking every rule at once: 1 to 20 dimensions, each with a key (snake_case, unique), a name
// and 1 to 12 items; each item a key unique in the bank that begins with its dimension's key and a
// dot, a text of 1 to 300 characters, a scale, and for a level item exactly the five levels with
// a description each (1 to 300 characters). Field errors name the path
// ("dimensions[2].items[0].levels.50").
Result<std::vector<Dimension>> ReadDimensions(const json::value& dimensions);
json::array DimensionsJson(const std::vector<Dimension>& dimensions);
// The item with this key, or null.
const Item* FindItem(const std::vector<Dimension>& dimensions, std::string_view key);

// One person's answer to one item: a value on the item's scale, or "don't know" (nullopt).
struct Answer {
  std::string item;
  std::optional<int> value;
  std::string comment;  // may be empty
};
// Checks a complete sheet: every item of the bank answered exactly once (a value on its scale or
// don't know), no other item, comments at most 2,000 characters. Field errors name
// "answers[i].value" and the like, or "answers" for an item left out.
Status CheckSheet(const std::vector<Dimension>& dimensions, const std::vector<Answer>& answers);
// As CheckSheet for a sheet saved half-way: items may be missing, none may repeat or be unknown.
Status CheckDraft(const std::vector<Dimension>& dimensions, const std::vector<Answer>& answers);

// How many people of a party in a respondent role gave an item one answer ("3", "75" or
// "dont_know").
struct Tally {
  std::string party_id;
  std::string role;
  std::string item;
  std::string answer;
  int64_t count = 0;
};
// The answers a tally may hold for an item of this scale, "dont_know" last.
std::vector<std::string> AnswersOf(std::string_view scale);

// The anonymity rule for one split of the answers into slices (by party, say), when the total is
// shown: a slice with fewer than `threshold` answers is hidden; and while the hidden slices hold
// fewer than `threshold` answers together, the smallest shown slice is hidden too, so that the
// total less the shown slices never tells a group under the threshold. A slice with no answers is
// hidden but needs no companion (everyone can tell it is empty). When the total itself is under
// the threshold, every slice is hidden. Returns, for each slice, whether it is hidden.
std::vector<bool> HiddenSlices(const std::vector<int64_t>& counts, int64_t threshold);
// Whether the answers may also be split by respondent role beside the split by party: only when
// every party × role group that answered (`people[party][role]`) reaches the threshold, since
// otherwise a role's slice less a party's could tell a group smaller than it. (Suppressing cells
// of the table instead would still let row and column totals tell a group of one.)
bool RoleSplitShown(const std::vector<std::vector<int64_t>>& people, int64_t threshold);

// The mean of the answers of a slice (don't know left out), or nullopt when nobody gave a value.
struct Score {
  std::optional<double> mean;
  int64_t answers = 0;  // values given
  int64_t dont_know = 0;
};
Score ScoreOf(const std::map<std::string, int64_t>& answer_counts);
// The perception gap between parties: the highest party mean less the lowest, over the parties
// whose slice is shown; nullopt with fewer than two.
std::optional<double> GapOf(const std::vector<std::optional<double>>& party_means);
// The gap from which a gap is flagged for an item of this scale, unless the wave sets its own.
double DefaultGap(std::string_view scale);

// A wave of an alliance: who is asked, when, with which bank, under which thresholds. An
// alliance-wide wave is seen by every party; a private one (visibility "party") only by its own.
struct Wave : records::RecordBase {
  std::string title;
  std::string bank_id;
  std::string bank_name;  // joined
  std::string opens_on, closes_on;
  std::optional<std::string> closed_on;  // set when a manager closed it before its date
  int64_t score_threshold = kDefaultScoreThreshold;
  int64_t comment_threshold = kDefaultCommentThreshold;
  std::optional<double> gap_threshold;  // null: the scale's default
  bool locked = false;  // the first answer arrived: respondents and thresholds fixed
};
BOOST_DESCRIBE_STRUCT(Wave, (records::RecordBase),
                      (title, bank_id, opens_on, closes_on, closed_on, score_threshold,
                       comment_threshold, gap_threshold, locked))

// Where a wave stands on `today`: "scheduled" before it opens, "open" until it closes (the day
// after closes_on, or when a manager closed it), then "closed".
std::string StatusOn(const Wave& wave, std::string_view today);

}  // namespace northstar::health
