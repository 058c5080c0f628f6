// SQL for plan records. No access decisions here: the service asks the policy first, and list
// queries take the policy's SQL condition (or only alliance-wide records, for the summary that
// every party must see alike).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/plans/model.hpp"
#include "modules/plans/records.hpp"
#include "platform/access/policy.hpp"
#include "platform/db/database.hpp"

namespace northstar::plans::store {

using records::Audience;

std::vector<Objective> ListObjectives(db::Session& s, const std::string& alliance_id,
                                      const Audience& audience);
std::optional<Objective> FindObjective(db::Session& s, const std::string& alliance_id,
                                       const std::string& id);
void InsertObjective(db::Session& s, const Objective& o);
bool UpdateObjective(db::Session& s, const Objective& o, int64_t expected_version);

std::vector<Milestone> ListMilestones(db::Session& s, const std::string& alliance_id,
                                      const Audience& audience);
std::optional<Milestone> FindMilestone(db::Session& s, const std::string& alliance_id,
                                       const std::string& id);
void InsertMilestone(db::Session& s, const Milestone& m);
bool UpdateMilestone(db::Session& s, const Milestone& m, int64_t expected_version);
// Every milestone of the alliance, whoever may see it (for deletions that touch hidden ones).
std::vector<Milestone> AllMilestones(db::Session& s, const std::string& alliance_id);
// A milestone loses its deleted objective, or a dependency on a deleted milestone; both are
// changes to it (its version moves on).
void DetachObjective(db::Session& s, const std::string& milestone_id, const std::string& now);
void RemoveDependency(db::Session& s, const std::string& milestone_id,
                      const std::string& depends_on_id, const std::string& now);
using records::LockAlliance;
void InsertForecastChange(db::Session& s, const std::string& milestone_id, const ForecastChange& c);
std::vector<ForecastChange> ListForecastChanges(db::Session& s, const std::string& milestone_id);

std::vector<Kpi> ListKpis(db::Session& s, const std::string& alliance_id,
                          const Audience& audience);
std::optional<Kpi> FindKpi(db::Session& s, const std::string& alliance_id, const std::string& id);
void InsertKpi(db::Session& s, const Kpi& k);
bool UpdateKpi(db::Session& s, const Kpi& k, int64_t expected_version);
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

std::vector<Workstream> ListWorkstreams(db::Session& s, const std::string& alliance_id,
                                        const Audience& audience);
std::optional<Workstream> FindWorkstream(db::Session& s, const std::string& alliance_id,
                                         const std::string& id);
void InsertWorkstream(db::Session& s, const Workstream& w);
bool UpdateWorkstream(db::Session& s, const Workstream& w, int64_t expected_version);

std::vector<Communication> ListCommunications(db::Session& s, const std::string& alliance_id,
                                              const Audience& audience);
std::optional<Communication> FindCommunication(db::Session& s, const std::string& alliance_id,
                                               const std::string& id);
void InsertCommunication(db::Session& s, const Communication& c);
bool UpdateCommunication(db::Session& s, const Communication& c, int64_t expected_version);
void SaveDecision(db::Session& s, const std::string& communication_id, const Decision& d);
void ClearDecisions(db::Session& s, const std::string& communication_id);

// Deletes a plan record and what hangs off it (dependencies, forecast history, values,
// decisions). `table` is one of the plan tables.
void DeleteRecord(db::Session& s, const std::string& table, const std::string& id);

}  // namespace northstar::plans::store
