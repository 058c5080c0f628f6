// The records of an alliance plan as the server holds them, with what every plan record shares:
// the standard access columns (read by the policy), the responsible party, version and times.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/access/policy.hpp"
#include "platform/common/json.hpp"
#include "platform/db/database.hpp"
#include "platform/records/fields.hpp"
#include "platform/records/record.hpp"

namespace northstar::plans {

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
                      (name, description, unit, direction, indicator, cadence, data_source,
                       target, amber_threshold, red_threshold, responsible_user_id))

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
