// Change control between the parties of an alliance: the shared fields change by a proposal that
// every other party with a manager accepts; the change applies once all have accepted. Each step
// is audited and told to the managers of every party.
#include <algorithm>

#include "modules/alliances/service.hpp"
#include "modules/notifications/service.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"
#include "platform/records/record.hpp"

namespace northstar::alliances {
namespace {

std::string_view ProposalWords(std::string_view status) {
  if (status == kProposalApplied) return "applied";
  if (status == kProposalRejected) return "rejected";
  if (status == kProposalWithdrawn) return "withdrawn";
  if (status == kProposalSuperseded) return "replaced by a later change";
  return "open";
}

std::string ChangedFieldWords(const Proposal& p) {
  std::vector<std::string> fields;
  for (auto field : p.after.FieldNames()) fields.emplace_back(SharedFieldWords(field));
  return JoinWords(fields);
}

std::string PartyNames(const std::vector<Party>& parties) {
  std::vector<std::string> names;
  names.reserve(parties.size());
  for (const auto& p : parties) names.push_back(p.organization_name);
  return JoinWords(names);
}

audit::Event ProposalEvent(const std::string& actor_id, const Alliance& a, const Proposal& p,
                           const std::string& action, json::object changes) {
  return AllianceEvent(actor_id, a, "proposal", p.id, action, std::move(changes));
}

// A party that has people in the alliance is never removed by the others (see the user guide).
Status RefuseRemovingJoinedParties(db::Session& s, const Alliance& before, const Alliance& after) {
  for (const auto& gone : RemovedParties(before, after)) {
    if (store::CountMembersOfParty(s, before.id, gone.organization_id) > 0) {
      return Conflict(gone.organization_name +
                      " has people in this alliance, and a party that has joined is never "
                      "removed by the others.");
    }
  }
  return OkStatus();
}

json::object StatusChange(std::string_view before, std::string_view after) {
  return {{"status", {{"before", before}, {"after", after}}}};
}

// Tells every manager of every party but the one who acted; once per event and person.
void NotifyManagers(db::Session& s, const Alliance& a, const Proposal& p,
                    const std::string& actor_id, const std::string& kind,
                    const std::string& event_key, const std::string& title,
                    const std::string& body) {
  const std::string dedupe_key = kind + ":" + p.id + ":" + event_key;
  for (const auto& m : store::ListMembers(s, a.id)) {
    if (m.role != "manager" || m.user_id == actor_id) continue;
    notifications::Notify(
        s, {m.user_id, a.id, kind, title, body, "/alliances/" + a.id + "?proposal=" + p.id,
            "proposal", p.id, dedupe_key});
  }
}

std::vector<Party> PartiesById(const Alliance& a, const std::vector<std::string>& ids) {
  std::vector<Party> out;
  for (const auto& id : ids) {
    if (const Party* p = a.FindParty(id)) out.push_back(*p);
  }
  return out;
}

ProposalView ViewFor(const Alliance& a, Proposal p, const access::Membership& member) {
  ProposalView v;
  const bool open = p.status == kProposalOpen;
  const auto consenting = ConsentingParties(a, p.organization_id);
  if (open) v.consenting = PartiesById(a, consenting);
  v.can_decide = open && !p.DecisionOf(member.organization_id) &&
                 access::AuthorizeConsent(member, p.organization_id, consenting).ok();
  v.can_withdraw = open && access::AuthorizeWithdrawal(member, p.organization_id).ok();
  v.proposal = std::move(p);
  return v;
}

}  // namespace

AllianceView AlliancesService::ViewOf(db::Session& s, Alliance a,
                                      const access::Membership& membership) {
  AllianceView v{std::move(a), membership, {}, 0};
  v.priority = store::FindPriority(s, v.alliance.id, membership.organization_id);
  v.open_proposals = store::CountOpenProposals(s, v.alliance.id);
  return v;
}

Result<Alliance> AlliancesService::ApplyChange(db::Session& s, const std::string& actor_id,
                                               const Alliance& current, Alliance next,
                                               const std::optional<std::string>& proposal_id) {
  NS_TRY(RefuseRemovingJoinedParties(s, current, next));
  next.updated_at = NowText();
  if (!store::UpdateAlliance(s, next, current.version)) return Stale();
  next.parties = store::LoadParties(s, next.id);
  next.version = current.version + 1;
  json::object changes = audit::Diff(AllianceAuditView(current), AllianceAuditView(next));
  if (proposal_id) changes["proposal_id"] = {{"before", nullptr}, {"after", *proposal_id}};
  audit::Record(s,
                AllianceEvent(actor_id, next, "alliance", next.id, "update", std::move(changes)));
  // An open proposal was made against the fields as they were: once they moved, the parties
  // would decide on a change that no longer says what it does.
  for (auto& other : store::ListProposals(s, next.id, "open", std::nullopt, 1000)) {
    if (proposal_id && other.id == *proposal_id) continue;
    if (StillMatches(next, other.before)) continue;
    Proposal closed = other;
    closed.status = std::string(kProposalSuperseded);
    closed.closed_at = next.updated_at;
    if (!store::UpdateProposal(s, closed, other.version)) return Stale();
    audit::Record(s, ProposalEvent(actor_id, next, closed, "supersede",
                                   StatusChange(kProposalOpen, kProposalSuperseded)));
    NotifyManagers(s, next, closed, actor_id, "proposal_superseded", "",
                   "Proposed change replaced: " + next.name,
                   "The proposed change of the " + ChangedFieldWords(closed) + " by " +
                       closed.proposed_by_name + " (" + closed.organization_name +
                       ") no longer applies: those fields changed since. Propose it again if "
                       "it is still wanted.");
  }
  return next;
}

Result<ProposalView> AlliancesService::Propose(const auth::Principal& actor, const std::string& id,
                                               const ProposalInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  records::LockAlliance(s, id);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  const auto& [current, membership] = loaded;
  NS_TRY(access::Authorize(membership, access::AllianceAction::kEdit));
  AllianceInput shared = input.changes;
  shared.tier.reset();
  shared.priority_note.reset();
  shared.contributions.reset();
  shared.stage.reset();
  Alliance next = current;
  auto errors = Apply(s, shared, next);
  if (shared.parties) {
    for (auto& e : CheckParties(next.parties, actor.organization_id)) {
      errors.push_back(std::move(e));
    }
  }
  NS_TRY(FieldErrorsToStatus(std::move(errors)));
  auto [before, after] = DiffShared(current, next);
  if (after.empty()) {
    return Invalid("changes", "propose a new value for at least one shared field");
  }
  NS_TRY(RefuseRemovingJoinedParties(s, current, next));
  Proposal p;
  p.id = NewId();
  p.alliance_id = id;
  p.organization_id = membership.organization_id;
  p.organization_name = current.FindParty(membership.organization_id)->organization_name;
  p.proposed_by = actor.user_id;
  p.proposed_by_name = actor.name;
  p.reason = input.reason;
  p.before = std::move(before);
  p.after = std::move(after);
  p.created_at = NowText();
  const auto consenting = ConsentingParties(current, membership.organization_id);
  Alliance result = current;
  if (consenting.empty()) {
    // Nobody else has joined to answer: the change applies at once, on the record.
    p.status = std::string(kProposalApplied);
    p.closed_at = p.created_at;
  }
  store::InsertProposal(s, p);
  json::object changes = audit::Diff(SharedFieldsJson(p.before), SharedFieldsJson(p.after));
  changes["reason"] = {{"before", nullptr}, {"after", p.reason}};
  audit::Record(s, ProposalEvent(actor.user_id, current, p, "propose", std::move(changes)));
  if (consenting.empty()) {
    NS_ASSIGN_OR_RETURN(result, ApplyChange(s, actor.user_id, current, std::move(next), p.id));
    audit::Record(s, ProposalEvent(actor.user_id, result, p, "apply",
                                   StatusChange(kProposalOpen, kProposalApplied)));
    NotifyManagers(
        s, result, p, actor.user_id, "proposal_applied", "", "Alliance changed: " + result.name,
        actor.name + " (" + p.organization_name + ") changed the " + ChangedFieldWords(p) + ".");
  } else {
    const auto parties = PartiesById(current, consenting);
    NotifyManagers(s, result, p, actor.user_id, "proposal_opened", "",
                   "Change proposed: " + current.name,
                   actor.name + " (" + p.organization_name + ") proposes to change the " +
                       ChangedFieldWords(p) + (p.reason.empty() ? "" : " (" + p.reason + ")") +
                       ". It applies once " + PartyNames(parties) + " accept.");
  }
  auto stored = store::FindProposal(s, id, p.id);
  ProposalView view = ViewFor(result, std::move(*stored), membership);
  tx.Commit();
  return view;
}

Result<std::vector<ProposalView>> AlliancesService::ListProposals(
    const auth::Principal& actor, const std::string& id, const std::string& status,
    const std::optional<std::pair<std::string, std::string>>& after, int limit) {
  db::Session s(db_);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  std::vector<ProposalView> out;
  for (auto& p : store::ListProposals(s, id, status, after, limit)) {
    out.push_back(ViewFor(loaded.first, std::move(p), loaded.second));
  }
  return out;
}

Result<ProposalView> AlliancesService::GetProposal(const auth::Principal& actor,
                                                   const std::string& id,
                                                   const std::string& proposal_id) {
  db::Session s(db_);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto p = store::FindProposal(s, id, proposal_id);
  if (!p) return NotFound("No such proposal in this alliance.");
  return ViewFor(loaded.first, std::move(*p), loaded.second);
}

Result<ProposalView> AlliancesService::DecideProposal(const auth::Principal& actor,
                                                      const std::string& id,
                                                      const std::string& proposal_id,
                                                      int64_t version, bool accept,
                                                      const std::optional<std::string>& reason) {
  db::Session s(db_);
  db::Transaction tx(s);
  records::LockAlliance(s, id);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [current, membership] = loaded;
  auto found = store::FindProposal(s, id, proposal_id);
  if (!found) return NotFound("No such proposal in this alliance.");
  Proposal p = std::move(*found);
  const auto consenting = ConsentingParties(current, p.organization_id);
  NS_TRY(access::AuthorizeConsent(membership, p.organization_id, consenting));
  if (p.version != version) return Stale();
  if (p.status != kProposalOpen) {
    return Conflict("This proposal is no longer open: it was " +
                    std::string(ProposalWords(p.status)) + ".");
  }
  if (const ProposalDecision* d = p.DecisionOf(membership.organization_id)) {
    return Conflict("Your party already " + d->decision + " this proposal.");
  }
  if (!accept && (!reason || reason->empty())) return Invalid("reason", "is required to reject");
  ProposalDecision d;
  d.organization_id = membership.organization_id;
  d.organization_name = current.FindParty(membership.organization_id)->organization_name;
  d.decision = accept ? "accepted" : "rejected";
  if (reason && !reason->empty()) d.reason = reason;
  d.decided_by = actor.user_id;
  d.decided_by_name = actor.name;
  d.decided_at = NowText();
  store::InsertProposalDecision(s, p.id, d);
  p.decisions.push_back(d);
  audit::Record(
      s, ProposalEvent(actor.user_id, current, p, accept ? "accept" : "reject",
                       {{"organization_id", {{"before", nullptr}, {"after", d.organization_id}}},
                        {"decision", {{"before", nullptr}, {"after", d.decision}}},
                        {"reason", {{"before", nullptr}, {"after", OptionalJson(d.reason)}}}}));
  Proposal next = p;
  next.status = std::string(OutcomeOf(p, consenting));
  if (next.status != kProposalOpen) next.closed_at = d.decided_at;
  if (!store::UpdateProposal(s, next, version)) return Stale();
  Alliance alliance = current;
  if (next.status == kProposalApplied) {
    if (!StillMatches(current, p.before)) {
      return Conflict("The alliance changed since this was proposed; it can no longer apply.");
    }
    Alliance changed = current;
    ApplyShared(p.after, changed);
    NS_ASSIGN_OR_RETURN(alliance, ApplyChange(s, actor.user_id, current, std::move(changed), p.id));
    audit::Record(s, ProposalEvent(actor.user_id, alliance, next, "apply",
                                   StatusChange(kProposalOpen, kProposalApplied)));
    NotifyManagers(s, alliance, next, actor.user_id, "proposal_applied", "",
                   "Change agreed and applied: " + alliance.name,
                   "Every party accepted the change of the " + ChangedFieldWords(p) +
                       " proposed by " + p.proposed_by_name + " (" + p.organization_name +
                       "); the alliance now shows it.");
  } else if (next.status == kProposalRejected) {
    NotifyManagers(s, alliance, next, actor.user_id, "proposal_rejected", d.organization_id,
                   "Change rejected by " + d.organization_name + ": " + alliance.name,
                   actor.name + " rejected for " + d.organization_name + " the change of the " +
                       ChangedFieldWords(p) + " proposed by " + p.proposed_by_name +
                       ". Reason: " + d.reason.value_or("") + ". Nothing changed.");
  } else {
    std::vector<Party> waiting;
    for (const auto& party : PartiesById(current, consenting)) {
      if (!p.DecisionOf(party.organization_id)) waiting.push_back(party);
    }
    NotifyManagers(s, alliance, next, actor.user_id, "proposal_accepted", d.organization_id,
                   "Change accepted by " + d.organization_name + ": " + alliance.name,
                   actor.name + " accepted for " + d.organization_name + " the change of the " +
                       ChangedFieldWords(p) + ". It still waits for " + PartyNames(waiting) + ".");
  }
  auto stored = store::FindProposal(s, id, p.id);
  ProposalView view = ViewFor(alliance, std::move(*stored), membership);
  tx.Commit();
  return view;
}

Result<ProposalView> AlliancesService::WithdrawProposal(const auth::Principal& actor,
                                                        const std::string& id,
                                                        const std::string& proposal_id,
                                                        int64_t version) {
  db::Session s(db_);
  db::Transaction tx(s);
  records::LockAlliance(s, id);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [current, membership] = loaded;
  auto found = store::FindProposal(s, id, proposal_id);
  if (!found) return NotFound("No such proposal in this alliance.");
  NS_TRY(access::AuthorizeWithdrawal(membership, found->organization_id));
  if (found->version != version) return Stale();
  if (found->status != kProposalOpen) {
    return Conflict("This proposal is no longer open: it was " +
                    std::string(ProposalWords(found->status)) + ".");
  }
  Proposal next = *found;
  next.status = std::string(kProposalWithdrawn);
  next.closed_at = NowText();
  if (!store::UpdateProposal(s, next, version)) return Stale();
  audit::Record(s, ProposalEvent(actor.user_id, current, next, "withdraw",
                                 StatusChange(kProposalOpen, kProposalWithdrawn)));
  NotifyManagers(s, current, next, actor.user_id, "proposal_withdrawn", "",
                 "Proposed change withdrawn: " + current.name,
                 actor.name + " (" + next.organization_name +
                     ") withdrew the proposed change of the " + ChangedFieldWords(next) + ".");
  auto stored = store::FindProposal(s, id, proposal_id);
  ProposalView view = ViewFor(current, std::move(*stored), membership);
  tx.Commit();
  return view;
}

}  // namespace northstar::alliances
