// SQL for alliances, parties, members, stage history and notes. No access decisions here: the
// service asks the policy first, and list queries take the policy's SQL condition.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/alliances/model.hpp"
#include "platform/access/policy.hpp"
#include "platform/db/database.hpp"

namespace northstar::alliances::store {

struct AllianceFilter {
  std::optional<std::string> stage, type, party, query;
  std::optional<int64_t> tier;
  std::string archived = "false";  // "false" | "true" | "all"
  std::string sort = "name";       // name, -name, updated_at, -updated_at
  // Keyset position: the sort value and id of the last row of the previous page.
  std::optional<std::string> after_value, after_id;
};

struct ListedAlliance {
  Alliance alliance;
  std::string my_role, my_organization_id;
  Priority my_priority;  // the caller's party's own
  int64_t open_proposals = 0;
};

std::optional<Alliance> FindAlliance(db::Session& s, const std::string& id);
// The alliance with the caller's membership row (access::kMembershipJoin) in one query; nullopt
// when the alliance does not exist or the user is not a member.
struct AllianceWithMembership {
  Alliance alliance;
  access::JoinedMembership membership;
  Priority my_priority;  // the member's party's own
  int64_t open_proposals = 0;
};
std::optional<AllianceWithMembership> FindAllianceForMember(db::Session& s, const std::string& id,
                                                            const std::string& user_id);
std::vector<ListedAlliance> ListAlliances(db::Session& s, const std::string& user_id,
                                          const AllianceFilter& filter, int limit);
void InsertAlliance(db::Session& s, const Alliance& a);
// Updates the alliance's own columns and replaces its parties; false on a version mismatch.
bool UpdateAlliance(db::Session& s, const Alliance& a, int64_t expected_version);
std::vector<Party> LoadParties(db::Session& s, const std::string& alliance_id);
bool OrganizationExists(db::Session& s, const std::string& id);
std::optional<std::string> OrganizationName(db::Session& s, const std::string& id);
int64_t CountMembersOfParty(db::Session& s, const std::string& alliance_id,
                            const std::string& organization_id);

void InsertTransition(db::Session& s, const std::string& alliance_id, const StageTransition& t);
std::vector<StageTransition> ListTransitions(db::Session& s, const std::string& alliance_id);

std::vector<Member> ListMembers(db::Session& s, const std::string& alliance_id);
std::optional<Member> FindMember(db::Session& s, const std::string& alliance_id,
                                 const std::string& user_id);
void InsertMember(db::Session& s, const std::string& alliance_id, const Member& m,
                  const std::string& added_by);
bool UpdateMemberRole(db::Session& s, const std::string& alliance_id, const std::string& user_id,
                      const std::string& role, int64_t expected_version);
void DeleteMember(db::Session& s, const std::string& alliance_id, const std::string& user_id);
int64_t CountManagersOfParty(db::Session& s, const std::string& alliance_id,
                             const std::string& organization_id);

struct UserSummary {
  std::string id, organization_id, name, email;
  bool active;
};
std::optional<UserSummary> FindUser(db::Session& s, const std::string& id);

std::optional<Note> FindNote(db::Session& s, const std::string& alliance_id, const std::string& id);
// Notes the member may read, newest entry first; keyset by (entry_date, id).
std::vector<Note> ListNotes(db::Session& s, const access::Membership& member,
                            const std::optional<std::string>& visibility,
                            const std::optional<std::pair<std::string, std::string>>& after,
                            int limit);
void InsertNote(db::Session& s, const Note& n);
bool UpdateNote(db::Session& s, const Note& n, int64_t expected_version);
void DeleteNote(db::Session& s, const std::string& id);

// Each party's own tier and note for an alliance; the default when it never set one.
Priority FindPriority(db::Session& s, const std::string& alliance_id,
                      const std::string& organization_id);
void SavePriority(db::Session& s, const std::string& alliance_id,
                  const std::string& organization_id, const Priority& priority,
                  const std::string& user_id, const std::string& now);
int64_t CountOpenProposals(db::Session& s, const std::string& alliance_id);

// Proposals, with their organisation and proposer names and the decisions made so far.
void InsertProposal(db::Session& s, const Proposal& p);
std::optional<Proposal> FindProposal(db::Session& s, const std::string& alliance_id,
                                     const std::string& id);
// Newest first; `status` is "open", "closed" or "all"; keyset by (created_at, id).
std::vector<Proposal> ListProposals(db::Session& s, const std::string& alliance_id,
                                    const std::string& status,
                                    const std::optional<std::pair<std::string, std::string>>& after,
                                    int limit);
// Sets status and closed_at and moves the version on; false on a version mismatch.
bool UpdateProposal(db::Session& s, const Proposal& p, int64_t expected_version);
void InsertProposalDecision(db::Session& s, const std::string& proposal_id,
                            const ProposalDecision& d);

// Escapes LIKE wildcards in user text; use with ESCAPE '\'.
std::string LikePattern(const std::string& text);

}  // namespace northstar::alliances::store
