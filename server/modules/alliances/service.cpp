#include "modules/alliances/service.hpp"

#include <algorithm>

#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"
#include "platform/records/record.hpp"

namespace northstar::alliances {
namespace {

json::object MemberAuditView(const Member& m) {
  return {{"user_id", m.user_id},
          {"name", m.name},
          {"organization_id", m.organization_id},
          {"role", m.role}};
}

// A party's own tier and note: an event only that party reads.
audit::Event PriorityEvent(const auth::Principal& actor, const std::string& alliance_id,
                           const std::optional<Priority>& before, const Priority& after) {
  audit::Event e;
  e.actor_id = actor.user_id;
  e.alliance_id = alliance_id;
  e.organization_id = actor.organization_id;
  e.record_type = "alliance";
  e.record_id = alliance_id;
  e.action = "prioritise";
  json::object now{{"tier", after.tier}, {"priority_note", after.note}};
  e.changes = before ? audit::Diff({{"tier", before->tier}, {"priority_note", before->note}}, now)
                     : audit::Created(now);
  e.scope = {access::Visibility::kParty, actor.organization_id, actor.user_id, {}};
  return e;
}

// 409 for a change of shared fields that other parties must agree to: it is proposed instead.
Error ConsentRequired(const Alliance& a, const std::vector<std::string>& consenting,
                      const SharedFields& changed) {
  std::vector<std::string> names, fields;
  for (const auto& org : consenting) names.push_back(a.FindParty(org)->organization_name);
  for (auto field : changed.FieldNames()) fields.emplace_back(SharedFieldWords(field));
  Error e = Conflict(JoinWords(names) + " must agree to a change of the " + JoinWords(fields) +
                     ": propose the change instead, and it applies once they accept.");
  e.type_override = "consent-required";
  json::array field_names;
  for (auto field : changed.FieldNames()) field_names.emplace_back(field);
  e.extra_json = json::serialize(json::object{{"shared_fields", std::move(field_names)}});
  return e;
}

}  // namespace

audit::Event AllianceEvent(const std::string& actor, const Alliance& a, const std::string& type,
                           const std::string& record_id, const std::string& action,
                           json::object changes) {
  audit::Event e;
  e.actor_id = actor;
  e.alliance_id = a.id;
  e.record_type = type;
  e.record_id = record_id;
  e.action = action;
  e.changes = std::move(changes);
  e.scope.visibility = access::Visibility::kAlliance;
  return e;
}

std::vector<Party> PartiesOf(db::Session& s, const std::string& alliance_id) {
  return store::LoadParties(s, alliance_id);
}

std::optional<Alliance> LoadAlliance(db::Session& s, const std::string& alliance_id) {
  return store::FindAlliance(s, alliance_id);
}

std::vector<Member> MembersOf(db::Session& s, const std::string& alliance_id) {
  return store::ListMembers(s, alliance_id);
}

std::optional<Member> MemberOf(db::Session& s, const std::string& alliance_id,
                               const std::string& user_id) {
  return store::FindMember(s, alliance_id, user_id);
}

json::object AllianceAuditView(const Alliance& a) {
  json::array parties;
  for (const auto& p : a.parties) {
    parties.push_back({{"organization_id", p.organization_id},
                       {"role", p.role},
                       {"contribution", p.contribution},
                       {"expected_value", p.expected_value}});
  }
  return {{"name", a.name},
          {"type", a.type},
          {"therapeutic_areas", ToJsonArray(a.therapeutic_areas)},
          {"territory", a.territory},
          {"description", a.description},
          {"stage", a.stage},
          {"archived", a.archived},
          {"north_star_statement", a.north_star_statement},
          {"north_star_beneficiaries", a.north_star_beneficiaries},
          {"parties", parties}};
}

json::object NoteAuditView(const Note& n) {
  return {{"title", n.title},
          {"body", n.body},
          {"entry_date", n.entry_date},
          {"visibility", n.visibility},
          {"readers", ToJsonArray(n.readers)}};
}

access::RecordScope ScopeOf(const Note& n) {
  return {*access::ParseVisibility(n.visibility), n.owner_organization_id, n.owner_user_id,
          n.readers};
}

AlliancesService::AlliancesService(db::Database& database, accounts::AccountsService& accounts)
    : db_(database) {
  accounts.SetAllianceInvitationHooks(
      {[this](db::Session& s, const auth::Principal& actor, const std::string& alliance_id,
              const std::string& organization_id) {
         return AuthorizeInvitation(s, actor, alliance_id, organization_id);
       },
       [this](db::Session& s, const accounts::Invitation& inv, const accounts::User& user) {
         return AcceptInvitation(s, inv, user);
       }});
}

Result<std::pair<Alliance, access::Membership>> AlliancesService::LoadForMember(
    db::Session& s, const auth::Principal& actor, const std::string& id) {
  NS_ASSIGN_OR_RETURN(access::Membership membership, access::RequireMember(s, id, actor));
  auto alliance = store::FindAlliance(s, id);
  if (!alliance) return NotFound("No alliance with this id is visible to you.");
  return std::make_pair(std::move(*alliance), std::move(membership));
}

std::vector<FieldError> AlliancesService::Apply(db::Session& s, const AllianceInput& in,
                                                Alliance& a) {
  std::vector<FieldError> errors;
  if (in.name) a.name = *in.name;
  if (in.type) a.type = *in.type;
  if (in.territory) a.territory = *in.territory;
  if (in.description) a.description = *in.description;
  if (in.therapeutic_areas) a.therapeutic_areas = *in.therapeutic_areas;
  if (in.statement) a.north_star_statement = *in.statement;
  if (in.beneficiaries) a.north_star_beneficiaries = *in.beneficiaries;
  if (in.parties) {
    std::vector<Party> next;
    for (size_t i = 0; i < in.parties->size(); ++i) {
      Party p = (*in.parties)[i];
      if (!store::OrganizationExists(s, p.organization_id)) {
        errors.push_back(
            {"parties[" + std::to_string(i) + "].organization_id", "is not a known organisation"});
      }
      if (const Party* old = a.FindParty(p.organization_id)) {
        p.contribution = old->contribution;
        p.expected_value = old->expected_value;
        p.has_manager = old->has_manager;
        p.organization_name = old->organization_name;
      } else if (auto name = store::OrganizationName(s, p.organization_id)) {
        p.organization_name = *name;
      }
      next.push_back(std::move(p));
    }
    a.parties = std::move(next);
  }
  if (in.contributions) {
    for (size_t i = 0; i < in.contributions->size(); ++i) {
      const Contribution& c = (*in.contributions)[i];
      auto it = std::find_if(a.parties.begin(), a.parties.end(), [&](const Party& p) {
        return p.organization_id == c.organization_id;
      });
      if (it == a.parties.end()) {
        errors.push_back({"north_star.contributions[" + std::to_string(i) + "].organization_id",
                          "is not a party of the alliance"});
        continue;
      }
      it->contribution = c.contribution;
      it->expected_value = c.expected_value;
    }
  }
  return errors;
}

Result<AllianceView> AlliancesService::Create(const auth::Principal& actor,
                                              const AllianceInput& input) {
  Alliance a;
  a.id = NewId();
  a.stage = input.stage.value_or("scouting");
  a.created_by = actor.user_id;
  a.created_at = a.updated_at = NowText();
  db::Session s(db_);
  db::Transaction tx(s);
  auto errors = Apply(s, input, a);
  for (auto& e : CheckParties(a.parties, actor.organization_id)) errors.push_back(std::move(e));
  NS_TRY(FieldErrorsToStatus(std::move(errors)));
  store::InsertAlliance(s, a);
  Member creator{actor.user_id, actor.name, actor.email, actor.organization_id,
                 "manager",     1,          a.created_at};
  store::InsertMember(s, a.id, creator, actor.user_id);
  store::InsertTransition(
      s, a.id,
      {NewId(), std::nullopt, a.stage, "Alliance created", actor.user_id, "", a.created_at});
  a.parties = store::LoadParties(s, a.id);
  audit::Record(s, AllianceEvent(actor.user_id, a, "alliance", a.id, "create",
                                 audit::Created(AllianceAuditView(a))));
  audit::Record(s, AllianceEvent(actor.user_id, a, "member", actor.user_id, "add",
                                 audit::Created(MemberAuditView(creator))));
  const Priority priority{input.tier.value_or(kDefaultTier), input.priority_note.value_or("")};
  store::SavePriority(s, a.id, actor.organization_id, priority, actor.user_id, a.created_at);
  audit::Record(s, PriorityEvent(actor, a.id, std::nullopt, priority));
  tx.Commit();
  return AllianceView{
      a, {a.id, actor.user_id, actor.organization_id, access::AllianceRole::kManager}, priority, 0};
}

Result<AllianceView> AlliancesService::Get(const auth::Principal& actor, const std::string& id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  // One query for the alliance and the caller's membership: the most frequent read there is.
  auto found = store::FindAllianceForMember(s, id, actor.user_id);
  NS_ASSIGN_OR_RETURN(
      access::Membership membership,
      access::RequireMember(id, actor, found ? std::optional(found->membership) : std::nullopt));
  return AllianceView{std::move(found->alliance), std::move(membership), found->my_priority,
                      found->open_proposals};
}

std::vector<store::ListedAlliance> AlliancesService::List(const auth::Principal& actor,
                                                          const store::AllianceFilter& filter,
                                                          int limit) {
  db::Session s(db_);
  return store::ListAlliances(s, actor.user_id, filter, limit);
}

Result<AllianceView> AlliancesService::Update(const auth::Principal& actor, const std::string& id,
                                              int64_t version, const AllianceInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  records::LockAlliance(s, id);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [current, membership] = loaded;
  NS_TRY(access::Authorize(membership, access::AllianceAction::kEdit));
  if (current.version != version) return Stale();
  Alliance next = current;
  auto errors = Apply(s, input, next);
  if (input.parties) {
    for (auto& e : CheckParties(next.parties, actor.organization_id))
      errors.push_back(std::move(e));
  }
  NS_TRY(FieldErrorsToStatus(std::move(errors)));
  bool words_changed = false;
  for (const auto& p : next.parties) {
    const Party* old = current.FindParty(p.organization_id);
    if (!old || (old->contribution == p.contribution && old->expected_value == p.expected_value)) {
      continue;
    }
    NS_TRY(access::AuthorizePartyWords(membership, p.organization_id, p.organization_name,
                                       p.has_manager));
    words_changed = true;
  }
  const auto shared = DiffShared(current, next);
  if (!shared.second.empty()) {
    const auto consenting = ConsentingParties(current, membership.organization_id);
    if (!consenting.empty()) return ConsentRequired(current, consenting, shared.second);
  }
  Priority priority = store::FindPriority(s, id, membership.organization_id);
  if (input.tier || input.priority_note) {
    Priority wanted{input.tier.value_or(priority.tier),
                    input.priority_note.value_or(priority.note)};
    if (wanted.tier != priority.tier || wanted.note != priority.note) {
      // Not the alliance's version nor its updated_at: the other parties would see them move.
      store::SavePriority(s, id, membership.organization_id, wanted, actor.user_id, NowText());
      audit::Record(s, PriorityEvent(actor, id, priority, wanted));
      priority = wanted;
    }
  }
  if (words_changed || !shared.second.empty()) {
    NS_ASSIGN_OR_RETURN(next,
                        ApplyChange(s, actor.user_id, current, std::move(next), std::nullopt));
  }
  const int64_t open = store::CountOpenProposals(s, id);
  tx.Commit();
  return AllianceView{std::move(next), membership, priority, open};
}

Result<AllianceView> AlliancesService::SetArchived(const auth::Principal& actor,
                                                   const std::string& id, int64_t version,
                                                   bool archived) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [current, membership] = loaded;
  NS_TRY(access::Authorize(membership, access::AllianceAction::kArchive));
  if (current.version != version) return Stale();
  if (current.archived == archived) {
    return Conflict(archived ? "The alliance is already archived."
                             : "The alliance is not archived.");
  }
  Alliance next = current;
  next.archived = archived;
  next.updated_at = NowText();
  if (!store::UpdateAlliance(s, next, version)) return Stale();
  next.version = version + 1;
  audit::Record(s,
                AllianceEvent(actor.user_id, next, "alliance", id, archived ? "archive" : "restore",
                              audit::Diff(AllianceAuditView(current), AllianceAuditView(next))));
  AllianceView view = ViewOf(s, std::move(next), membership);
  tx.Commit();
  return view;
}

Result<StageView> AlliancesService::GetStage(const auth::Principal& actor, const std::string& id) {
  db::Session s(db_);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  return StageView{std::move(loaded.first), store::ListTransitions(s, id)};
}

Result<AllianceView> AlliancesService::MoveStage(const auth::Principal& actor,
                                                 const std::string& id, int64_t version,
                                                 const std::string& to, const std::string& reason) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [current, membership] = loaded;
  NS_TRY(access::Authorize(membership, access::AllianceAction::kMoveStage));
  if (current.version != version) return Stale();
  NS_TRY(CheckTransition(current.stage, to));
  Alliance next = current;
  next.stage = to;
  next.updated_at = NowText();
  if (!store::UpdateAlliance(s, next, version)) return Stale();
  next.version = version + 1;
  const std::string transition_id = NewId();
  store::InsertTransition(
      s, id, {transition_id, current.stage, to, reason, actor.user_id, "", next.updated_at});
  json::object changes = audit::Diff(AllianceAuditView(current), AllianceAuditView(next));
  changes["reason"] = json::object{{"before", nullptr}, {"after", reason}};
  audit::Record(s, AllianceEvent(actor.user_id, next, "alliance", id, "stage", std::move(changes)));
  for (const auto& listener : stage_listeners_) listener(s, next, transition_id);
  AllianceView view = ViewOf(s, std::move(next), membership);
  tx.Commit();
  return view;
}

Result<std::vector<Member>> AlliancesService::ListMembers(const auth::Principal& actor,
                                                          const std::string& id) {
  db::Session s(db_);
  NS_TRY(access::RequireMember(s, id, actor));
  return store::ListMembers(s, id);
}

Result<Member> AlliancesService::AddMember(const auth::Principal& actor, const std::string& id,
                                           const std::string& user_id, const std::string& role) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [alliance, membership] = loaded;
  NS_TRY(access::Authorize(membership, access::AllianceAction::kManageOwnPartyMembers));
  auto user = store::FindUser(s, user_id);
  // People of other organisations are not listed to a manager, so an unknown id and a person
  // of another organisation get the same answer.
  if (!user || user->organization_id != membership.organization_id || !user->active) {
    return Invalid("user_id", "is not an active person of your organisation");
  }
  if (store::FindMember(s, id, user_id)) return Conflict(user->name + " is already a member.");
  Member m{user->id, user->name, user->email, user->organization_id, role, 1, NowText()};
  store::InsertMember(s, id, m, actor.user_id);
  audit::Record(s, AllianceEvent(actor.user_id, alliance, "member", user_id, "add",
                                 audit::Created(MemberAuditView(m))));
  tx.Commit();
  return m;
}

Result<Member> AlliancesService::ChangeMemberRole(const auth::Principal& actor,
                                                  const std::string& id, const std::string& user_id,
                                                  int64_t version, const std::string& role) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [alliance, membership] = loaded;
  auto member = store::FindMember(s, id, user_id);
  if (!member) return NotFound("No such member of this alliance.");
  NS_TRY(access::AuthorizeMemberChange(membership, member->organization_id));
  if (member->version != version) return Stale();
  if (member->role == "manager" && role != "manager" &&
      store::CountManagersOfParty(s, id, member->organization_id) <= 1) {
    return Conflict("A party needs at least one manager in the alliance.");
  }
  if (!store::UpdateMemberRole(s, id, user_id, role, version)) return Stale();
  Member next = *member;
  next.role = role;
  next.version = version + 1;
  audit::Record(s, AllianceEvent(actor.user_id, alliance, "member", user_id, "update",
                                 audit::Diff(MemberAuditView(*member), MemberAuditView(next))));
  tx.Commit();
  return next;
}

Status AlliancesService::RemoveMember(const auth::Principal& actor, const std::string& id,
                                      const std::string& user_id) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [alliance, membership] = loaded;
  auto member = store::FindMember(s, id, user_id);
  if (!member) return NotFound("No such member of this alliance.");
  NS_TRY(access::AuthorizeMemberChange(membership, member->organization_id));
  if (member->role == "manager" &&
      store::CountManagersOfParty(s, id, member->organization_id) <= 1) {
    return Conflict("A party needs at least one manager in the alliance.");
  }
  store::DeleteMember(s, id, user_id);
  audit::Record(s, AllianceEvent(actor.user_id, alliance, "member", user_id, "remove",
                                 audit::Deleted(MemberAuditView(*member))));
  tx.Commit();
  return OkStatus();
}

Status AlliancesService::ValidateReaders(db::Session& s, const std::string& alliance_id,
                                         const std::vector<std::string>& readers) {
  for (size_t i = 0; i < readers.size(); ++i) {
    if (!IsValidId(readers[i]) || !store::FindMember(s, alliance_id, readers[i])) {
      return Invalid("readers[" + std::to_string(i) + "]", "is not a member of this alliance");
    }
  }
  return OkStatus();
}

Result<std::vector<Note>> AlliancesService::ListNotes(
    const auth::Principal& actor, const std::string& id,
    const std::optional<std::string>& visibility,
    const std::optional<std::pair<std::string, std::string>>& after, int limit) {
  db::Session s(db_);
  NS_ASSIGN_OR_RETURN(access::Membership membership, access::RequireMember(s, id, actor));
  return store::ListNotes(s, membership, visibility, after, limit);
}

Result<Note> AlliancesService::GetNote(const auth::Principal& actor, const std::string& id,
                                       const std::string& note_id) {
  db::Session s(db_);
  NS_ASSIGN_OR_RETURN(access::Membership membership, access::RequireMember(s, id, actor));
  auto note = store::FindNote(s, id, note_id);
  if (!note) return NotFound();
  NS_TRY(access::AuthorizeRead(membership, ScopeOf(*note)));
  return *note;
}

Result<Note> AlliancesService::CreateNote(const auth::Principal& actor, const std::string& id,
                                          const NoteInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [alliance, membership] = loaded;
  Note n;
  n.id = NewId();
  n.alliance_id = id;
  n.title = *input.title;
  n.body = input.body.value_or("");
  n.entry_date = input.entry_date.value_or(TodayText());
  n.visibility = *input.visibility;
  n.owner_organization_id = membership.organization_id;
  n.owner_user_id = actor.user_id;
  n.readers = input.readers.value_or(std::vector<std::string>{});
  NS_TRY(access::AuthorizeRecordCreate(membership, ScopeOf(n)));
  NS_TRY(ValidateReaders(s, id, n.readers));
  n.created_at = n.updated_at = NowText();
  store::InsertNote(s, n);
  audit::Event e = AllianceEvent(actor.user_id, alliance, "note", n.id, "create",
                                 audit::Created(NoteAuditView(n)));
  e.scope = ScopeOf(n);
  audit::Record(s, e);
  auto stored = store::FindNote(s, id, n.id);
  tx.Commit();
  return *stored;
}

Result<Note> AlliancesService::UpdateNote(const auth::Principal& actor, const std::string& id,
                                          const std::string& note_id, int64_t version,
                                          const NoteInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [alliance, membership] = loaded;
  auto current = store::FindNote(s, id, note_id);
  if (!current) return NotFound();
  NS_TRY(access::AuthorizeRecordChange(membership, ScopeOf(*current)));
  if (current->version != version) return Stale();
  Note next = *current;
  if (input.title) next.title = *input.title;
  if (input.body) next.body = *input.body;
  if (input.entry_date) next.entry_date = *input.entry_date;
  if (input.visibility) next.visibility = *input.visibility;
  if (input.readers) next.readers = *input.readers;
  if (next.visibility != "restricted") {
    if (input.readers && !input.readers->empty()) {
      return Invalid("readers", "are only allowed with visibility 'restricted'");
    }
    next.readers.clear();
  }
  NS_TRY(ValidateReaders(s, id, next.readers));
  if (!store::UpdateNote(s, next, version)) return Stale();
  // The event holds the note before and after the change: only those who could read both may
  // read it, so neither a widening nor a narrowing reveals content to someone new.
  audit::Event e = AllianceEvent(actor.user_id, alliance, "note", note_id, "update",
                                 audit::Diff(NoteAuditView(*current), NoteAuditView(next)));
  e.scope = access::Intersect(ScopeOf(*current), ScopeOf(next));
  audit::Record(s, e);
  auto stored = store::FindNote(s, id, note_id);
  tx.Commit();
  return *stored;
}

Status AlliancesService::DeleteNote(const auth::Principal& actor, const std::string& id,
                                    const std::string& note_id) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, id));
  auto& [alliance, membership] = loaded;
  auto current = store::FindNote(s, id, note_id);
  if (!current) return NotFound();
  NS_TRY(access::AuthorizeRecordChange(membership, ScopeOf(*current)));
  store::DeleteNote(s, note_id);
  audit::Event e = AllianceEvent(actor.user_id, alliance, "note", note_id, "delete",
                                 audit::Deleted(NoteAuditView(*current)));
  e.scope = ScopeOf(*current);
  audit::Record(s, e);
  tx.Commit();
  return OkStatus();
}

Result<std::vector<audit::ListedEvent>> AlliancesService::ListAudit(
    const auth::Principal& actor, const std::string& id, std::optional<int64_t> before_seq,
    int limit) {
  db::Session s(db_);
  NS_ASSIGN_OR_RETURN(access::Membership membership, access::RequireMember(s, id, actor));
  return audit::ListForAlliance(s, membership, before_seq, limit);
}

Status AlliancesService::AuthorizeInvitation(db::Session& s, const auth::Principal& actor,
                                             const std::string& alliance_id,
                                             const std::string& organization_id) {
  NS_ASSIGN_OR_RETURN(auto loaded, LoadForMember(s, actor, alliance_id));
  NS_TRY(access::Authorize(loaded.second, access::AllianceAction::kInvite));
  if (!loaded.first.FindParty(organization_id)) {
    return Invalid("organization_id", "is not a party of this alliance");
  }
  return OkStatus();
}

Status AlliancesService::AcceptInvitation(db::Session& s, const accounts::Invitation& inv,
                                          const accounts::User& user) {
  auto alliance = store::FindAlliance(s, *inv.alliance_id);
  if (!alliance || !alliance->FindParty(user.organization_id)) {
    return Conflict("The alliance of this invitation no longer includes your organisation.");
  }
  if (store::FindMember(s, alliance->id, user.id)) return OkStatus();
  Member m{
      user.id, user.name, user.email, user.organization_id, inv.alliance_role.value_or("member"),
      1,       NowText()};
  store::InsertMember(s, alliance->id, m, inv.invited_by);
  audit::Record(s, AllianceEvent(user.id, *alliance, "member", user.id, "join",
                                 audit::Created(MemberAuditView(m))));
  return OkStatus();
}

}  // namespace northstar::alliances
