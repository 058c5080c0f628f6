// Committees, seats, cadence proposals, decision rights, meetings (agenda, attendance, minutes
// and their review) and briefs.
#include <algorithm>
#include <set>

#include "modules/alliances/service.hpp"
#include "modules/governance/service_common.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::governance {

json::object AuditOf(const DecisionRight& d) {
  json::object v = records::Audit(d);
  v["levels"] = json::parse(LevelsToJson(d.levels));
  return v;
}

namespace internal {

void AuditEvent(db::Session& s, const std::string& actor_id, const RecordBase& r,
                const std::string& type, const std::string& action, json::object changes) {
  alliances::AuditRecord(s, actor_id, r, type, action, std::move(changes), ScopeOf(r));
}

std::vector<Seat> SeatsOn(const Committee& c, const std::string& day) {
  std::vector<Seat> out;
  for (const auto& m : c.members) {
    Seat seat{m.user_id, m.organization_id, m.role, m.joined_on, m.left_on};
    if (SitsOn(seat, day)) out.push_back(std::move(seat));
  }
  return out;
}

CommitteeView ViewOf(const RecordContext& c, Committee committee) {
  std::vector<std::string> party_ids;
  for (const auto& p : c.parties) party_ids.push_back(p.organization_id);
  auto chair = ChairParty(committee.chair_rotation, committee.rotation_start, party_ids, c.today,
                          committee.meetings_held);
  if (!chair) {
    for (const auto& seat : SeatsOn(committee, c.today)) {
      if (seat.role == "chair") chair = seat.organization_id;
    }
  }
  return CommitteeView{std::move(committee), chair};
}

namespace {

// The parties with a seat among `seats`, in the alliance's order; every party when none has.
std::vector<std::string> PartiesSeated(const RecordContext& c, const std::vector<Seat>& seats) {
  std::vector<std::string> out;
  for (const auto& p : c.parties) {
    const bool seated = std::any_of(seats.begin(), seats.end(), [&](const Seat& s) {
      return s.organization_id == p.organization_id;
    });
    if (seated) out.push_back(p.organization_id);
  }
  if (out.empty()) {
    for (const auto& p : c.parties) out.push_back(p.organization_id);
  }
  return out;
}

}  // namespace

// Who reviews minutes for a party: its chair, co-chair or secretary on the committee today, or,
// when it has none of those, its alliance managers.
bool ReviewsFor(const RecordContext& c, const Committee& committee) {
  const std::string& party = c.membership.organization_id;
  bool party_has_reviewer = false;
  for (const auto& seat : SeatsOn(committee, c.today)) {
    if (seat.organization_id != party || !IsReviewerRole(seat.role)) continue;
    party_has_reviewer = true;
    if (seat.user_id == c.membership.user_id) return true;
  }
  return !party_has_reviewer && c.membership.role == access::AllianceRole::kManager;
}

// Whether the caller holds, today, a seat that keeps the committee's record (chair, co-chair,
// secretary): such a person writes the minutes and attendance of its meetings.
bool KeepsRecord(const RecordContext& c, const std::optional<Committee>& committee) {
  if (!committee) return false;
  for (const auto& seat : SeatsOn(*committee, c.today)) {
    if (seat.user_id == c.membership.user_id && IsReviewerRole(seat.role)) return true;
  }
  return false;
}

bool HasMinutesToApprove(const Meeting& m) {
  return std::any_of(m.agenda.begin(), m.agenda.end(),
                     [](const AgendaItem& a) { return !a.title.empty() || !a.minutes.empty(); });
}

MeetingView ViewOf(const RecordContext& c, Meeting meeting,
                   const std::optional<Committee>& committee) {
  MeetingView v;
  const std::string day = meeting.starts_at.substr(0, 10);
  if (committee) {
    v.quorum_rule = committee->quorum_rule;
    v.seats = SeatsOn(*committee, day);
    // A meeting recorded for a day before anyone's seat began (a committee set up afterwards)
    // counts today's seats.
    if (v.seats.empty()) v.seats = SeatsOn(*committee, c.today);
  }
  v.required_parties = PartiesSeated(c, v.seats);
  std::vector<std::pair<std::string, std::string>> parties;
  for (const auto& p : c.parties) {
    const bool seated = std::any_of(v.seats.begin(), v.seats.end(), [&](const Seat& s) {
      return s.organization_id == p.organization_id;
    });
    if (seated) parties.emplace_back(p.organization_id, p.organization_name);
  }
  std::vector<Attendee> attendance;
  for (const auto& a : meeting.attendance) attendance.push_back({a.user_id, a.status});
  v.quorum = CheckQuorum(v.quorum_rule, v.seats, attendance, parties);
  const bool mine_required = std::find(v.required_parties.begin(), v.required_parties.end(),
                                       c.membership.organization_id) != v.required_parties.end();
  v.can_review = committee && !meeting.minutes_final_at && mine_required &&
                 meeting.status != "cancelled" && HasMinutesToApprove(meeting) &&
                 ReviewsFor(c, *committee);
  const bool keeps =
      meeting.status != "cancelled" &&
      access::AuthorizeMinutesChange(c.membership, ScopeOf(meeting), KeepsRecord(c, committee))
          .ok();
  v.can_write_minutes = keeps && !meeting.minutes_final_at;
  v.can_revise_minutes = keeps && meeting.minutes_final_at.has_value();
  v.meeting = std::move(meeting);
  return v;
}

}  // namespace internal

using namespace internal;

namespace {

// The chair turns of a per-meeting rotation: one per meeting held so far that everyone who may
// read the committee may read. The chair is one answer shared by all of them, so a meeting some
// of them cannot see (a party's own preparatory meeting) must not move it.
void CountTurns(db::Session& s, Committee& committee) {
  committee.meetings_held.clear();
  if (committee.chair_rotation != "per_meeting") return;
  const access::RecordScope shown = ScopeOf(committee);
  for (auto& m : store::MeetingsHeld(s, committee.id, NowText())) {
    if (access::Covers(m.scope, shown)) committee.meetings_held.push_back(std::move(m.id));
  }
}

Result<Committee> VisibleCommittee(db::Session& s, const RecordContext& c, const std::string& id) {
  NS_ASSIGN_OR_RETURN(
      Committee committee,
      alliances::Visible(c, records::Find(s, store::Committees(), c.membership.alliance_id, id)));
  CountTurns(s, committee);
  return committee;
}

// The meeting's committee, when the caller may read it.
std::optional<Committee> CommitteeOf(db::Session& s, const RecordContext& c, const Meeting& m) {
  auto committee = records::Find(s, store::Committees(), c.membership.alliance_id, m.committee_id);
  if (!committee || !access::CanRead(c.membership, ScopeOf(*committee))) return std::nullopt;
  return committee;
}

Status CheckCommittee(db::Session& s, const RecordContext& c, const Committee& committee) {
  if (!committee.parent_id) return OkStatus();
  NS_TRY(RequireCovered(
      c, records::Find(s, store::Committees(), c.membership.alliance_id, *committee.parent_id),
      committee, "parent_id", "a committee"));
  // Walk up from the parent over every committee: reaching this one would make a loop.
  std::map<std::string, std::optional<std::string>> parent_of;
  for (const auto& x : records::All(s, store::Committees(), c.membership.alliance_id)) {
    parent_of[x.id] = x.parent_id;
  }
  std::set<std::string> seen;
  for (std::optional<std::string> at = committee.parent_id; at && seen.insert(*at).second;
       at = parent_of[*at]) {
    if (*at == committee.id) {
      return Invalid("parent_id", "would create a cycle: the committee would be its own ancestor");
    }
  }
  return OkStatus();
}

template <typename T>
Result<WithContext<T>> With(RecordContext c, T record) {
  return WithContext<T>{std::move(record), std::move(c)};
}

Result<WithContext<CommitteeView>> CommitteeResult(db::Session& s, RecordContext c,
                                                   const std::string& id) {
  NS_ASSIGN_OR_RETURN(Committee committee, VisibleCommittee(s, c, id));
  CommitteeView view = ViewOf(c, std::move(committee));
  return With(std::move(c), std::move(view));
}

Result<WithContext<MeetingView>> MeetingResult(db::Session& s, RecordContext c,
                                               const std::string& id) {
  NS_ASSIGN_OR_RETURN(
      Meeting m,
      alliances::Visible(c, records::Find(s, store::Meetings(), c.membership.alliance_id, id)));
  auto committee = CommitteeOf(s, c, m);
  MeetingView view = ViewOf(c, std::move(m), committee);
  return With(std::move(c), std::move(view));
}

Status RequireDraftMinutes(const Meeting& m) {
  if (!m.minutes_final_at) return OkStatus();
  return Conflict(
      "The minutes are final: start a new revision (POST …/minutes/revisions) to change them.");
}

// The caller may change the meeting (agenda, attendance, minutes): the policy, then the version.
Result<Meeting> StartMeetingChange(db::Session& s, const RecordContext& c,
                                   const std::string& meeting_id, std::optional<int64_t> version) {
  NS_ASSIGN_OR_RETURN(
      Meeting m, alliances::Visible(
                     c, records::Find(s, store::Meetings(), c.membership.alliance_id, meeting_id)));
  NS_TRY(access::AuthorizeRecordChange(c.membership, ScopeOf(m)));
  if (version && *version != m.version) return Stale();
  return m;
}

// The caller may write the meeting's minutes and attendance (access::AuthorizeMinutesChange);
// `whole_meeting` says whether it may also change the rest of it (the agenda, the time).
struct MinutesChange {
  Meeting meeting;
  bool whole_meeting = false;
};
Result<MinutesChange> StartMinutesChange(db::Session& s, const RecordContext& c,
                                         const std::string& meeting_id,
                                         std::optional<int64_t> version) {
  NS_ASSIGN_OR_RETURN(
      Meeting m, alliances::Visible(
                     c, records::Find(s, store::Meetings(), c.membership.alliance_id, meeting_id)));
  const bool whole = access::AuthorizeRecordChange(c.membership, ScopeOf(m)).ok();
  NS_TRY(access::AuthorizeMinutesChange(c.membership, ScopeOf(m),
                                        KeepsRecord(c, CommitteeOf(s, c, m))));
  if (version && *version != m.version) return Stale();
  return MinutesChange{std::move(m), whole};
}

std::string MinutesContent(const Meeting& m) {
  json::array items;
  for (const auto& a : m.agenda) items.push_back({{"title", a.title}, {"minutes", a.minutes}});
  return Serialize(items);
}

}  // namespace

// ---- committees ---------------------------------------------------------------------------

namespace {

// A new committee's rotation starts today unless given; then its rules. A narrower committee
// must still be readable by everyone who reads a record that refers to it: its name shows in
// their meetings, decisions and decision rights, and its seats decide their quorum, minutes
// reviews and consent. The records are not named, whoever may see them.
Status ApplyCommittee(db::Session& s, RecordContext& c, const CommitteeInput& in, Committee& k,
                      const Committee* current) {
  if (!current) {
    if (!in.rotation_start) k.rotation_start = c.today;
    return CheckCommittee(s, c, k);
  }
  if (in.parent_id || in.visibility || in.readers) NS_TRY(CheckCommittee(s, c, k));
  if (!access::Covers(ScopeOf(k), ScopeOf(*current))) {
    for (const auto& r : store::ReferencesTo(s, k.id)) {
      if (!access::Covers(ScopeOf(k), r.scope)) {
        return Conflict(
            "Records that refer to this committee are visible to people this change"
            " would hide the committee from; narrow those records first.");
      }
    }
  }
  return OkStatus();
}

CommitteeView AnswerCommittee(db::Session& s, const RecordContext& c, Committee k) {
  CountTurns(s, k);
  return ViewOf(c, std::move(k));
}

const auto kCommitteeRules = alliances::RulesOf(ApplyCommittee).Answer(AnswerCommittee);

}  // namespace

Result<WithContext<std::vector<CommitteeView>>> GovernanceService::ListCommittees(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Committees(), nullptr,
                alliances::Each(AnswerCommittee));
}

Result<WithContext<CommitteeView>> GovernanceService::GetCommittee(const auth::Principal& actor,
                                                                   const std::string& alliance_id,
                                                                   const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Committees(), id, nullptr, AnswerCommittee);
}

Result<WithContext<CommitteeView>> GovernanceService::CreateCommittee(
    const auth::Principal& actor, const std::string& alliance_id, const CommitteeInput& input) {
  return CreateOf(db_, actor, alliance_id, store::Committees(), "committee", input,
                  kCommitteeRules);
}

Result<WithContext<CommitteeView>> GovernanceService::UpdateCommittee(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const CommitteeInput& input) {
  return UpdateOf(db_, actor, alliance_id, store::Committees(), "committee", id, version, input,
                  kCommitteeRules);
}

Status GovernanceService::DeleteCommittee(const auth::Principal& actor,
                                          const std::string& alliance_id, const std::string& id) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Committee current, VisibleCommittee(s, c, id));
  NS_TRY(access::AuthorizeRecordChange(c.membership, ScopeOf(current)));
  // What the caller can see is named; a sub-committee it cannot see is detached; anything else
  // it cannot see still refuses, without a name.
  std::string named;
  bool hidden_blocks = false;
  for (const auto& r : store::ReferencesTo(s, id)) {
    if (access::CanRead(c.membership, r.scope)) {
      named += (named.empty() ? "" : ", ") + r.type + " \"" + r.title + "\"";
    } else if (r.type != "sub-committee") {
      hidden_blocks = true;
    }
  }
  if (!named.empty() || hidden_blocks) {
    return Conflict(
        "The committee still has sub-committees, meetings, decisions or decision rights" +
        (named.empty() ? std::string() : " (" + named + ")") + "; delete or move them first.");
  }
  store::DetachChildren(s, id, NowText());
  records::Delete(s, store::Committees(), id);
  alliances::AuditRecord(s, actor.user_id, current, "committee", "delete",
                         audit::Deleted(alliances::AuditView(current)), ScopeOf(current));
  tx.Commit();
  return OkStatus();
}

Result<WithContext<CommitteeView>> GovernanceService::AddSeat(const auth::Principal& actor,
                                                              const std::string& alliance_id,
                                                              const std::string& committee_id,
                                                              const SeatInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Committee committee, VisibleCommittee(s, c, committee_id));
  NS_TRY(access::AuthorizeRecordChange(c.membership, ScopeOf(committee)));
  auto member = alliances::MemberOf(s, alliance_id, input.user_id);
  if (!member) return Invalid("user_id", "is not a member of this alliance");
  for (const auto& seat : SeatsOn(committee, c.today)) {
    if (seat.user_id == input.user_id) {
      return Conflict(member->name + " already sits on this committee; change the role instead.");
    }
  }
  CommitteeMember seat{NewId(),
                       committee_id,
                       input.user_id,
                       member->name,
                       member->organization_id,
                       "",
                       input.role,
                       input.joined_on.value_or(c.today),
                       std::nullopt};
  const std::string now = NowText();
  store::InsertSeat(s, seat, now);
  store::TouchCommittee(s, committee_id, now);
  AuditEvent(s, actor.user_id, committee, "committee", "seat",
             {{"member",
               {{"before", nullptr},
                {"after",
                 {{"user_id", seat.user_id},
                  {"organization_id", seat.organization_id},
                  {"role", seat.role},
                  {"joined_on", seat.joined_on}}}}}});
  auto result = CommitteeResult(s, std::move(c), committee_id);
  tx.Commit();
  return result;
}

Result<WithContext<CommitteeView>> GovernanceService::ChangeSeat(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& committee_id,
    const std::string& seat_id, int64_t version, const std::optional<std::string>& role) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Committee committee, VisibleCommittee(s, c, committee_id));
  NS_TRY(alliances::StartChange(c, committee, version));
  auto seat = std::find_if(committee.members.begin(), committee.members.end(),
                           [&](const CommitteeMember& m) { return m.id == seat_id; });
  if (seat == committee.members.end()) return NotFound("No seat with this id on the committee.");
  if (seat->left_on) return Conflict("This seat has ended; add the person again instead.");
  const std::string now = NowText();
  store::EndSeat(s, seat_id, c.today);
  json::object after;
  if (role) {
    CommitteeMember next = *seat;
    next.id = NewId();
    next.role = *role;
    next.joined_on = c.today;
    store::InsertSeat(s, next, now);
    after = {{"user_id", next.user_id}, {"role", next.role}, {"joined_on", next.joined_on}};
  }
  store::TouchCommittee(s, committee_id, now);
  AuditEvent(
      s, actor.user_id, committee, "committee", "seat",
      {{"member",
        {{"before",
          {{"user_id", seat->user_id}, {"role", seat->role}, {"joined_on", seat->joined_on}}},
         {"after", role ? json::value(after) : json::value(nullptr)}}}});
  auto result = CommitteeResult(s, std::move(c), committee_id);
  tx.Commit();
  return result;
}

Result<CadenceProposal> GovernanceService::ProposeCadence(const auth::Principal& actor,
                                                          const std::string& alliance_id,
                                                          const std::string& template_name,
                                                          const std::string& from, int64_t months) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  std::vector<CommitteeRef> committees;
  for (const auto& k : records::List(s, store::Committees(), alliance_id, {c.membership})) {
    committees.push_back({k.id, k.name, k.kind});
  }
  return CadenceProposal{template_name, from, months,
                         ProposeMeetings(template_name, committees, from, months)};
}

// ---- decision rights ----------------------------------------------------------------------

namespace {

Status CheckDecisionRight(db::Session& s, const RecordContext& c, const DecisionRight& d) {
  const std::string& a = c.membership.alliance_id;
  NS_TRY(RequireCovered(c, records::Find(s, store::Committees(), a, d.committee_id), d,
                        "committee_id", "a committee"));
  for (size_t i = 0; i < d.levels.size(); ++i) {
    if (!d.levels[i].committee_id) continue;
    NS_TRY(RequireCovered(c, records::Find(s, store::Committees(), a, *d.levels[i].committee_id), d,
                          "levels[" + std::to_string(i) + "].committee_id", "a committee"));
  }
  return OkStatus();
}

}  // namespace

// A decision right's escalation levels, then its rules.
Status ApplyDecisionRight(db::Session& s, RecordContext& c, const DecisionRightInput& in,
                          DecisionRight& d, const DecisionRight*) {
  Assign(d.levels, in.levels);
  return CheckDecisionRight(s, c, d);
}

Result<WithContext<std::vector<DecisionRight>>> GovernanceService::ListDecisionRights(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::DecisionRights());
}

Result<WithContext<DecisionRight>> GovernanceService::GetDecisionRight(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::DecisionRights(), id);
}

Result<WithContext<DecisionRight>> GovernanceService::CreateDecisionRight(
    const auth::Principal& actor, const std::string& alliance_id, const DecisionRightInput& input) {
  return CreateOf(db_, actor, alliance_id, store::DecisionRights(), "decision_right", input,
                  ApplyDecisionRight);
}

Result<WithContext<DecisionRight>> GovernanceService::UpdateDecisionRight(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const DecisionRightInput& input) {
  return UpdateOf(db_, actor, alliance_id, store::DecisionRights(), "decision_right", id, version,
                  input, ApplyDecisionRight);
}

Status GovernanceService::DeleteDecisionRight(const auth::Principal& actor,
                                              const std::string& alliance_id,
                                              const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::DecisionRights(), "decision_right", id);
}

// ---- meetings -----------------------------------------------------------------------------

namespace {

// A meeting belongs to a committee everyone who may read the meeting may read; it lasts as long
// as its committee's meetings unless given.
Status ApplyMeeting(db::Session& s, RecordContext& c, const MeetingInput& in, Meeting& m,
                    const Meeting* current) {
  if (current && !in.committee_id && !in.visibility && !in.readers) return OkStatus();
  auto committee = records::Find(s, store::Committees(), c.membership.alliance_id, m.committee_id);
  NS_TRY(RequireCovered(c, committee, m, "committee_id", "a committee"));
  if (!current && !in.duration_minutes) m.duration_minutes = committee->meeting_minutes;
  return OkStatus();
}

MeetingView AnswerMeeting(db::Session& s, const RecordContext& c, Meeting m) {
  auto committee = CommitteeOf(s, c, m);
  return ViewOf(c, std::move(m), committee);
}

const auto kMeetingRules = alliances::RulesOf(ApplyMeeting).Answer(AnswerMeeting);

}  // namespace

Result<WithContext<std::vector<MeetingView>>> GovernanceService::ListMeetings(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Meetings(), nullptr, WithCommittees<Meeting>);
}

Result<WithContext<MeetingView>> GovernanceService::GetMeeting(const auth::Principal& actor,
                                                               const std::string& alliance_id,
                                                               const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Meetings(), id, nullptr, AnswerMeeting);
}

Result<WithContext<MeetingView>> GovernanceService::CreateMeeting(const auth::Principal& actor,
                                                                  const std::string& alliance_id,
                                                                  const MeetingInput& input) {
  return CreateOf(db_, actor, alliance_id, store::Meetings(), "meeting", input, kMeetingRules);
}

Result<WithContext<MeetingView>> GovernanceService::UpdateMeeting(const auth::Principal& actor,
                                                                  const std::string& alliance_id,
                                                                  const std::string& id,
                                                                  int64_t version,
                                                                  const MeetingInput& input) {
  return UpdateOf(db_, actor, alliance_id, store::Meetings(), "meeting", id, version, input,
                  kMeetingRules);
}

Status GovernanceService::DeleteMeeting(const auth::Principal& actor,
                                        const std::string& alliance_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Meetings(), "meeting", id);
}

Result<WithContext<MeetingView>> GovernanceService::AddAgendaItem(const auth::Principal& actor,
                                                                  const std::string& alliance_id,
                                                                  const std::string& meeting_id,
                                                                  const AgendaInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Meeting m, StartMeetingChange(s, c, meeting_id, std::nullopt));
  NS_TRY(RequireDraftMinutes(m));
  AgendaItem a;
  a.id = NewId();
  a.meeting_id = meeting_id;
  int64_t last = 0;
  for (const auto& x : m.agenda) last = std::max(last, x.position);
  a.position = input.position.value_or(last + 1);
  a.title = *input.title;
  a.owner_user_id = input.owner_user_id.value_or(std::nullopt);
  if (a.owner_user_id && !alliances::MemberOf(s, alliance_id, *a.owner_user_id)) {
    return Invalid("owner_user_id", "is not a member of this alliance");
  }
  a.time_box_minutes = input.time_box_minutes.value_or(15);
  a.pre_reads = input.pre_reads.value_or(std::vector<PreRead>{});
  a.decision_sought = input.decision_sought.value_or("");
  a.minutes = input.minutes.value_or("");
  a.created_at = a.updated_at = NowText();
  store::InsertAgendaItem(s, a);
  store::TouchMeeting(s, meeting_id, a.updated_at);
  AuditEvent(s, actor.user_id, m, "meeting", "agenda",
             {{"agenda_item",
               {{"before", nullptr},
                {"after",
                 {{"id", a.id},
                  {"title", a.title},
                  {"position", a.position},
                  {"decision_sought", a.decision_sought}}}}}});
  auto result = MeetingResult(s, std::move(c), meeting_id);
  tx.Commit();
  return result;
}

Result<WithContext<MeetingView>> GovernanceService::UpdateAgendaItem(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& meeting_id,
    const std::string& item_id, int64_t version, const AgendaInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(MinutesChange change, StartMinutesChange(s, c, meeting_id, std::nullopt));
  Meeting& m = change.meeting;
  auto item = std::find_if(m.agenda.begin(), m.agenda.end(),
                           [&](const AgendaItem& a) { return a.id == item_id; });
  if (item == m.agenda.end()) return NotFound("No agenda item with this id in the meeting.");
  const bool beyond_minutes = input.title || input.owner_user_id || input.time_box_minutes ||
                              input.pre_reads || input.decision_sought || input.position;
  if (beyond_minutes && !change.whole_meeting) {
    return Forbidden(
        "As the committee's chair, co-chair or secretary you write the minutes; the agenda "
        "itself is changed by the meeting's author or a manager of its party.");
  }
  NS_TRY(RequireDraftMinutes(m));
  if (item->version != version) return Stale();
  AgendaItem next = *item;
  if (input.title) next.title = *input.title;
  if (input.owner_user_id) next.owner_user_id = *input.owner_user_id;
  if (input.time_box_minutes) next.time_box_minutes = *input.time_box_minutes;
  if (input.pre_reads) next.pre_reads = *input.pre_reads;
  if (input.decision_sought) next.decision_sought = *input.decision_sought;
  if (input.minutes) next.minutes = *input.minutes;
  if (input.position) next.position = *input.position;
  if (next.owner_user_id && next.owner_user_id != item->owner_user_id &&
      !alliances::MemberOf(s, alliance_id, *next.owner_user_id)) {
    return Invalid("owner_user_id", "is not a member of this alliance");
  }
  next.updated_at = NowText();
  if (input.position && *input.position != item->position) {
    // The item takes that place in the agenda; the others close up behind it.
    std::vector<std::string> order;
    for (const auto& a : m.agenda) {
      if (a.id != item_id) order.push_back(a.id);
    }
    const size_t at = static_cast<size_t>(
        std::clamp<int64_t>(*input.position - 1, 0, static_cast<int64_t>(order.size())));
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), item_id);
    for (size_t k = 0; k < order.size(); ++k) {
      const int64_t place = static_cast<int64_t>(k) + 1;
      if (order[k] == item_id) {
        next.position = place;
        continue;
      }
      auto other = std::find_if(m.agenda.begin(), m.agenda.end(),
                                [&](const AgendaItem& a) { return a.id == order[k]; });
      if (other->position != place) store::MoveAgendaItem(s, other->id, place, next.updated_at);
    }
  }
  if (!store::UpdateAgendaItem(s, next, version)) return Stale();
  // One change, the agenda item: its id and the fields that changed, before and after.
  json::object item_before{{"id", item_id}}, item_after{{"id", item_id}};
  const auto diff = [&](const char* field, json::value before, json::value after) {
    if (before == after) return;
    item_before[field] = std::move(before);
    item_after[field] = std::move(after);
  };
  diff("title", json::value(item->title), json::value(next.title));
  diff("minutes", json::value(item->minutes), json::value(next.minutes));
  diff("decision_sought", json::value(item->decision_sought), json::value(next.decision_sought));
  diff("position", json::value(item->position), json::value(next.position));
  diff("time_box_minutes", json::value(item->time_box_minutes), json::value(next.time_box_minutes));
  diff("owner_user_id", OptionalJson(item->owner_user_id), OptionalJson(next.owner_user_id));
  // Changed minutes are a new draft: every party reviews it again.
  json::object changes{
      {"agenda_item", {{"before", std::move(item_before)}, {"after", std::move(item_after)}}}};
  if (next.minutes != item->minutes && !m.reviews.empty()) {
    store::ClearReviews(s, meeting_id, m.minutes_revision);
    changes["reviews"] = {{"before", static_cast<int64_t>(m.reviews.size())}, {"after", 0}};
  }
  store::TouchMeeting(s, meeting_id, next.updated_at);
  AuditEvent(s, actor.user_id, m, "meeting", "agenda", std::move(changes));
  auto result = MeetingResult(s, std::move(c), meeting_id);
  tx.Commit();
  return result;
}

Result<WithContext<MeetingView>> GovernanceService::DeleteAgendaItem(const auth::Principal& actor,
                                                                     const std::string& alliance_id,
                                                                     const std::string& meeting_id,
                                                                     const std::string& item_id) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Meeting m, StartMeetingChange(s, c, meeting_id, std::nullopt));
  auto item = std::find_if(m.agenda.begin(), m.agenda.end(),
                           [&](const AgendaItem& a) { return a.id == item_id; });
  if (item == m.agenda.end()) return NotFound("No agenda item with this id in the meeting.");
  NS_TRY(RequireDraftMinutes(m));
  store::DeleteAgendaItem(s, item_id);
  if (!item->minutes.empty()) store::ClearReviews(s, meeting_id, m.minutes_revision);
  store::TouchMeeting(s, meeting_id, NowText());
  AuditEvent(s, actor.user_id, m, "meeting", "agenda",
             {{"agenda_item",
               {{"before", {{"id", item->id}, {"title", item->title}, {"minutes", item->minutes}}},
                {"after", nullptr}}}});
  auto result = MeetingResult(s, std::move(c), meeting_id);
  tx.Commit();
  return result;
}

Result<WithContext<MeetingView>> GovernanceService::SetAttendance(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& meeting_id,
    int64_t version, const std::vector<AttendanceInput>& entries) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(MinutesChange change, StartMinutesChange(s, c, meeting_id, version));
  const Meeting& m = change.meeting;
  NS_TRY(RequireDraftMinutes(m));  // who was there is part of the approved record
  if (m.status == "cancelled") return Conflict("The meeting was cancelled; nobody attended it.");
  std::vector<AttendanceEntry> rows;
  std::set<std::string> seen;
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    const std::string at = "entries[" + std::to_string(i) + "]";
    auto member = alliances::MemberOf(s, alliance_id, e.user_id);
    if (!member) return Invalid(at + ".user_id", "is not a member of this alliance");
    if (!seen.insert(e.user_id).second) return Invalid(at + ".user_id", "is listed twice");
    rows.push_back({e.user_id, member->name, member->organization_id, e.status,
                    e.status == "delegate" ? e.delegate_name : std::nullopt});
  }
  store::ReplaceAttendance(s, meeting_id, rows);
  json::array before, after;
  for (const auto& a : m.attendance)
    before.push_back({{"user_id", a.user_id}, {"status", a.status}});
  for (const auto& a : rows) after.push_back({{"user_id", a.user_id}, {"status", a.status}});
  json::object changes{
      {"attendance", {{"before", std::move(before)}, {"after", std::move(after)}}}};
  const std::string now = NowText();
  if (m.status == "scheduled" && m.starts_at <= now) {
    // Attendance recorded for a meeting that has begun: it took place.
    Meeting held = m;
    held.status = "held";
    held.updated_at = now;
    if (!records::Update(s, store::Meetings(), held, m.version)) return Stale();
    changes["status"] = {{"before", m.status}, {"after", held.status}};
  } else {
    store::TouchMeeting(s, meeting_id, now);
  }
  AuditEvent(s, actor.user_id, m, "meeting", "attendance", std::move(changes));
  auto result = MeetingResult(s, std::move(c), meeting_id);
  tx.Commit();
  return result;
}

Result<WithContext<MeetingView>> GovernanceService::ReviewMinutes(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& meeting_id,
    int64_t version, bool approve, const std::optional<std::string>& comment) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::LockAlliance(s, alliance_id);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Meeting m, alliances::Visible(c, records::Find(s, store::Meetings(),
                                                                     alliance_id, meeting_id)));
  auto committee = CommitteeOf(s, c, m);
  MeetingView view = ViewOf(c, m, committee);
  const bool required = std::find(view.required_parties.begin(), view.required_parties.end(),
                                  c.membership.organization_id) != view.required_parties.end();
  NS_TRY(access::AuthorizeByRecordRole(
      c.membership, ScopeOf(m), committee && required && ReviewsFor(c, *committee),
      "the chair, co-chair or secretary of a party on the committee (or, for a party with none "
      "of them, its alliance managers)"));
  NS_TRY(RequireDraftMinutes(m));
  if (m.status == "cancelled") return Conflict("The meeting was cancelled; it has no minutes.");
  if (!HasMinutesToApprove(m)) {
    return Conflict("There is nothing to approve yet: the meeting has no agenda and no minutes.");
  }
  if (m.version != version) return Stale();
  MinutesReview review{c.membership.organization_id,
                       approve ? "approved" : "commented",
                       comment,
                       actor.user_id,
                       "",
                       NowText()};
  store::SaveReview(s, meeting_id, m.minutes_revision, review);
  std::vector<std::string> approving;
  for (const auto& r : m.reviews) {
    if (r.decision == "approved" && r.organization_id != review.organization_id) {
      approving.push_back(r.organization_id);
    }
  }
  if (approve) approving.push_back(review.organization_id);
  json::value earlier = nullptr;
  for (const auto& r : m.reviews) {
    if (r.organization_id == review.organization_id) {
      earlier = json::object{{"decision", r.decision}, {"comment", OptionalJson(r.comment)}};
    }
  }
  json::object changes{{"minutes_review",
                        {{"before", std::move(earlier)},
                         {"after",
                          {{"revision", m.minutes_revision},
                           {"organization_id", review.organization_id},
                           {"decision", review.decision},
                           {"comment", OptionalJson(comment)}}}}}};
  if (MinutesApproved(view.required_parties, approving)) {
    Meeting next = m;
    next.minutes_final_at = review.at;
    next.updated_at = review.at;
    store::InsertRevision(s, meeting_id,
                          {m.minutes_revision, review.at, std::nullopt, MinutesContent(m)});
    if (!records::Update(s, store::Meetings(), next, version)) return Stale();
    changes["minutes"] = {{"before", "draft"}, {"after", "final"}};
  } else {
    store::TouchMeeting(s, meeting_id, review.at);
  }
  AuditEvent(s, actor.user_id, m, "meeting", "review", std::move(changes));
  auto result = MeetingResult(s, std::move(c), meeting_id);
  tx.Commit();
  return result;
}

Result<WithContext<MeetingView>> GovernanceService::ReviseMinutes(const auth::Principal& actor,
                                                                  const std::string& alliance_id,
                                                                  const std::string& meeting_id,
                                                                  int64_t version,
                                                                  const std::string& reason) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(MinutesChange change, StartMinutesChange(s, c, meeting_id, version));
  const Meeting& current = change.meeting;
  if (!current.minutes_final_at) {
    return Conflict("The minutes are still a draft: change them directly.");
  }
  Meeting next = current;
  next.minutes_revision = current.minutes_revision + 1;
  next.minutes_final_at.reset();
  next.updated_at = NowText();
  store::SetRevisionReason(s, meeting_id, current.minutes_revision, reason);
  if (!records::Update(s, store::Meetings(), next, version)) return Stale();
  AuditUpdate(s, actor, current, next, "meeting",
              {{"reason", {{"before", nullptr}, {"after", reason}}}});
  auto result = MeetingResult(s, std::move(c), meeting_id);
  tx.Commit();
  return result;
}

Result<std::vector<MinutesRevision>> GovernanceService::MinutesRevisions(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& meeting_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_TRY(alliances::Visible(c, records::Find(s, store::Meetings(), alliance_id, meeting_id)));
  return store::ListRevisions(s, meeting_id);
}

std::vector<std::pair<Meeting, std::string>> GovernanceService::MeetingsForFeed(
    const std::string& user_id, const std::string& since) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  std::vector<std::pair<Meeting, std::string>> out;
  for (auto& f : store::MeetingsForUser(s, user_id, since)) {
    if (!access::CanRead(f.membership, ScopeOf(f.meeting))) continue;
    out.emplace_back(std::move(f.meeting), std::move(f.alliance_name));
  }
  return out;
}

// ---- briefs -------------------------------------------------------------------------------

namespace {

Result<Brief> BriefOf(db::Session& s, const RecordContext& c, const std::string& meeting_id,
                      const std::string& id) {
  NS_ASSIGN_OR_RETURN(Brief b, alliances::Visible(c, records::Find(s, store::Briefs(),
                                                                   c.membership.alliance_id, id)));
  if (b.meeting_id != meeting_id) return NotFound();
  return b;
}

}  // namespace

Result<std::vector<Brief>> GovernanceService::ListBriefs(const auth::Principal& actor,
                                                         const std::string& alliance_id,
                                                         const std::string& meeting_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_TRY(alliances::Visible(c, records::Find(s, store::Meetings(), alliance_id, meeting_id)));
  return store::ListBriefs(s, alliance_id, meeting_id, {c.membership});
}

Result<Brief> GovernanceService::CreateBrief(const auth::Principal& actor,
                                             const std::string& alliance_id,
                                             const std::string& meeting_id,
                                             const BriefInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_TRY(alliances::Visible(c, records::Find(s, store::Meetings(), alliance_id, meeting_id)));
  BriefInput with_default = input;
  if (!with_default.visibility) with_default.visibility = "party";
  Brief b;
  NS_TRY(alliances::StartRecord(s, c, actor, with_default, b));
  b.meeting_id = meeting_id;
  b.title = *input.title;
  b.body = input.body.value_or("");
  records::Insert(s, store::Briefs(), b);
  AuditCreate(s, actor, b, "brief");
  auto created = records::Find(s, store::Briefs(), alliance_id, b.id);
  tx.Commit();
  return *created;
}

Result<Brief> GovernanceService::UpdateBrief(const auth::Principal& actor,
                                             const std::string& alliance_id,
                                             const std::string& meeting_id, const std::string& id,
                                             int64_t version, const BriefInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(Brief current, BriefOf(s, c, meeting_id, id));
  NS_TRY(alliances::StartChange(c, current, version));
  Brief next = current;
  NS_TRY(alliances::ApplyCommon(s, c, input, next));
  if (input.title) next.title = *input.title;
  if (input.body) next.body = *input.body;
  if (!records::Update(s, store::Briefs(), next, version)) return Stale();
  AuditUpdate(s, actor, current, next, "brief");
  auto updated = records::Find(s, store::Briefs(), alliance_id, id);
  tx.Commit();
  return *updated;
}

Status GovernanceService::DeleteBrief(const auth::Principal& actor, const std::string& alliance_id,
                                      const std::string& meeting_id, const std::string& id) {
  return DeleteOf(db_, actor, alliance_id, store::Briefs(), "brief", id,
                  [&](db::Session&, const Brief& b) -> Status {
                    if (b.meeting_id != meeting_id) return NotFound();
                    return OkStatus();
                  });
}

int64_t GovernanceService::MarkMeetingsHeld(const std::string& today) {
  std::vector<std::pair<std::string, std::string>> due;
  {
    db::Session s(db_);
    db::ReadSnapshot snapshot(s);
    due = store::ScheduledMeetingsBefore(s, today + "T00:00:00Z");
  }
  int64_t marked = 0;
  for (const auto& [alliance_id, id] : due) {
    db::Session s(db_);
    db::Transaction tx(s);
    auto m = records::Find(s, store::Meetings(), alliance_id, id);
    if (!m || m->status != "scheduled") continue;
    Meeting held = *m;
    held.status = "held";
    held.updated_at = NowText();
    // A compare-and-set on the version: a second node that read the same meeting changes nothing.
    if (!records::Update(s, store::Meetings(), held, m->version)) continue;
    AuditEvent(s, "", *m, "meeting", "update",
               {{"status", {{"before", m->status}, {"after", held.status}}}});
    tx.Commit();
    ++marked;
  }
  return marked;
}

}  // namespace northstar::governance
