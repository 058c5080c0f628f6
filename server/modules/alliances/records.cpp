#include "modules/alliances/records.hpp"

#include <algorithm>

#include "modules/alliances/service.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::alliances {
namespace {

Status CheckAccess(db::Session& s, const RecordContext& c, const records::RecordBase& r) {
  NS_TRY(RequireParty(c, r.party_id, "party_id"));
  if (r.visibility != "restricted" && !r.readers.empty()) {
    return Invalid("readers", "are only allowed with visibility 'restricted'");
  }
  for (size_t i = 0; i < r.readers.size(); ++i) {
    if (!IsValidId(r.readers[i]) || !MemberOf(s, c.membership.alliance_id, r.readers[i])) {
      return Invalid("readers[" + std::to_string(i) + "]", "is not a member of this alliance");
    }
  }
  return OkStatus();
}

}  // namespace

Result<RecordContext> EnterAlliance(db::Session& s, const auth::Principal& actor,
                                    const std::string& alliance_id) {
  NS_ASSIGN_OR_RETURN(access::Membership m, access::RequireMember(s, alliance_id, actor));
  return RecordContext{std::move(m), PartiesOf(s, alliance_id), TodayText(), {}, {}};
}

void LoadPeople(db::Session& s, RecordContext& c) {
  for (const auto& m : MembersOf(s, c.membership.alliance_id)) {
    c.people[m.user_id] = m.name;
    c.people_parties[m.user_id] = m.organization_id;
  }
}

bool IsParty(const RecordContext& c, const std::string& organization_id) {
  return std::any_of(c.parties.begin(), c.parties.end(),
                     [&](const Party& p) { return p.organization_id == organization_id; });
}

std::string PartyName(const RecordContext& c, const std::string& organization_id) {
  for (const auto& p : c.parties) {
    if (p.organization_id == organization_id) return p.organization_name;
  }
  return "";
}

Status RequireParty(const RecordContext& c, const std::string& organization_id,
                    const std::string& field) {
  if (IsParty(c, organization_id)) return OkStatus();
  return Invalid(field, "is not a party of this alliance");
}

Status RequireMemberOf(db::Session& s, const RecordContext& c,
                       const std::optional<std::string>& user, const std::string& party_id,
                       const std::string& field) {
  if (!user) return OkStatus();
  auto member = MemberOf(s, c.membership.alliance_id, *user);
  if (!member) return Invalid(field, "is not a member of this alliance");
  if (member->organization_id != party_id) {
    return Invalid(field, "is not a member of the responsible party");
  }
  return OkStatus();
}

Status StartRecord(db::Session& s, const RecordContext& c, const auth::Principal& actor,
                   const records::CommonInput& in, records::RecordBase& r) {
  r.id = NewId();
  r.alliance_id = c.membership.alliance_id;
  r.party_id = in.party_id.value_or(c.membership.organization_id);
  r.visibility = in.visibility.value_or("alliance");
  r.readers = in.readers.value_or(std::vector<std::string>{});
  r.owner_organization_id = c.membership.organization_id;
  r.owner_user_id = actor.user_id;
  r.created_at = r.updated_at = NowText();
  NS_TRY(access::AuthorizeRecordCreate(c.membership, records::ScopeOf(r)));
  return CheckAccess(s, c, r);
}

Status StartChange(const RecordContext& c, const records::RecordBase& current, int64_t version) {
  NS_TRY(access::AuthorizeRecordChange(c.membership, records::ScopeOf(current)));
  if (current.version != version) return Stale();
  return OkStatus();
}

Status ApplyCommon(db::Session& s, const RecordContext& c, const records::CommonInput& in,
                   records::RecordBase& next) {
  if (in.party_id) next.party_id = *in.party_id;
  if (in.visibility) next.visibility = *in.visibility;
  if (in.readers) next.readers = *in.readers;
  if (next.visibility != "restricted" && !in.readers) next.readers.clear();
  next.updated_at = NowText();
  return CheckAccess(s, c, next);
}

void AuditRecord(db::Session& s, const std::string& actor_id, const records::RecordBase& r,
                 const std::string& type, const std::string& action, json::object changes,
                 const access::RecordScope& scope) {
  audit::Event e;
  e.actor_id = actor_id;
  e.alliance_id = r.alliance_id;
  e.record_type = type;
  e.record_id = r.id;
  e.action = action;
  e.changes = std::move(changes);
  e.scope = scope;
  audit::Record(s, e);
}

}  // namespace northstar::alliances
