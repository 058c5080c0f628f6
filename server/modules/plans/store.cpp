#include "modules/plans/store.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>
#include <map>

#include "platform/common/ids.hpp"

namespace northstar::plans::store {
namespace {

using records::ReadRecordBase;

// Every plan table is read as `r`, with the names of its parties and author joined.
std::string SelectFrom(const std::string& table, bool with_responsible) {
  return records::SelectRecords(table, with_responsible ? "responsible_user_id" : "");
}

double ToNumber(const std::string& text) {
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}
std::optional<double> ToOptNumber(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return ToNumber(*text);
}
std::optional<std::string> OptNumberText(const std::optional<double>& v) {
  if (!v) return std::nullopt;
  return NumberText(*v);
}

Objective ObjectiveFromRow(const db::Row& r) {
  Objective o;
  ReadRecordBase(r, o);
  o.title = r.Str("title");
  o.description = r.Str("description");
  o.horizon = r.Str("horizon");
  o.status = r.Str("status");
  return o;
}

Milestone MilestoneFromRow(const db::Row& r) {
  Milestone m;
  ReadRecordBase(r, m);
  m.objective_id = r.OptStr("objective_id");
  m.objective_title = r.OptStr("objective_title");
  if (m.objective_id) {
    m.objective_scope = access::RecordScope{
        access::ParseVisibility(r.Str("ob_visibility")).value_or(access::Visibility::kRestricted),
        r.Str("ob_organization_id"), r.Str("ob_user_id"),
        access::ReadersFromJson(r.Str("ob_readers"))};
  }
  m.title = r.Str("title");
  m.description = r.Str("description");
  m.kind = r.Str("kind");
  m.responsible_user_id = r.OptStr("responsible_user_id");
  m.responsible_user_name = r.OptStr("responsible_user_name");
  m.original_date = r.Str("original_date");
  m.planned_date = r.Str("planned_date");
  m.forecast_date = r.Str("forecast_date");
  m.actual_date = r.OptStr("actual_date");
  m.status_set = r.OptStr("status_set");
  m.early_win = r.Bool("early_win");
  m.baseline_count = r.Int("baseline_count");
  if (auto amount = r.OptInt("payment_amount_minor")) {
    m.payment = Payment{*amount, r.Str("payment_currency"), r.Str("payer_party_id"),
                        r.Str("payee_party_id")};
  }
  return m;
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
  for (const auto& r : s.Query(
           "SELECT d.milestone_id, d.depends_on_id FROM milestone_dependencies d"
           " JOIN milestones m ON m.id = d.milestone_id WHERE m.alliance_id = :a"
           " ORDER BY d.milestone_id, d.depends_on_id",
           p)) {
    deps[r.Str("milestone_id")].push_back(r.Str("depends_on_id"));
  }
  for (auto& m : milestones) m.depends_on = deps[m.id];
}

void BindMilestone(db::Params& p, const Milestone& m) {
  p.Set("objective", m.objective_id)
      .Set("title", m.title)
      .Set("description", m.description)
      .Set("kind", m.kind)
      .Set("responsible", m.responsible_user_id)
      .Set("original", m.original_date)
      .Set("planned", m.planned_date)
      .Set("forecast", m.forecast_date)
      .Set("actual", m.actual_date)
      .Set("status_set", m.status_set)
      .Set("early_win", m.early_win)
      .Set("baselines", m.baseline_count);
  if (m.payment) {
    p.Set("amount", m.payment->amount_minor)
        .Set("currency", m.payment->currency)
        .Set("payer", m.payment->payer_party_id)
        .Set("payee", m.payment->payee_party_id);
  } else {
    p.SetNull("amount").SetNull("currency").SetNull("payer").SetNull("payee");
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

Kpi KpiFromRow(const db::Row& r) {
  Kpi k;
  ReadRecordBase(r, k);
  k.name = r.Str("name");
  k.description = r.Str("description");
  k.unit = r.Str("unit");
  k.direction = r.Str("direction");
  k.indicator = r.Str("indicator");
  k.cadence = r.Str("cadence");
  k.target = ToNumber(r.Str("target"));
  k.amber_threshold = ToOptNumber(r.OptStr("amber_threshold"));
  k.red_threshold = ToOptNumber(r.OptStr("red_threshold"));
  k.responsible_user_id = r.OptStr("responsible_user_id");
  k.responsible_user_name = r.OptStr("responsible_user_name");
  return k;
}

KpiValue ValueFromRow(const db::Row& r) {
  return KpiValue{r.Str("id"),         r.Str("kpi_id"),   r.Str("measured_on"),
                  ToNumber(r.Str("value")), r.Str("note"), r.Str("entered_by"),
                  r.Str("entered_by_name"), r.Str("created_at")};
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

void BindKpi(db::Params& p, const Kpi& k) {
  p.Set("name", k.name)
      .Set("description", k.description)
      .Set("unit", k.unit)
      .Set("direction", k.direction)
      .Set("indicator", k.indicator)
      .Set("target", NumberText(k.target))
      .Set("amber", OptNumberText(k.amber_threshold))
      .Set("red", OptNumberText(k.red_threshold))
      .Set("cadence", k.cadence)
      .Set("responsible", k.responsible_user_id);
}

Workstream WorkstreamFromRow(const db::Row& r) {
  Workstream w;
  ReadRecordBase(r, w);
  w.name = r.Str("name");
  w.description = r.Str("description");
  w.activities = ActivitiesFromJson(r.Str("activities"));
  return w;
}

void BindWorkstream(db::Params& p, const Workstream& w) {
  p.Set("name", w.name)
      .Set("description", w.description)
      .Set("activities", ActivitiesToJson(w.activities));
}

Communication CommunicationFromRow(const db::Row& r) {
  Communication c;
  ReadRecordBase(r, c);
  c.category = r.Str("category");
  c.kind = r.Str("kind");
  c.title = r.Str("title");
  c.description = r.Str("description");
  c.audience = r.Str("audience");
  c.cadence = r.OptStr("cadence");
  c.planned_date = r.OptStr("planned_date");
  c.responsible_user_id = r.OptStr("responsible_user_id");
  c.responsible_user_name = r.OptStr("responsible_user_name");
  return c;
}

void LoadDecisions(db::Session& s, const std::string& alliance_id,
                   std::vector<Communication>& communications) {
  db::Params p;
  p.Set("a", alliance_id);
  std::map<std::string, std::vector<Decision>> by_communication;
  for (const auto& r : s.Query(
           "SELECT d.*, u.name AS decided_by_name FROM communication_approvals d"
           " JOIN communications c ON c.id = d.communication_id"
           " JOIN users u ON u.id = d.decided_by WHERE c.alliance_id = :a",
           p)) {
    by_communication[r.Str("communication_id")].push_back(
        Decision{r.Str("organization_id"), r.Str("decision"), r.OptStr("reason"),
                 r.Str("decided_by"), r.Str("decided_by_name"), r.Str("decided_at")});
  }
  for (auto& c : communications) c.decisions = std::move(by_communication[c.id]);
}

void BindCommunication(db::Params& p, const Communication& c) {
  p.Set("category", c.category)
      .Set("kind", c.kind)
      .Set("title", c.title)
      .Set("description", c.description)
      .Set("audience", c.audience)
      .Set("cadence", c.cadence)
      .Set("planned_date", c.planned_date)
      .Set("responsible", c.responsible_user_id);
}

void BindObjective(db::Params& p, const Objective& o) {
  p.Set("title", o.title)
      .Set("description", o.description)
      .Set("horizon", o.horizon)
      .Set("status", o.status);
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
  static const Table<Objective> t{"objectives",
                                  SelectFrom("objectives", false),
                                  "title, description, horizon, status",
                                  ":title, :description, :horizon, :status",
                                  "title = :title, description = :description,"
                                  " horizon = :horizon, status = :status",
                                  kByCreation,
                                  ObjectiveFromRow,
                                  BindObjective};
  return t;
}

const Table<Milestone>& Milestones() {
  static const Table<Milestone> t{
      "milestones",
      MilestoneSelect(),
      "objective_id, title, description, kind, responsible_user_id, original_date,"
      " planned_date, forecast_date, actual_date, status_set, early_win, baseline_count,"
      " payment_amount_minor, payment_currency, payer_party_id, payee_party_id",
      ":objective, :title, :description, :kind, :responsible, :original, :planned, :forecast,"
      " :actual, :status_set, :early_win, :baselines, :amount, :currency, :payer, :payee",
      "objective_id = :objective, title = :title, description = :description, kind = :kind,"
      " original_date = :original, responsible_user_id = :responsible, planned_date = :planned,"
      " forecast_date = :forecast, actual_date = :actual, status_set = :status_set,"
      " early_win = :early_win, baseline_count = :baselines, payment_amount_minor = :amount,"
      " payment_currency = :currency, payer_party_id = :payer, payee_party_id = :payee",
      "r.id",
      MilestoneFromRow,
      BindMilestone,
      LoadDependencies,
      ReplaceDependencies,
      RemoveMilestoneRows,
      MilestoneBefore};
  return t;
}

const Table<Kpi>& Kpis() {
  static const Table<Kpi> t{
      "kpis",
      SelectFrom("kpis", true),
      "name, description, unit, direction, indicator, target, amber_threshold, red_threshold,"
      " cadence, responsible_user_id",
      ":name, :description, :unit, :direction, :indicator, :target, :amber, :red, :cadence,"
      " :responsible",
      "name = :name, description = :description, unit = :unit, direction = :direction,"
      " indicator = :indicator, target = :target, amber_threshold = :amber,"
      " red_threshold = :red, cadence = :cadence, responsible_user_id = :responsible",
      kByCreation,
      KpiFromRow,
      BindKpi,
      LoadRecentValues,
      nullptr,
      RemoveKpiRows};
  return t;
}

const Table<Workstream>& Workstreams() {
  static const Table<Workstream> t{
      "workstreams",
      SelectFrom("workstreams", false),
      "name, description, activities",
      ":name, :description, :activities",
      "name = :name, description = :description, activities = :activities",
      kByCreation,
      WorkstreamFromRow,
      BindWorkstream};
  return t;
}

const Table<Communication>& Communications() {
  static const Table<Communication> t{
      "communications",
      SelectFrom("communications", true),
      "category, kind, title, description, audience, cadence, planned_date, responsible_user_id",
      ":category, :kind, :title, :description, :audience, :cadence, :planned_date, :responsible",
      "category = :category, kind = :kind, title = :title, description = :description,"
      " audience = :audience, cadence = :cadence, planned_date = :planned_date,"
      " responsible_user_id = :responsible",
      kByCreation,
      CommunicationFromRow,
      BindCommunication,
      LoadDecisions,
      nullptr,
      RemoveCommunicationRows};
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
  for (const auto& r : s.Query(
           "SELECT f.*, u.name AS changed_by_name FROM milestone_forecasts f"
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
