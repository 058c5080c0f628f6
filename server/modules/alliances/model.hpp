// Alliances: types, lifecycle rules and the pure checks on what a user submits. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/common/error.hpp"
#include "platform/common/json.hpp"

namespace northstar::alliances {

const std::vector<std::string_view>& AllianceTypes();
const std::vector<std::string_view>& PartyRoles();
const std::vector<std::string_view>& Stages();
inline constexpr int64_t kMinTier = 1;
inline constexpr int64_t kMaxTier = 3;

// The lifecycle of DESIGN.md section 3: forward through scouting → … → closed, a step back
// during the deal-making stages, wind-down or termination once the alliance runs.
std::vector<std::string_view> AllowedNextStages(std::string_view stage);
bool IsTransitionAllowed(std::string_view from, std::string_view to);
// Ok, or a 422 naming the allowed stages (and carrying them as "allowed" in the problem).
Status CheckTransition(std::string_view from, std::string_view to);

struct Party {
  std::string organization_id;
  std::string organization_name;  // filled when read
  std::string organization_type;  // filled when read
  std::string role;
  std::string contribution;
  std::string expected_value;
  bool has_manager = false;  // filled when read: the party has a manager in the alliance
};

// An alliance's health score: the overall score (0–100) of its latest closed alliance-wide health
// assessment, and of the one before for the trend (read from the health module's waves; none
// while hidden under the anonymity threshold).
struct HealthScore {
  std::string wave_id, wave_title, closed_on;
  std::optional<double> score, previous_score;
};

struct Alliance {
  std::string id, name, type;
  std::vector<std::string> therapeutic_areas;
  std::string territory;
  std::string description;
  std::string stage = "scouting";
  bool archived = false;
  std::string north_star_statement, north_star_beneficiaries;
  std::vector<Party> parties;
  std::optional<HealthScore> health;
  std::string created_by;
  int64_t version = 1;
  std::string created_at, updated_at;

  const Party* FindParty(std::string_view organization_id) const;
};

// Parties must be at least two distinct organisations and include the creator's own.
std::vector<FieldError> CheckParties(const std::vector<Party>& parties,
                                     const std::string& creator_organization_id);

// How much attention one party gives an alliance: its own judgement, read only by that party.
inline constexpr int64_t kDefaultTier = 2;
struct Priority {
  int64_t tier = kDefaultTier;
  std::string note;
};

// The fields of an alliance that belong to every party and change only by their consent. A
// field that is set is part of the snapshot; `parties` carries organisation, name and role.
struct SharedFields {
  std::optional<std::string> name, type, description, territory, statement, beneficiaries;
  std::optional<std::vector<std::string>> therapeutic_areas;
  std::optional<std::vector<Party>> parties;

  bool empty() const;
  // The API names of the fields that are set, in the order a person reads them.
  std::vector<std::string_view> FieldNames() const;
};

// A shared field's name as people read it in a sentence ("the North Star statement"), from the
// group "alliance.field" of docs/words.json.
std::string SharedFieldWords(std::string_view field);
// "A", "A and B", "A, B and C".
std::string JoinWords(const std::vector<std::string>& words);

// As stored and as the API shows them: {"name": "...", "therapeutic_areas": [...],
// "north_star.statement": "...", "parties": [{organization_id, organization_name, role}], ...}
// with only the fields that are set.
json::object SharedFieldsJson(const SharedFields& fields);
SharedFields SharedFieldsFromJson(const json::object& object);

// The shared fields that differ between two states of an alliance: as they were, as they become.
// Parties differ when the set of (organisation, role) differs; their order alone is no change.
std::pair<SharedFields, SharedFields> DiffShared(const Alliance& before, const Alliance& after);
// Whether every field set in `snapshot` still has that value in `a`.
bool StillMatches(const Alliance& a, const SharedFields& snapshot);
// Writes the set fields into `a`; parties that stay keep their contribution and expected value.
void ApplyShared(const SharedFields& fields, Alliance& a);
// Parties of `before` that `after` no longer has.
std::vector<Party> RemovedParties(const Alliance& before, const Alliance& after);

// Whose consent a change proposed by `proposer_organization_id` needs: every other party that has
// a manager in the alliance (a party nobody has joined yet cannot answer).
std::vector<std::string> ConsentingParties(const Alliance& a,
                                           const std::string& proposer_organization_id);
// Whether any party does (ConsentingParties is not empty).
bool NeedsConsent(const Alliance& a, const std::string& proposer_organization_id);

inline constexpr std::string_view kProposalOpen = "open";
inline constexpr std::string_view kProposalApplied = "applied";
inline constexpr std::string_view kProposalRejected = "rejected";
inline constexpr std::string_view kProposalWithdrawn = "withdrawn";
inline constexpr std::string_view kProposalSuperseded = "superseded";

struct ProposalDecision {
  std::string organization_id, organization_name, decision;  // "accepted" | "rejected"
  std::optional<std::string> reason;
  std::string decided_by, decided_by_name, decided_at;
};

// A proposed change to the shared fields of an alliance.
struct Proposal {
  std::string id, alliance_id, organization_id, organization_name, proposed_by, proposed_by_name;
  std::string reason, status = std::string(kProposalOpen), created_at;
  std::optional<std::string> closed_at;
  SharedFields before, after;
  std::vector<ProposalDecision> decisions;  // of the parties that decided so far
  int64_t version = 1;

  const ProposalDecision* DecisionOf(std::string_view organization_id) const;
};

// Where a proposal stands once `decisions` are in, given whose consent it needs: rejected when
// any party rejected, applied when every consenting party accepted, else open.
std::string_view OutcomeOf(const Proposal& p, const std::vector<std::string>& consenting);

struct Member {
  std::string user_id, name, email, organization_id, role;
  int64_t version = 1;
  std::string added_at;
};

struct StageTransition {
  std::string id;
  std::optional<std::string> from;
  std::string to, reason, actor_id, actor_name, at;
};

struct Note {
  std::string id, alliance_id, title, body, entry_date, visibility;
  std::string owner_organization_id, owner_organization_name, owner_user_id, author_name;
  std::vector<std::string> readers;
  int64_t version = 1;
  std::string created_at, updated_at;
};

}  // namespace northstar::alliances
