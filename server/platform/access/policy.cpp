#include "platform/access/policy.hpp"

#include <algorithm>

#include "platform/common/json.hpp"

namespace northstar::access {
namespace {

constexpr char kMembershipSql[] =
    "SELECT m.organization_id, m.role FROM alliance_members m "
    "JOIN users u ON u.id = m.user_id "
    "WHERE m.alliance_id = :alliance AND m.user_id = :user AND u.active = 1";

bool CanWrite(AllianceRole role) {
  return role == AllianceRole::kManager || role == AllianceRole::kMember;
}

}  // namespace

const std::vector<std::string_view>& AllianceRoleNames() {
  static const std::vector<std::string_view> kNames = {"manager", "member", "viewer", "executive"};
  return kNames;
}

const std::vector<std::string_view>& VisibilityNames() {
  static const std::vector<std::string_view> kNames = {"alliance", "party", "restricted"};
  return kNames;
}

std::string_view ToString(AllianceRole role) {
  return AllianceRoleNames()[static_cast<size_t>(role)];
}

std::optional<AllianceRole> ParseAllianceRole(std::string_view text) {
  const auto& names = AllianceRoleNames();
  auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) return std::nullopt;
  return static_cast<AllianceRole>(it - names.begin());
}

std::string_view ToString(Visibility visibility) {
  return VisibilityNames()[static_cast<size_t>(visibility)];
}

std::optional<Visibility> ParseVisibility(std::string_view text) {
  const auto& names = VisibilityNames();
  auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) return std::nullopt;
  return static_cast<Visibility>(it - names.begin());
}

std::optional<Membership> FindMembership(db::Session& session, const std::string& alliance_id,
                                         const std::string& user_id) {
  db::Params p;
  p.Set("alliance", alliance_id).Set("user", user_id);
  auto row = session.QueryOne(kMembershipSql, p);
  if (!row) return std::nullopt;
  auto role = ParseAllianceRole(row->Str("role"));
  if (!role) return std::nullopt;
  return Membership{alliance_id, user_id, row->Str("organization_id"), *role};
}

JoinedMembership ReadJoinedMembership(const db::Row& row) {
  return {row.Str("acc_member_org"), row.Str("acc_member_role")};
}

Result<Membership> RequireMember(const std::string& alliance_id, const auth::Principal& principal,
                                 const std::optional<JoinedMembership>& joined) {
  const auto role = joined ? ParseAllianceRole(joined->role) : std::nullopt;
  if (!role) return NotFound("No alliance with this id is visible to you.");
  return Membership{alliance_id, principal.user_id, joined->organization_id, *role};
}

Result<Membership> RequireMember(db::Session& session, const std::string& alliance_id,
                                 const auth::Principal& principal) {
  auto membership = FindMembership(session, alliance_id, principal.user_id);
  if (!membership) return NotFound("No alliance with this id is visible to you.");
  return *membership;
}

Status Authorize(const Membership& member, AllianceAction action) {
  switch (action) {
    case AllianceAction::kRead:
      return OkStatus();
    case AllianceAction::kEdit:
    case AllianceAction::kMoveStage:
    case AllianceAction::kArchive:
    case AllianceAction::kManageOwnPartyMembers:
    case AllianceAction::kInvite:
    case AllianceAction::kCommitParty:
      if (member.role == AllianceRole::kManager) return OkStatus();
      return Forbidden("Only an alliance manager may do this; your role is " +
                       std::string(ToString(member.role)) + ".");
    case AllianceAction::kWriteRecords:
      if (CanWrite(member.role)) return OkStatus();
      return Forbidden("Your role (" + std::string(ToString(member.role)) +
                       ") can read this alliance but not add or change its records.");
  }
  return Forbidden("Not allowed.");
}

Status AuthorizeMemberChange(const Membership& member, const std::string& target_organization_id) {
  NS_TRY(Authorize(member, AllianceAction::kManageOwnPartyMembers));
  if (member.organization_id != target_organization_id) {
    return Forbidden("Managers change only the people of their own party.");
  }
  return OkStatus();
}

bool CanEditPartyWords(const Membership& member, const std::string& party_organization_id,
                       bool party_has_manager) {
  return member.role == AllianceRole::kManager &&
         (member.organization_id == party_organization_id || !party_has_manager);
}

Status AuthorizePartyWords(const Membership& member, const std::string& party_organization_id,
                           const std::string& party_name, bool party_has_manager) {
  NS_TRY(Authorize(member, AllianceAction::kEdit));
  if (CanEditPartyWords(member, party_organization_id, party_has_manager)) return OkStatus();
  return Forbidden("Only " + party_name +
                   "'s managers change its contribution and expected value.");
}

Status AuthorizeConsent(const Membership& member, const std::string& proposer_organization_id,
                        const std::vector<std::string>& consenting_parties) {
  NS_TRY(Authorize(member, AllianceAction::kCommitParty));
  if (member.organization_id == proposer_organization_id) {
    return Forbidden("Your party proposed this change; the other parties decide on it.");
  }
  if (std::find(consenting_parties.begin(), consenting_parties.end(), member.organization_id) ==
      consenting_parties.end()) {
    return Forbidden("This change does not wait for your party's decision.");
  }
  return OkStatus();
}

Status AuthorizeWithdrawal(const Membership& member, const std::string& proposer_organization_id) {
  NS_TRY(Authorize(member, AllianceAction::kEdit));
  if (member.organization_id != proposer_organization_id) {
    return Forbidden("Only the party that proposed a change may withdraw it.");
  }
  return OkStatus();
}

bool CanRead(const Membership& member, const RecordScope& scope) {
  switch (scope.visibility) {
    case Visibility::kAlliance:
      return true;
    case Visibility::kParty:
      return scope.owner_organization_id == member.organization_id;
    case Visibility::kRestricted:
      return scope.owner_user_id == member.user_id ||
             std::find(scope.readers.begin(), scope.readers.end(), member.user_id) !=
                 scope.readers.end();
  }
  return false;
}

RecordScope Intersect(const RecordScope& a, const RecordScope& b) {
  if (a.visibility == Visibility::kAlliance) return b;
  if (b.visibility == Visibility::kAlliance) return a;
  if (a.visibility == Visibility::kParty && b.visibility == Visibility::kParty) return a;
  RecordScope out = a.visibility == Visibility::kRestricted ? a : b;
  out.readers.clear();
  if (a.visibility == Visibility::kRestricted && b.visibility == Visibility::kRestricted) {
    for (const auto& r : a.readers) {
      if (std::find(b.readers.begin(), b.readers.end(), r) != b.readers.end()) {
        out.readers.push_back(r);
      }
    }
  }
  return out;
}

bool Covers(const RecordScope& outer, const RecordScope& inner) {
  switch (outer.visibility) {
    case Visibility::kAlliance:
      return true;
    case Visibility::kParty:
      return inner.visibility != Visibility::kAlliance &&
             inner.owner_organization_id == outer.owner_organization_id &&
             (inner.visibility == Visibility::kParty || inner.readers.empty());
    case Visibility::kRestricted: {
      if (inner.visibility != Visibility::kRestricted) return false;
      const auto reads = [&](const std::string& user) {
        return user == outer.owner_user_id ||
               std::find(outer.readers.begin(), outer.readers.end(), user) != outer.readers.end();
      };
      return reads(inner.owner_user_id) &&
             std::all_of(inner.readers.begin(), inner.readers.end(), reads);
    }
  }
  return false;
}

Status AuthorizeRead(const Membership& member, const RecordScope& scope) {
  if (!CanRead(member, scope)) return NotFound();
  return OkStatus();
}

Status AuthorizeRecordChange(const Membership& member, const RecordScope& scope) {
  NS_TRY(AuthorizeRead(member, scope));
  NS_TRY(Authorize(member, AllianceAction::kWriteRecords));
  if (scope.owner_user_id == member.user_id) return OkStatus();
  if (member.role == AllianceRole::kManager &&
      scope.owner_organization_id == member.organization_id) {
    return OkStatus();
  }
  return Forbidden("Only the author or a manager of the owning party may change this record.");
}

Status AuthorizeByRecordRole(const Membership& member, const RecordScope& scope, bool holds_role,
                             const std::string& role) {
  NS_TRY(AuthorizeRead(member, scope));
  if (!holds_role) return Forbidden("Only " + role + " may do this.");
  return OkStatus();
}

Status AuthorizeMinutesChange(const Membership& member, const RecordScope& meeting,
                              bool keeps_the_record) {
  NS_TRY(AuthorizeRead(member, meeting));
  if (keeps_the_record || AuthorizeRecordChange(member, meeting).ok()) return OkStatus();
  return Forbidden(
      "Only the committee's chair, co-chair or secretary, the meeting's author or a manager of "
      "its party may write its minutes and attendance.");
}

Status AuthorizeRecordCreate(const Membership& member, const RecordScope& scope) {
  NS_TRY(Authorize(member, AllianceAction::kWriteRecords));
  if (scope.owner_user_id != member.user_id ||
      scope.owner_organization_id != member.organization_id) {
    return Forbidden("Records are created in your own name and party.");
  }
  return OkStatus();
}

std::string VisibleRecordsSql(std::string_view alias) {
  const std::string a(alias);
  return "(" + a + ".visibility = 'alliance' OR (" + a + ".visibility = 'party' AND " + a +
         ".owner_organization_id = :acc_org) OR (" + a + ".visibility = 'restricted' AND (" + a +
         ".owner_user_id = :acc_user OR " + a + ".readers LIKE :acc_reader)))";
}

void BindVisibility(db::Params& params, const Membership& member) {
  params.Set("acc_org", member.organization_id)
      .Set("acc_user", member.user_id)
      .Set("acc_reader", "%\"" + member.user_id + "\"%");
}

std::string ReadersToJson(const std::vector<std::string>& readers) {
  return json::serialize(ToJsonArray(readers));
}

std::vector<std::string> ReadersFromJson(const std::string& text) {
  return StringsFromJsonText(text);
}

}  // namespace northstar::access
