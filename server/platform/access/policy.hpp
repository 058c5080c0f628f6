// The one visibility and permission policy of Northstar (DESIGN.md section 2). Every read, list,
// count and write of an alliance-scoped record goes through these functions; no handler decides
// access on its own.
//
// - A caller who is not a member of the alliance, or who may not read a record, gets NotFound:
//   never a 403, never a hint that the record exists.
// - A caller who may read but not change gets Forbidden.
// - Lists and counts use VisibleRecordsSql(), the same rule expressed in SQL.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/db/database.hpp"

namespace northstar::access {

enum class AllianceRole { kManager, kMember, kViewer, kExecutive };
enum class Visibility { kAlliance, kParty, kRestricted };

std::string_view ToString(AllianceRole role);
std::optional<AllianceRole> ParseAllianceRole(std::string_view text);
std::string_view ToString(Visibility visibility);
std::optional<Visibility> ParseVisibility(std::string_view text);
const std::vector<std::string_view>& AllianceRoleNames();
const std::vector<std::string_view>& VisibilityNames();

// The caller's standing in one alliance.
struct Membership {
  std::string alliance_id;
  std::string user_id;
  std::string organization_id;  // the caller's party
  AllianceRole role = AllianceRole::kViewer;
};

// Who may read a record: its visibility, the owning party and user, and for restricted records
// the users named besides the owner.
struct RecordScope {
  Visibility visibility = Visibility::kAlliance;
  std::string owner_organization_id;
  std::string owner_user_id;
  std::vector<std::string> readers;
};

enum class AllianceAction {
  kRead,                   // the alliance, its members, its stage history
  kEdit,                   // own party's words and tier; propose changes to the shared fields
  kMoveStage,              // lifecycle transitions
  kArchive,                // archive and restore
  kManageOwnPartyMembers,  // add, change, remove people of the caller's own party
  kInvite,                 // invite people of any party
  kWriteRecords,           // create journal entries and other alliance records
  kCommitParty,            // re-baseline a plan, approve or reject for one's party (managers)
};

// Looks up the caller's membership; NotFound when there is none (or the alliance does not exist).
Result<Membership> RequireMember(db::Session& session, const std::string& alliance_id,
                                 const auth::Principal& principal);
std::optional<Membership> FindMembership(db::Session& session, const std::string& alliance_id,
                                         const std::string& user_id);
// The caller's membership read in the same query as the record: add kMembershipColumns to the
// select list and kMembershipJoin after `FROM alliances a`, bind :acc_member_user to the user.
inline constexpr char kMembershipJoin[] =
    " JOIN alliance_members acc_m ON acc_m.alliance_id = a.id AND acc_m.user_id = :acc_member_user"
    " JOIN users acc_u ON acc_u.id = acc_m.user_id AND acc_u.active = 1";
inline constexpr char kMembershipColumns[] =
    ", acc_m.organization_id AS acc_member_org, acc_m.role AS acc_member_role";
struct JoinedMembership {
  std::string organization_id;
  std::string role;
};
JoinedMembership ReadJoinedMembership(const db::Row& row);
// The decision of RequireMember above from a joined row; nullopt when the query found none.
Result<Membership> RequireMember(const std::string& alliance_id, const auth::Principal& principal,
                                 const std::optional<JoinedMembership>& joined);

// Alliance-level permission: Forbidden (the alliance is visible to a member) with a reason.
Status Authorize(const Membership& member, AllianceAction action);
// Member-management permission for a member of `target_organization_id`.
Status AuthorizeMemberChange(const Membership& member, const std::string& target_organization_id);

// Change control between the parties of an alliance (DESIGN.md section 2, issue 13):
// - A party's own words in the alliance (its contribution and expected value) are changed by its
//   managers, or by any manager of the alliance while that party has no manager in it (so that an
//   alliance can be set up before the partner joins).
Status AuthorizePartyWords(const Membership& member, const std::string& party_organization_id,
                           const std::string& party_name, bool party_has_manager);
// The same decision without the reason, for showing what the caller may edit.
bool CanEditPartyWords(const Membership& member, const std::string& party_organization_id,
                       bool party_has_manager);
// - The shared fields change directly only while no other party must consent; otherwise a manager
//   proposes the change (kEdit) and a manager of each consenting party decides it for that party.
Status AuthorizeConsent(const Membership& member, const std::string& proposer_organization_id,
                        const std::vector<std::string>& consenting_parties);
// - A proposal is withdrawn by a manager of the party that proposed it.
Status AuthorizeWithdrawal(const Membership& member, const std::string& proposer_organization_id);

bool CanRead(const Membership& member, const RecordScope& scope);
// Who may read both: for an audit event about a change that moved a record from one scope to
// another, so that nobody reads content they could not read before or after. Without knowing
// the readers' organisations, `party` ∩ `restricted` keeps only the owner.
RecordScope Intersect(const RecordScope& a, const RecordScope& b);
// Whether everyone who may read `inner` may also read `outer` (conservatively: false when it
// cannot be decided from the scopes alone).
bool Covers(const RecordScope& outer, const RecordScope& inner);
// NotFound when the record is not readable.
Status AuthorizeRead(const Membership& member, const RecordScope& scope);
// Changing or deleting a record: it must be readable (else NotFound), the caller must be allowed
// to write records, and be its owner or a manager of the owning party (else Forbidden).
Status AuthorizeRecordChange(const Membership& member, const RecordScope& scope);
// Acting on a record by a role the record's own rules give (a committee's voting member votes,
// its chair or secretary reviews minutes): the record must be readable (else NotFound), and the
// caller must hold that role (else Forbidden, naming `role`), whatever their alliance role.
Status AuthorizeByRecordRole(const Membership& member, const RecordScope& scope, bool holds_role,
                             const std::string& role);
// Writing a meeting's minutes and attendance: whoever may change the meeting, and the holders of
// the roles that keep a committee's record (its chair, co-chair and secretary, of any party),
// whatever their alliance role. NotFound when the meeting is not readable.
Status AuthorizeMinutesChange(const Membership& member, const RecordScope& meeting,
                              bool keeps_the_record);
// Creating a record with `scope`: the owner must be the caller and readers members.
Status AuthorizeRecordCreate(const Membership& member, const RecordScope& scope);

// A SQL condition, true for rows the member may read, for tables with the standard access
// columns (visibility, owner_organization_id, owner_user_id, readers). `alias` is the table's
// alias in the query ("n" gives "n.visibility"); binds :acc_org, :acc_user, :acc_reader.
std::string VisibleRecordsSql(std::string_view alias);
void BindVisibility(db::Params& params, const Membership& member);

// Readers as stored in the `readers` column (a JSON array of user ids) and back.
std::string ReadersToJson(const std::vector<std::string>& readers);
std::vector<std::string> ReadersFromJson(const std::string& text);

}  // namespace northstar::access
