#include "modules/plans/routes.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "modules/alliances/record_steps.hpp"
#include "modules/plans/model.hpp"
#include "platform/common/ids.hpp"
#include "platform/http/collection.hpp"
#include "platform/http/request_helpers.hpp"

namespace northstar::plans {
namespace {

using alliances::AnswerJson;
using alliances::AnswerVersion;
using http::RequestContext;
using http::Response;
constexpr auto kRequired = Presence::kRequired;
constexpr auto kOptional = Presence::kOptional;
constexpr size_t kNameMax = 200, kTextMax = 5000, kReasonMax = 500, kNoteMax = 1000;
constexpr size_t kMaxActivities = 100, kMaxAssignments = 50, kMaxDependencies = 50;

// ---- reading bodies -----------------------------------------------------------------------

using alliances::PartyName;
using records::ReadCommon;
using records::ReadNullable;

Result<ObjectiveInput> ReadObjective(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  ObjectiveInput o;
  ReadCommon(in, o);
  o.title = in.String("title", core, kNameMax, 1);
  o.description = in.String("description", kOptional, kTextMax);
  o.horizon = in.Enum("horizon", core, kHorizons);
  o.status = in.Enum("status", kOptional, kObjectiveStatuses);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return o;
}

std::optional<Payment> ReadPayment(InputReader& in) {
  const json::object* p = in.Object("payment", kOptional);
  if (!p) return std::nullopt;
  InputReader r(*p, "payment");
  Payment out;
  auto amount = r.Integer("amount_minor", kRequired, 1, INT64_MAX);
  auto currency = r.String("currency", kRequired, 3, 3);
  auto payer = r.Id("payer_party_id", kRequired);
  auto payee = r.Id("payee_party_id", kRequired);
  if (currency && !IsCurrencyCode(*currency)) {
    r.AddError("currency", "must be an ISO 4217 code of three upper-case letters, e.g. EUR");
  }
  auto errors = r.Finish();
  const bool ok = errors.empty();
  in.Merge(std::move(errors));
  if (!ok) return std::nullopt;
  return Payment{*amount, *currency, *payer, *payee};
}

Result<MilestoneInput> ReadMilestone(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  MilestoneInput m;
  ReadCommon(in, m);
  m.objective_id = in.Id("objective_id", core);
  m.title = in.String("title", core, kNameMax, 1);
  m.description = in.String("description", kOptional, kTextMax);
  m.kind = in.Enum("kind", core, kMilestoneKinds);
  if (creating) {
    m.planned_date = in.Date("planned_date", kRequired);
  } else {
    for (const char* fixed : {"planned_date", "original_date"}) {
      if (in.Has(fixed)) {
        in.String(fixed, kOptional, 10);
        in.AddError(fixed, "changes only by re-baselining (POST …/rebaseline)");
      }
    }
  }
  m.forecast_date = in.Date("forecast_date", kOptional);
  m.responsible_user_id = ReadNullable<std::string>(
      in, "responsible_user_id", [&] { return in.Id("responsible_user_id", kOptional); });
  m.actual_date = ReadNullable<std::string>(in, "actual_date",
                                            [&] { return in.Date("actual_date", kOptional); });
  m.status = ReadNullable<std::string>(
      in, "status", [&] { return in.Enum("status", kOptional, kMilestoneStatuses); });
  m.depends_on = in.StringArray("depends_on", kOptional, kMaxDependencies, 36);
  if (m.depends_on) {
    for (size_t i = 0; i < m.depends_on->size(); ++i) {
      if (!IsValidId((*m.depends_on)[i])) {
        in.AddError("depends_on[" + std::to_string(i) + "]", "must be an id");
      }
    }
    std::vector<std::string> sorted = *m.depends_on;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
      in.AddError("depends_on", "lists a milestone twice");
    }
  }
  m.early_win = in.Bool("early_win", kOptional);
  m.payment = ReadNullable<Payment>(in, "payment", [&] { return ReadPayment(in); });
  m.reason = in.String("reason", kOptional, kReasonMax);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return m;
}

Result<KpiInput> ReadKpi(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  KpiInput k;
  ReadCommon(in, k);
  k.name = in.String("name", core, kNameMax, 1);
  k.description = in.String("description", kOptional, kTextMax);
  k.unit = in.String("unit", core, kNameMax, 1);
  k.direction = in.Enum("direction", core, kDirections);
  k.indicator = in.Enum("indicator", core, kIndicators);
  k.cadence = in.Enum("cadence", core, kKpiCadences);
  k.data_source = in.String("data_source", kOptional, kNameMax);
  k.target = in.Number("target", core);
  k.amber_threshold = ReadNullable<double>(in, "amber_threshold",
                                           [&] { return in.Number("amber_threshold", kOptional); });
  k.red_threshold = ReadNullable<double>(in, "red_threshold",
                                         [&] { return in.Number("red_threshold", kOptional); });
  k.responsible_user_id = ReadNullable<std::string>(
      in, "responsible_user_id", [&] { return in.Id("responsible_user_id", kOptional); });
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return k;
}

Result<KpiValueInput> ReadKpiValue(const json::object& body) {
  InputReader in(body);
  auto measured_on = in.Date("measured_on", kRequired);
  auto value = in.Number("value", kRequired);
  auto note = in.String("note", kOptional, kNoteMax);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return KpiValueInput{*measured_on, *value, note.value_or("")};
}

std::optional<std::vector<Activity>> ReadActivities(InputReader& in) {
  const json::array* list = in.Array("activities", kOptional, kMaxActivities);
  if (!list) return std::nullopt;
  std::vector<Activity> out;
  bool ok = true;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string path = "activities[" + std::to_string(i) + "]";
    if (!(*list)[i].is_object()) {
      in.AddError(path, "must be an object");
      ok = false;
      continue;
    }
    InputReader a((*list)[i].as_object(), path);
    Activity activity;
    activity.id = a.Id("id", kOptional).value_or("");
    activity.name = a.String("name", kRequired, kNameMax, 1).value_or("");
    if (const json::array* xs = a.Array("assignments", kRequired, kMaxAssignments)) {
      for (size_t j = 0; j < xs->size(); ++j) {
        const std::string at = path + ".assignments[" + std::to_string(j) + "]";
        if (!(*xs)[j].is_object()) {
          in.AddError(at, "must be an object");
          ok = false;
          continue;
        }
        InputReader x((*xs)[j].as_object(), at);
        auto org = x.Id("organization_id", kRequired);
        auto user = x.Id("user_id", kOptional);
        auto role = x.Enum("role", kRequired, kRaciRoles);
        auto errors = x.Finish();
        if (errors.empty()) activity.assignments.push_back({*org, user, *role});
        ok = ok && errors.empty();
        in.Merge(std::move(errors));
      }
    }
    auto errors = a.Finish();
    ok = ok && errors.empty();
    in.Merge(std::move(errors));
    out.push_back(std::move(activity));
  }
  if (!ok) return std::nullopt;
  return out;
}

Result<WorkstreamInput> ReadWorkstream(const json::object& body, bool creating) {
  InputReader in(body);
  WorkstreamInput w;
  ReadCommon(in, w);
  w.name = in.String("name", creating ? kRequired : kOptional, kNameMax, 1);
  w.description = in.String("description", kOptional, kTextMax);
  w.activities = ReadActivities(in);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return w;
}

std::vector<std::string_view> AllCommunicationKinds() {
  std::vector<std::string_view> all = kChannelKinds;
  all.insert(all.end(), kExternalKinds.begin(), kExternalKinds.end());
  return all;
}

Result<CommunicationInput> ReadCommunication(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  CommunicationInput c;
  ReadCommon(in, c);
  c.category = in.Enum("category", core, kCommunicationCategories);
  c.kind = in.Enum("kind", core, AllCommunicationKinds());
  c.title = in.String("title", core, kNameMax, 1);
  c.description = in.String("description", kOptional, kTextMax);
  c.audience = in.String("audience", kOptional, kNameMax);
  c.cadence = ReadNullable<std::string>(
      in, "cadence", [&] { return in.Enum("cadence", kOptional, kChannelCadences); });
  c.planned_date = ReadNullable<std::string>(in, "planned_date",
                                             [&] { return in.Date("planned_date", kOptional); });
  c.responsible_user_id = ReadNullable<std::string>(
      in, "responsible_user_id", [&] { return in.Id("responsible_user_id", kOptional); });
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return c;
}

// ---- writing JSON -------------------------------------------------------------------------

json::object ObjectiveJson(const Objective& o) { return records::Json(o); }

json::array PushedByJson(const MilestoneView& v) {
  json::array out;
  for (const auto& p : v.pushed_by) {
    out.push_back({{"milestone_id", p.milestone_id},
                   {"title", p.title},
                   {"date", p.date},
                   {"days_later", p.days_later}});
  }
  return out;
}

int64_t MilestoneVersion(const MilestoneView& v) { return v.milestone.version; }

json::object MilestoneJson(const PlanContext& c, const MilestoneView& v) {
  const Milestone& m = v.milestone;
  json::value payment = nullptr;
  if (m.payment) {
    payment = {{"amount_minor", m.payment->amount_minor},
               {"currency", m.payment->currency},
               {"payer_party_id", m.payment->payer_party_id},
               {"payer_party_name", PartyName(c, m.payment->payer_party_id)},
               {"payee_party_id", m.payment->payee_party_id},
               {"payee_party_name", PartyName(c, m.payment->payee_party_id)}};
  }
  return records::Json(m, {{"objective_title", OptionalJson(m.objective_title)},
                           {"responsible_user_name", OptionalJson(m.responsible_user_name)},
                           {"slip_days", v.slip_days},
                           {"total_slip_days", v.total_slip_days},
                           {"status", v.status},
                           {"status_derived", v.status_derived},
                           {"depends_on", ToJsonArray(v.visible_depends_on)},
                           {"days_late", v.days_late},
                           {"pushed_by", PushedByJson(v)},
                           {"payment", std::move(payment)}});
}

json::object ValueJson(const KpiValue& v) {
  return {{"id", v.id},
          {"measured_on", v.measured_on},
          {"value", v.value},
          {"note", v.note},
          {"entered_by", v.entered_by},
          {"entered_by_name", v.entered_by_name},
          {"created_at", v.created_at}};
}

// The latest value: the latest day measured, then the latest entered (the list's order).
std::string KpiStatusOf(const Kpi& k) {
  const std::optional<double> latest =
      k.values.empty() ? std::nullopt : std::optional(k.values.back().value);
  return KpiStatus(RuleOf(k), latest);
}

json::object KpiJson(const Kpi& k) {
  json::array values;
  for (const auto& v : k.values) values.push_back(ValueJson(v));
  json::value latest = nullptr;
  if (!k.values.empty()) {
    latest = {{"measured_on", k.values.back().measured_on}, {"value", k.values.back().value}};
  }
  return records::Json(k, {{"responsible_user_name", OptionalJson(k.responsible_user_name)},
                           {"latest", std::move(latest)},
                           {"status", KpiStatusOf(k)},
                           {"values", std::move(values)}});
}

json::object WorkstreamJson(const PlanContext& c, const Workstream& w) {
  json::array activities;
  for (const auto& a : w.activities) {
    json::array assignments;
    for (const auto& x : a.assignments) {
      json::value user_name = nullptr;
      if (x.user_id) {
        auto it = c.people.find(*x.user_id);
        user_name = it == c.people.end() ? json::value(nullptr) : json::value(it->second);
      }
      assignments.push_back({{"organization_id", x.organization_id},
                             {"organization_name", PartyName(c, x.organization_id)},
                             {"user_id", OptionalJson(x.user_id)},
                             {"user_name", std::move(user_name)},
                             {"role", x.role}});
    }
    activities.push_back({{"id", a.id}, {"name", a.name}, {"assignments", std::move(assignments)}});
  }
  return records::Json(w, {{"activities", std::move(activities)}});
}

json::object CommunicationJson(const PlanContext& c, const Communication& m) {
  json::array approvals;
  if (m.category == "external") {
    for (const auto& p : c.parties) {
      auto it = std::find_if(m.decisions.begin(), m.decisions.end(), [&](const Decision& d) {
        return d.organization_id == p.organization_id;
      });
      const bool decided = it != m.decisions.end();
      approvals.push_back(
          {{"organization_id", p.organization_id},
           {"organization_name", p.organization_name},
           {"decision", decided ? it->decision : "pending"},
           {"reason", decided ? OptionalJson(it->reason) : json::value(nullptr)},
           {"decided_by", decided ? json::value(it->decided_by) : nullptr},
           {"decided_by_name", decided ? json::value(it->decided_by_name) : nullptr},
           {"decided_at", decided ? json::value(it->decided_at) : nullptr}});
    }
  }
  return records::Json(m, {{"responsible_user_name", OptionalJson(m.responsible_user_name)},
                           {"approval_state", OptionalJson(CommunicationState(m, c.parties))},
                           {"approvals", std::move(approvals)}});
}

using http::Filter;
using http::Filtered;
using http::One;
using http::Paged;

const std::vector<std::string> kByCreation = {"created_at"};

// ---- handlers -----------------------------------------------------------------------------

Result<Response> GetPlan(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(PlanView plan, svc.Plan(ctx.user(), ctx.Param("id")));
  json::array objectives, milestones;
  for (const auto& o : plan.objectives) objectives.push_back(ObjectiveJson(o));
  for (const auto& m : plan.milestones) milestones.push_back(MilestoneJson(plan.context, m));
  return http::JsonResponse(200, json::object{{"today", plan.context.today},
                                              {"objectives", std::move(objectives)},
                                              {"milestones", std::move(milestones)},
                                              {"critical_path", ToJsonArray(plan.critical_path)}});
}

Result<Response> GetSummary(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(PlanSummary s, svc.Summary(ctx.user(), ctx.Param("id")));
  json::array next;
  for (const auto& m : s.next_milestones) next.push_back(MilestoneJson(s.context, m));
  return http::JsonResponse(200, json::object{{"today", s.today},
                                              {"milestones",
                                               {{"total", s.milestones_total},
                                                {"achieved", s.achieved},
                                                {"due_30_days", s.due_30_days},
                                                {"late", s.late},
                                                {"at_risk", s.at_risk}}},
                                              {"kpis",
                                               {{"total", s.kpis_total},
                                                {"green", s.green},
                                                {"amber", s.amber},
                                                {"red", s.red},
                                                {"no_data", s.no_data}}},
                                              {"next_milestones", std::move(next)}});
}

Result<Response> ListObjectives(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListObjectives(ctx.user(), ctx.Param("id")));
  json::array all;
  for (const auto& o : list.record) all.push_back(ObjectiveJson(o));
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"horizon", "horizon", kHorizons},
                                     {"status", "status", kObjectiveStatuses},
                                     {"visibility", "visibility", access::VisibilityNames()}}));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> ListMilestones(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListMilestones(ctx.user(), ctx.Param("id")));
  json::array all;
  for (const auto& m : list.record) all.push_back(MilestoneJson(list.context, m));
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"objective_id", "objective_id", {}},
                                     {"kind", "kind", kMilestoneKinds},
                                     {"status", "status", kMilestoneStatuses},
                                     {"early_win", "early_win", {"true", "false"}},
                                     {"party_id", "party_id", {}}}));
  return Paged(ctx.request, all, {"forecast_date", "title"});
}

Result<Response> RebaselineMilestone(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto reason = in.String("reason", kRequired, kReasonMax, 1);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto v, svc.Rebaseline(ctx.user(), ctx.Param("id"), ctx.Param("milestone_id"),
                                             version, *reason));
  return One(200, MilestoneJson(v.context, v.record), v.record.milestone.version);
}

Result<Response> MilestoneHistory(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto changes,
                      svc.History(ctx.user(), ctx.Param("id"), ctx.Param("milestone_id")));
  json::array items;
  for (const auto& c : changes) {
    items.push_back({{"kind", c.kind},
                     {"forecast_date", c.forecast_date},
                     {"previous_forecast_date", OptionalJson(c.previous_forecast_date)},
                     {"planned_date", c.planned_date},
                     {"reason", c.reason},
                     {"changed_by", c.changed_by},
                     {"changed_by_name", c.changed_by_name},
                     {"changed_at", c.changed_at}});
  }
  return http::JsonResponse(200, http::ListBody(std::move(items), std::nullopt));
}

Result<Response> ListKpis(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListKpis(ctx.user(), ctx.Param("id")));
  json::array all;
  for (const auto& k : list.record) all.push_back(KpiJson(k));
  NS_ASSIGN_OR_RETURN(
      all, Filtered(ctx.request, std::move(all),
                    {{"indicator", "indicator", kIndicators}, {"status", "status", kKpiStatuses}}));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> ListKpiValues(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  std::optional<std::vector<std::string>> after;
  if (page.cursor) {
    auto m = http::CursorText(page, "m"), c = http::CursorText(page, "c"),
         i = http::CursorText(page, "id");
    if (!m || !c || !i) return Malformed("The cursor is not one this server issued.");
    after = std::vector<std::string>{*m, *c, *i};
  }
  NS_ASSIGN_OR_RETURN(auto values, svc.ListKpiValues(ctx.user(), ctx.Param("id"),
                                                     ctx.Param("kpi_id"), after, page.limit + 1));
  return http::PageResponse(values, page.limit, ValueJson, [](const KpiValue& v) {
    return json::object{{"m", v.measured_on}, {"c", v.created_at}, {"id", v.id}};
  });
}

Result<Response> CreateKpiValue(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(KpiValueInput input, ReadKpiValue(body));
  NS_ASSIGN_OR_RETURN(KpiValue v,
                      svc.AddKpiValue(ctx.user(), ctx.Param("id"), ctx.Param("kpi_id"), input));
  return http::JsonResponse(201, ValueJson(v));
}

Result<Response> DeleteKpiValue(PlansService& svc, RequestContext& ctx) {
  NS_TRY(
      svc.DeleteKpiValue(ctx.user(), ctx.Param("id"), ctx.Param("kpi_id"), ctx.Param("value_id")));
  return http::NoContent();
}

Result<Response> ListWorkstreams(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListWorkstreams(ctx.user(), ctx.Param("id")));
  json::array all;
  for (const auto& w : list.record) all.push_back(WorkstreamJson(list.context, w));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> ListCommunications(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListCommunications(ctx.user(), ctx.Param("id")));
  json::array all;
  for (const auto& c : list.record) all.push_back(CommunicationJson(list.context, c));
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"category", "category", kCommunicationCategories}}));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> DecideCommunication(PlansService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto decision = in.Enum("decision", kRequired, {"approve", "reject"});
  auto reason = in.String("reason", kOptional, kNoteMax);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto c, svc.Decide(ctx.user(), ctx.Param("id"), ctx.Param("communication_id"),
                                         version, *decision == "approve", reason));
  return One(200, CommunicationJson(c.context, c.record), c.record.version);
}

}  // namespace

void RegisterRoutes(http::Router& router, PlansService& svc) {
  auto bind = [&svc](Result<Response> (*fn)(PlansService&, RequestContext&)) {
    return [&svc, fn](RequestContext& ctx) { return fn(svc, ctx); };
  };
  const std::string base = "/api/v1/alliances/{id}";
  router.Add("GET", base + "/plan", bind(GetPlan));
  router.Add("GET", base + "/plan/summary", bind(GetSummary));
  // The five record types are collections of the record kit; what differs is how each is
  // listed (filters, order), read from a body and written.
  using Svc = PlansService;
  http::AddCollection(router, svc, base, "id",
                      http::Collection<Svc, ObjectiveInput, WithContext<Objective>>{
                          "objectives", "objective_id", ListObjectives, ReadObjective,
                          &Svc::GetObjective, &Svc::CreateObjective, &Svc::UpdateObjective,
                          &Svc::DeleteObjective, AnswerJson<Objective, ObjectiveJson>,
                          AnswerVersion<Objective, records::VersionOf<Objective>>});
  http::AddCollection(router, svc, base, "id",
                      http::Collection<Svc, MilestoneInput, WithContext<MilestoneView>>{
                          "milestones", "milestone_id", ListMilestones, ReadMilestone,
                          &Svc::GetMilestone, &Svc::CreateMilestone, &Svc::UpdateMilestone,
                          &Svc::DeleteMilestone, AnswerJson<MilestoneView, MilestoneJson>,
                          AnswerVersion<MilestoneView, MilestoneVersion>});
  http::AddCollection(
      router, svc, base, "id",
      http::Collection<Svc, KpiInput, WithContext<Kpi>>{
          "kpis", "kpi_id", ListKpis, ReadKpi, &Svc::GetKpi, &Svc::CreateKpi, &Svc::UpdateKpi,
          &Svc::DeleteKpi, AnswerJson<Kpi, KpiJson>, AnswerVersion<Kpi, records::VersionOf<Kpi>>});
  http::AddCollection(router, svc, base, "id",
                      http::Collection<Svc, WorkstreamInput, WithContext<Workstream>>{
                          "workstreams", "workstream_id", ListWorkstreams, ReadWorkstream,
                          &Svc::GetWorkstream, &Svc::CreateWorkstream, &Svc::UpdateWorkstream,
                          &Svc::DeleteWorkstream, AnswerJson<Workstream, WorkstreamJson>,
                          AnswerVersion<Workstream, records::VersionOf<Workstream>>});
  http::AddCollection(
      router, svc, base, "id",
      http::Collection<Svc, CommunicationInput, WithContext<Communication>>{
          "communications", "communication_id", ListCommunications, ReadCommunication,
          &Svc::GetCommunication, &Svc::CreateCommunication, &Svc::UpdateCommunication,
          &Svc::DeleteCommunication, AnswerJson<Communication, CommunicationJson>,
          AnswerVersion<Communication, records::VersionOf<Communication>>});
  router.Add("GET", base + "/milestones/{milestone_id}/history", bind(MilestoneHistory));
  router.Add("POST", base + "/milestones/{milestone_id}/rebaseline", bind(RebaselineMilestone));
  router.Add("GET", base + "/kpis/{kpi_id}/values", bind(ListKpiValues));
  router.Add("POST", base + "/kpis/{kpi_id}/values", bind(CreateKpiValue));
  router.Add("DELETE", base + "/kpis/{kpi_id}/values/{value_id}", bind(DeleteKpiValue));
  router.Add("POST", base + "/communications/{communication_id}/decision",
             bind(DecideCommunication));
}

}  // namespace northstar::plans
