// Decisions and votes, action items, stakeholders, and the issue register with its automatic
// escalation and the notifications it sends.
#include <algorithm>
#include <set>

#include "modules/alliances/service.hpp"
#include "modules/governance/service_common.hpp"
#include "modules/notifications/service.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::governance {

json::object AuditOf(const Issue& i) {
  json::object v = records::Audit(i);
  v["outcome"] = i.resolution ? json::value(i.resolution->outcome) : json::value(nullptr);
  v["agreed_by"] =
      i.resolution ? json::value(ToJsonArray(i.resolution->agreed_by)) : json::value(nullptr);
  return v;
}

json::object AuditOf(const ActionItem& a) {
  json::object v = records::Audit(a);
  v["owner_user_id"] = a.owner_user_id;
  return v;
}

namespace internal {

DecisionView ViewOf(const RecordContext& c, Decision decision,
                    const std::optional<Committee>& committee) {
  std::vector<std::string> voting_parties;
  if (committee) {
    const auto seats = SeatsOn(*committee, c.today);
    for (const auto& p : c.parties) {
      const bool votes = std::any_of(seats.begin(), seats.end(), [&](const Seat& s) {
        return s.organization_id == p.organization_id && IsVotingRole(s.role);
      });
      if (votes) voting_parties.push_back(p.organization_id);
    }
  }
  std::vector<Vote> votes;
  for (const auto& v : decision.votes) votes.push_back({v.user_id, v.organization_id, v.vote});
  return DecisionView{std::move(decision), PartyPositions(voting_parties, votes)};
}

}  // namespace internal

using namespace internal;

namespace {

std::optional<Committee> ReadableCommittee(db::Session& s, const RecordContext& c,
                                           const std::string& id) {
  auto committee = records::Find(s, store::Committees(), c.membership.alliance_id, id);
  if (!committee || !access::CanRead(c.membership, ScopeOf(*committee))) return std::nullopt;
  return committee;
}

Result<WithContext<DecisionView>> DecisionResult(db::Session& s, RecordContext c,
                                                 const std::string& id) {
  NS_ASSIGN_OR_RETURN(
      Decision d,
      alliances::Visible(c, records::Find(s, store::Decisions(), c.membership.alliance_id, id)));
  auto committee = ReadableCommittee(s, c, d.committee_id);
  DecisionView view = ViewOf(c, std::move(d), committee);
  return Within(std::move(c), std::move(view));
}

Status CheckDecision(db::Session& s, const RecordContext& c, const Decision& d) {
  const std::string& a = c.membership.alliance_id;
  if (d.visibility != "alliance") {
    return Invalid("visibility", "must be 'alliance': every party consents to a decision");
  }
  NS_TRY(RequireCovered(c, records::Find(s, store::Committees(), a, d.committee_id), d,
                        "committee_id", "a committee"));
  if (d.agenda_item_id && !d.meeting_id) {
    return Invalid("agenda_item_id", "needs the meeting_id of its meeting");
  }
  if (d.meeting_id) {
    auto meeting = records::Find(s, store::Meetings(), a, *d.meeting_id);
    NS_TRY(RequireCovered(c, meeting, d, "meeting_id", "a meeting"));
    if (d.agenda_item_id &&
        std::none_of(meeting->agenda.begin(), meeting->agenda.end(),
                     [&](const AgendaItem& i) { return i.id == *d.agenda_item_id; })) {
      return Invalid("agenda_item_id", "is not an item of the meeting's agenda");
    }
  }
  return OkStatus();
}

Status CheckAction(db::Session& s, const RecordContext& c, ActionItem& a) {
  const std::string& alliance = c.membership.alliance_id;
  auto owner = alliances::MemberOf(s, alliance, a.owner_user_id);
  if (!owner) return Invalid("owner_user_id", "is not a member of this alliance");
  a.party_id = owner->organization_id;
  if (a.meeting_id) {
    NS_TRY(RequireCovered(c, records::Find(s, store::Meetings(), alliance, *a.meeting_id), a,
                          "meeting_id", "a meeting"));
  }
  if (a.decision_id) {
    NS_TRY(RequireCovered(c, records::Find(s, store::Decisions(), alliance, *a.decision_id), a,
                          "decision_id", "a decision"));
  }
  if (a.committee_id) {
    NS_TRY(RequireCovered(c, records::Find(s, store::Committees(), alliance, *a.committee_id), a,
                          "committee_id", "a committee"));
  }
  if (a.status == "done" && !a.done_on) a.done_on = c.today;
  if (a.status != "done") a.done_on.reset();
  return OkStatus();
}

Status CheckStakeholder(db::Session& s, const RecordContext& c, const Stakeholder& k,
                        const std::optional<access::RecordScope>& workstream) {
  NS_TRY(alliances::RequireMemberOf(s, c, k.user_id, k.party_id, "user_id"));
  if (workstream && !access::Covers(*workstream, ScopeOf(k))) {
    return Invalid("workstream_id",
                   "is a workstream that not everyone who may read this record"
                   " can see; narrow this record's visibility");
  }
  if (k.committee_id) {
    NS_TRY(RequireCovered(
        c, records::Find(s, store::Committees(), c.membership.alliance_id, *k.committee_id), k,
        "committee_id", "a committee"));
  }
  return OkStatus();
}

// ---- issues ----

std::string LevelName(const Issue& i, int64_t level) {
  if (level < 0 || level >= static_cast<int64_t>(i.levels.size())) return "";
  return i.levels[level].name;
}

// Tells the people involved that `issue` moved to its current level: the raiser, the members of
// the level's committee, the managers of the involved parties — only those who may read it.
void NotifyEscalation(db::Session& s, const Issue& issue, const std::string& day,
                      const std::string& title, const std::string& body) {
  std::set<std::string> people{issue.raised_by};
  const auto& level = issue.levels[issue.current_level];
  if (level.committee_id) {
    // Who sits on the level's committee decides who is told only when everyone who may read the
    // issue may read that committee (as when the issue was raised).
    auto committee = records::Find(s, store::Committees(), issue.alliance_id, *level.committee_id);
    if (committee && access::Covers(ScopeOf(*committee), ScopeOf(issue))) {
      for (const auto& seat : SeatsOn(*committee, day)) people.insert(seat.user_id);
    }
  }
  for (const auto& m : alliances::MembersOf(s, issue.alliance_id)) {
    const bool involved = std::find(issue.party_ids.begin(), issue.party_ids.end(),
                                    m.organization_id) != issue.party_ids.end();
    if (involved && m.role == "manager") people.insert(m.user_id);
  }
  for (const auto& user : people) {
    auto membership = access::FindMembership(s, issue.alliance_id, user);
    if (!membership || !access::CanRead(*membership, ScopeOf(issue))) continue;
    notifications::Notify(
        s, {user, issue.alliance_id, "issue_escalated", title, body,
            "/alliances/" + issue.alliance_id + "/governance?section=issues&issue=" + issue.id,
            "issue", issue.id,
            "issue_escalated:" + issue.id + ":" + std::to_string(issue.current_level)});
  }
}

// Moves `current` to `to_level` and records it (history, audit, notifications); false when
// another writer moved it first.
bool MoveIssue(db::Session& s, const std::string& actor_id, const Issue& current, int64_t to_level,
               const std::string& entered_on, const std::string& due_on, const std::string& reason,
               const std::string& note) {
  Issue next = current;
  next.current_level = to_level;
  next.level_due_on = due_on;
  next.updated_at = NowText();
  if (!records::Update(s, store::Issues(), next, current.version)) return false;
  store::InsertLevelEntry(
      s, current.id,
      {to_level, LevelName(next, to_level), entered_on, due_on, reason, note,
       actor_id.empty() ? std::nullopt : std::optional(actor_id), std::nullopt});
  alliances::AuditRecord(
      s, actor_id, next, "issue", "escalate",
      {{"current_level", {{"before", current.current_level}, {"after", to_level}}},
       {"level_due_on", {{"before", current.level_due_on}, {"after", due_on}}},
       {"reason", {{"before", nullptr}, {"after", reason}}}},
      ScopeOf(next));
  // Days are written YYYY-MM-DD: each reader sees them in their own format (the web localises
  // them). Only the automatic escalation speaks of a time limit: the one that ran out. A person's
  // escalation says who moved it, when and why.
  const std::string level = LevelName(next, to_level),
                    from = LevelName(current, current.current_level);
  const std::string now_with = " It is now with " + level + ", due by " + due_on + ".";
  if (actor_id.empty()) {
    NotifyEscalation(
        s, next, entered_on, "Escalated to " + level + ": " + next.title,
        "The time limit at " + from + " ended on " + current.level_due_on + "." + now_with);
  } else {
    const auto actor = alliances::MemberOf(s, next.alliance_id, actor_id);
    const std::string who = actor ? actor->name : "A member";
    NotifyEscalation(
        s, next, entered_on, "Escalated to " + level + " by " + who + ": " + next.title,
        who + " escalated it from " + from + " on " + entered_on +
            (note.empty() ? "." : ": " + note + (note.back() == '.' ? "" : ".")) + now_with);
  }
  return true;
}

Result<Issue> OpenIssue(db::Session& s, const RecordContext& c, const std::string& id,
                        int64_t version) {
  NS_ASSIGN_OR_RETURN(Issue i, alliances::Visible(c, records::Find(s, store::Issues(),
                                                                   c.membership.alliance_id, id)));
  NS_TRY(alliances::StartChange(c, i, version));
  if (i.status == "resolved") return Conflict("The issue is resolved.");
  return i;
}

Result<WithContext<Issue>> IssueResult(db::Session& s, RecordContext c, const std::string& id) {
  NS_ASSIGN_OR_RETURN(Issue i, alliances::Visible(c, records::Find(s, store::Issues(),
                                                                   c.membership.alliance_id, id)));
  return Within(std::move(c), std::move(i));
}

}  // namespace

// ---- decisions ----------------------------------------------------------------------------

namespace {

// A decision is proposed today; only a proposed decision changes.
Status ApplyDecision(db::Session& s, RecordContext& c, const DecisionInput&, Decision& d,
                     const Decision* current) {
  if (current) return OkStatus();
  d.proposed_on = c.today;
  return CheckDecision(s, c, d);
}

Status StartDecisionChange(const RecordContext& c, const Decision& current, int64_t version) {
  NS_TRY(alliances::StartChange(c, current, version));
  if (current.state != "proposed") {
    return Conflict("The decision is " + current.state + "; only a proposed decision changes.");
  }
  return OkStatus();
}

DecisionView AnswerDecision(db::Session& s, const RecordContext& c, Decision d) {
  auto committee = ReadableCommittee(s, c, d.committee_id);
  return ViewOf(c, std::move(d), committee);
}

const auto kDecisionRules =
    alliances::RulesOf(ApplyDecision).Start(StartDecisionChange).Answer(AnswerDecision);

}  // namespace

Result<WithContext<std::vector<DecisionView>>> GovernanceService::ListDecisions(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Decisions(), nullptr, WithCommittees<Decision>);
}

Result<WithContext<DecisionView>> GovernanceService::GetDecision(const auth::Principal& actor,
                                                                 const std::string& alliance_id,
                                                                 const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Decisions(), id, nullptr, AnswerDecision);
}

Result<WithContext<DecisionView>> GovernanceService::ProposeDecision(const auth::Principal& actor,
                                                                     const std::string& alliance_id,
                                                                     const DecisionInput& input) {
  return CreateOf(db_, actor, alliance_id, store::Decisions(), "decision", input, kDecisionRules);
}

Result<WithContext<DecisionView>> GovernanceService::UpdateDecision(const auth::Principal& actor,
                                                                    const std::string& alliance_id,
                                                                    const std::string& id,
                                                                    int64_t version,
                                                                    const DecisionInput& input) {
  return UpdateOf(db_, actor, alliance_id, store::Decisions(), "decision", id, version, input,
                  kDecisionRules);
}

Result<WithContext<DecisionView>> GovernanceService::Vote(const auth::Principal& actor,
                                                          const std::string& alliance_id,
                                                          const std::string& id, int64_t version,
                                                          const std::string& vote,
                                                          const std::string& comment) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Decision current,
                      alliances::Visible(c, records::Find(s, store::Decisions(), alliance_id, id)));
  auto committee = ReadableCommittee(s, c, current.committee_id);
  bool voter = false;
  if (committee) {
    for (const auto& seat : SeatsOn(*committee, c.today)) {
      voter = voter || (seat.user_id == actor.user_id && IsVotingRole(seat.role));
    }
  }
  NS_TRY(access::AuthorizeByRecordRole(c.membership, ScopeOf(current), voter,
                                       "a voting member of the deciding committee"));
  if (current.state != "proposed") {
    return Conflict("The decision is " + current.state + "; votes are taken while it is proposed.");
  }
  if (current.version != version) return Stale();
  CastVote cast{actor.user_id, "", c.membership.organization_id, vote, comment, NowText()};
  store::SaveVote(s, id, cast);
  Decision after = current;
  std::erase_if(after.votes, [&](const CastVote& v) { return v.user_id == actor.user_id; });
  after.votes.push_back(cast);
  const DecisionView view = ViewOf(c, after, committee);
  const std::string outcome = ConsentOutcome(view.positions);
  json::value earlier = nullptr;
  for (const auto& v : current.votes) {
    if (v.user_id == actor.user_id)
      earlier = json::object{{"vote", v.vote}, {"comment", v.comment}};
  }
  json::object changes{{"vote",
                        {{"before", std::move(earlier)},
                         {"after",
                          {{"user_id", actor.user_id},
                           {"organization_id", cast.organization_id},
                           {"vote", vote},
                           {"comment", comment}}}}}};
  if (outcome != "proposed") {
    Decision next = current;
    next.state = outcome;
    next.decided_on = c.today;
    next.updated_at = cast.at;
    if (!records::Update(s, store::Decisions(), next, version)) return Stale();
    changes["state"] = {{"before", current.state}, {"after", outcome}};
  } else {
    records::TouchRecord(s, "decisions", id, cast.at);
  }
  AuditEvent(s, actor.user_id, current, "decision", "vote", std::move(changes));
  auto result = DecisionResult(s, std::move(c), id);
  tx.Commit();
  return result;
}

Result<WithContext<DecisionView>> GovernanceService::SetDecisionState(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const std::string& state, const std::string& reason) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Decision current,
                      alliances::Visible(c, records::Find(s, store::Decisions(), alliance_id, id)));
  NS_TRY(access::Authorize(c.membership, access::AllianceAction::kCommitParty));
  if (current.state == "approved" || current.state == "rejected") {
    return Conflict("The decision is " + current.state + "; it is final.");
  }
  if (current.state == state) return Conflict("The decision is already " + state + ".");
  if (state != "proposed" && current.state != "proposed") {
    return Conflict("Only a proposed decision is deferred or escalated; reopen it first.");
  }
  if (current.version != version) return Stale();
  Decision next = current;
  next.state = state;
  next.updated_at = NowText();
  if (!records::Update(s, store::Decisions(), next, version)) return Stale();
  AuditUpdate(s, actor, current, next, "decision",
              {{"reason", {{"before", nullptr}, {"after", reason}}}});
  auto result = DecisionResult(s, std::move(c), id);
  tx.Commit();
  return result;
}

Status GovernanceService::DeleteDecision(const auth::Principal& actor,
                                         const std::string& alliance_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Decisions(), "decision", id,
                  [](db::Session&, const Decision& d) -> Status {
                    if (d.state == "proposed" && d.votes.empty()) return OkStatus();
                    return Conflict(
                        "A decision with votes stays in the decision log; defer it"
                        " instead.");
                  });
}

// ---- action items -------------------------------------------------------------------------

// An action item's owner (stored as its responsible person), then its rules.
Status ApplyAction(db::Session& s, RecordContext& c, const ActionInput& in, ActionItem& a,
                   const ActionItem*) {
  Assign(a.owner_user_id, in.owner_user_id);
  return CheckAction(s, c, a);
}

Result<WithContext<std::vector<ActionItem>>> GovernanceService::ListActions(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Actions());
}

Result<WithContext<ActionItem>> GovernanceService::GetAction(const auth::Principal& actor,
                                                             const std::string& alliance_id,
                                                             const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Actions(), id);
}

Result<WithContext<ActionItem>> GovernanceService::CreateAction(const auth::Principal& actor,
                                                                const std::string& alliance_id,
                                                                const ActionInput& input) {
  return CreateOf(db_, actor, alliance_id, store::Actions(), "action", input, ApplyAction);
}

Result<WithContext<ActionItem>> GovernanceService::UpdateAction(const auth::Principal& actor,
                                                                const std::string& alliance_id,
                                                                const std::string& id,
                                                                int64_t version,
                                                                const ActionInput& input) {
  // The person who owns the action reports its progress, whoever wrote it; anything else is a
  // change to the record.
  const bool progress_only = input.status && !input.title && !input.description &&
                             !input.meeting_id && !input.decision_id && !input.owner_user_id &&
                             !input.due_on && !input.party_id && !input.visibility &&
                             !input.readers;
  auto start = [&](const RecordContext& c, const ActionItem& current, int64_t at) -> Status {
    if (!progress_only || current.owner_user_id != actor.user_id) {
      return alliances::StartChange(c, current, at);
    }
    NS_TRY(access::AuthorizeByRecordRole(c.membership, ScopeOf(current), true, "its owner"));
    if (current.version != at) return Stale();
    return OkStatus();
  };
  return UpdateOf(db_, actor, alliance_id, store::Actions(), "action", id, version, input,
                  alliances::RulesOf(ApplyAction).Start(start));
}

Status GovernanceService::DeleteAction(const auth::Principal& actor, const std::string& alliance_id,
                                       const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Actions(), "action", id);
}

Result<std::vector<MyAction>> GovernanceService::MyActions(const auth::Principal& actor) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  const std::string today = TodayText();
  std::vector<MyAction> out;
  for (auto& owned : store::ActionsOwnedBy(s, actor.user_id)) {
    if (!access::CanRead(owned.membership, ScopeOf(owned.action))) continue;
    const bool overdue = IsOverdue(owned.action.status, owned.action.due_on, today);
    out.push_back({std::move(owned.action), overdue});
  }
  return out;
}

// ---- stakeholders -------------------------------------------------------------------------

Result<WithContext<std::vector<Stakeholder>>> GovernanceService::ListStakeholders(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Stakeholders());
}

Result<WithContext<Stakeholder>> GovernanceService::GetStakeholder(const auth::Principal& actor,
                                                                   const std::string& alliance_id,
                                                                   const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Stakeholders(), id);
}

Result<std::optional<access::RecordScope>> GovernanceService::WorkstreamScope(
    const auth::Principal& actor, const std::string& alliance_id, const Nullable<std::string>& id) {
  if (!id || !*id) return std::optional<access::RecordScope>{};
  auto workstream = plans_.GetWorkstream(actor, alliance_id, **id);
  if (!workstream.ok()) {
    if (workstream.error().code != ErrorCode::kNotFound) return workstream.error();
    return Invalid("workstream_id", "is not a workstream of this alliance");
  }
  return std::optional(ScopeOf(workstream->record));
}

// A stakeholder's rules (its fields are the input's, merged by the kit). `workstream`: the scope of
// the workstream the input names, read through the plans service before the transaction.
auto ApplyStakeholder(const std::optional<access::RecordScope>& workstream) {
  return
      [&workstream](db::Session& s, RecordContext& c, const StakeholderInput&, Stakeholder& k,
                    const Stakeholder*) -> Status { return CheckStakeholder(s, c, k, workstream); };
}

Result<WithContext<Stakeholder>> GovernanceService::CreateStakeholder(
    const auth::Principal& actor, const std::string& alliance_id, const StakeholderInput& input) {
  NS_ASSIGN_OR_RETURN(auto workstream, WorkstreamScope(actor, alliance_id, input.workstream_id));
  return CreateOf(db_, actor, alliance_id, store::Stakeholders(), "stakeholder", input,
                  ApplyStakeholder(workstream));
}

Result<WithContext<Stakeholder>> GovernanceService::UpdateStakeholder(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const StakeholderInput& input) {
  NS_ASSIGN_OR_RETURN(auto workstream, WorkstreamScope(actor, alliance_id, input.workstream_id));
  return UpdateOf(db_, actor, alliance_id, store::Stakeholders(), "stakeholder", id, version, input,
                  ApplyStakeholder(workstream));
}

Status GovernanceService::DeleteStakeholder(const auth::Principal& actor,
                                            const std::string& alliance_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Stakeholders(), "stakeholder", id);
}

// ---- issues -------------------------------------------------------------------------------

namespace {

// An issue names parties of the alliance. It is raised under a decision right everyone who may
// read the issue may read, starts at the right's first level and is answered with the names of
// the alliance's people.
Status ApplyIssue(db::Session& s, RecordContext& c, const IssueInput& in, Issue& i,
                  const Issue* current) {
  if (!current || in.party_ids) {
    for (size_t n = 0; n < i.party_ids.size(); ++n) {
      NS_TRY(alliances::RequireParty(c, i.party_ids[n], "party_ids[" + std::to_string(n) + "]"));
    }
  }
  if (!current) {
    auto right =
        records::Find(s, store::DecisionRights(), c.membership.alliance_id, *in.decision_right_id);
    NS_TRY(RequireCovered(c, right, i, "decision_right_id", "a decision right"));
    i.levels = right->levels;
    i.current_level = 0;
    i.raised_by = c.membership.user_id;
    i.raised_on = c.today;
    i.level_due_on = AddDays(c.today, i.levels.front().days);
  }
  LoadPeople(s, c);
  return OkStatus();
}

// The first level's entry in the issue's history.
json::object RecordRaised(db::Session& s, const RecordContext& c, const IssueInput&, const Issue& i,
                          const Issue* current) {
  if (!current) {
    store::InsertLevelEntry(s, i.id,
                            {0, i.levels.front().name, c.today, i.level_due_on, "raised", "",
                             c.membership.user_id, std::nullopt});
  }
  return {};
}

Status StartIssueChange(const RecordContext& c, const Issue& current, int64_t version) {
  NS_TRY(alliances::StartChange(c, current, version));
  if (current.status == "resolved") return Conflict("The issue is resolved.");
  return OkStatus();
}

const auto kIssueRules = alliances::RulesOf(ApplyIssue).Start(StartIssueChange).After(RecordRaised);

}  // namespace

Result<WithContext<std::vector<Issue>>> GovernanceService::ListIssues(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Issues(), alliances::LoadPeople);
}

Result<WithContext<Issue>> GovernanceService::GetIssue(const auth::Principal& actor,
                                                       const std::string& alliance_id,
                                                       const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Issues(), id, alliances::LoadPeople);
}

Result<WithContext<Issue>> GovernanceService::RaiseIssue(const auth::Principal& actor,
                                                         const std::string& alliance_id,
                                                         const IssueInput& input) {
  return CreateOf(db_, actor, alliance_id, store::Issues(), "issue", input, kIssueRules);
}

Result<WithContext<Issue>> GovernanceService::UpdateIssue(const auth::Principal& actor,
                                                          const std::string& alliance_id,
                                                          const std::string& id, int64_t version,
                                                          const IssueInput& input) {
  return UpdateOf(db_, actor, alliance_id, store::Issues(), "issue", id, version, input,
                  kIssueRules);
}

Result<WithContext<Issue>> GovernanceService::EscalateIssue(const auth::Principal& actor,
                                                            const std::string& alliance_id,
                                                            const std::string& id, int64_t version,
                                                            const std::string& reason) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Issue current, OpenIssue(s, c, id, version));
  const int64_t to = current.current_level + 1;
  if (to >= static_cast<int64_t>(current.levels.size())) {
    return Conflict("The issue is at its last level (" + LevelName(current, current.current_level) +
                    "); resolve it there.");
  }
  if (!MoveIssue(s, actor.user_id, current, to, c.today, AddDays(c.today, current.levels[to].days),
                 "manual", reason)) {
    return Stale();
  }
  LoadPeople(s, c);
  auto result = IssueResult(s, std::move(c), id);
  tx.Commit();
  return result;
}

Result<WithContext<Issue>> GovernanceService::ResolveIssue(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const std::string& outcome, const std::vector<std::string>& agreed_by) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Issue current, OpenIssue(s, c, id, version));
  for (size_t n = 0; n < agreed_by.size(); ++n) {
    if (!alliances::MemberOf(s, alliance_id, agreed_by[n])) {
      return Invalid("agreed_by[" + std::to_string(n) + "]", "is not a member of this alliance");
    }
  }
  Issue next = current;
  next.status = "resolved";
  next.resolution = Resolution{outcome, agreed_by, c.today, actor.user_id};
  next.updated_at = NowText();
  if (!records::Update(s, store::Issues(), next, version)) return Stale();
  store::InsertLevelEntry(
      s, id,
      {current.current_level, LevelName(current, current.current_level), c.today, std::nullopt,
       "resolved", outcome, actor.user_id, std::nullopt});
  AuditUpdate(s, actor, current, next, "issue");
  LoadPeople(s, c);
  auto result = IssueResult(s, std::move(c), id);
  tx.Commit();
  return result;
}

Result<std::vector<IssueLevelEntry>> GovernanceService::IssueHistory(const auth::Principal& actor,
                                                                     const std::string& alliance_id,
                                                                     const std::string& id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_TRY(alliances::Visible(c, records::Find(s, store::Issues(), alliance_id, id)));
  return store::ListLevelEntries(s, id);
}

Status GovernanceService::DeleteIssue(const auth::Principal& actor, const std::string& alliance_id,
                                      const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Issues(), "issue", id);
}

int64_t GovernanceService::EscalateDue(const std::string& today) {
  std::vector<std::pair<std::string, std::string>> due;
  {
    db::Session s(db_);
    db::ReadSnapshot snapshot(s);
    due = store::OverdueIssues(s, today);
  }
  int64_t moves = 0;
  for (const auto& [alliance_id, id] : due) {
    db::Session s(db_);
    db::Transaction tx(s);
    store::LockAlliance(s, alliance_id);
    auto issue = records::Find(s, store::Issues(), alliance_id, id);
    if (!issue || issue->status != "open") continue;
    int64_t steps = 0;
    bool claimed = true;
    for (const auto& step :
         DueEscalations(issue->levels, issue->current_level, issue->level_due_on, today)) {
      const std::string note = "The time limit at " + LevelName(*issue, issue->current_level) +
                               " ended on " + issue->level_due_on + ".";
      // A compare-and-set on the version: a second node that read the same issue moves nothing.
      if (!MoveIssue(s, "", *issue, step.level, step.entered_on, step.due_on, "automatic", note)) {
        claimed = false;
        break;
      }
      issue = records::Find(s, store::Issues(), alliance_id, id);
      ++steps;
    }
    if (!claimed) continue;  // rolled back: another node made these moves
    tx.Commit();
    moves += steps;
  }
  return moves;
}

}  // namespace northstar::governance
