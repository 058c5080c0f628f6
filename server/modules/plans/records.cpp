#include "modules/plans/records.hpp"

namespace northstar::plans {

access::RecordScope ScopeOf(const RecordBase& r) {
  return access::RecordScope{access::ParseVisibility(r.visibility).value_or(access::Visibility::kParty),
                             r.owner_organization_id, r.owner_user_id, r.readers};
}

std::string ActivitiesToJson(const std::vector<Activity>& activities) {
  json::array out;
  for (const auto& a : activities) {
    json::array assignments;
    for (const auto& x : a.assignments) {
      assignments.push_back({{"organization_id", x.organization_id},
                             {"user_id", x.user_id ? json::value(*x.user_id) : json::value(nullptr)},
                             {"role", x.role}});
    }
    out.push_back({{"id", a.id}, {"name", a.name}, {"assignments", std::move(assignments)}});
  }
  return Serialize(out);
}

std::vector<Activity> ActivitiesFromJson(const std::string& text) {
  std::vector<Activity> out;
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    const auto& o = item.as_object();
    Activity a{json::value_to<std::string>(o.at("id")), json::value_to<std::string>(o.at("name")),
               {}};
    for (const auto& x : o.at("assignments").as_array()) {
      const auto& xo = x.as_object();
      Assignment assignment{json::value_to<std::string>(xo.at("organization_id")), std::nullopt,
                            json::value_to<std::string>(xo.at("role"))};
      if (xo.at("user_id").is_string()) {
        assignment.user_id = json::value_to<std::string>(xo.at("user_id"));
      }
      a.assignments.push_back(std::move(assignment));
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace northstar::plans
