// Use cases of alliances: the alliance record and its parties and North Star, the lifecycle
// stage, members, the notes journal and the alliance's audit trail. Every call asks the access
// policy first; every change commits with its audit event.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "modules/accounts/service.hpp"
#include "modules/alliances/model.hpp"
#include "modules/alliances/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"

namespace northstar::alliances {

struct Contribution {
  std::string organization_id, contribution, expected_value;
};

// What a client submits to create (all required but stage) or change (all optional) an alliance.
struct AllianceInput {
  std::optional<std::string> name, type, territory, description, stage;
  std::optional<std::vector<std::string>> therapeutic_areas;
  std::optional<int64_t> tier;                // the caller's party's own
  std::optional<std::string> priority_note;   // the caller's party's own
  std::optional<std::vector<Party>> parties;  // organisation and role
  std::optional<std::string> statement, beneficiaries;
  std::optional<std::vector<Contribution>> contributions;
};

struct AllianceView {
  Alliance alliance;
  access::Membership membership;
  Priority priority;  // the caller's party's own
  int64_t open_proposals = 0;
};

// A change to the shared fields (only those of AllianceInput are read) and why.
struct ProposalInput {
  AllianceInput changes;
  std::string reason;
};

// A proposal as one member sees it: whose consent it needs and what the member may do with it.
struct ProposalView {
  Proposal proposal;
  std::vector<Party> consenting;  // parties whose consent it needs (while open)
  bool can_decide = false, can_withdraw = false;
};

struct StageView {
  Alliance alliance;
  std::vector<StageTransition> history;
};

struct NoteInput {
  std::optional<std::string> title, body, entry_date, visibility;
  std::optional<std::vector<std::string>> readers;
};

// Told of every stage move inside its transaction (e.g. the conflict check on a move to
// negotiation), with the alliance as it now is and the transition's id.
using StageListener =
    std::function<void(db::Session&, const Alliance&, const std::string& transition_id)>;

class AlliancesService {
 public:
  AlliancesService(db::Database& database, accounts::AccountsService& accounts);

  void OnStageChange(StageListener listener) { stage_listeners_.push_back(std::move(listener)); }

  Result<AllianceView> Create(const auth::Principal& actor, const AllianceInput& input);
  Result<AllianceView> Get(const auth::Principal& actor, const std::string& id);
  std::vector<store::ListedAlliance> List(const auth::Principal& actor,
                                          const store::AllianceFilter& filter, int limit);
  Result<AllianceView> Update(const auth::Principal& actor, const std::string& id, int64_t version,
                              const AllianceInput& input);
  Result<AllianceView> SetArchived(const auth::Principal& actor, const std::string& id,
                                   int64_t version, bool archived);

  Result<StageView> GetStage(const auth::Principal& actor, const std::string& id);
  Result<AllianceView> MoveStage(const auth::Principal& actor, const std::string& id,
                                 int64_t version, const std::string& to, const std::string& reason);

  // Change control: the shared fields change by the consent of every other party with a manager.
  Result<ProposalView> Propose(const auth::Principal& actor, const std::string& id,
                               const ProposalInput& input);
  Result<std::vector<ProposalView>> ListProposals(
      const auth::Principal& actor, const std::string& id, const std::string& status,
      const std::optional<std::pair<std::string, std::string>>& after, int limit);
  Result<ProposalView> GetProposal(const auth::Principal& actor, const std::string& id,
                                   const std::string& proposal_id);
  Result<ProposalView> DecideProposal(const auth::Principal& actor, const std::string& id,
                                      const std::string& proposal_id, int64_t version, bool accept,
                                      const std::optional<std::string>& reason);
  Result<ProposalView> WithdrawProposal(const auth::Principal& actor, const std::string& id,
                                        const std::string& proposal_id, int64_t version);

  Result<std::vector<Member>> ListMembers(const auth::Principal& actor, const std::string& id);
  Result<Member> AddMember(const auth::Principal& actor, const std::string& id,
                           const std::string& user_id, const std::string& role);
  Result<Member> ChangeMemberRole(const auth::Principal& actor, const std::string& id,
                                  const std::string& user_id, int64_t version,
                                  const std::string& role);
  Status RemoveMember(const auth::Principal& actor, const std::string& id,
                      const std::string& user_id);

  Result<std::vector<Note>> ListNotes(
      const auth::Principal& actor, const std::string& id,
      const std::optional<std::string>& visibility,
      const std::optional<std::pair<std::string, std::string>>& after, int limit);
  Result<Note> GetNote(const auth::Principal& actor, const std::string& id,
                       const std::string& note_id);
  Result<Note> CreateNote(const auth::Principal& actor, const std::string& id,
                          const NoteInput& input);
  Result<Note> UpdateNote(const auth::Principal& actor, const std::string& id,
                          const std::string& note_id, int64_t version, const NoteInput& input);
  Status DeleteNote(const auth::Principal& actor, const std::string& id,
                    const std::string& note_id);

  Result<std::vector<audit::ListedEvent>> ListAudit(const auth::Principal& actor,
                                                    const std::string& id,
                                                    std::optional<int64_t> before_seq, int limit);

 private:
  // The alliance and the caller's membership; NotFound when the caller is not a member.
  static Result<std::pair<Alliance, access::Membership>> LoadForMember(db::Session& s,
                                                                       const auth::Principal& actor,
                                                                       const std::string& id);
  // Checks parties and contributions against the database and folds the input into `a`.
  std::vector<FieldError> Apply(db::Session& s, const AllianceInput& input, Alliance& a);
  Status ValidateReaders(db::Session& s, const std::string& alliance_id,
                         const std::vector<std::string>& readers);
  Status AuthorizeInvitation(db::Session& s, const auth::Principal& actor,
                             const std::string& alliance_id, const std::string& organization_id);
  Status AcceptInvitation(db::Session& s, const accounts::Invitation& invitation,
                          const accounts::User& user);
  // The view of `a` for `membership`: its party's own priority and the open proposals.
  AllianceView ViewOf(db::Session& s, Alliance a, const access::Membership& membership);
  // Writes a change of the shared fields (and parties' words) into the alliance with its audit
  // event, then supersedes the open proposals it made outdated. Conflict when it would remove a
  // party that has members; Stale when another writer moved the alliance first.
  Result<Alliance> ApplyChange(db::Session& s, const std::string& actor_id, const Alliance& current,
                               Alliance next, const std::optional<std::string>& proposal_id);

  db::Database& db_;
  std::vector<StageListener> stage_listeners_;
};

// For modules whose records live in an alliance (plans, governance, ...): the alliance's parties
// and members, read in the caller's own session and transaction.
std::vector<Party> PartiesOf(db::Session& s, const std::string& alliance_id);
std::vector<Member> MembersOf(db::Session& s, const std::string& alliance_id);
std::optional<Member> MemberOf(db::Session& s, const std::string& alliance_id,
                               const std::string& user_id);
// The alliance with its parties, whoever asks (the caller has checked the policy).
std::optional<Alliance> LoadAlliance(db::Session& s, const std::string& alliance_id);

// An audit event about the alliance or one of its own records, read by every member.
audit::Event AllianceEvent(const std::string& actor, const Alliance& a, const std::string& type,
                           const std::string& record_id, const std::string& action,
                           json::object changes);

// Audit and API views shared by the service and the routes.
json::object AllianceAuditView(const Alliance& a);
json::object NoteAuditView(const Note& n);
access::RecordScope ScopeOf(const Note& n);

}  // namespace northstar::alliances
