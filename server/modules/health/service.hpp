// Health assessments: the use cases. Question banks belong to an organisation (or ship with
// Northstar); a wave is an alliance record on the record kit, seen by the alliance or, when
// private, by its party only. Respondents answer once; their answers are added to tallies and a
// shuffled list of comments that nothing links to them, and results open when the wave closes,
// with every slice under the anonymity threshold hidden (model.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/alliances/records.hpp"
#include "modules/governance/service.hpp"
#include "modules/health/evidence.hpp"
#include "modules/health/model.hpp"
#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/db/database.hpp"

namespace northstar::plans {
class PlansService;
}
namespace northstar::agreements {
class AgreementsService;
}

namespace northstar::health {

using alliances::RecordContext;
using alliances::WithContext;
using records::CommonInput;
using records::Nullable;

// ---- question banks -------------------------------------------------------------------------

struct Bank {
  std::string id;
  std::optional<std::string> organization_id;  // none: shipped with Northstar
  std::string key;
  int64_t bank_version = 1;
  std::string name, about;
  std::vector<Dimension> dimensions;
  std::optional<std::string> based_on_id;
  bool frozen = false;
  int64_t version = 1;
  std::string created_at, updated_at;
};

struct BankInput {
  std::optional<std::string> copy_of;  // creating: the bank to copy (the only way to start one)
  std::optional<std::string> name, about;
  std::optional<std::vector<Dimension>> dimensions;
};

// ---- waves ----------------------------------------------------------------------------------

struct RespondentInput {
  std::string user_id, role;
};

struct WaveInput : CommonInput {
  std::optional<std::string> title, bank_id, opens_on, closes_on;
  std::optional<int64_t> score_threshold, comment_threshold;
  Nullable<double> gap_threshold;
  std::optional<std::vector<RespondentInput>> respondents;
};
BOOST_DESCRIBE_STRUCT(WaveInput, (CommonInput),
                      (title, bank_id, opens_on, closes_on, score_threshold, comment_threshold,
                       gap_threshold))

struct Respondent {
  std::string user_id, name, organization_id, role;
};

// How many of a party's people were asked and how many have answered: never who.
struct PartyCount {
  std::string party_id, party_name;
  int64_t invited = 0, submitted = 0;
};

struct WaveView {
  Wave wave;
  std::string status;  // StatusOn(today)
  std::vector<Respondent> respondents;
  std::vector<PartyCount> counts;
  // The caller's own part, when asked: their role and whether they have answered.
  std::optional<std::string> my_role;
  bool i_submitted = false;
};

// ---- answering ------------------------------------------------------------------------------

struct Sheet {
  WaveView wave;
  std::string bank_name, bank_about;
  std::vector<Dimension> dimensions;
  std::vector<Answer> draft;  // saved half-way; empty once submitted
  bool submitted = false;
};

// A wave of an alliance the caller is asked to answer, for their Surveys inbox.
struct Survey {
  std::string alliance_id, alliance_name;
  std::string wave_id, title, opens_on, closes_on, status;
  bool submitted = false;
};

// ---- results --------------------------------------------------------------------------------

// One slice's score as shown: hidden (under the threshold, or its complement) or its mean.
struct SliceScore {
  std::string key,
      name;  // a party's id and name, or a role (key and name alike; the web shows its word)
  bool hidden = false;
  std::optional<double> mean;
  int64_t answers = 0, dont_know = 0;  // 0 when hidden
};

struct ItemResult {
  const Item* item = nullptr;
  SliceScore overall;
  std::vector<SliceScore> parties;
  std::optional<double> gap;
  bool gap_flagged = false;
  std::optional<std::map<std::string, int64_t>> distribution;  // none when hidden
};

// A dimension's overall score in the comparable wave before (to tell whether it moved).
struct PreviousScore {
  std::string wave_id, title, closed_on;
  std::optional<double> score;  // none when it was hidden
};

// An action item made from a dimension's result, as the results list it.
struct ActionPlan {
  governance::ActionItem action;
  std::optional<std::string> committee_name;  // none without a committee the caller may see
  std::string wave_title;
};

struct DimensionResult {
  const Dimension* dimension = nullptr;
  SliceScore overall;
  std::vector<SliceScore> parties, roles;
  std::optional<double> gap;
  bool gap_flagged = false;
  std::vector<ItemResult> items;
  std::optional<std::vector<std::string>> comments;  // none under the comment threshold
  std::optional<PreviousScore> previous;
  std::vector<Signal> evidence;
  std::vector<ActionPlan> action_plans;
};

struct Results {
  WaveView wave;
  std::vector<Dimension> dimensions;  // the bank's (the items below point into it)
  SliceScore overall;
  std::vector<SliceScore> parties;
  std::vector<DimensionResult> by_dimension;
  Period evidence_period;
  std::string today;  // the alliance's, for whether action plans are overdue
};

// An action plan: the result it answers, and the action item it becomes.
struct ActionPlanInput {
  std::string dimension_key;
  std::optional<std::string> item_key;
  governance::ActionInput action;
};

// One closed wave in an alliance's trend: its overall and dimension scores (shown or hidden by
// the same rule as its results), oldest wave first.
struct TrendPoint {
  std::string wave_id, title, closed_on;
  SliceScore overall;
  std::vector<SliceScore> parties;
  struct Dimension {
    std::string key, name;
    SliceScore overall;
    std::vector<SliceScore> parties;
  };
  std::vector<Dimension> dimensions;
};

class HealthService {
 public:
  HealthService(db::Database& db, plans::PlansService& plans,
                governance::GovernanceService& governance,
                agreements::AgreementsService& agreements)
      : db_(db), plans_(plans), governance_(governance), agreements_(agreements) {}

  // Adds the bank shipped with Northstar (db/health/default-bank.json, embedded) when this
  // version of it is not yet in the database. Run after the migrations, at start.
  void EnsureDefaultBank();

  std::vector<Bank> ListBanks(const auth::Principal& actor);
  Result<Bank> GetBank(const auth::Principal& actor, const std::string& id);
  Result<Bank> CreateBank(const auth::Principal& actor, const BankInput& input);
  // A frozen bank (used by a wave) is not changed: the change makes its next version, answered.
  Result<Bank> UpdateBank(const auth::Principal& actor, const std::string& id, int64_t version,
                          const BankInput& input);

  Result<WithContext<std::vector<WaveView>>> ListWaves(const auth::Principal& actor,
                                                       const std::string& alliance_id);
  Result<WithContext<WaveView>> GetWave(const auth::Principal& actor,
                                        const std::string& alliance_id, const std::string& id);
  Result<WithContext<WaveView>> CreateWave(const auth::Principal& actor,
                                           const std::string& alliance_id, const WaveInput& input);
  Result<WithContext<WaveView>> UpdateWave(const auth::Principal& actor,
                                           const std::string& alliance_id, const std::string& id,
                                           int64_t version, const WaveInput& input);
  Status DeleteWave(const auth::Principal& actor, const std::string& alliance_id,
                    const std::string& id);
  // Closes the wave today, before its date: its results open.
  Result<WithContext<WaveView>> CloseWave(const auth::Principal& actor,
                                          const std::string& alliance_id, const std::string& id,
                                          int64_t version);

  Result<Sheet> GetSheet(const auth::Principal& actor, const std::string& alliance_id,
                         const std::string& wave_id);
  Result<Sheet> SaveDraft(const auth::Principal& actor, const std::string& alliance_id,
                          const std::string& wave_id, const std::vector<Answer>& answers);
  Result<Sheet> Submit(const auth::Principal& actor, const std::string& alliance_id,
                       const std::string& wave_id, const std::vector<Answer>& answers);

  // A closed wave's results, with each dimension's evidence over the wave's period, its score in
  // the comparable wave before, and the action plans made from it (in this wave or before).
  Result<Results> ResultsOf(const auth::Principal& actor, const std::string& alliance_id,
                            const std::string& wave_id);

  // Makes an action item of the alliance's governance from a closed wave's result for a dimension
  // (or one of its items), linked back to it; a private wave's plan stays with its party.
  Result<WithContext<governance::ActionItem>> CreateActionPlan(const auth::Principal& actor,
                                                               const std::string& alliance_id,
                                                               const std::string& wave_id,
                                                               ActionPlanInput input);

  // The closed alliance-wide waves of the alliance, oldest first, dimension by dimension
  // (dimensions match by key across banks). A party's private waves are left out: they ask other
  // people, so their scores are no point on the alliance's line.
  Result<std::vector<TrendPoint>> Trends(const auth::Principal& actor,
                                         const std::string& alliance_id);

  std::vector<Survey> Surveys(const auth::Principal& actor);

  // The job: tells each person a wave asks, who has not answered, that it is open (once) and
  // that it closes soon (once, kClosingNoticeDays before its last day). Idempotent: each notice
  // is claimed by its key, so a second run or a second node stores nothing twice.
  int64_t RunReminders(const std::string& today);

 private:
  // What the alliance's records the caller may read say over the period (evidence.hpp); the
  // committees are the caller's, already listed for the results.
  Result<std::vector<Signal>> Evidence(const auth::Principal& actor, const std::string& alliance_id,
                                       const Period& period, const RecordContext& c,
                                       const std::vector<governance::CommitteeView>& committees);

  db::Database& db_;
  plans::PlansService& plans_;
  governance::GovernanceService& governance_;
  agreements::AgreementsService& agreements_;
};

}  // namespace northstar::health
