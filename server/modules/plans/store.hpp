// SQL for plan records: each record table described once for the record kit
// (platform/records/table.hpp), and the statements of what is the plan's own (forecast history,
// KPI values, communication decisions). No access decisions here: the service asks the policy
// first, and list queries take the policy's SQL condition (or only alliance-wide records, for the
// summary that every party must see alike).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/plans/model.hpp"
#include "platform/access/policy.hpp"
#include "platform/db/database.hpp"
#include "platform/records/table.hpp"

namespace northstar::plans::store {

using records::Audience;

using records::Table;

const Table<Objective>& Objectives();
// With its dependencies; sorted by forecast, title and id.
const Table<Milestone>& Milestones();
// With its most recent values (a sparkline's worth).
const Table<Kpi>& Kpis();
const Table<Workstream>& Workstreams();
// With each party's decision.
const Table<Communication>& Communications();

// A milestone loses its deleted objective, or a dependency on a deleted milestone; both are
// changes to it (its version moves on).
void DetachObjective(db::Session& s, const std::string& milestone_id, const std::string& now);
void RemoveDependency(db::Session& s, const std::string& milestone_id,
                      const std::string& depends_on_id, const std::string& now);
using records::LockAlliance;
void InsertForecastChange(db::Session& s, const std::string& milestone_id, const ForecastChange& c);
std::vector<ForecastChange> ListForecastChanges(db::Session& s, const std::string& milestone_id);

// Values newest first, after the keyset position (measured_on, created_at, id) when given.
std::vector<KpiValue> ListKpiValues(db::Session& s, const std::string& kpi_id,
                                    const std::optional<std::vector<std::string>>& after,
                                    int limit);
std::optional<KpiValue> FindKpiValue(db::Session& s, const std::string& kpi_id,
                                     const std::string& id);
void InsertKpiValue(db::Session& s, const KpiValue& v);
void DeleteKpiValue(db::Session& s, const std::string& id);
// A new value changes what the KPI shows: its version moves on.
void TouchKpi(db::Session& s, const std::string& kpi_id, const std::string& now);

void SaveDecision(db::Session& s, const std::string& communication_id, const Decision& d);
void ClearDecisions(db::Session& s, const std::string& communication_id);

}  // namespace northstar::plans::store
