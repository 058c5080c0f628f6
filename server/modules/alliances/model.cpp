#include "modules/alliances/model.hpp"

#include <algorithm>
#include <map>

#include "platform/common/json.hpp"
#include "platform/common/words.hpp"

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

bool SharedFields::empty() const {
  return !name && !type && !description && !territory && !statement && !beneficiaries &&
         !therapeutic_areas && !parties;
}

std::vector<std::string_view> SharedFields::FieldNames() const {
  std::vector<std::string_view> out;
  if (name) out.emplace_back("name");
  if (type) out.emplace_back("type");
  if (description) out.emplace_back("description");
  if (territory) out.emplace_back("territory");
  if (therapeutic_areas) out.emplace_back("therapeutic_areas");
  if (statement) out.emplace_back("north_star.statement");
  if (beneficiaries) out.emplace_back("north_star.beneficiaries");
  if (parties) out.emplace_back("parties");
  return out;
}

std::string SharedFieldWords(std::string_view field) { return Word("alliance.field", field); }

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

json::object SharedFieldsJson(const SharedFields& f) {
  json::object out;
  if (f.name) out["name"] = *f.name;
  if (f.type) out["type"] = *f.type;
  if (f.description) out["description"] = *f.description;
  if (f.territory) out["territory"] = *f.territory;
  if (f.therapeutic_areas) out["therapeutic_areas"] = ToJsonArray(*f.therapeutic_areas);
  if (f.statement) out["north_star.statement"] = *f.statement;
  if (f.beneficiaries) out["north_star.beneficiaries"] = *f.beneficiaries;
  if (f.parties) {
    json::array parties;
    for (const auto& p : *f.parties) {
      parties.push_back({{"organization_id", p.organization_id},
                         {"organization_name", p.organization_name},
                         {"role", p.role}});
    }
    out["parties"] = std::move(parties);
  }
  return out;
}

SharedFields SharedFieldsFromJson(const json::object& o) {
  const auto text = [&](std::string_view key) -> std::optional<std::string> {
    const json::value* v = o.if_contains(key);
    if (!v || !v->is_string()) return std::nullopt;
    return std::string(v->as_string());
  };
  SharedFields f;
  f.name = text("name");
  f.type = text("type");
  f.description = text("description");
  f.territory = text("territory");
  f.statement = text("north_star.statement");
  f.beneficiaries = text("north_star.beneficiaries");
  if (const json::value* v = o.if_contains("therapeutic_areas"); v && v->is_array()) {
    f.therapeutic_areas.emplace();
    for (const auto& item : v->as_array()) {
      if (item.is_string()) f.therapeutic_areas->emplace_back(item.as_string());
    }
  }
  if (const json::value* v = o.if_contains("parties"); v && v->is_array()) {
    f.parties.emplace();
    for (const auto& item : v->as_array()) {
      if (!item.is_object()) continue;
      const auto& p = item.as_object();
      const auto field = [&](std::string_view key) {
        const json::value* x = p.if_contains(key);
        return x && x->is_string() ? std::string(x->as_string()) : std::string();
      };
      f.parties->push_back(
          {field("organization_id"), field("organization_name"), "", field("role"), "", ""});
    }
  }
  return f;
}

namespace {

std::vector<std::pair<std::string, std::string>> PartyKeys(const std::vector<Party>& parties) {
  std::vector<std::pair<std::string, std::string>> keys;
  keys.reserve(parties.size());
  for (const auto& p : parties) keys.emplace_back(p.organization_id, p.role);
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<Party> PartyNamesAndRoles(const std::vector<Party>& parties) {
  std::vector<Party> out;
  out.reserve(parties.size());
  for (const auto& p : parties) {
    out.push_back({p.organization_id, p.organization_name, p.organization_type, p.role, "", ""});
  }
  return out;
}

template <typename T>
void DiffField(const T& before, const T& after, std::optional<T>& out_before,
               std::optional<T>& out_after) {
  if (before == after) return;
  out_before = before;
  out_after = after;
}

}  // namespace

std::pair<SharedFields, SharedFields> DiffShared(const Alliance& before, const Alliance& after) {
  SharedFields b, a;
  DiffField(before.name, after.name, b.name, a.name);
  DiffField(before.type, after.type, b.type, a.type);
  DiffField(before.description, after.description, b.description, a.description);
  DiffField(before.territory, after.territory, b.territory, a.territory);
  DiffField(before.therapeutic_areas, after.therapeutic_areas, b.therapeutic_areas,
            a.therapeutic_areas);
  DiffField(before.north_star_statement, after.north_star_statement, b.statement, a.statement);
  DiffField(before.north_star_beneficiaries, after.north_star_beneficiaries, b.beneficiaries,
            a.beneficiaries);
  if (PartyKeys(before.parties) != PartyKeys(after.parties)) {
    b.parties = PartyNamesAndRoles(before.parties);
    a.parties = PartyNamesAndRoles(after.parties);
  }
  return {std::move(b), std::move(a)};
}

bool StillMatches(const Alliance& a, const SharedFields& f) {
  return (!f.name || *f.name == a.name) && (!f.type || *f.type == a.type) &&
         (!f.description || *f.description == a.description) &&
         (!f.territory || *f.territory == a.territory) &&
         (!f.therapeutic_areas || *f.therapeutic_areas == a.therapeutic_areas) &&
         (!f.statement || *f.statement == a.north_star_statement) &&
         (!f.beneficiaries || *f.beneficiaries == a.north_star_beneficiaries) &&
         (!f.parties || PartyKeys(*f.parties) == PartyKeys(a.parties));
}

void ApplyShared(const SharedFields& f, Alliance& a) {
  if (f.name) a.name = *f.name;
  if (f.type) a.type = *f.type;
  if (f.description) a.description = *f.description;
  if (f.territory) a.territory = *f.territory;
  if (f.therapeutic_areas) a.therapeutic_areas = *f.therapeutic_areas;
  if (f.statement) a.north_star_statement = *f.statement;
  if (f.beneficiaries) a.north_star_beneficiaries = *f.beneficiaries;
  if (f.parties) {
    std::vector<Party> next;
    for (Party p : *f.parties) {
      if (const Party* old = a.FindParty(p.organization_id)) {
        p.contribution = old->contribution;
        p.expected_value = old->expected_value;
        p.has_manager = old->has_manager;
      }
      next.push_back(std::move(p));
    }
    a.parties = std::move(next);
  }
}

std::vector<Party> RemovedParties(const Alliance& before, const Alliance& after) {
  std::vector<Party> out;
  for (const auto& p : before.parties) {
    if (!after.FindParty(p.organization_id)) out.push_back(p);
  }
  return out;
}

std::vector<std::string> ConsentingParties(const Alliance& a,
                                           const std::string& proposer_organization_id) {
  std::vector<std::string> out;
  for (const auto& p : a.parties) {
    if (p.has_manager && p.organization_id != proposer_organization_id) {
      out.push_back(p.organization_id);
    }
  }
  return out;
}

bool NeedsConsent(const Alliance& a, const std::string& proposer_organization_id) {
  return std::any_of(a.parties.begin(), a.parties.end(), [&](const Party& p) {
    return p.has_manager && p.organization_id != proposer_organization_id;
  });
}

const ProposalDecision* Proposal::DecisionOf(std::string_view organization_id) const {
  for (const auto& d : decisions) {
    if (d.organization_id == organization_id) return &d;
  }
  return nullptr;
}

std::string_view OutcomeOf(const Proposal& p, const std::vector<std::string>& consenting) {
  for (const auto& d : p.decisions) {
    if (d.decision == "rejected") return kProposalRejected;
  }
  for (const auto& org : consenting) {
    const ProposalDecision* d = p.DecisionOf(org);
    if (!d || d->decision != "accepted") return kProposalOpen;
  }
  return kProposalApplied;
}

}  // namespace northstar::alliances
