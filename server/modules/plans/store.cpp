#include "modules/plans/store.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

#include "platform/common/ids.hpp"

namespace northstar::plans::store {
namespace {

// Every plan table is read as `r`, with the names of its parties and author joined.
std::string SelectFrom(const std::string& table, bool with_responsible) {
  return records::SelectRecords(table, with_responsible ? "responsible_user_id" : "");
}

// The objective (its title and access columns, joined) and the payment (four columns).
void ReadMilestone(const db::Row& r, Milestone& m) {
  m.objective_title = r.OptStr("objective_title");
  if (m.objective_id) {
    m.objective_scope = access::RecordScope{
        access::ParseVisibility(r.Str("ob_visibility")).value_or(access::Visibility::kRestricted),
        r.Str("ob_organization_id"), r.Str("ob_user_id"),
        access::ReadersFromJson(r.Str("ob_readers"))};
  }
  m.responsible_user_name = r.OptStr("responsible_user_name");
  if (auto amount = r.OptInt("payment_amount_minor")) {
    m.payment = Payment{*amount, r.Str("payment_currency"), r.Str("payer_party_id"),
                        r.Str("payee_party_id")};
  }
}

std::string MilestoneSelect() {
  std::string sql = SelectFrom("milestones", true);
  // The objective's title and access columns come along; the service hides an objective the
  // caller cannot read.
  sql.replace(sql.find(" FROM "), 0,
              ", ob.title AS objective_title, ob.visibility AS ob_visibility,"
              " ob.owner_organization_id AS ob_organization_id, ob.owner_user_id AS ob_user_id,"
              " ob.readers AS ob_readers");
  return sql + " LEFT JOIN objectives ob ON ob.id = r.objective_id";
}

void LoadDependencies(db::Session& s, const std::string& alliance_id,
                      std::vector<Milestone>& milestones) {
  db::Params p;
  p.Set("a", alliance_id);
  std::map<std::string, std::vector<std::string>> deps;
  std::map<std::string, access::RecordScope> scopes;
  for (const auto& r :
       s.Query("SELECT d.milestone_id, d.depends_on_id, dm.visibility, dm.owner_organization_id,"
               " dm.owner_user_id, dm.readers FROM milestone_dependencies d"
               " JOIN milestones m ON m.id = d.milestone_id"
               " JOIN milestones dm ON dm.id = d.depends_on_id WHERE m.alliance_id = :a"
               " ORDER BY d.milestone_id, d.depends_on_id",
               p)) {
    const std::string& dep = r.Str("depends_on_id");
    deps[r.Str("milestone_id")].push_back(dep);
    scopes.emplace(dep, records::ScopeOfRow(r));
  }
  for (auto& m : milestones) {
    m.depends_on = deps[m.id];
    for (const auto& d : m.depends_on) m.dependency_scopes[d] = scopes.at(d);
  }
}

constexpr char kPaymentColumns[] =
    "payment_amount_minor, payment_currency, payer_party_id, payee_party_id";
void BindPayment(db::Params& p, const Milestone& m) {
  if (m.payment) {
    p.Set("payment_amount_minor", m.payment->amount_minor)
        .Set("payment_currency", m.payment->currency)
        .Set("payer_party_id", m.payment->payer_party_id)
        .Set("payee_party_id", m.payment->payee_party_id);
  } else {
    p.SetNull("payment_amount_minor")
        .SetNull("payment_currency")
        .SetNull("payer_party_id")
        .SetNull("payee_party_id");
  }
}

void ReplaceDependencies(db::Session& s, const Milestone& m) {
  db::Params p;
  p.Set("m", m.id);
  s.Exec("DELETE FROM milestone_dependencies WHERE milestone_id = :m", p);
  for (const auto& dep : m.depends_on) {
    db::Params d;
    d.Set("m", m.id).Set("d", dep);
    s.Exec("INSERT INTO milestone_dependencies (milestone_id, depends_on_id) VALUES (:m, :d)", d);
  }
}

KpiValue ValueFromRow(const db::Row& r) {
  return KpiValue{r.Str("id"),
                  r.Str("kpi_id"),
                  r.Str("measured_on"),
                  records::ParseNumber(r.Str("value")),
                  r.Str("note"),
                  r.Str("entered_by"),
                  r.Str("entered_by_name"),
                  r.Str("created_at")};
}

constexpr char kValueSelect[] =
    "SELECT v.*, u.name AS entered_by_name FROM kpi_values v JOIN users u ON u.id = v.entered_by";
constexpr size_t kSparklineValues = 24;

void LoadRecentValues(db::Session& s, const std::string& alliance_id, std::vector<Kpi>& kpis) {
  db::Params p;
  p.Set("a", alliance_id);
  std::map<std::string, std::vector<KpiValue>> by_kpi;
  for (const auto& r : s.Query(std::string(kValueSelect) +
                                   " JOIN kpis k ON k.id = v.kpi_id WHERE k.alliance_id = :a"
                                   " ORDER BY v.measured_on, v.created_at, v.id",
                               p)) {
    by_kpi[r.Str("kpi_id")].push_back(ValueFromRow(r));
  }
  for (auto& k : kpis) {
    auto& values = by_kpi[k.id];
    if (values.size() > kSparklineValues) {
      values.erase(values.begin(), values.end() - kSparklineValues);
    }
    k.values = std::move(values);
  }
}

// Activities are stored as JSON text.
void ReadActivities(const db::Row& r, Workstream& w) {
  w.activities = ActivitiesFromJson(r.Str("activities"));
}
void BindActivities(db::Params& p, const Workstream& w) {
  p.Set("activities", ActivitiesToJson(w.activities));
}

void LoadDecisions(db::Session& s, const std::string& alliance_id,
                   std::vector<Communication>& communications) {
  db::Params p;
  p.Set("a", alliance_id);
  std::map<std::string, std::vector<Decision>> by_communication;
  for (const auto& r :
       s.Query("SELECT d.*, u.name AS decided_by_name FROM communication_approvals d"
               " JOIN communications c ON c.id = d.communication_id"
               " JOIN users u ON u.id = d.decided_by WHERE c.alliance_id = :a",
               p)) {
    by_communication[r.Str("communication_id")].push_back(
        Decision{r.Str("organization_id"), r.Str("decision"), r.OptStr("reason"),
                 r.Str("decided_by"), r.Str("decided_by_name"), r.Str("decided_at")});
  }
  for (auto& c : communications) c.decisions = std::move(by_communication[c.id]);
}

// What hangs off a record in other tables goes with it.
void RemoveMilestoneRows(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("DELETE FROM milestone_dependencies WHERE milestone_id = :id", p);
  s.Exec("DELETE FROM milestone_forecasts WHERE milestone_id = :id", p);
}
void RemoveKpiRows(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("DELETE FROM kpi_values WHERE kpi_id = :id", p);
}
void RemoveCommunicationRows(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("DELETE FROM communication_approvals WHERE communication_id = :id", p);
}

// Sorted here, not in SQL: PostgreSQL would order titles by its locale, SQLite by bytes.
bool MilestoneBefore(const Milestone& a, const Milestone& b) {
  return std::tie(a.forecast_date, a.title, a.id) < std::tie(b.forecast_date, b.title, b.id);
}

constexpr char kByCreation[] = "r.created_at, r.id";

}  // namespace

const Table<Objective>& Objectives() {
  static const Table<Objective> t{
      .name = "objectives", .select = SelectFrom("objectives", false), .order = kByCreation};
  return t;
}

const Table<Milestone>& Milestones() {
  static const Table<Milestone> t{.name = "milestones",
                                  .select = MilestoneSelect(),
                                  .order = "r.id",
                                  .read = ReadMilestone,
                                  .extra_columns = kPaymentColumns,
                                  .bind = BindPayment,
                                  .load = LoadDependencies,
                                  .save = ReplaceDependencies,
                                  .remove = RemoveMilestoneRows,
                                  .before = MilestoneBefore};
  return t;
}

const Table<Kpi>& Kpis() {
  static const Table<Kpi> t{.name = "kpis",
                            .select = SelectFrom("kpis", true),
                            .order = kByCreation,
                            .read = records::ReadResponsibleName<Kpi>,
                            .load = LoadRecentValues,
                            .remove = RemoveKpiRows};
  return t;
}

const Table<Workstream>& Workstreams() {
  static const Table<Workstream> t{.name = "workstreams",
                                   .select = SelectFrom("workstreams", false),
                                   .order = kByCreation,
                                   .read = ReadActivities,
                                   .extra_columns = "activities",
                                   .bind = BindActivities};
  return t;
}

const Table<Communication>& Communications() {
  static const Table<Communication> t{.name = "communications",
                                      .select = SelectFrom("communications", true),
                                      .order = kByCreation,
                                      .read = records::ReadResponsibleName<Communication>,
                                      .load = LoadDecisions,
                                      .remove = RemoveCommunicationRows};
  return t;
}

// ---- milestones ---------------------------------------------------------------------------

void DetachObjective(db::Session& s, const std::string& milestone_id, const std::string& now) {
  db::Params p;
  p.Set("id", milestone_id).Set("now", now);
  s.Exec(
      "UPDATE milestones SET objective_id = NULL, version = version + 1, updated_at = :now"
      " WHERE id = :id",
      p);
}

void RemoveDependency(db::Session& s, const std::string& milestone_id,
                      const std::string& depends_on_id, const std::string& now) {
  db::Params p;
  p.Set("m", milestone_id).Set("d", depends_on_id);
  s.Exec("DELETE FROM milestone_dependencies WHERE milestone_id = :m AND depends_on_id = :d", p);
  db::Params v;
  v.Set("id", milestone_id).Set("now", now);
  s.Exec("UPDATE milestones SET version = version + 1, updated_at = :now WHERE id = :id", v);
}

void InsertForecastChange(db::Session& s, const std::string& milestone_id,
                          const ForecastChange& c) {
  db::Params p;
  p.Set("id", NewId())
      .Set("m", milestone_id)
      .Set("kind", c.kind)
      .Set("forecast", c.forecast_date)
      .Set("previous", c.previous_forecast_date)
      .Set("planned", c.planned_date)
      .Set("reason", c.reason)
      .Set("by", c.changed_by)
      .Set("at", c.changed_at);
  s.Exec(
      "INSERT INTO milestone_forecasts (id, milestone_id, kind, forecast_date,"
      " previous_forecast_date, planned_date, reason, changed_by, changed_at)"
      " VALUES (:id, :m, :kind, :forecast, :previous, :planned, :reason, :by, :at)",
      p);
}

std::vector<ForecastChange> ListForecastChanges(db::Session& s, const std::string& milestone_id) {
  db::Params p;
  p.Set("m", milestone_id);
  std::vector<ForecastChange> out;
  for (const auto& r : s.Query("SELECT f.*, u.name AS changed_by_name FROM milestone_forecasts f"
                               " JOIN users u ON u.id = f.changed_by WHERE f.milestone_id = :m"
                               " ORDER BY f.changed_at, f.id",
                               p)) {
    out.push_back(ForecastChange{r.Str("kind"), r.Str("forecast_date"),
                                 r.OptStr("previous_forecast_date"), r.Str("planned_date"),
                                 r.Str("reason"), r.Str("changed_by"), r.Str("changed_by_name"),
                                 r.Str("changed_at")});
  }
  return out;
}

// ---- KPIs ---------------------------------------------------------------------------------

std::vector<KpiValue> ListKpiValues(db::Session& s, const std::string& kpi_id,
                                    const std::optional<std::vector<std::string>>& after,
                                    int limit) {
  db::Params p;
  p.Set("k", kpi_id).Set("limit", limit);
  std::string sql = std::string(kValueSelect) + " WHERE v.kpi_id = :k";
  if (after && after->size() == 3) {
    sql +=
        " AND (v.measured_on < :m OR (v.measured_on = :m AND (v.created_at < :c OR"
        " (v.created_at = :c AND v.id < :i))))";
    p.Set("m", (*after)[0]).Set("c", (*after)[1]).Set("i", (*after)[2]);
  }
  sql += " ORDER BY v.measured_on DESC, v.created_at DESC, v.id DESC LIMIT :limit";
  std::vector<KpiValue> out;
  for (const auto& r : s.Query(sql, p)) out.push_back(ValueFromRow(r));
  return out;
}

std::optional<KpiValue> FindKpiValue(db::Session& s, const std::string& kpi_id,
                                     const std::string& id) {
  db::Params p;
  p.Set("k", kpi_id).Set("id", id);
  auto row = s.QueryOne(std::string(kValueSelect) + " WHERE v.kpi_id = :k AND v.id = :id", p);
  if (!row) return std::nullopt;
  return ValueFromRow(*row);
}

void InsertKpiValue(db::Session& s, const KpiValue& v) {
  db::Params p;
  p.Set("id", v.id)
      .Set("k", v.kpi_id)
      .Set("m", v.measured_on)
      .Set("value", NumberText(v.value))
      .Set("note", v.note)
      .Set("by", v.entered_by)
      .Set("at", v.created_at);
  s.Exec(
      "INSERT INTO kpi_values (id, kpi_id, measured_on, value, note, entered_by, created_at)"
      " VALUES (:id, :k, :m, :value, :note, :by, :at)",
      p);
}

void DeleteKpiValue(db::Session& s, const std::string& id) {
  db::Params p;
  p.Set("id", id);
  s.Exec("DELETE FROM kpi_values WHERE id = :id", p);
}

void TouchKpi(db::Session& s, const std::string& kpi_id, const std::string& now) {
  records::TouchRecord(s, "kpis", kpi_id, now);
}

// ---- communications -----------------------------------------------------------------------

void SaveDecision(db::Session& s, const std::string& communication_id, const Decision& d) {
  db::Params p;
  p.Set("c", communication_id).Set("o", d.organization_id);
  s.Exec("DELETE FROM communication_approvals WHERE communication_id = :c AND organization_id = :o",
         p);
  p.Set("decision", d.decision)
      .Set("reason", d.reason)
      .Set("by", d.decided_by)
      .Set("at", d.decided_at);
  s.Exec(
      "INSERT INTO communication_approvals (communication_id, organization_id, decision, reason,"
      " decided_by, decided_at) VALUES (:c, :o, :decision, :reason, :by, :at)",
      p);
}

void ClearDecisions(db::Session& s, const std::string& communication_id) {
  db::Params p;
  p.Set("c", communication_id);
  s.Exec("DELETE FROM communication_approvals WHERE communication_id = :c", p);
}

}  // namespace northstar::plans::store
