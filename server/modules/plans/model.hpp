// The rules of an alliance plan, as pure functions: milestone status from dates, slippage in
// days, dependency cycles, the critical path, KPI red/amber/green, the RACI rule and the state of
// an external communication's approvals. No database, no HTTP: unit-tested in model_test.cpp.
// Then the plan's records as the server holds them (the record kit reads their descriptions).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/access/policy.hpp"
#include "platform/common/json.hpp"
#include "platform/common/time.hpp"
#include "platform/db/database.hpp"
#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::plans {

inline const std::vector<std::string_view> kHorizons = {"short_term", "long_term"};
inline const std::vector<std::string_view> kObjectiveStatuses = {"proposed", "active", "achieved",
                                                                 "dropped"};
inline const std::vector<std::string_view> kMilestoneKinds = {
    "research", "development", "regulatory", "commercial", "operational"};
inline const std::vector<std::string_view> kMilestoneStatuses = {
    "planned", "on_track", "at_risk", "late", "achieved", "missed", "cancelled"};
inline const std::vector<std::string_view> kDirections = {"higher_is_better", "lower_is_better"};
inline const std::vector<std::string_view> kIndicators = {"leading", "lagging"};
inline const std::vector<std::string_view> kKpiCadences = {"weekly", "monthly", "quarterly",
                                                           "annually", "once"};
inline const std::vector<std::string_view> kKpiStatuses = {"green", "amber", "red", "no_data"};
inline const std::vector<std::string_view> kRaciRoles = {"R", "A", "C", "I"};
inline const std::vector<std::string_view> kCommunicationCategories = {"channel", "external"};
inline const std::vector<std::string_view> kChannelKinds = {"meeting", "report", "email_list",
                                                            "shared_workspace"};
inline const std::vector<std::string_view> kExternalKinds = {
    "press_release", "publication", "conference_abstract", "investor_statement"};
inline const std::vector<std::string_view> kChannelCadences = {"weekly", "monthly", "quarterly",
                                                               "annually", "ad_hoc"};

// A milestone's effective status (see docs/api-guide.md, "Milestone status"):
//   1. set by hand to achieved, missed, cancelled, at_risk or late: that;
//   2. an actual date: achieved;
//   3. forecast before today: late;
//   4. set by hand to planned or on_track: that;
//   5. forecast after the planned date, or an open dependency forecast after this forecast:
//      at_risk;
//   6. on_track when due within kOnTrackHorizonDays, else planned.
inline constexpr int64_t kOnTrackHorizonDays = 90;
struct StatusFacts {
  std::string planned_date;
  std::string forecast_date;
  std::optional<std::string> actual_date;
  std::optional<std::string> status_set;
  // Forecast (or actual) dates of the dependencies that are not achieved or cancelled.
  std::vector<std::string> open_dependency_dates;
};
std::string MilestoneStatus(const StatusFacts& facts, std::string_view today);
bool IsDerived(const StatusFacts& facts, std::string_view today);

// Slip in days: the actual date when achieved, else the forecast, against a baseline date.
int64_t SlipDays(std::string_view baseline, std::string_view forecast,
                 const std::optional<std::string>& actual);

// Dependencies as milestone id -> the ids it depends on. Returns the cycle through `start`
// (start, ..., start) if following the dependencies from `start` leads back to it.
using DependencyGraph = std::map<std::string, std::vector<std::string>>;
std::optional<std::vector<std::string>> FindCycle(const DependencyGraph& graph,
                                                  const std::string& start);

// The chain of dependencies that decides the date of the last milestone: starts from the
// not-cancelled milestone with the latest date (actual, else forecast; ties: the first in
// `nodes`) and walks back through the dependency with the latest date. First milestone first.
struct PathNode {
  std::string id;
  std::string date;
  std::vector<std::string> depends_on;
  bool cancelled = false;
};
std::vector<std::string> CriticalPath(const std::vector<PathNode>& nodes);

// KPI status from the latest value (nullopt: no_data).
struct KpiRule {
  bool higher_is_better = true;
  double target = 0;
  std::optional<double> amber_threshold;
  std::optional<double> red_threshold;
};
std::string KpiStatus(const KpiRule& rule, std::optional<double> latest);
// Which threshold is out of order and why, or nullopt when they are fine.
struct ThresholdProblem {
  std::string field;  // "amber_threshold" | "red_threshold"
  std::string message;
};
std::optional<ThresholdProblem> CheckThresholds(const KpiRule& rule);
// A number as stored and returned: the shortest text that reads back as the same double.
using records::NumberText;

// "needs exactly one Accountable (A); found N", or nullopt.
std::optional<std::string> CheckAccountable(const std::vector<std::string>& roles);

// The state of an external communication from each party's decision ("pending", "approved",
// "rejected"): rejected if any party rejected, cleared if every party approved, else pending.
std::string ApprovalState(const std::vector<std::string>& decisions);

bool IsCurrencyCode(std::string_view code);

// ---- the records --------------------------------------------------------------------------------
//
// The records of an alliance plan as the server holds them, with what every plan record shares:
// the standard access columns (read by the policy), the responsible party, version and times.

using records::RecordBase;
using records::ScopeOf;

struct Objective : RecordBase {
  std::string title, description, horizon, status = "active";
};
BOOST_DESCRIBE_STRUCT(Objective, (RecordBase), (title, description, horizon, status))

struct Payment {
  int64_t amount_minor = 0;
  std::string currency;
  std::string payer_party_id, payee_party_id;
};

struct Milestone : RecordBase {
  // None when the objective was deleted; hidden (reset by the service) when the caller cannot
  // read the objective.
  std::optional<std::string> objective_id, objective_title;
  std::optional<access::RecordScope> objective_scope;
  std::string title, description, kind;
  std::optional<std::string> responsible_user_id, responsible_user_name;
  std::string original_date, planned_date, forecast_date;
  std::optional<std::string> actual_date, status_set;
  bool early_win = false;
  int64_t baseline_count = 1;
  std::optional<Payment> payment;
  std::vector<std::string> depends_on;
  // Who may read each milestone it depends on: its audit view names a dependency only where
  // everyone who may read the milestone may read it too.
  std::map<std::string, access::RecordScope> dependency_scopes;
};
// The milestone's own columns; the objective's title and scope are joined in, the payment takes
// four columns and the dependencies a table of their own (store.cpp).
BOOST_DESCRIBE_STRUCT(Milestone, (RecordBase),
                      (objective_id, title, description, kind, responsible_user_id, original_date,
                       planned_date, forecast_date, actual_date, status_set, early_win,
                       baseline_count))

struct ForecastChange {
  std::string kind;  // created | forecast | rebaseline
  std::string forecast_date;
  std::optional<std::string> previous_forecast_date;
  std::string planned_date, reason, changed_by, changed_by_name, changed_at;
};

struct KpiValue {
  std::string id, kpi_id, measured_on;
  double value = 0;
  std::string note, entered_by, entered_by_name, created_at;
};

struct Kpi : RecordBase {
  std::string name, description, unit, direction, indicator, cadence, data_source;
  double target = 0;
  std::optional<double> amber_threshold, red_threshold;
  std::optional<std::string> responsible_user_id, responsible_user_name;
  std::vector<KpiValue> values;  // oldest first; the last few for the sparkline
};
BOOST_DESCRIBE_STRUCT(Kpi, (RecordBase),
                      (name, description, unit, direction, indicator, cadence, data_source, target,
                       amber_threshold, red_threshold, responsible_user_id))

// The rule a KPI's values are judged by.
inline KpiRule RuleOf(const Kpi& k) {
  return {k.direction == "higher_is_better", k.target, k.amber_threshold, k.red_threshold};
}

struct Assignment {
  std::string organization_id;
  std::optional<std::string> user_id;
  std::string role;  // R | A | C | I
};
struct Activity {
  std::string id, name;
  std::vector<Assignment> assignments;
};
struct Workstream : RecordBase {
  std::string name, description;
  std::vector<Activity> activities;
};
BOOST_DESCRIBE_STRUCT(Workstream, (RecordBase), (name, description))

struct Decision {
  std::string organization_id;
  std::string decision;  // approved | rejected
  std::optional<std::string> reason;
  std::string decided_by, decided_by_name, decided_at;
};
struct Communication : RecordBase {
  std::string category, kind, title, description, audience;
  std::optional<std::string> cadence, planned_date;
  std::optional<std::string> responsible_user_id, responsible_user_name;
  std::vector<Decision> decisions;  // the parties that decided so far
};
BOOST_DESCRIBE_STRUCT(Communication, (RecordBase),
                      (category, kind, title, description, audience, cadence, planned_date,
                       responsible_user_id))

// Activities as stored (JSON text) and back.
std::string ActivitiesToJson(const std::vector<Activity>& activities);
std::vector<Activity> ActivitiesFromJson(const std::string& text);

}  // namespace northstar::plans
