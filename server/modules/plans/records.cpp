#include "modules/plans/records.hpp"

namespace northstar::plans {

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
  // Written by ActivitiesToJson; anything else (a hand edit) is skipped, not a failed request.
  std::vector<Activity> out;
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  const auto text_of = [](const json::object& o, std::string_view key) -> std::optional<std::string> {
    const json::value* f = o.if_contains(key);
    if (!f || !f->is_string()) return std::nullopt;
    return std::string(f->as_string());
  };
  for (const auto& item : v.as_array()) {
    const json::object* o = item.if_object();
    if (!o) continue;
    auto id = text_of(*o, "id");
    auto name = text_of(*o, "name");
    const json::value* xs = o->if_contains("assignments");
    if (!id || !name || !xs || !xs->is_array()) continue;
    Activity a{*id, *name, {}};
    for (const auto& x : xs->as_array()) {
      const json::object* xo = x.if_object();
      if (!xo) continue;
      auto org = text_of(*xo, "organization_id");
      auto role = text_of(*xo, "role");
      if (!org || !role) continue;
      a.assignments.push_back({*org, text_of(*xo, "user_id"), *role});
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace northstar::plans
