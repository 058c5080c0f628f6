#include "modules/agreements/records.hpp"

namespace northstar::agreements {
std::optional<std::string> StringField(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

json::object TermChangesJson(const TermChanges& t) {
  json::object o;
  if (t.expiry_on) o["expiry_on"] = *t.expiry_on;
  if (t.notice_period_days) o["notice_period_days"] = *t.notice_period_days;
  if (t.governing_law) o["governing_law"] = *t.governing_law;
  if (t.field) o["field"] = *t.field;
  if (t.territory) o["territory"] = *t.territory;
  if (t.exclusivity) o["exclusivity"] = *t.exclusivity;
  return o;
}

TermChanges TermChangesFromJson(const json::value& v) {
  TermChanges t;
  if (!v.is_object()) return t;
  const auto& o = v.as_object();
  t.expiry_on = StringField(o, "expiry_on");
  if (const auto* n = o.if_contains("notice_period_days"); n && n->is_int64()) {
    t.notice_period_days = n->as_int64();
  }
  t.governing_law = StringField(o, "governing_law");
  t.field = StringField(o, "field");
  t.territory = StringField(o, "territory");
  t.exclusivity = StringField(o, "exclusivity");
  return t;
}

json::array ObligationChangesJson(const std::vector<ObligationChange>& changes) {
  json::array a;
  for (const auto& c : changes) {
    a.push_back(json::object{{"obligation_id", c.obligation_id}, {"change", c.change}});
  }
  return a;
}

std::vector<ObligationChange> ObligationChangesFromJson(const json::value& v) {
  std::vector<ObligationChange> out;
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    out.push_back({StringField(x.as_object(), "obligation_id").value_or(""),
                   StringField(x.as_object(), "change").value_or("")});
  }
  return out;
}

}  // namespace northstar::agreements
