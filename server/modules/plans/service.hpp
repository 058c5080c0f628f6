// Use cases of an alliance plan: objectives, milestones (dependencies, slippage, re-baselining,
// the critical path), KPIs and their values, workstreams with their RACI, and the communication
// plan with each party's decision on external communications. Every call asks the access policy
// first; every change commits with its audit event.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/alliances/model.hpp"
#include "modules/alliances/records.hpp"
#include "modules/plans/model.hpp"
#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/db/database.hpp"

namespace northstar::plans {

using records::CommonInput;
using records::Nullable;

struct ObjectiveInput : CommonInput {
  std::optional<std::string> title, description, horizon, status;
};
BOOST_DESCRIBE_STRUCT(ObjectiveInput, (CommonInput), (title, description, horizon, status))

struct MilestoneInput : CommonInput {
  std::optional<std::string> objective_id, title, description, kind, planned_date, forecast_date;
  Nullable<std::string> responsible_user_id, actual_date, status;
  std::optional<std::vector<std::string>> depends_on;
  std::optional<bool> early_win;
  Nullable<Payment> payment;
  std::optional<std::string> reason;  // recorded with a forecast change
};
BOOST_DESCRIBE_STRUCT(MilestoneInput, (CommonInput),
                      (objective_id, title, description, kind, planned_date, forecast_date,
                       responsible_user_id, actual_date, early_win))

struct KpiInput : CommonInput {
  std::optional<std::string> name, description, unit, direction, indicator, cadence, data_source;
  std::optional<double> target;
  Nullable<double> amber_threshold, red_threshold;
  Nullable<std::string> responsible_user_id;
};
BOOST_DESCRIBE_STRUCT(KpiInput, (CommonInput),
                      (name, description, unit, direction, indicator, cadence, data_source, target,
                       amber_threshold, red_threshold, responsible_user_id))

struct KpiValueInput {
  std::string measured_on;
  double value = 0;
  std::string note;
};

struct WorkstreamInput : CommonInput {
  std::optional<std::string> name, description;
  std::optional<std::vector<Activity>> activities;
};
BOOST_DESCRIBE_STRUCT(WorkstreamInput, (CommonInput), (name, description))

struct CommunicationInput : CommonInput {
  std::optional<std::string> category, kind, title, description, audience;
  Nullable<std::string> cadence, planned_date, responsible_user_id;
};
BOOST_DESCRIBE_STRUCT(CommunicationInput, (CommonInput),
                      (category, kind, title, description, audience, cadence, planned_date,
                       responsible_user_id))

using PlanContext = alliances::RecordContext;

// A milestone as shown: its record and what the plan derives from it.
struct MilestoneView {
  Milestone milestone;
  std::string status;
  bool status_derived = true;
  int64_t slip_days = 0, total_slip_days = 0;
  int64_t days_late = 0;  // today minus the forecast of an open milestone whose forecast passed
  std::vector<std::string> visible_depends_on;
  // The open dependencies (of those the viewer may read) whose date passed this milestone's
  // forecast: why it is at risk, and by how much it would have to move.
  struct Push {
    std::string milestone_id, title, date;
    int64_t days_later = 0;
  };
  std::vector<Push> pushed_by;
};

struct PlanView {
  PlanContext context;
  std::vector<Objective> objectives;
  std::vector<MilestoneView> milestones;
  std::vector<std::string> critical_path;
};

struct PlanSummary {
  std::string today;
  int64_t milestones_total = 0, achieved = 0, due_30_days = 0, late = 0, at_risk = 0;
  int64_t kpis_total = 0, green = 0, amber = 0, red = 0, no_data = 0;
  std::vector<MilestoneView> next_milestones;
  PlanContext context;
};

using alliances::WithContext;

// The title, actual date and scope of every milestone of an alliance, whoever may see it: for
// records of other modules that refer to a milestone (an obligation due some days after a
// milestone is achieved). A milestone may be narrowed after such a record was written, so the
// referring module uses it only where `scope` still covers the referring record.
struct MilestoneDate {
  std::string title;
  std::optional<std::string> actual_date;
  access::RecordScope scope;
};
std::map<std::string, MilestoneDate> MilestoneDates(db::Session& s, const std::string& alliance_id);

class PlansService {
 public:
  explicit PlansService(db::Database& database) : db_(database) {}

  Result<PlanView> Plan(const auth::Principal& actor, const std::string& alliance_id);
  Result<PlanSummary> Summary(const auth::Principal& actor, const std::string& alliance_id);

  Result<WithContext<std::vector<Objective>>> ListObjectives(const auth::Principal& actor,
                                                             const std::string& alliance_id);
  Result<WithContext<Objective>> GetObjective(const auth::Principal& actor,
                                              const std::string& alliance_id,
                                              const std::string& id);
  Result<WithContext<Objective>> CreateObjective(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const ObjectiveInput& input);
  Result<WithContext<Objective>> UpdateObjective(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& id, int64_t version,
                                                 const ObjectiveInput& input);
  Status DeleteObjective(const auth::Principal& actor, const std::string& alliance_id,
                         const std::string& id);

  Result<WithContext<std::vector<MilestoneView>>> ListMilestones(const auth::Principal& actor,
                                                                 const std::string& alliance_id);
  Result<WithContext<MilestoneView>> GetMilestone(const auth::Principal& actor,
                                                  const std::string& alliance_id,
                                                  const std::string& id);
  Result<WithContext<MilestoneView>> CreateMilestone(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const MilestoneInput& input);
  Result<WithContext<MilestoneView>> UpdateMilestone(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const std::string& id, int64_t version,
                                                     const MilestoneInput& input);
  Result<WithContext<MilestoneView>> Rebaseline(const auth::Principal& actor,
                                                const std::string& alliance_id,
                                                const std::string& id, int64_t version,
                                                const std::string& reason);
  Result<std::vector<ForecastChange>> History(const auth::Principal& actor,
                                              const std::string& alliance_id,
                                              const std::string& id);
  Status DeleteMilestone(const auth::Principal& actor, const std::string& alliance_id,
                         const std::string& id);

  Result<WithContext<std::vector<Kpi>>> ListKpis(const auth::Principal& actor,
                                                 const std::string& alliance_id);
  Result<WithContext<Kpi>> GetKpi(const auth::Principal& actor, const std::string& alliance_id,
                                  const std::string& id);
  Result<WithContext<Kpi>> CreateKpi(const auth::Principal& actor, const std::string& alliance_id,
                                     const KpiInput& input);
  Result<WithContext<Kpi>> UpdateKpi(const auth::Principal& actor, const std::string& alliance_id,
                                     const std::string& id, int64_t version, const KpiInput& input);
  Status DeleteKpi(const auth::Principal& actor, const std::string& alliance_id,
                   const std::string& id);
  // The status of each KPI the caller may read by its last value measured on or before `day`
  // (for the evidence beside a health assessment's scores).
  Result<std::vector<std::string>> KpiStatusesOn(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& day);
  Result<std::vector<KpiValue>> ListKpiValues(const auth::Principal& actor,
                                              const std::string& alliance_id,
                                              const std::string& kpi_id,
                                              const std::optional<std::vector<std::string>>& after,
                                              int limit);
  Result<KpiValue> AddKpiValue(const auth::Principal& actor, const std::string& alliance_id,
                               const std::string& kpi_id, const KpiValueInput& input);
  Status DeleteKpiValue(const auth::Principal& actor, const std::string& alliance_id,
                        const std::string& kpi_id, const std::string& value_id);

  Result<WithContext<std::vector<Workstream>>> ListWorkstreams(const auth::Principal& actor,
                                                               const std::string& alliance_id);
  Result<WithContext<Workstream>> GetWorkstream(const auth::Principal& actor,
                                                const std::string& alliance_id,
                                                const std::string& id);
  Result<WithContext<Workstream>> CreateWorkstream(const auth::Principal& actor,
                                                   const std::string& alliance_id,
                                                   const WorkstreamInput& input);
  Result<WithContext<Workstream>> UpdateWorkstream(const auth::Principal& actor,
                                                   const std::string& alliance_id,
                                                   const std::string& id, int64_t version,
                                                   const WorkstreamInput& input);
  Status DeleteWorkstream(const auth::Principal& actor, const std::string& alliance_id,
                          const std::string& id);

  Result<WithContext<std::vector<Communication>>> ListCommunications(
      const auth::Principal& actor, const std::string& alliance_id);
  Result<WithContext<Communication>> GetCommunication(const auth::Principal& actor,
                                                      const std::string& alliance_id,
                                                      const std::string& id);
  Result<WithContext<Communication>> CreateCommunication(const auth::Principal& actor,
                                                         const std::string& alliance_id,
                                                         const CommunicationInput& input);
  Result<WithContext<Communication>> UpdateCommunication(const auth::Principal& actor,
                                                         const std::string& alliance_id,
                                                         const std::string& id, int64_t version,
                                                         const CommunicationInput& input);
  Result<WithContext<Communication>> Decide(const auth::Principal& actor,
                                            const std::string& alliance_id, const std::string& id,
                                            int64_t version, bool approve,
                                            const std::optional<std::string>& reason);
  Status DeleteCommunication(const auth::Principal& actor, const std::string& alliance_id,
                             const std::string& id);

 private:
  db::Database& db_;
};

// The derived view of every milestone of a list: status from the dates and the dependencies
// the list holds, slippage, and only the dependencies in the list. The objective is hidden when
// the viewer cannot read it (no viewer: every party at once, who all read `alliance` records).
std::vector<MilestoneView> DeriveMilestones(std::vector<Milestone> milestones,
                                            const std::string& today,
                                            const std::optional<access::Membership>& viewer);
// The communication's state from the decisions of the alliance's parties (null for channels).
std::optional<std::string> CommunicationState(const Communication& c,
                                              const std::vector<alliances::Party>& parties);

}  // namespace northstar::plans
