#include "modules/plans/service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "modules/alliances/record_steps.hpp"
#include "modules/alliances/service.hpp"
#include "modules/plans/model.hpp"
#include "modules/plans/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::plans {
namespace {

using alliances::ApplyCommon;
using alliances::Assign;
using alliances::AuditRecord;
using alliances::LoadPeople;
using alliances::RequireMemberOf;
using alliances::RequireParty;
using alliances::StartChange;
using alliances::StartRecord;
using alliances::Visible;

Result<PlanContext> Enter(db::Session& s, const auth::Principal& actor,
                          const std::string& alliance_id) {
  return alliances::EnterAlliance(s, actor, alliance_id);
}

}  // namespace

// The audit view of each plan record (found by alliances::AuditCreate and AuditUpdate).
// Besides its described fields: the objective and the dependencies where everyone who may read
// the milestone may read them, and the payment.
json::object AuditOf(const Milestone& m) {
  json::object v = records::Audit(m);
  const access::RecordScope own = ScopeOf(m);
  const bool objective_shown =
      m.objective_id && m.objective_scope && access::Covers(*m.objective_scope, own);
  v["objective_id"] = objective_shown ? OptionalJson(m.objective_id) : json::value(nullptr);
  std::vector<std::string> deps;
  for (const auto& d : m.depends_on) {
    auto it = m.dependency_scopes.find(d);
    if (it != m.dependency_scopes.end() && access::Covers(it->second, own)) deps.push_back(d);
  }
  v["depends_on"] = ToJsonArray(deps);
  if (m.payment) {
    v["payment"] = {{"amount_minor", m.payment->amount_minor},
                    {"currency", m.payment->currency},
                    {"payer_party_id", m.payment->payer_party_id},
                    {"payee_party_id", m.payment->payee_party_id}};
  } else {
    v["payment"] = nullptr;
  }
  return v;
}

json::object AuditOf(const Workstream& w) {
  json::object v = records::Audit(w);
  v["activities"] = json::parse(ActivitiesToJson(w.activities));
  return v;
}

namespace {

using alliances::AuditCreate;
using alliances::AuditUpdate;

// ---- milestone rules that need the database ----------------------------------------------

std::string DateOf(const Milestone& m) { return m.actual_date.value_or(m.forecast_date); }

// Checks a new milestone, or a change to `current`: only what the caller sends is checked
// against what the caller can see, so a record another party narrowed never freezes this one.
Status CheckMilestone(db::Session& s, const PlanContext& c, const Milestone& m,
                      const Milestone* current) {
  if (!current || m.objective_id != current->objective_id) {
    auto objective = m.objective_id ? records::Find(s, store::Objectives(),
                                                    c.membership.alliance_id, *m.objective_id)
                                    : std::nullopt;
    if (!objective || !access::CanRead(c.membership, ScopeOf(*objective))) {
      return Invalid("objective_id", "is not an objective of this alliance");
    }
  }
  NS_TRY(RequireMemberOf(s, c, m.responsible_user_id, m.party_id, "responsible_user_id"));
  if (m.actual_date && *m.actual_date > c.today) {
    return Invalid("actual_date", "cannot be in the future");
  }
  // Dependencies: visible milestones of this alliance, not itself, no cycle, and not forecast
  // after this milestone.
  // What the caller sees of the plan: dependencies, cycles and dates are checked within it, so
  // no answer depends on a record the caller cannot read.
  std::map<std::string, Milestone> visible;
  for (auto& v : records::List(s, store::Milestones(), c.membership.alliance_id,
                               store::Audience{c.membership})) {
    visible.emplace(v.id, std::move(v));
  }
  std::map<std::string, Milestone> deps;
  for (size_t i = 0; i < m.depends_on.size(); ++i) {
    const std::string& id = m.depends_on[i];
    const std::string field = "depends_on[" + std::to_string(i) + "]";
    if (id == m.id) return Invalid(field, "a milestone cannot depend on itself");
    auto it = visible.find(id);
    if (it != visible.end()) {
      deps.emplace(id, it->second);
    } else if (!current || std::find(current->depends_on.begin(), current->depends_on.end(), id) ==
                               current->depends_on.end()) {
      return Invalid(field, "is not a milestone of this alliance");
    }
  }
  DependencyGraph graph;
  for (const auto& [id, v] : visible) {
    for (const auto& d : v.depends_on) {
      if (visible.contains(d)) graph[id].push_back(d);
    }
  }
  graph[m.id].clear();
  for (const auto& [id, dep] : deps) graph[m.id].push_back(id);
  if (auto cycle = FindCycle(graph, m.id)) {
    std::string names;
    for (const auto& id : *cycle) {
      names += (names.empty() ? "" : " → ") + (id == m.id ? m.title : visible.at(id).title);
    }
    return Invalid("depends_on", "would create a cycle: " + names);
  }
  for (const auto& [id, dep] : deps) {
    if (DateOf(dep) > m.forecast_date && dep.status_set != "cancelled") {
      return Invalid("forecast_date", "is before " + DateOf(dep) + ", the date of '" + dep.title +
                                          "' it depends on (dates out of order)");
    }
  }
  if (m.payment) {
    const Payment& p = *m.payment;
    NS_TRY(RequireParty(c, p.payer_party_id, "payment.payer_party_id"));
    NS_TRY(RequireParty(c, p.payee_party_id, "payment.payee_party_id"));
    if (p.payer_party_id == p.payee_party_id) {
      return Invalid("payment.payee_party_id", "must differ from the paying party");
    }
    // One currency per plan, so that commitments add up; checked among what the caller sees.
    for (const auto& [id, other] : visible) {
      if (other.id != m.id && other.payment && other.payment->currency != p.currency) {
        return Invalid("payment.currency", "this plan's financial commitments are in " +
                                               other.payment->currency + " ('" + other.title +
                                               "'); use the same currency");
      }
    }
  }
  return OkStatus();
}

MilestoneView ViewOne(db::Session& s, const PlanContext& c, Milestone m) {
  // The status depends on the dependencies: derive it within the caller's whole plan.
  auto all = DeriveMilestones(records::List(s, store::Milestones(), c.membership.alliance_id,
                                            store::Audience{c.membership}),
                              c.today, c.membership);
  for (auto& v : all) {
    if (v.milestone.id == m.id) return v;
  }
  return DeriveMilestones({std::move(m)}, c.today, c.membership).front();
}

}  // namespace

std::vector<MilestoneView> DeriveMilestones(std::vector<Milestone> milestones,
                                            const std::string& today,
                                            const std::optional<access::Membership>& viewer) {
  for (auto& m : milestones) {
    const bool readable = m.objective_scope &&
                          (viewer ? access::CanRead(*viewer, *m.objective_scope)
                                  : m.objective_scope->visibility == access::Visibility::kAlliance);
    if (!readable) m.objective_id = m.objective_title = std::nullopt;
  }
  std::map<std::string, const Milestone*> by_id;
  for (const auto& m : milestones) by_id[m.id] = &m;
  std::vector<MilestoneView> out;
  for (const auto& m : milestones) {
    MilestoneView v;
    StatusFacts facts{m.planned_date, m.forecast_date, m.actual_date, m.status_set, {}};
    for (const auto& dep : m.depends_on) {
      auto it = by_id.find(dep);
      if (it == by_id.end()) continue;
      v.visible_depends_on.push_back(dep);
      const Milestone& d = *it->second;
      if (!d.actual_date && d.status_set != "achieved" && d.status_set != "cancelled") {
        facts.open_dependency_dates.push_back(DateOf(d));
        const std::string date = DateOf(d);
        if (date > m.forecast_date) {
          v.pushed_by.push_back({d.id, d.title, date, DaysBetween(m.forecast_date, date)});
        }
      }
    }
    const bool open = !m.actual_date && m.status_set != "achieved" && m.status_set != "cancelled" &&
                      m.status_set != "missed";
    if (!open) v.pushed_by.clear();
    if (open && m.forecast_date < today) v.days_late = DaysBetween(m.forecast_date, today);
    v.status = MilestoneStatus(facts, today);
    v.status_derived = IsDerived(facts, today);
    v.slip_days = SlipDays(m.planned_date, m.forecast_date, m.actual_date);
    v.total_slip_days = SlipDays(m.original_date, m.forecast_date, m.actual_date);
    v.milestone = m;
    out.push_back(std::move(v));
  }
  return out;
}

std::optional<std::string> CommunicationState(const Communication& c,
                                              const std::vector<alliances::Party>& parties) {
  if (c.category != "external") return std::nullopt;
  std::vector<std::string> decisions;
  for (const auto& p : parties) {
    auto it = std::find_if(c.decisions.begin(), c.decisions.end(), [&](const Decision& d) {
      return d.organization_id == p.organization_id;
    });
    decisions.push_back(it == c.decisions.end() ? "pending" : it->decision);
  }
  return ApprovalState(decisions);
}

// ---- plan ---------------------------------------------------------------------------------

Result<PlanView> PlansService::Plan(const auth::Principal& actor, const std::string& alliance_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  PlanView view;
  view.objectives =
      records::List(s, store::Objectives(), alliance_id, store::Audience{c.membership});
  view.milestones = DeriveMilestones(
      records::List(s, store::Milestones(), alliance_id, store::Audience{c.membership}), c.today,
      c.membership);
  std::vector<PathNode> nodes;
  for (const auto& v : view.milestones) {
    nodes.push_back(
        {v.milestone.id, DateOf(v.milestone), v.visible_depends_on, v.status == "cancelled"});
  }
  view.critical_path = CriticalPath(nodes);
  view.context = std::move(c);
  return view;
}

Result<PlanSummary> PlansService::Summary(const auth::Principal& actor,
                                          const std::string& alliance_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  // Only what every party sees, so the summary is the same for all of them.
  const store::Audience everyone{};
  PlanSummary out;
  out.today = c.today;
  const std::string horizon = AddDays(c.today, 30);
  for (auto& v : DeriveMilestones(records::List(s, store::Milestones(), alliance_id, everyone),
                                  c.today, std::nullopt)) {
    ++out.milestones_total;
    const bool open = v.status != "achieved" && v.status != "missed" && v.status != "cancelled";
    if (v.status == "achieved") ++out.achieved;
    if (v.status == "late") ++out.late;
    if (v.status == "at_risk") ++out.at_risk;
    if (open && v.milestone.forecast_date >= c.today && v.milestone.forecast_date <= horizon) {
      ++out.due_30_days;
    }
    if (open && out.next_milestones.size() < 3) out.next_milestones.push_back(std::move(v));
  }
  for (const auto& k : records::List(s, store::Kpis(), alliance_id, everyone)) {
    ++out.kpis_total;
    const std::optional<double> latest =
        k.values.empty() ? std::nullopt : std::optional(k.values.back().value);
    const std::string status = KpiStatus(RuleOf(k), latest);
    if (status == "green") ++out.green;
    if (status == "amber") ++out.amber;
    if (status == "red") ++out.red;
    if (status == "no_data") ++out.no_data;
  }
  out.context = std::move(c);
  return out;
}

// ---- objectives ---------------------------------------------------------------------------

// An objective's own fields: from the input, with defaults when it is created.
// An objective has no rules beyond its fields' (the reader checks them).
Status ApplyObjective(db::Session&, PlanContext&, const ObjectiveInput&, Objective&,
                      const Objective*) {
  return OkStatus();
}

Result<WithContext<std::vector<Objective>>> PlansService::ListObjectives(
    const auth::Principal& actor, const std::string& alliance_id) {
  return alliances::ListOf(db_, actor, alliance_id, store::Objectives());
}

Result<WithContext<Objective>> PlansService::GetObjective(const auth::Principal& actor,
                                                          const std::string& alliance_id,
                                                          const std::string& id) {
  return alliances::GetOf(db_, actor, alliance_id, store::Objectives(), id);
}

Result<WithContext<Objective>> PlansService::CreateObjective(const auth::Principal& actor,
                                                             const std::string& alliance_id,
                                                             const ObjectiveInput& input) {
  return alliances::CreateOf(db_, actor, alliance_id, store::Objectives(), "objective", input,
                             ApplyObjective);
}

Result<WithContext<Objective>> PlansService::UpdateObjective(const auth::Principal& actor,
                                                             const std::string& alliance_id,
                                                             const std::string& id, int64_t version,
                                                             const ObjectiveInput& input) {
  return alliances::UpdateOf(db_, actor, alliance_id, store::Objectives(), "objective", id, version,
                             input, ApplyObjective);
}

Status PlansService::DeleteObjective(const auth::Principal& actor, const std::string& alliance_id,
                                     const std::string& id) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Objective current,
                      Visible(c, records::Find(s, store::Objectives(), alliance_id, id)));
  NS_TRY(access::AuthorizeRecordChange(c.membership, ScopeOf(current)));
  // Milestones the caller can see must be moved or deleted first; those it cannot see lose
  // their objective (refusing would tell the caller they exist).
  const auto all = records::All(s, store::Milestones(), alliance_id);
  std::vector<const Milestone*> hidden;
  for (const auto& m : all) {
    if (m.objective_id != id) continue;
    if (access::CanRead(c.membership, ScopeOf(m))) {
      return Conflict("Milestones are linked to this objective; move or delete them first.");
    }
    hidden.push_back(&m);
  }
  const std::string now = NowText();
  for (const Milestone* m : hidden) {
    store::DetachObjective(s, m->id, now);
    AuditRecord(s, actor.user_id, *m, "milestone", "update",
                {{"objective_id", {{"before", id}, {"after", nullptr}}}},
                access::Intersect(ScopeOf(*m), ScopeOf(current)));
  }
  records::Delete(s, store::Objectives(), id);
  AuditRecord(s, actor.user_id, current, "objective", "delete",
              audit::Deleted(alliances::AuditView(current)), ScopeOf(current));
  tx.Commit();
  return OkStatus();
}

// ---- milestones ---------------------------------------------------------------------------

// Each milestone's status depends on its dependencies: derived within the caller's whole plan.
std::vector<MilestoneView> DeriveAll(db::Session&, const PlanContext& c,
                                     std::vector<Milestone> milestones) {
  return DeriveMilestones(std::move(milestones), c.today, c.membership);
}

Result<WithContext<std::vector<MilestoneView>>> PlansService::ListMilestones(
    const auth::Principal& actor, const std::string& alliance_id) {
  return alliances::ListOf(db_, actor, alliance_id, store::Milestones(), nullptr, DeriveAll);
}

Result<WithContext<MilestoneView>> PlansService::GetMilestone(const auth::Principal& actor,
                                                              const std::string& alliance_id,
                                                              const std::string& id) {
  return alliances::GetOf(db_, actor, alliance_id, store::Milestones(), id, nullptr, ViewOne);
}

namespace {

// A milestone's fields beyond those the kit merges, then its rules. A new milestone's original
// and forecast dates start as its planned date.
Status ApplyMilestone(db::Session& s, PlanContext& c, const MilestoneInput& in, Milestone& m,
                      const Milestone* current) {
  if (!current) {
    m.original_date = m.planned_date;
    if (!in.forecast_date) m.forecast_date = m.planned_date;
  }
  Assign(m.status_set, in.status);
  Assign(m.payment, in.payment);
  if (!current) {
    m.depends_on = in.depends_on.value_or(std::vector<std::string>{});
  } else if (in.depends_on) {
    // The caller replaces the dependencies it can see; those it cannot see stay.
    m.depends_on = *in.depends_on;
    for (const auto& d : current->depends_on) {
      auto dep = records::Find(s, store::Milestones(), c.membership.alliance_id, d);
      if (dep && !access::CanRead(c.membership, ScopeOf(*dep))) m.depends_on.push_back(d);
    }
  }
  NS_TRY(CheckMilestone(s, c, m, current));
  m.dependency_scopes.clear();
  for (const auto& other : records::All(s, store::Milestones(), c.membership.alliance_id)) {
    if (std::find(m.depends_on.begin(), m.depends_on.end(), other.id) != m.depends_on.end()) {
      m.dependency_scopes[other.id] = ScopeOf(other);
    }
  }
  return OkStatus();
}

// The forecast history: where the milestone started, and each move of its forecast.
json::object RecordForecast(db::Session& s, const PlanContext& c, const MilestoneInput& in,
                            const Milestone& m, const Milestone* current) {
  if (!current) {
    store::InsertForecastChange(s, m.id,
                                {"created", m.forecast_date, std::nullopt, m.planned_date,
                                 in.reason.value_or(""), c.membership.user_id, "", m.created_at});
  } else if (m.forecast_date != current->forecast_date) {
    store::InsertForecastChange(
        s, m.id,
        {"forecast", m.forecast_date, current->forecast_date, m.planned_date,
         in.reason.value_or(""), c.membership.user_id, "", m.updated_at});
  }
  return {};
}

const auto kMilestoneRules =
    alliances::RulesOf(ApplyMilestone).After(RecordForecast).Answer(ViewOne);

}  // namespace

Result<WithContext<MilestoneView>> PlansService::CreateMilestone(const auth::Principal& actor,
                                                                 const std::string& alliance_id,
                                                                 const MilestoneInput& input) {
  return alliances::CreateOf(db_, actor, alliance_id, store::Milestones(), "milestone", input,
                             kMilestoneRules);
}

Result<WithContext<MilestoneView>> PlansService::UpdateMilestone(const auth::Principal& actor,
                                                                 const std::string& alliance_id,
                                                                 const std::string& id,
                                                                 int64_t version,
                                                                 const MilestoneInput& input) {
  return alliances::UpdateOf(db_, actor, alliance_id, store::Milestones(), "milestone", id, version,
                             input, kMilestoneRules);
}

Result<WithContext<MilestoneView>> PlansService::Rebaseline(const auth::Principal& actor,
                                                            const std::string& alliance_id,
                                                            const std::string& id, int64_t version,
                                                            const std::string& reason) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Milestone current,
                      Visible(c, records::Find(s, store::Milestones(), alliance_id, id)));
  NS_TRY(access::Authorize(c.membership, access::AllianceAction::kCommitParty));
  if (current.version != version) return Stale();
  Milestone next = current;
  next.planned_date = current.forecast_date;
  next.baseline_count = current.baseline_count + 1;
  next.updated_at = NowText();
  if (!records::Update(s, store::Milestones(), next, version)) return Stale();
  store::InsertForecastChange(s, id,
                              {"rebaseline", next.forecast_date, current.forecast_date,
                               next.planned_date, reason, actor.user_id, "", next.updated_at});
  json::object changes = audit::Diff(alliances::AuditView(current), alliances::AuditView(next));
  changes["reason"] = {{"before", nullptr}, {"after", reason}};
  AuditRecord(s, actor.user_id, next, "milestone", "rebaseline", std::move(changes),
              ScopeOf(current));
  auto stored = records::Find(s, store::Milestones(), alliance_id, id);
  MilestoneView v = ViewOne(s, c, std::move(*stored));
  tx.Commit();
  return WithContext<MilestoneView>{std::move(v), std::move(c)};
}

Result<std::vector<ForecastChange>> PlansService::History(const auth::Principal& actor,
                                                          const std::string& alliance_id,
                                                          const std::string& id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  NS_TRY(Visible(c, records::Find(s, store::Milestones(), alliance_id, id)));
  return store::ListForecastChanges(s, id);
}

Status PlansService::DeleteMilestone(const auth::Principal& actor, const std::string& alliance_id,
                                     const std::string& id) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Milestone current,
                      Visible(c, records::Find(s, store::Milestones(), alliance_id, id)));
  NS_TRY(access::AuthorizeRecordChange(c.membership, ScopeOf(current)));
  // Milestones the caller can see that depend on this one must change first; those it cannot
  // see lose the dependency (refusing would tell the caller they exist).
  const auto all = records::All(s, store::Milestones(), alliance_id);
  std::vector<const Milestone*> hidden;
  for (const auto& m : all) {
    if (std::find(m.depends_on.begin(), m.depends_on.end(), id) == m.depends_on.end()) continue;
    if (access::CanRead(c.membership, ScopeOf(m))) {
      return Conflict("Other milestones depend on this one; remove those dependencies first.");
    }
    hidden.push_back(&m);
  }
  const std::string now = NowText();
  for (const Milestone* m : hidden) {
    store::RemoveDependency(s, m->id, id, now);
    AuditRecord(s, actor.user_id, *m, "milestone", "update",
                {{"depends_on_removed", {{"before", id}, {"after", nullptr}}}},
                access::Intersect(ScopeOf(*m), ScopeOf(current)));
  }
  records::Delete(s, store::Milestones(), id);
  AuditRecord(s, actor.user_id, current, "milestone", "delete",
              audit::Deleted(alliances::AuditView(current)), ScopeOf(current));
  tx.Commit();
  return OkStatus();
}

// ---- KPIs ---------------------------------------------------------------------------------

namespace {

Status CheckKpi(db::Session& s, const PlanContext& c, const Kpi& k) {
  NS_TRY(RequireMemberOf(s, c, k.responsible_user_id, k.party_id, "responsible_user_id"));
  if (auto why = CheckThresholds(RuleOf(k))) return Invalid(why->field, why->message);
  return OkStatus();
}

}  // namespace

// A KPI's own fields: from the input, with defaults when it is created; then its rules.
Status ApplyKpi(db::Session& s, PlanContext& c, const KpiInput&, Kpi& k, const Kpi*) {
  return CheckKpi(s, c, k);
}

Result<WithContext<std::vector<Kpi>>> PlansService::ListKpis(const auth::Principal& actor,
                                                             const std::string& alliance_id) {
  return alliances::ListOf(db_, actor, alliance_id, store::Kpis());
}

Result<std::vector<std::string>> PlansService::KpiStatusesOn(const auth::Principal& actor,
                                                             const std::string& alliance_id,
                                                             const std::string& day) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  // The values are kept newest first: the first before the day after is the last by the day.
  const std::vector<std::string> by_day_end = {AddDays(day, 1), "", ""};
  std::vector<std::string> out;
  for (const Kpi& k : records::List(s, store::Kpis(), alliance_id, {c.membership})) {
    const auto last = store::ListKpiValues(s, k.id, by_day_end, 1);
    out.push_back(KpiStatus(
        RuleOf(k), last.empty() ? std::nullopt : std::optional<double>(last.front().value)));
  }
  return out;
}

Result<WithContext<Kpi>> PlansService::GetKpi(const auth::Principal& actor,
                                              const std::string& alliance_id,
                                              const std::string& id) {
  return alliances::GetOf(db_, actor, alliance_id, store::Kpis(), id);
}

Result<WithContext<Kpi>> PlansService::CreateKpi(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const KpiInput& input) {
  return alliances::CreateOf(db_, actor, alliance_id, store::Kpis(), "kpi", input, ApplyKpi);
}

Result<WithContext<Kpi>> PlansService::UpdateKpi(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& id, int64_t version,
                                                 const KpiInput& input) {
  return alliances::UpdateOf(db_, actor, alliance_id, store::Kpis(), "kpi", id, version, input,
                             ApplyKpi);
}

Status PlansService::DeleteKpi(const auth::Principal& actor, const std::string& alliance_id,
                               const std::string& id) {
  return alliances::DeleteOf(db_, actor, alliance_id, store::Kpis(), "kpi", id);
}

Result<std::vector<KpiValue>> PlansService::ListKpiValues(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& kpi_id,
    const std::optional<std::vector<std::string>>& after, int limit) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  NS_TRY(Visible(c, records::Find(s, store::Kpis(), alliance_id, kpi_id)));
  return store::ListKpiValues(s, kpi_id, after, limit);
}

Result<KpiValue> PlansService::AddKpiValue(const auth::Principal& actor,
                                           const std::string& alliance_id,
                                           const std::string& kpi_id, const KpiValueInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Kpi kpi, Visible(c, records::Find(s, store::Kpis(), alliance_id, kpi_id)));
  NS_TRY(access::Authorize(c.membership, access::AllianceAction::kWriteRecords));
  if (input.measured_on > c.today) return Invalid("measured_on", "cannot be in the future");
  KpiValue v{NewId(),    kpi_id,        input.measured_on, input.value,
             input.note, actor.user_id, actor.name,        NowText()};
  store::InsertKpiValue(s, v);
  store::TouchKpi(s, kpi_id, v.created_at);
  RecordBase record = kpi;
  record.id = v.id;
  AuditRecord(s, actor.user_id, record, "kpi_value", "create",
              audit::Created({{"kpi_id", kpi_id},
                              {"measured_on", v.measured_on},
                              {"value", v.value},
                              {"note", v.note}}),
              ScopeOf(kpi));
  tx.Commit();
  return v;
}

Status PlansService::DeleteKpiValue(const auth::Principal& actor, const std::string& alliance_id,
                                    const std::string& kpi_id, const std::string& value_id) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Kpi kpi, Visible(c, records::Find(s, store::Kpis(), alliance_id, kpi_id)));
  auto value = store::FindKpiValue(s, kpi_id, value_id);
  if (!value) return NotFound();
  // Its author, or a manager of the KPI's owner party (the KPI is readable: checked above).
  NS_TRY(access::Authorize(c.membership, access::AllianceAction::kWriteRecords));
  const bool owner_manager = c.membership.role == access::AllianceRole::kManager &&
                             c.membership.organization_id == kpi.owner_organization_id;
  if (value->entered_by != actor.user_id && !owner_manager) {
    return Forbidden("Only who entered the value or a manager of the KPI's party may delete it.");
  }
  store::DeleteKpiValue(s, value_id);
  store::TouchKpi(s, kpi_id, NowText());
  RecordBase record = kpi;
  record.id = value_id;
  AuditRecord(s, actor.user_id, record, "kpi_value", "delete",
              audit::Deleted({{"kpi_id", kpi_id},
                              {"measured_on", value->measured_on},
                              {"value", value->value},
                              {"note", value->note}}),
              ScopeOf(kpi));
  tx.Commit();
  return OkStatus();
}

// ---- workstreams --------------------------------------------------------------------------

namespace {

// `before`: the activities as stored (none for a new workstream). A sent id is kept only when it
// is one of them, once; any other activity gets a new id.
Status CheckWorkstream(db::Session& s, const PlanContext& c, Workstream& w,
                       const std::vector<Activity>& before) {
  std::set<std::string> known, kept;
  for (const auto& a : before) known.insert(a.id);
  for (auto& a : w.activities) {
    if (a.id.empty() || !known.contains(a.id) || !kept.insert(a.id).second) a.id = NewId();
  }
  std::set<std::string> names;
  std::vector<alliances::Member> members;
  bool members_loaded = false;
  for (size_t i = 0; i < w.activities.size(); ++i) {
    Activity& a = w.activities[i];
    const std::string field = "activities[" + std::to_string(i) + "]";
    if (!names.insert(a.name).second) {
      return Invalid(field + ".name", "is used by another activity of this workstream");
    }
    std::set<std::string> seen;
    std::vector<std::string> roles;
    for (size_t j = 0; j < a.assignments.size(); ++j) {
      const Assignment& x = a.assignments[j];
      const std::string at = field + ".assignments[" + std::to_string(j) + "]";
      NS_TRY(RequireParty(c, x.organization_id, at + ".organization_id"));
      if (x.user_id) {
        if (!members_loaded) {
          members = alliances::MembersOf(s, c.membership.alliance_id);
          members_loaded = true;
        }
        const bool ok = std::any_of(members.begin(), members.end(), [&](const auto& m) {
          return m.user_id == *x.user_id && m.organization_id == x.organization_id;
        });
        if (!ok) return Invalid(at + ".user_id", "is not an alliance member of that party");
      }
      if (!seen.insert(x.organization_id + "|" + x.user_id.value_or("") + "|" + x.role).second) {
        return Invalid(at, "is listed twice");
      }
      roles.push_back(x.role);
    }
    if (auto why = CheckAccountable(roles)) return Invalid(field + ".assignments", *why);
  }
  return OkStatus();
}

}  // namespace

// A workstream's own fields: from the input, with defaults when it is created; then its RACI
// rules. Its answer names the people of its assignments.
Status ApplyWorkstream(db::Session& s, PlanContext& c, const WorkstreamInput& in, Workstream& w,
                       const Workstream* current) {
  LoadPeople(s, c);
  Assign(w.activities, in.activities);
  return CheckWorkstream(s, c, w, current ? current->activities : std::vector<Activity>{});
}

Result<WithContext<std::vector<Workstream>>> PlansService::ListWorkstreams(
    const auth::Principal& actor, const std::string& alliance_id) {
  return alliances::ListOf(db_, actor, alliance_id, store::Workstreams(), LoadPeople);
}

Result<WithContext<Workstream>> PlansService::GetWorkstream(const auth::Principal& actor,
                                                            const std::string& alliance_id,
                                                            const std::string& id) {
  return alliances::GetOf(db_, actor, alliance_id, store::Workstreams(), id, LoadPeople);
}

Result<WithContext<Workstream>> PlansService::CreateWorkstream(const auth::Principal& actor,
                                                               const std::string& alliance_id,
                                                               const WorkstreamInput& input) {
  return alliances::CreateOf(db_, actor, alliance_id, store::Workstreams(), "workstream", input,
                             ApplyWorkstream);
}

Result<WithContext<Workstream>> PlansService::UpdateWorkstream(const auth::Principal& actor,
                                                               const std::string& alliance_id,
                                                               const std::string& id,
                                                               int64_t version,
                                                               const WorkstreamInput& input) {
  return alliances::UpdateOf(db_, actor, alliance_id, store::Workstreams(), "workstream", id,
                             version, input, ApplyWorkstream);
}

Status PlansService::DeleteWorkstream(const auth::Principal& actor, const std::string& alliance_id,
                                      const std::string& id) {
  return alliances::DeleteOf(db_, actor, alliance_id, store::Workstreams(), "workstream", id);
}

// ---- communications -----------------------------------------------------------------------

namespace {

Status ApplyCommunication(db::Session& s, PlanContext& c, const CommunicationInput&,
                          Communication& m, const Communication*) {
  const auto& kinds = m.category == "external" ? kExternalKinds : kChannelKinds;
  if (std::find(kinds.begin(), kinds.end(), m.kind) == kinds.end()) {
    return Invalid("kind", "is not a kind of " + m.category + " communication");
  }
  if (m.category == "external" && m.visibility != "alliance") {
    return Invalid("visibility",
                   "must be 'alliance' for an external communication: every party approves it");
  }
  return RequireMemberOf(s, c, m.responsible_user_id, m.party_id, "responsible_user_id");
}

// The parties approved a text and a date: a change to either asks them again.
json::object ResetApprovals(db::Session& s, const PlanContext&, const CommunicationInput&,
                            const Communication& next, const Communication* current) {
  if (!current || current->decisions.empty()) return {};
  const bool content_changed = next.title != current->title ||
                               next.description != current->description ||
                               next.kind != current->kind || next.category != current->category ||
                               next.planned_date != current->planned_date;
  if (!content_changed) return {};
  store::ClearDecisions(s, next.id);
  json::array before;
  for (const auto& d : current->decisions) {
    before.push_back({{"organization_id", d.organization_id}, {"decision", d.decision}});
  }
  return {{"approvals", {{"before", std::move(before)}, {"after", json::array()}}}};
}

const auto kCommunicationRules = alliances::RulesOf(ApplyCommunication).After(ResetApprovals);

}  // namespace

Result<WithContext<std::vector<Communication>>> PlansService::ListCommunications(
    const auth::Principal& actor, const std::string& alliance_id) {
  return alliances::ListOf(db_, actor, alliance_id, store::Communications());
}

Result<WithContext<Communication>> PlansService::GetCommunication(const auth::Principal& actor,
                                                                  const std::string& alliance_id,
                                                                  const std::string& id) {
  return alliances::GetOf(db_, actor, alliance_id, store::Communications(), id);
}

Result<WithContext<Communication>> PlansService::CreateCommunication(
    const auth::Principal& actor, const std::string& alliance_id, const CommunicationInput& input) {
  return alliances::CreateOf(db_, actor, alliance_id, store::Communications(), "communication",
                             input, kCommunicationRules);
}

Result<WithContext<Communication>> PlansService::UpdateCommunication(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const CommunicationInput& input) {
  return alliances::UpdateOf(db_, actor, alliance_id, store::Communications(), "communication", id,
                             version, input, kCommunicationRules);
}

Result<WithContext<Communication>> PlansService::Decide(const auth::Principal& actor,
                                                        const std::string& alliance_id,
                                                        const std::string& id, int64_t version,
                                                        bool approve,
                                                        const std::optional<std::string>& reason) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(PlanContext c, Enter(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Communication current,
                      Visible(c, records::Find(s, store::Communications(), alliance_id, id)));
  NS_TRY(access::Authorize(c.membership, access::AllianceAction::kCommitParty));
  if (current.version != version) return Stale();
  if (current.category != "external") {
    return Invalid("decision", "only external communications need the parties' approval");
  }
  if (!approve && (!reason || reason->empty())) {
    return Invalid("reason", "is required to reject");
  }
  Decision d{c.membership.organization_id,
             approve ? "approved" : "rejected",
             reason && !reason->empty() ? reason : std::nullopt,
             actor.user_id,
             actor.name,
             NowText()};
  store::SaveDecision(s, id, d);
  // The decision changes what the record shows: its version moves on with it.
  Communication next = current;
  next.updated_at = d.decided_at;
  if (!records::Update(s, store::Communications(), next, version)) return Stale();
  AuditRecord(s, actor.user_id, current, "communication", approve ? "approve" : "reject",
              {{"organization_id", {{"before", nullptr}, {"after", d.organization_id}}},
               {"decision", {{"before", nullptr}, {"after", d.decision}}},
               {"reason", {{"before", nullptr}, {"after", OptionalJson(d.reason)}}}},
              ScopeOf(current));
  auto stored = records::Find(s, store::Communications(), alliance_id, id);
  tx.Commit();
  return WithContext<Communication>{std::move(*stored), std::move(c)};
}

Status PlansService::DeleteCommunication(const auth::Principal& actor,
                                         const std::string& alliance_id, const std::string& id) {
  return alliances::DeleteOf(db_, actor, alliance_id, store::Communications(), "communication", id);
}

std::map<std::string, MilestoneDate> MilestoneDates(db::Session& s,
                                                    const std::string& alliance_id) {
  std::map<std::string, MilestoneDate> out;
  for (auto& m : records::All(s, store::Milestones(), alliance_id)) {
    const access::RecordScope scope = ScopeOf(m);
    out[m.id] = MilestoneDate{std::move(m.title), std::move(m.actual_date), scope};
  }
  return out;
}

}  // namespace northstar::plans
