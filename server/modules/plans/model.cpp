#include "modules/plans/model.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "platform/common/date.hpp"

namespace northstar::plans {
namespace {

bool SetTo(const std::optional<std::string>& set, std::initializer_list<std::string_view> any) {
  return set && std::find(any.begin(), any.end(), *set) != any.end();
}

// The status from rules 1-6 and whether the dates (not a person) decided it.
std::pair<std::string, bool> Decide(const StatusFacts& f, std::string_view today) {
  if (SetTo(f.status_set, {"achieved", "missed", "cancelled", "at_risk", "late"})) {
    return {*f.status_set, false};
  }
  if (f.actual_date) return {"achieved", true};
  if (f.forecast_date < today) return {"late", true};
  if (SetTo(f.status_set, {"planned", "on_track"})) return {*f.status_set, false};
  const bool blocked = std::any_of(f.open_dependency_dates.begin(), f.open_dependency_dates.end(),
                                   [&](const std::string& d) { return d > f.forecast_date; });
  if (f.forecast_date > f.planned_date || blocked) return {"at_risk", true};
  if (Date::FromText(today).DaysUntil(Date::FromText(f.forecast_date)) <= kOnTrackHorizonDays) {
    return {"on_track", true};
  }
  return {"planned", true};
}

}  // namespace

std::string MilestoneStatus(const StatusFacts& facts, std::string_view today) {
  return Decide(facts, today).first;
}

bool IsDerived(const StatusFacts& facts, std::string_view today) {
  return Decide(facts, today).second;
}

int64_t SlipDays(std::string_view baseline, std::string_view forecast,
                 const std::optional<std::string>& actual) {
  const Date reached = Date::FromText(actual ? std::string_view(*actual) : forecast);
  return Date::FromText(baseline).DaysUntil(reached);
}

std::optional<std::vector<std::string>> FindCycle(const DependencyGraph& graph,
                                                  const std::string& start) {
  std::vector<std::string> path{start};
  // Explored, or on the current path: either way not a way back to `start` from here.
  std::set<std::string> seen{start};
  std::function<bool(const std::string&)> visit = [&](const std::string& node) {
    auto it = graph.find(node);
    if (it == graph.end()) return false;
    for (const auto& next : it->second) {
      path.push_back(next);
      if (next == start) return true;
      if (seen.insert(next).second && visit(next)) return true;
      path.pop_back();
    }
    return false;
  };
  if (visit(start)) return path;
  return std::nullopt;
}

std::vector<std::string> CriticalPath(const std::vector<PathNode>& nodes) {
  std::map<std::string, const PathNode*> by_id;
  const PathNode* last = nullptr;
  for (const auto& n : nodes) {
    if (n.cancelled) continue;
    by_id[n.id] = &n;
    if (!last || n.date > last->date) last = &n;
  }
  std::vector<std::string> chain;
  std::set<std::string> seen;
  for (const PathNode* at = last; at && seen.insert(at->id).second;) {
    chain.push_back(at->id);
    const PathNode* binding = nullptr;
    for (const auto& dep : at->depends_on) {
      auto it = by_id.find(dep);
      if (it != by_id.end() && (!binding || it->second->date > binding->date)) {
        binding = it->second;
      }
    }
    at = binding;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::string KpiStatus(const KpiRule& rule, std::optional<double> latest) {
  if (!latest) return "no_data";
  // "At least as good as x": on the better side of x, or equal.
  const auto meets = [&](double x) { return rule.higher_is_better ? *latest >= x : *latest <= x; };
  if (meets(rule.target)) return "green";
  if (rule.red_threshold) {
    const bool at_or_beyond_red =
        rule.higher_is_better ? *latest <= *rule.red_threshold : *latest >= *rule.red_threshold;
    return at_or_beyond_red ? "red" : "amber";
  }
  if (rule.amber_threshold) return meets(*rule.amber_threshold) ? "amber" : "red";
  return "red";
}

std::optional<ThresholdProblem> CheckThresholds(const KpiRule& rule) {
  // Each threshold must be on the worse side of the one before it.
  const auto not_better = [&](double worse, double better) {
    return rule.higher_is_better ? worse <= better : worse >= better;
  };
  const std::string order = rule.higher_is_better ? "red ≤ amber ≤ target" : "red ≥ amber ≥ target";
  if (rule.amber_threshold && !not_better(*rule.amber_threshold, rule.target)) {
    return ThresholdProblem{"amber_threshold",
                            "must not be better than the target (" + order + ")"};
  }
  if (rule.red_threshold && !not_better(*rule.red_threshold, rule.target)) {
    return ThresholdProblem{"red_threshold", "must not be better than the target (" + order + ")"};
  }
  if (rule.red_threshold && rule.amber_threshold &&
      !not_better(*rule.red_threshold, *rule.amber_threshold)) {
    return ThresholdProblem{"red_threshold",
                            "must not be better than the amber threshold (" + order + ")"};
  }
  return std::nullopt;
}

std::optional<std::string> CheckAccountable(const std::vector<std::string>& roles) {
  const auto n = std::count(roles.begin(), roles.end(), "A");
  if (n == 1) return std::nullopt;
  return "needs exactly one Accountable (A); found " + std::to_string(n);
}

std::string ApprovalState(const std::vector<std::string>& decisions) {
  if (std::find(decisions.begin(), decisions.end(), "rejected") != decisions.end()) {
    return "rejected";
  }
  const bool all = !decisions.empty() && std::all_of(decisions.begin(), decisions.end(),
                                                     [](const auto& d) { return d == "approved"; });
  return all ? "cleared" : "pending";
}

bool IsCurrencyCode(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// ---- the records --------------------------------------------------------------------------------

std::string ActivitiesToJson(const std::vector<Activity>& activities) {
  json::array out;
  for (const auto& a : activities) {
    json::array assignments;
    for (const auto& x : a.assignments) {
      assignments.push_back(
          {{"organization_id", x.organization_id},
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
  const auto text_of = [](const json::object& o,
                          std::string_view key) -> std::optional<std::string> {
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
