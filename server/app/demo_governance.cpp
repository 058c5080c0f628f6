// Governance for two demo alliances: a lean set-up for the pharma × digital-health start-up
// (a steering committee and a fortnightly project team) and a classic one for the biotech
// co-development; past meetings whose minutes both parties approved, decisions with each
// party's vote, actions (one overdue), the decision-rights matrix, an issue the project team
// could not settle and escalated, and a stakeholder map with one party's private assessment.
#include "app/demo.hpp"
#include "platform/common/time.hpp"

namespace northstar::demo {
namespace {

using governance::GovernanceService;

struct Seat {
  const char* email;
  const char* role;
};

std::string At(int day_offset, const char* time = "15:00:00") {
  return AddDays(TodayText(), day_offset) + "T" + time + "Z";
}

std::string Committee(db::Database& db, GovernanceService& g, const std::string& alliance,
                      const auth::Principal& author, const char* name, const char* kind,
                      const char* cadence, const std::optional<std::string>& parent,
                      const std::vector<Seat>& seats, const char* purpose) {
  governance::CommitteeInput in;
  in.name = name;
  in.kind = kind;
  in.cadence = cadence;
  in.purpose = purpose;
  in.quorum_rule = "every_party_voting";
  in.chair_rotation = parent ? "none" : "yearly";
  in.rotation_start = AddDays(TodayText(), -200);
  in.meeting_minutes = std::string(kind) == "joint_steering" ? 120 : 45;
  if (parent) in.parent_id = std::optional<std::string>(*parent);
  const std::string id = Must(g.CreateCommittee(author, alliance, in), name).record.committee.id;
  for (const auto& seat : seats) {
    Must(g.AddSeat(author, alliance, id,
                   {PrincipalOf(db, seat.email).user_id, seat.role, AddDays(TodayText(), -200)}),
         std::string(name) + " seat");
  }
  return id;
}

struct Item {
  const char* title;
  const char* decision_sought;
  const char* minutes;
};

// A meeting with its agenda; for a past one, everyone attended and the minutes were written.
governance::Meeting MeetingWith(GovernanceService& g, const std::string& alliance,
                                const auth::Principal& author, const std::string& committee,
                                const char* title, int day_offset, const std::vector<Item>& items,
                                const std::vector<std::string>& attendees) {
  governance::MeetingInput in;
  in.committee_id = committee;
  in.title = title;
  in.starts_at = At(day_offset);
  in.time_zone = "Europe/Paris";
  in.location = "Video call";
  in.link = "https://meet.example.org/" + std::to_string(100 + day_offset + 400);
  in.status = day_offset < 0 ? "held" : "scheduled";
  auto m = Must(g.CreateMeeting(author, alliance, in), title).record.meeting;
  for (const auto& item : items) {
    governance::AgendaInput a;
    a.title = item.title;
    a.decision_sought = item.decision_sought;
    a.time_box_minutes = 20;
    a.pre_reads = std::vector<governance::PreRead>{
        {"Briefing pack", "https://docs.example.org/briefing/" + std::string(title).substr(0, 3)}};
    m = Must(g.AddAgendaItem(author, alliance, m.id, a), item.title).record.meeting;
  }
  if (day_offset >= 0) return m;
  std::vector<governance::AttendanceInput> present;
  for (const auto& user : attendees) present.push_back({user, "present", std::nullopt});
  m = Must(g.SetAttendance(author, alliance, m.id, m.version, present), "attendance")
          .record.meeting;
  const std::vector<governance::AgendaItem> agenda = m.agenda;  // in the order of `items`
  for (size_t i = 0; i < agenda.size() && i < items.size(); ++i) {
    governance::AgendaInput a;
    a.minutes = items[i].minutes;
    m = Must(g.UpdateAgendaItem(author, alliance, m.id, agenda[i].id, agenda[i].version, a),
             "minutes")
            .record.meeting;
  }
  return m;
}

void Approve(GovernanceService& g, const std::string& alliance, const std::string& meeting,
             const std::vector<auth::Principal>& reviewers) {
  for (const auto& r : reviewers) {
    auto m = Must(g.GetMeeting(r, alliance, meeting), "meeting").record.meeting;
    Must(g.ReviewMinutes(r, alliance, meeting, m.version, true, std::nullopt), "minutes review");
  }
}

std::string Decide(GovernanceService& g, const std::string& alliance, const auth::Principal& author,
                   const std::string& committee, const std::optional<std::string>& meeting,
                   const char* title, const char* type, const char* rationale,
                   const std::vector<auth::Principal>& approvers) {
  governance::DecisionInput in;
  in.committee_id = committee;
  if (meeting) in.meeting_id = std::optional<std::string>(*meeting);
  in.title = title;
  in.decision_type = type;
  in.rationale = rationale;
  auto d = Must(g.ProposeDecision(author, alliance, in), title).record.decision;
  for (const auto& voter : approvers) {
    d = Must(g.Vote(voter, alliance, d.id, d.version, "approve", ""), "vote").record.decision;
  }
  return d.id;
}

void Action(GovernanceService& g, const std::string& alliance, const auth::Principal& author,
            const auth::Principal& owner, const char* title, int due_offset, const char* status,
            const std::optional<std::string>& meeting) {
  governance::ActionInput in;
  in.title = title;
  in.owner_user_id = owner.user_id;
  in.due_on = AddDays(TodayText(), due_offset);
  in.status = status;
  if (meeting) in.meeting_id = std::optional<std::string>(*meeting);
  Must(g.CreateAction(author, alliance, in), title);
}

std::string DecisionRight(GovernanceService& g, const std::string& alliance,
                          const auth::Principal& author, const char* type,
                          const std::string& committee,
                          std::vector<governance::EscalationLevel> levels) {
  governance::DecisionRightInput in;
  in.decision_type = type;
  in.committee_id = committee;
  in.levels = std::move(levels);
  return Must(g.CreateDecisionRight(author, alliance, in), type).record.id;
}

void Stakeholder(GovernanceService& g, const std::string& alliance, const auth::Principal& author,
                 const std::string& party, const char* name, const char* title, int influence,
                 int interest, const char* attitude, const char* visibility,
                 const std::optional<std::string>& committee) {
  governance::StakeholderInput in;
  in.party_id = party;
  in.name = name;
  in.title = title;
  in.influence = influence;
  in.interest = interest;
  in.attitude = attitude;
  in.visibility = visibility;
  if (committee) in.committee_id = std::optional<std::string>(*committee);
  Must(g.CreateStakeholder(author, alliance, in), name);
}

void MeridianPulsewise(db::Database& db, GovernanceService& g, const std::string& alliance) {
  const auto alice = PrincipalOf(db, "alice@meridian.example");
  const auto ben = PrincipalOf(db, "ben@meridian.example");
  const auto chloe = PrincipalOf(db, "chloe@meridian.example");
  const auto dana = PrincipalOf(db, "dana@pulsewise.example");
  const auto emeka = PrincipalOf(db, "emeka@pulsewise.example");
  const std::string jsc =
      Committee(db, g, alliance, alice, "Joint Steering Committee", "joint_steering", "quarterly",
                std::nullopt,
                {{"alice@meridian.example", "chair"},
                 {"chloe@meridian.example", "voting_member"},
                 {"ben@meridian.example", "secretary"},
                 {"dana@pulsewise.example", "co_chair"},
                 {"emeka@pulsewise.example", "secretary"}},
                "Steers the programme toward the North Star; decides budget, scope and go/no-go.");
  const std::string team = Committee(
      db, g, alliance, alice, "Joint project team", "joint_project_team", "biweekly", jsc,
      {{"ben@meridian.example", "chair"}, {"emeka@pulsewise.example", "co_chair"}},
      "Runs the pilot day to day; a lean, fortnightly stand-up for a technology partner.");

  DecisionRight(g, alliance, alice, "Budget change above EUR 250k", jsc,
                {{"Joint project team", team, 10},
                 {"Joint Steering Committee", jsc, 21},
                 {"Executive sponsors", std::nullopt, 30}});
  const std::string data_right = DecisionRight(g, alliance, alice, "Data sharing and privacy", jsc,
                                               {{"Joint project team", team, 7},
                                                {"Joint Steering Committee", jsc, 14},
                                                {"Executive sponsors", std::nullopt, 30}});
  DecisionRight(g, alliance, alice, "Publication", jsc,
                {{"Joint Steering Committee", jsc, 30}, {"Executive sponsors", std::nullopt, 30}});

  const auto q3 = MeetingWith(
      g, alliance, alice, jsc, "JSC — quarterly review", -45,
      {{"Minutes of the last meeting and actions", "", "Actions from the kick-off are closed."},
       {"Pilot site list", "Approve the five pilot hospitals",
        "Both parties approved the five sites; Pulsewise to confirm IT readiness."},
       {"Release cadence", "", "Pulsewise keeps two-week releases; Meridian reviews monthly."}},
      {alice.user_id, chloe.user_id, ben.user_id, dana.user_id, emeka.user_id});
  Approve(g, alliance, q3.id, {alice, dana});
  Decide(g, alliance, alice, jsc, q3.id, "Approve the five pilot hospitals",
         "Development plan change", "The sites cover both rural and urban heart-failure clinics.",
         {alice, dana});
  Action(g, alliance, alice, emeka, "Confirm IT readiness of the pilot sites", -5, "open", q3.id);
  Action(g, alliance, alice, ben, "Close the kick-off actions", -30, "done", q3.id);
  Action(g, alliance, dana, ben, "Circulate the draft publication plan", 10, "in_progress",
         std::nullopt);

  const auto next =
      MeetingWith(g, alliance, alice, jsc, "JSC — pilot go/no-go", 20,
                  {{"Pilot readiness", "Go/no-go for the pilot start", ""},
                   {"Data-sharing issue", "Agree the way forward on the escalated issue", ""},
                   {"Budget", "", ""}},
                  {});
  governance::BriefInput brief;
  brief.title = "Meridian position for the go/no-go";
  brief.body = "We go if IT readiness is confirmed at four of five sites; hold the fifth.";
  Must(g.CreateBrief(alice, alliance, next.id, brief), "brief");
  Decide(g, alliance, emeka, jsc, std::nullopt, "Move release reviews to monthly",
         "Development plan change", "Fewer, larger reviews suit Meridian regulatory.", {alice});

  governance::IssueInput issue;
  issue.title = "Hospital data-sharing clause blocks two pilot sites";
  issue.description =
      "Two hospitals will not sign the data-sharing annex as drafted; the project team could not "
      "agree a change within its time limit.";
  issue.severity = "high";
  issue.party_ids = std::vector<std::string>{alice.organization_id, dana.organization_id};
  issue.decision_right_id = data_right;
  auto raised = Must(g.RaiseIssue(emeka, alliance, issue), "issue").record;
  Must(g.EscalateIssue(dana, alliance, raised.id, raised.version,
                       "The project team could not agree a change to the annex."),
       "escalation");

  Stakeholder(g, alliance, alice, alice.organization_id, "Dr Sofia Brandt",
              "Head of Cardiology, Meridian", 5, 4, "champion", "alliance", jsc);
  Stakeholder(g, alliance, dana, dana.organization_id, "Tom Ashby", "CFO, Pulsewise", 5, 2,
              "sceptic", "alliance", std::nullopt);
  Stakeholder(g, alliance, dana, dana.organization_id, "Priya Natarajan", "Head of Data, Pulsewise",
              2, 5, "supporter", "alliance", team);
  // Meridian's own reading of a Pulsewise executive: for Meridian's eyes only.
  Stakeholder(g, alliance, alice, dana.organization_id, "Raj Patel", "CTO, Pulsewise", 4, 3,
              "neutral", "party", std::nullopt);
}

void CorvaneVelara(db::Database& db, GovernanceService& g, const std::string& alliance) {
  const auto farah = PrincipalOf(db, "farah@corvane.example");
  const auto nadia = PrincipalOf(db, "nadia@velara.example");
  const auto gustav = PrincipalOf(db, "gustav@corvane.example");
  const std::string jsc =
      Committee(db, g, alliance, farah, "Joint Steering Committee", "joint_steering", "quarterly",
                std::nullopt,
                {{"farah@corvane.example", "chair"},
                 {"nadia@velara.example", "co_chair"},
                 {"gustav@corvane.example", "secretary"}},
                "Governs the co-development of the bispecific through phase II.");
  const std::string jdc = Committee(
      db, g, alliance, farah, "Joint Development Committee", "joint_development", "monthly", jsc,
      {{"gustav@corvane.example", "chair"}, {"nadia@velara.example", "voting_member"}},
      "Owns the development plan, CMC and the clinical protocol.");
  DecisionRight(g, alliance, farah, "Go/no-go to the next phase", jsc,
                {{"Joint Development Committee", jdc, 14},
                 {"Joint Steering Committee", jsc, 30},
                 {"Executive sponsors", std::nullopt, 45}});
  const auto q = MeetingWith(
      g, alliance, farah, jsc, "JSC — Q3 steering meeting", -60,
      {{"Phase I read-out", "Accept the phase I results", "Safety profile as expected."},
       {"Cost sharing 2027", "Approve the 2027 budget split", "Agreed 60/40 as contracted."}},
      {farah.user_id, nadia.user_id, gustav.user_id});
  Approve(g, alliance, q.id, {farah, nadia});
  Decide(g, alliance, farah, jsc, q.id, "Approve the 2027 budget split 60/40", "Budget change",
         "As contracted; revisit after the phase II design is final.", {farah, nadia});
  MeetingWith(g, alliance, farah, jdc, "JDC — protocol review", 12,
              {{"Phase II protocol synopsis", "Endorse the synopsis for the JSC", ""}}, {});
  Action(g, alliance, farah, gustav, "Send the phase II synopsis to Velara", 5, "open", q.id);
}

}  // namespace

void LoadGovernance(db::Database& database, GovernanceService& governance,
                    const std::map<std::string, std::string>& alliance_ids) {
  MeridianPulsewise(database, governance,
                    alliance_ids.at("Meridian × Pulsewise — digital adherence for heart failure"));
  CorvaneVelara(database, governance, alliance_ids.at("Corvane–Velara bispecific co-development"));
}

}  // namespace northstar::demo
