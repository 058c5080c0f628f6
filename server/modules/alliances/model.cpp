#include "modules/alliances/model.hpp"

#include <algorithm>
#include <map>

#include "platform/common/json.hpp"

namespace northstar::alliances {

const std::vector<std::string_view>& AllianceTypes() {
  static const std::vector<std::string_view> kTypes = {"research_collaboration",
                                                       "co_development",
                                                       "co_commercialization",
                                                       "in_licensing",
                                                       "out_licensing",
                                                       "data_sharing",
                                                       "platform_subscription",
                                                       "service",
                                                       "public_private_partnership",
                                                       "consortium",
                                                       "joint_venture"};
  return kTypes;
}

const std::vector<std::string_view>& PartyRoles() {
  static const std::vector<std::string_view> kRoles = {
      "licensor", "licensee", "co_developer", "lead", "member", "funder", "observer"};
  return kRoles;
}

const std::vector<std::string_view>& Stages() {
  static const std::vector<std::string_view> kStages = {
      "scouting",  "evaluation", "due_diligence", "negotiation", "startup",
      "execution", "renewal",    "wind_down",     "closed",      "terminated"};
  return kStages;
}

std::vector<std::string_view> AllowedNextStages(std::string_view stage) {
  static const std::map<std::string_view, std::vector<std::string_view>> kNext = {
      {"scouting", {"evaluation", "closed"}},
      {"evaluation", {"due_diligence", "scouting", "closed"}},
      {"due_diligence", {"negotiation", "evaluation", "closed"}},
      {"negotiation", {"startup", "due_diligence", "closed"}},
      {"startup", {"execution", "terminated"}},
      {"execution", {"renewal", "wind_down", "terminated"}},
      {"renewal", {"execution", "wind_down", "terminated"}},
      {"wind_down", {"closed", "terminated"}},
      {"closed", {}},
      {"terminated", {}},
  };
  auto it = kNext.find(stage);
  return it == kNext.end() ? std::vector<std::string_view>{} : it->second;
}

bool IsTransitionAllowed(std::string_view from, std::string_view to) {
  const auto next = AllowedNextStages(from);
  return std::find(next.begin(), next.end(), to) != next.end();
}

Status CheckTransition(std::string_view from, std::string_view to) {
  if (IsTransitionAllowed(from, to)) return OkStatus();
  const auto next = AllowedNextStages(from);
  std::string list;
  json::array allowed;
  for (auto s : next) {
    list += (list.empty() ? "" : ", ") + std::string(s);
    allowed.emplace_back(s);
  }
  Error e = Invalid(
      "to", next.empty() ? "the alliance is " + std::string(from) + "; no further stage is possible"
                         : "cannot move from " + std::string(from) + " to " + std::string(to) +
                               "; allowed: " + list);
  e.extra_json = json::serialize(json::object{{"allowed", allowed}});
  return e;
}

const Party* Alliance::FindParty(std::string_view organization_id) const {
  for (const auto& p : parties) {
    if (p.organization_id == organization_id) return &p;
  }
  return nullptr;
}

std::vector<FieldError> CheckParties(const std::vector<Party>& parties,
                                     const std::string& creator_organization_id) {
  std::vector<FieldError> errors;
  std::vector<std::string> seen;
  for (size_t i = 0; i < parties.size(); ++i) {
    if (std::find(seen.begin(), seen.end(), parties[i].organization_id) != seen.end()) {
      errors.push_back({"parties[" + std::to_string(i) + "].organization_id",
                        "names an organisation that is already a party"});
      continue;
    }
    seen.push_back(parties[i].organization_id);
  }
  if (seen.size() < 2) {
    errors.push_back({"parties", "an alliance needs at least two parties"});
  }
  if (std::find(seen.begin(), seen.end(), creator_organization_id) == seen.end()) {
    errors.push_back({"parties", "must include your own organisation"});
  }
  return errors;
}

}  // namespace northstar::alliances
