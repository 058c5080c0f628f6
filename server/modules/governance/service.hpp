// Use cases of alliance governance: committees and their seats, cadence proposals, the
// decision-rights matrix, the issue register with its automatic escalation, meetings with
// agenda, attendance, quorum and minutes reviewed by every party, party briefs, decisions with
// each party's consent, action items and the stakeholder map. Every call asks the access policy
// first; every change commits with its audit event.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/alliances/records.hpp"
#include "modules/governance/model.hpp"
#include "modules/plans/service.hpp"
#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/db/database.hpp"

namespace northstar::governance {

using alliances::RecordContext;
using alliances::WithContext;
using records::CommonInput;
using records::Nullable;

struct CommitteeInput : CommonInput {
  std::optional<std::string> name, kind, purpose, decision_scope, cadence, quorum_rule,
      chair_rotation, rotation_start;
  Nullable<std::string> parent_id;
  std::optional<int64_t> meeting_minutes;
};
BOOST_DESCRIBE_STRUCT(CommitteeInput, (CommonInput),
                      (name, kind, purpose, decision_scope, cadence, quorum_rule, chair_rotation,
                       rotation_start, parent_id, meeting_minutes))

struct SeatInput {
  std::string user_id, role;
  std::optional<std::string> joined_on;
};

struct DecisionRightInput : CommonInput {
  std::optional<std::string> decision_type, description, committee_id;
  std::optional<std::vector<EscalationLevel>> levels;
};
BOOST_DESCRIBE_STRUCT(DecisionRightInput, (CommonInput),
                      (decision_type, description, committee_id, levels))

struct IssueInput : CommonInput {
  std::optional<std::string> title, description, severity, decision_right_id;
  std::optional<std::vector<std::string>> party_ids;
};
BOOST_DESCRIBE_STRUCT(IssueInput, (CommonInput),
                      (title, description, severity, decision_right_id, party_ids))

struct MeetingInput : CommonInput {
  std::optional<std::string> committee_id, title, starts_at, time_zone, location, link, status;
  std::optional<int64_t> duration_minutes;
};
BOOST_DESCRIBE_STRUCT(MeetingInput, (CommonInput),
                      (committee_id, title, starts_at, time_zone, location, link, status,
                       duration_minutes))

struct AgendaInput {
  std::optional<std::string> title, decision_sought, minutes;
  Nullable<std::string> owner_user_id;
  std::optional<int64_t> time_box_minutes, position;
  std::optional<std::vector<PreRead>> pre_reads;
};

struct AttendanceInput {
  std::string user_id, status;
  std::optional<std::string> delegate_name;
};

struct BriefInput : CommonInput {
  std::optional<std::string> title, body;
};
BOOST_DESCRIBE_STRUCT(BriefInput, (CommonInput), (title, body))

struct DecisionInput : CommonInput {
  std::optional<std::string> committee_id, title, description, decision_type, rationale;
  Nullable<std::string> meeting_id, agenda_item_id;
};
BOOST_DESCRIBE_STRUCT(DecisionInput, (CommonInput),
                      (committee_id, title, description, decision_type, rationale, meeting_id,
                       agenda_item_id))

struct ActionInput : CommonInput {
  std::optional<std::string> title, description, owner_user_id, due_on, status;
  Nullable<std::string> meeting_id, decision_id, committee_id;
  // Only from the health module's action plans (the API's action input has no such fields).
  std::optional<std::string> health_wave_id, health_dimension_key, health_item_key;
};
BOOST_DESCRIBE_STRUCT(ActionInput, (CommonInput),
                      (title, description, owner_user_id, due_on, status, meeting_id, decision_id,
                       committee_id, health_wave_id, health_dimension_key, health_item_key))

struct StakeholderInput : CommonInput {
  std::optional<std::string> name, title, attitude, notes;
  Nullable<std::string> user_id, committee_id, workstream_id;
  std::optional<int64_t> influence, interest;
};
BOOST_DESCRIBE_STRUCT(StakeholderInput, (CommonInput),
                      (name, title, attitude, notes, user_id, committee_id, workstream_id,
                       influence, interest))

// A committee as shown: whose turn it is to chair today.
struct CommitteeView {
  Committee committee;
  std::optional<std::string> chair_party_id;
};

// A meeting as shown: its quorum from attendance and the seats on the meeting's day, the parties
// that must approve the minutes, and whether the caller may review for their party.
struct MeetingView {
  Meeting meeting;
  std::string quorum_rule;
  Quorum quorum;
  std::vector<std::string> required_parties;
  std::vector<Seat> seats;  // on the meeting's day, for attendance roles
  bool can_review = false;
  bool can_write_minutes = false;   // the caller may write its minutes and attendance now
  bool can_revise_minutes = false;  // the minutes are final and the caller may reopen them
};

// A decision as shown: the position of every party with voting members on the committee.
struct DecisionView {
  Decision decision;
  std::vector<PartyPosition> positions;
};

struct CadenceProposal {
  std::string template_name, from;
  int64_t months = 0;
  std::vector<ProposedMeeting> meetings;
};

struct MyAction {
  ActionItem action;
  bool overdue = false;
};

class GovernanceService {
 public:
  // Stakeholders may name a workstream of the plan, read through the plans service.
  GovernanceService(db::Database& database, plans::PlansService& plans)
      : db_(database), plans_(plans) {}

  // Committees and seats.
  Result<WithContext<std::vector<CommitteeView>>> ListCommittees(const auth::Principal& actor,
                                                                 const std::string& alliance_id);
  Result<WithContext<CommitteeView>> GetCommittee(const auth::Principal& actor,
                                                  const std::string& alliance_id,
                                                  const std::string& id);
  Result<WithContext<CommitteeView>> CreateCommittee(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const CommitteeInput& input);
  Result<WithContext<CommitteeView>> UpdateCommittee(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const std::string& id, int64_t version,
                                                     const CommitteeInput& input);
  Status DeleteCommittee(const auth::Principal& actor, const std::string& alliance_id,
                         const std::string& id);
  Result<WithContext<CommitteeView>> AddSeat(const auth::Principal& actor,
                                             const std::string& alliance_id,
                                             const std::string& committee_id,
                                             const SeatInput& input);
  // A new role ends the seat and opens another (nullopt role: the person leaves).
  Result<WithContext<CommitteeView>> ChangeSeat(const auth::Principal& actor,
                                                const std::string& alliance_id,
                                                const std::string& committee_id,
                                                const std::string& seat_id, int64_t version,
                                                const std::optional<std::string>& role);
  Result<CadenceProposal> ProposeCadence(const auth::Principal& actor,
                                         const std::string& alliance_id,
                                         const std::string& template_name, const std::string& from,
                                         int64_t months);

  // Decision rights.
  Result<WithContext<std::vector<DecisionRight>>> ListDecisionRights(
      const auth::Principal& actor, const std::string& alliance_id);
  Result<WithContext<DecisionRight>> GetDecisionRight(const auth::Principal& actor,
                                                      const std::string& alliance_id,
                                                      const std::string& id);
  Result<WithContext<DecisionRight>> CreateDecisionRight(const auth::Principal& actor,
                                                         const std::string& alliance_id,
                                                         const DecisionRightInput& input);
  Result<WithContext<DecisionRight>> UpdateDecisionRight(const auth::Principal& actor,
                                                         const std::string& alliance_id,
                                                         const std::string& id, int64_t version,
                                                         const DecisionRightInput& input);
  Status DeleteDecisionRight(const auth::Principal& actor, const std::string& alliance_id,
                             const std::string& id);

  // Issues.
  Result<WithContext<std::vector<Issue>>> ListIssues(const auth::Principal& actor,
                                                     const std::string& alliance_id);
  Result<WithContext<Issue>> GetIssue(const auth::Principal& actor, const std::string& alliance_id,
                                      const std::string& id);
  Result<WithContext<Issue>> RaiseIssue(const auth::Principal& actor,
                                        const std::string& alliance_id, const IssueInput& input);
  Result<WithContext<Issue>> UpdateIssue(const auth::Principal& actor,
                                         const std::string& alliance_id, const std::string& id,
                                         int64_t version, const IssueInput& input);
  Result<WithContext<Issue>> EscalateIssue(const auth::Principal& actor,
                                           const std::string& alliance_id, const std::string& id,
                                           int64_t version, const std::string& reason);
  Result<WithContext<Issue>> ResolveIssue(const auth::Principal& actor,
                                          const std::string& alliance_id, const std::string& id,
                                          int64_t version, const std::string& outcome,
                                          const std::vector<std::string>& agreed_by);
  Result<std::vector<IssueLevelEntry>> IssueHistory(const auth::Principal& actor,
                                                    const std::string& alliance_id,
                                                    const std::string& id);
  Status DeleteIssue(const auth::Principal& actor, const std::string& alliance_id,
                     const std::string& id);
  // The background job: moves every open issue whose level's limit passed before `today` to
  // its next level(s), audits each move and notifies the people involved. Safe to run on
  // several nodes at once. Returns the number of moves made by this call.
  int64_t EscalateDue(const std::string& today);
  // The job that records as held every meeting still scheduled whose day ended before `today`.
  int64_t MarkMeetingsHeld(const std::string& today);

  // Meetings.
  Result<WithContext<std::vector<MeetingView>>> ListMeetings(const auth::Principal& actor,
                                                             const std::string& alliance_id);
  Result<WithContext<MeetingView>> GetMeeting(const auth::Principal& actor,
                                              const std::string& alliance_id,
                                              const std::string& id);
  Result<WithContext<MeetingView>> CreateMeeting(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const MeetingInput& input);
  Result<WithContext<MeetingView>> UpdateMeeting(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& id, int64_t version,
                                                 const MeetingInput& input);
  Status DeleteMeeting(const auth::Principal& actor, const std::string& alliance_id,
                       const std::string& id);
  Result<WithContext<MeetingView>> AddAgendaItem(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& meeting_id,
                                                 const AgendaInput& input);
  Result<WithContext<MeetingView>> UpdateAgendaItem(const auth::Principal& actor,
                                                    const std::string& alliance_id,
                                                    const std::string& meeting_id,
                                                    const std::string& item_id, int64_t version,
                                                    const AgendaInput& input);
  Result<WithContext<MeetingView>> DeleteAgendaItem(const auth::Principal& actor,
                                                    const std::string& alliance_id,
                                                    const std::string& meeting_id,
                                                    const std::string& item_id);
  Result<WithContext<MeetingView>> SetAttendance(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& meeting_id, int64_t version,
                                                 const std::vector<AttendanceInput>& entries);
  Result<WithContext<MeetingView>> ReviewMinutes(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& meeting_id, int64_t version,
                                                 bool approve,
                                                 const std::optional<std::string>& comment);
  Result<WithContext<MeetingView>> ReviseMinutes(const auth::Principal& actor,
                                                 const std::string& alliance_id,
                                                 const std::string& meeting_id, int64_t version,
                                                 const std::string& reason);
  Result<std::vector<MinutesRevision>> MinutesRevisions(const auth::Principal& actor,
                                                        const std::string& alliance_id,
                                                        const std::string& meeting_id);
  // The meetings of every alliance the user belongs to that the user may see, from `since`.
  std::vector<std::pair<Meeting, std::string>> MeetingsForFeed(const std::string& user_id,
                                                               const std::string& since);

  // Briefs.
  Result<std::vector<Brief>> ListBriefs(const auth::Principal& actor,
                                        const std::string& alliance_id,
                                        const std::string& meeting_id);
  Result<Brief> CreateBrief(const auth::Principal& actor, const std::string& alliance_id,
                            const std::string& meeting_id, const BriefInput& input);
  Result<Brief> UpdateBrief(const auth::Principal& actor, const std::string& alliance_id,
                            const std::string& meeting_id, const std::string& id, int64_t version,
                            const BriefInput& input);
  Status DeleteBrief(const auth::Principal& actor, const std::string& alliance_id,
                     const std::string& meeting_id, const std::string& id);

  // Decisions.
  Result<WithContext<std::vector<DecisionView>>> ListDecisions(const auth::Principal& actor,
                                                               const std::string& alliance_id);
  Result<WithContext<DecisionView>> GetDecision(const auth::Principal& actor,
                                                const std::string& alliance_id,
                                                const std::string& id);
  Result<WithContext<DecisionView>> ProposeDecision(const auth::Principal& actor,
                                                    const std::string& alliance_id,
                                                    const DecisionInput& input);
  Result<WithContext<DecisionView>> UpdateDecision(const auth::Principal& actor,
                                                   const std::string& alliance_id,
                                                   const std::string& id, int64_t version,
                                                   const DecisionInput& input);
  Result<WithContext<DecisionView>> Vote(const auth::Principal& actor,
                                         const std::string& alliance_id, const std::string& id,
                                         int64_t version, const std::string& vote,
                                         const std::string& comment);
  Result<WithContext<DecisionView>> SetDecisionState(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const std::string& id, int64_t version,
                                                     const std::string& state,
                                                     const std::string& reason);
  Status DeleteDecision(const auth::Principal& actor, const std::string& alliance_id,
                        const std::string& id);

  // Action items.
  Result<WithContext<std::vector<ActionItem>>> ListActions(const auth::Principal& actor,
                                                           const std::string& alliance_id);
  Result<WithContext<ActionItem>> GetAction(const auth::Principal& actor,
                                            const std::string& alliance_id, const std::string& id);
  Result<WithContext<ActionItem>> CreateAction(const auth::Principal& actor,
                                               const std::string& alliance_id,
                                               const ActionInput& input);
  Result<WithContext<ActionItem>> UpdateAction(const auth::Principal& actor,
                                               const std::string& alliance_id,
                                               const std::string& id, int64_t version,
                                               const ActionInput& input);
  Status DeleteAction(const auth::Principal& actor, const std::string& alliance_id,
                      const std::string& id);
  Result<std::vector<MyAction>> MyActions(const auth::Principal& actor);

  // Stakeholders.
  Result<WithContext<std::vector<Stakeholder>>> ListStakeholders(const auth::Principal& actor,
                                                                 const std::string& alliance_id);
  Result<WithContext<Stakeholder>> GetStakeholder(const auth::Principal& actor,
                                                  const std::string& alliance_id,
                                                  const std::string& id);
  Result<WithContext<Stakeholder>> CreateStakeholder(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const StakeholderInput& input);
  Result<WithContext<Stakeholder>> UpdateStakeholder(const auth::Principal& actor,
                                                     const std::string& alliance_id,
                                                     const std::string& id, int64_t version,
                                                     const StakeholderInput& input);
  Status DeleteStakeholder(const auth::Principal& actor, const std::string& alliance_id,
                           const std::string& id);

 private:
  // The scope of a workstream the caller may read; 422 on `workstream_id` otherwise.
  Result<std::optional<access::RecordScope>> WorkstreamScope(const auth::Principal& actor,
                                                             const std::string& alliance_id,
                                                             const Nullable<std::string>& id);

  db::Database& db_;
  plans::PlansService& plans_;
};

}  // namespace northstar::governance
