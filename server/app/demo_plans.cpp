// The demo's plans: two alliances get objectives, milestones (early wins first, then the larger
// ones tied to payments), KPIs with measured values, a RACI and a communication plan. Dates are
// relative to the day the demo is loaded, so there is always something achieved, due, late and
// slipping to show.
#include <map>
#include <stdexcept>

#include "app/demo.hpp"
#include "modules/plans/model.hpp"
#include "platform/common/time.hpp"

namespace northstar::demo {
namespace {

struct MilestoneSpec {
  int objective;  // index into the plan's objectives
  const char* title;
  const char* kind;
  const char* party;  // e-mail of the responsible person; their organisation is the party
  int planned;        // days from today
  std::optional<int> forecast, actual;
  std::vector<int> depends_on;  // indexes of earlier milestones
  bool early_win;
  int64_t payment_major;  // 0: none; else paid by `payer` to `payee`
};

struct ValueSpec {
  int days_ago;
  double value;
};
struct KpiSpec {
  const char* author;
  const char* name;
  const char* unit;
  bool higher_is_better;
  const char* indicator;
  double target;
  std::optional<double> amber, red;
  const char* cadence;
  std::vector<ValueSpec> values;
  const char* visibility;
};

struct RaciSpec {
  const char* activity;
  std::vector<std::pair<const char*, const char*>> assignments;  // e-mail, role
};
struct WorkstreamSpec {
  const char* name;
  const char* lead;  // e-mail
  std::vector<RaciSpec> activities;
};

struct CommunicationSpec {
  const char* owner;  // e-mail
  const char* category;
  const char* kind;
  const char* title;
  const char* audience;
  std::optional<const char*> cadence;
  std::optional<int> planned;
  std::vector<std::pair<const char*, bool>> decisions;  // manager e-mail, approve
};

struct PlanSpec {
  const char* alliance;
  const char* author;                                           // the manager who writes the plan
  std::vector<std::pair<const char*, const char*>> objectives;  // title, horizon
  const char* currency;
  const char* payer;  // e-mails: their organisations pay and receive milestone payments
  const char* payee;
  std::vector<MilestoneSpec> milestones;
  std::vector<KpiSpec> kpis;
  std::vector<WorkstreamSpec> workstreams;
  std::vector<CommunicationSpec> communications;
};

std::vector<PlanSpec> Plans() {
  return {
      {"Meridian × Pulsewise — digital adherence for heart failure",
       "alice@meridian.example",
       {{"Prove usability and safety early", "short_term"},
        {"Win reimbursement and launch in Germany and the US", "long_term"}},
       "EUR",
       "alice@meridian.example",
       "dana@pulsewise.example",
       {{0,
         "Usability study report",
         "research",
         "emeka@pulsewise.example",
         -40,
         {},
         -45,
         {},
         true,
         0},
        {0,
         "Data-protection impact assessment signed off",
         "operational",
         "dana@pulsewise.example",
         -5,
         {},
         {},
         {},
         true,
         0},
        {0,
         "CE-mark technical file submitted",
         "regulatory",
         "ben@meridian.example",
         20,
         {},
         {},
         {0},
         true,
         1'500'000},
        {1,
         "Pivotal RCT: first patient in",
         "development",
         "ben@meridian.example",
         22,
         50,
         {},
         {2},
         false,
         2'000'000},
        {1,
         "Pivotal RCT: last patient out",
         "development",
         "ben@meridian.example",
         300,
         330,
         {},
         {3},
         false,
         0},
        {1,
         "DiGA listing in Germany",
         "commercial",
         "alice@meridian.example",
         420,
         450,
         {},
         {4},
         false,
         5'000'000},
        {1,
         "FDA De Novo clearance",
         "regulatory",
         "ben@meridian.example",
         450,
         {},
         {},
         {4},
         false,
         7'500'000}},
       {{"alice@meridian.example",
         "Patients enrolled per month",
         "patients",
         true,
         "leading",
         40,
         30,
         20,
         "monthly",
         {{95, 12}, {65, 22}, {35, 31}},
         "alliance"},
        {"dana@pulsewise.example",
         "Daily active use of the app",
         "% of patients",
         true,
         "leading",
         70,
         60,
         50,
         "monthly",
         {{95, 64}, {65, 68}, {35, 72}},
         "alliance"},
        {"alice@meridian.example",
         "Screen-failure rate",
         "%",
         false,
         "leading",
         20,
         25,
         30,
         "monthly",
         {{65, 31}, {35, 28}},
         "alliance"},
        {"alice@meridian.example",
         "CE mark obtained",
         "yes = 1",
         true,
         "lagging",
         1,
         {},
         {},
         "once",
         {},
         "alliance"},
        {"dana@pulsewise.example",
         "Support tickets per 1,000 users (draft)",
         "tickets",
         false,
         "leading",
         15,
         20,
         30,
         "weekly",
         {{14, 22}, {7, 18}},
         "party"}},
       {{"Clinical",
         "ben@meridian.example",
         {{"Protocol design",
           {{"ben@meridian.example", "A"},
            {"emeka@pulsewise.example", "R"},
            {"dana@pulsewise.example", "C"}}},
          {"Site selection",
           {{"ben@meridian.example", "A"},
            {"alice@meridian.example", "R"},
            {"dana@pulsewise.example", "I"}}}}},
        {"Regulatory",
         "ben@meridian.example",
         {{"CE-mark technical file",
           {{"ben@meridian.example", "A"}, {"emeka@pulsewise.example", "R"}}},
          {"FDA pre-submission",
           {{"ben@meridian.example", "A"},
            {"alice@meridian.example", "R"},
            {"dana@pulsewise.example", "C"}}}}},
        {"Product",
         "dana@pulsewise.example",
         {{"Release planning",
           {{"dana@pulsewise.example", "A"},
            {"emeka@pulsewise.example", "R"},
            {"ben@meridian.example", "C"}}}}}},
       {{"alice@meridian.example",
         "channel",
         "report",
         "Joint steering committee report",
         "JSC members of both parties",
         "monthly",
         {},
         {}},
        {"dana@pulsewise.example",
         "channel",
         "meeting",
         "Product stand-up",
         "Product and clinical leads",
         "weekly",
         {},
         {}},
        {"dana@pulsewise.example",
         "channel",
         "shared_workspace",
         "Shared project workspace",
         "Everyone on the alliance",
         "ad_hoc",
         {},
         {}},
        {"alice@meridian.example",
         "external",
         "press_release",
         "Press release: first patient in the pivotal study",
         "Media and investors",
         {},
         30,
         {{"alice@meridian.example", true}}},
        {"dana@pulsewise.example",
         "external",
         "conference_abstract",
         "Heart-failure congress abstract: usability results",
         "Cardiologists",
         {},
         60,
         {{"alice@meridian.example", true}, {"dana@pulsewise.example", true}}}}},
      {"Corvane–Velara bispecific co-development",
       "farah@corvane.example",
       {{"Agree the recommended phase 2 dose", "short_term"},
        {"Be ready for a pivotal trial by 2028", "long_term"}},
       "USD",
       "farah@corvane.example",
       "nadia@velara.example",
       {{0,
         "Phase 1 dose escalation complete",
         "development",
         "gustav@corvane.example",
         -85,
         {},
         -80,
         {},
         true,
         0},
        {0,
         "Recommended phase 2 dose agreed by the JDC",
         "development",
         "farah@corvane.example",
         -20,
         {},
         -18,
         {0},
         true,
         0},
        {1,
         "Phase 2 protocol approved",
         "regulatory",
         "nadia@velara.example",
         30,
         45,
         {},
         {1},
         false,
         0},
        {1,
         "Phase 2: first patient dosed",
         "development",
         "gustav@corvane.example",
         90,
         110,
         {},
         {2},
         false,
         10'000'000},
        {1,
         "Phase 2 topline results",
         "development",
         "nadia@velara.example",
         400,
         {},
         {},
         {3},
         false,
         0},
        {1,
         "End-of-phase-2 meeting with the FDA",
         "regulatory",
         "farah@corvane.example",
         460,
         {},
         {},
         {4},
         false,
         25'000'000}},
       {{"farah@corvane.example",
         "Phase 2 sites activated",
         "sites",
         true,
         "leading",
         12,
         8,
         4,
         "monthly",
         {{30, 2}},
         "alliance"},
        {"nadia@velara.example",
         "Biomarker assay turnaround",
         "days",
         false,
         "leading",
         10,
         14,
         21,
         "monthly",
         {{60, 16}, {30, 12}},
         "alliance"}},
       {{"CMC",
         "gustav@corvane.example",
         {{"Drug substance campaign",
           {{"gustav@corvane.example", "A"},
            {"farah@corvane.example", "R"},
            {"nadia@velara.example", "I"}}},
          {"Biomarker assay transfer",
           {{"nadia@velara.example", "A"}, {"gustav@corvane.example", "C"}}}}}},
       {{"farah@corvane.example",
         "channel",
         "meeting",
         "Joint development committee",
         "JDC members",
         "monthly",
         {},
         {}},
        {"nadia@velara.example",
         "external",
         "publication",
         "Target-biology paper (Velara platform)",
         "Scientific community",
         {},
         75,
         {{"nadia@velara.example", true}}}}},
  };
}

}  // namespace

void LoadPlans(db::Database& database, plans::PlansService& plans,
               const std::map<std::string, std::string>& alliance_ids) {
  const std::string today = TodayText();
  const auto day = [&](int offset) { return AddDays(today, offset); };
  for (const auto& spec : Plans()) {
    const std::string alliance = alliance_ids.at(spec.alliance);
    const auth::Principal author = PrincipalOf(database, spec.author);
    std::vector<std::string> objectives;
    for (const auto& [title, horizon] : spec.objectives) {
      plans::ObjectiveInput in;
      in.title = title;
      in.horizon = horizon;
      objectives.push_back(Must(plans.CreateObjective(author, alliance, in), title).record.id);
    }
    std::vector<std::string> milestones;
    for (const auto& m : spec.milestones) {
      const auth::Principal owner = PrincipalOf(database, m.party);
      plans::MilestoneInput in;
      in.objective_id = objectives[m.objective];
      in.title = m.title;
      in.kind = m.kind;
      in.party_id = owner.organization_id;
      in.responsible_user_id = std::optional<std::string>(owner.user_id);
      in.planned_date = day(m.planned);
      in.early_win = m.early_win;
      if (m.actual) in.actual_date = std::optional<std::string>(day(*m.actual));
      std::vector<std::string> deps;
      for (int d : m.depends_on) deps.push_back(milestones[d]);
      in.depends_on = deps;
      if (m.payment_major > 0) {
        in.payment = std::optional<plans::Payment>(plans::Payment{
            m.payment_major * 100, spec.currency, PrincipalOf(database, spec.payer).organization_id,
            PrincipalOf(database, spec.payee).organization_id});
      }
      auto created = Must(plans.CreateMilestone(author, alliance, in), m.title);
      if (m.forecast) {
        // The forecast moved after the plan was agreed: kept as slippage with its reason.
        plans::MilestoneInput slip;
        slip.forecast_date = day(*m.forecast);
        slip.reason = "Forecast revised at the last steering committee";
        Must(plans.UpdateMilestone(author, alliance, created.record.milestone.id,
                                   created.record.milestone.version, slip),
             std::string(m.title) + " (slip)");
      }
      milestones.push_back(created.record.milestone.id);
    }
    for (const auto& k : spec.kpis) {
      const auth::Principal owner = PrincipalOf(database, k.author);
      plans::KpiInput in;
      in.name = k.name;
      in.unit = k.unit;
      in.direction = k.higher_is_better ? "higher_is_better" : "lower_is_better";
      in.indicator = k.indicator;
      in.target = k.target;
      if (k.amber) in.amber_threshold = std::optional<double>(*k.amber);
      if (k.red) in.red_threshold = std::optional<double>(*k.red);
      in.cadence = k.cadence;
      in.visibility = k.visibility;
      const auto kpi = Must(plans.CreateKpi(owner, alliance, in), k.name);
      for (const auto& v : k.values) {
        Must(plans.AddKpiValue(owner, alliance, kpi.record.id, {day(-v.days_ago), v.value, ""}),
             k.name);
      }
    }
    for (const auto& w : spec.workstreams) {
      const auth::Principal lead = PrincipalOf(database, w.lead);
      plans::WorkstreamInput in;
      in.name = w.name;
      in.party_id = lead.organization_id;
      std::vector<plans::Activity> activities;
      for (const auto& a : w.activities) {
        plans::Activity activity{"", a.activity, {}};
        for (const auto& [email, role] : a.assignments) {
          const auth::Principal person = PrincipalOf(database, email);
          activity.assignments.push_back({person.organization_id, person.user_id, role});
        }
        activities.push_back(std::move(activity));
      }
      in.activities = activities;
      Must(plans.CreateWorkstream(author, alliance, in), w.name);
    }
    for (const auto& c : spec.communications) {
      const auth::Principal owner = PrincipalOf(database, c.owner);
      plans::CommunicationInput in;
      in.category = c.category;
      in.kind = c.kind;
      in.title = c.title;
      in.audience = c.audience;
      if (c.cadence) in.cadence = std::optional<std::string>(*c.cadence);
      if (c.planned) in.planned_date = std::optional<std::string>(day(*c.planned));
      auto created = Must(plans.CreateCommunication(owner, alliance, in), c.title);
      int64_t version = created.record.version;
      for (const auto& [manager, approve] : c.decisions) {
        auto decided = Must(plans.Decide(PrincipalOf(database, manager), alliance,
                                         created.record.id, version, approve, std::nullopt),
                            c.title);
        version = decided.record.version;
      }
    }
  }
}

}  // namespace northstar::demo
