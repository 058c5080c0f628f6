// Alliances: types, lifecycle rules and the pure checks on what a user submits. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/common/error.hpp"

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
};

struct Alliance {
  std::string id, name, type;
  std::vector<std::string> therapeutic_areas;
  std::string territory;
  int64_t tier = 2;
  std::string description;
  std::string stage = "scouting";
  bool archived = false;
  std::string north_star_statement, north_star_beneficiaries;
  std::vector<Party> parties;
  std::string created_by;
  int64_t version = 1;
  std::string created_at, updated_at;

  const Party* FindParty(std::string_view organization_id) const;
};

// Parties must be at least two distinct organisations and include the creator's own.
std::vector<FieldError> CheckParties(const std::vector<Party>& parties,
                                     const std::string& creator_organization_id);

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
