#include "modules/health/routes.hpp"

#include "modules/alliances/record_steps.hpp"
#include "modules/governance/routes.hpp"
#include "platform/http/collection.hpp"
#include "platform/http/request_helpers.hpp"

namespace northstar::health {
namespace {

using alliances::AnswerJson;
using alliances::AnswerVersion;
using http::One;
using http::RequestContext;
using http::Response;
using records::ReadCommon;
using records::ReadNullable;
using records::ReadObjects;
using Svc = HealthService;
constexpr auto kRequired = Presence::kRequired;
constexpr auto kOptional = Presence::kOptional;
constexpr size_t kNameMax = 200, kTextMax = 5000, kCommentMax = 2000;
constexpr int64_t kMaxThreshold = 100;

std::string Alliance(RequestContext& ctx) { return ctx.Param("id"); }
std::string WaveId(RequestContext& ctx) { return ctx.Param("wave_id"); }

json::value OrNull(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// ---- question banks -------------------------------------------------------------------------

json::object BankJson(const Bank& b) {
  return {{"id", b.id},
          {"organization_id", b.organization_id ? json::value(*b.organization_id) : nullptr},
          {"shipped", !b.organization_id.has_value()},
          {"key", b.key},
          {"bank_version", b.bank_version},
          {"name", b.name},
          {"about", b.about},
          {"dimensions", DimensionsJson(b.dimensions)},
          {"based_on_id", b.based_on_id ? json::value(*b.based_on_id) : nullptr},
          {"frozen", b.frozen},
          {"version", b.version},
          {"created_at", b.created_at},
          {"updated_at", b.updated_at}};
}

Result<BankInput> ReadBank(const json::object& body, bool creating) {
  InputReader in(body);
  BankInput b;
  if (creating) b.copy_of = in.Id("copy_of", kRequired);
  b.name = in.String("name", kOptional, kNameMax, 1);
  b.about = in.String("about", kOptional, kTextMax);
  std::optional<Error> dimensions_error;
  if (in.Has("dimensions")) {
    // Read by the model, which names each field's path; joined to the reader's errors below.
    auto read = ReadDimensions(body.at("dimensions"));
    if (read.ok()) {
      b.dimensions = std::move(read).value();
    } else {
      dimensions_error = read.error();
    }
    in.Array("dimensions", kOptional, 20);  // marks the key as read; the rest is the model's
  }
  auto errors = in.Finish();
  if (dimensions_error) {
    for (auto& f : dimensions_error->fields) errors.push_back(std::move(f));
    if (dimensions_error->fields.empty())
      errors.push_back({"dimensions", dimensions_error->detail});
  }
  NS_TRY(FieldErrorsToStatus(std::move(errors)));
  return b;
}

Result<Response> ListBanks(Svc& svc, RequestContext& ctx) {
  json::array items;
  for (const auto& b : svc.ListBanks(ctx.user())) items.push_back(BankJson(b));
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

Result<Response> GetBank(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Bank b, svc.GetBank(ctx.user(), ctx.Param("bank_id")));
  return One(200, BankJson(b), b.version);
}

Result<Response> CreateBank(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(BankInput input, ReadBank(body, true));
  NS_ASSIGN_OR_RETURN(Bank b, svc.CreateBank(ctx.user(), input));
  return One(201, BankJson(b), b.version);
}

Result<Response> UpdateBank(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(BankInput input, ReadBank(body, false));
  NS_ASSIGN_OR_RETURN(Bank b, svc.UpdateBank(ctx.user(), ctx.Param("bank_id"), version, input));
  // A new version of a frozen bank is a new resource.
  return One(b.id == ctx.Param("bank_id") ? 200 : 201, BankJson(b), b.version);
}

// ---- waves ----------------------------------------------------------------------------------

Result<WaveInput> ReadWave(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  WaveInput w;
  ReadCommon(in, w);
  w.title = in.String("title", core, kNameMax, 1);
  w.bank_id = in.Id("bank_id", core);
  w.opens_on = in.Date("opens_on", core);
  w.closes_on = in.Date("closes_on", core);
  w.score_threshold = in.Integer("score_threshold", kOptional, kMinThreshold, kMaxThreshold);
  w.comment_threshold = in.Integer("comment_threshold", kOptional, kMinThreshold, kMaxThreshold);
  w.gap_threshold = ReadNullable<double>(in, "gap_threshold", [&]() -> std::optional<double> {
    auto v = in.Number("gap_threshold", kOptional);
    if (v && (*v <= 0 || *v > 100)) {
      in.AddError("gap_threshold", "must be more than 0 and at most 100 (on the 0–100 scale)");
      return std::nullopt;
    }
    return v;
  });
  w.respondents = ReadObjects<RespondentInput>(
      in, "respondents", core, 500, [](InputReader& item) -> std::optional<RespondentInput> {
        auto user = item.Id("user_id", kRequired);
        auto role = item.Enum("role", kRequired, kRespondentRoles);
        if (!user || !role) return std::nullopt;
        return RespondentInput{*user, *role};
      });
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return w;
}

json::object WaveJson(const RecordContext&, const WaveView& v) {
  json::array respondents;
  for (const auto& r : v.respondents) {
    respondents.push_back({{"user_id", r.user_id},
                           {"name", r.name},
                           {"organization_id", r.organization_id},
                           {"role", r.role}});
  }
  json::array counts;
  for (const auto& c : v.counts) {
    counts.push_back({{"party_id", c.party_id},
                      {"party_name", c.party_name},
                      {"invited", c.invited},
                      {"submitted", c.submitted}});
  }
  return records::Json(v.wave,
                       {{"bank_name", v.wave.bank_name},
                        {"gap_threshold", OrNull(v.wave.gap_threshold)},
                        {"status", v.status},
                        {"respondents", std::move(respondents)},
                        {"response_counts", std::move(counts)},
                        {"my_role", v.my_role ? json::value(*v.my_role) : json::value(nullptr)},
                        {"i_submitted", v.i_submitted}});
}

int64_t WaveVersion(const WaveView& v) { return v.wave.version; }

Result<Response> ListWaves(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListWaves(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& v : list.record) all.push_back(WaveJson(list.context, v));
  NS_ASSIGN_OR_RETURN(
      all, http::Filtered(ctx.request, std::move(all), {{"status", "status", kWaveStatuses}}));
  return http::Paged(ctx.request, all, {"created_at"});
}

Result<Response> CloseWave(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(auto found, svc.CloseWave(ctx.user(), Alliance(ctx), WaveId(ctx), version));
  return One(200, WaveJson(found.context, found.record), found.record.wave.version);
}

// ---- answering ------------------------------------------------------------------------------

Result<std::vector<Answer>> ReadAnswers(const json::object& body) {
  InputReader in(body);
  auto answers = ReadObjects<Answer>(
      in, "answers", kRequired, 200, [](InputReader& item) -> std::optional<Answer> {
        Answer a;
        auto key = item.String("item", kRequired, kNameMax, 1);
        item.PermitNull("value");
        a.value = item.Integer("value", kOptional, 0, 100);  // null: don't know
        if (!item.Has("value")) item.AddError("value", "is required (null for don't know)");
        a.comment = item.String("comment", kOptional, kCommentMax).value_or("");
        if (!key) return std::nullopt;
        a.item = *key;
        return a;
      });
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return std::move(*answers);
}

json::array AnswersJson(const std::vector<Answer>& answers) {
  json::array out;
  for (const auto& a : answers) {
    out.push_back({{"item", a.item},
                   {"value", a.value ? json::value(*a.value) : json::value(nullptr)},
                   {"comment", a.comment}});
  }
  return out;
}

Response SheetResponse(const Sheet& s) {
  return http::JsonResponse(200,
                            json::object{{"wave", WaveJson({}, s.wave)},
                                         {"bank", {{"name", s.bank_name}, {"about", s.bank_about}}},
                                         {"dimensions", DimensionsJson(s.dimensions)},
                                         {"answers", AnswersJson(s.draft)},
                                         {"submitted", s.submitted}});
}

Result<Response> GetSheet(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Sheet s, svc.GetSheet(ctx.user(), Alliance(ctx), WaveId(ctx)));
  return SheetResponse(s);
}

Result<Response> SaveDraft(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(auto answers, ReadAnswers(body));
  NS_ASSIGN_OR_RETURN(Sheet s, svc.SaveDraft(ctx.user(), Alliance(ctx), WaveId(ctx), answers));
  return SheetResponse(s);
}

Result<Response> Submit(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(auto answers, ReadAnswers(body));
  NS_ASSIGN_OR_RETURN(Sheet s, svc.Submit(ctx.user(), Alliance(ctx), WaveId(ctx), answers));
  return SheetResponse(s);
}

// ---- results --------------------------------------------------------------------------------

json::object SliceJson(const SliceScore& s) {
  return {{"key", s.key},         {"name", s.name},
          {"hidden", s.hidden},   {"score", OrNull(s.mean)},
          {"answers", s.answers}, {"dont_know", s.dont_know}};
}

json::array SlicesJson(const std::vector<SliceScore>& slices) {
  json::array out;
  for (const auto& s : slices) out.push_back(SliceJson(s));
  return out;
}

json::object SignalJson(const Signal& s) {
  json::value by_party = nullptr;
  if (s.by_party) {
    json::array parties;
    for (const auto& p : *s.by_party) {
      parties.push_back(
          {{"party_id", p.party_id}, {"party_name", p.party_name}, {"value", OrNull(p.value)}});
    }
    by_party = std::move(parties);
  }
  return {{"key", s.key},   {"value", OrNull(s.value)}, {"expected", OrNull(s.expected)},
          {"unit", s.unit}, {"better", s.better},       {"by_party", std::move(by_party)}};
}

json::object ActionPlanJson(const ActionPlan& p, const std::string& today) {
  const auto& a = p.action;
  const auto text = [](const std::optional<std::string>& v) {
    return v ? json::value(*v) : json::value(nullptr);
  };
  return {{"id", a.id},
          {"title", a.title},
          {"status", a.status},
          {"due_on", a.due_on},
          {"overdue", governance::IsOverdue(a.status, a.due_on, today)},
          {"owner_name", a.owner_name},
          {"committee_id", text(a.committee_id)},
          {"committee_name", text(p.committee_name)},
          {"wave_id", a.health_wave_id.value_or("")},
          {"wave_title", p.wave_title},
          {"item_key", text(a.health_item_key)}};
}

json::value PreviousJson(const std::optional<PreviousScore>& p) {
  if (!p) return nullptr;
  return json::object{{"wave_id", p->wave_id},
                      {"title", p->title},
                      {"closed_on", p->closed_on},
                      {"score", OrNull(p->score)}};
}

json::object ResultsJson(const Results& r) {
  json::array dimensions;
  for (const auto& d : r.by_dimension) {
    json::array items;
    for (const auto& i : d.items) {
      json::value distribution = nullptr;
      if (i.distribution) {
        json::object counts;
        for (const auto& [answer, n] : *i.distribution) counts[answer] = n;
        distribution = std::move(counts);
      }
      items.push_back({{"key", i.item->key},
                       {"text", i.item->text},
                       {"scale", i.item->scale},
                       {"overall", SliceJson(i.overall)},
                       {"parties", SlicesJson(i.parties)},
                       {"gap", OrNull(i.gap)},
                       {"gap_flagged", i.gap_flagged},
                       {"distribution", std::move(distribution)}});
    }
    json::array evidence, plans;
    for (const auto& s : d.evidence) evidence.push_back(SignalJson(s));
    for (const auto& a : d.action_plans) plans.push_back(ActionPlanJson(a, r.today));
    json::value comments = nullptr;
    if (d.comments) {
      json::array texts;
      for (const auto& c : *d.comments) texts.push_back(json::value(c));
      comments = std::move(texts);
    }
    dimensions.push_back({{"key", d.dimension->key},
                          {"name", d.dimension->name},
                          {"overall", SliceJson(d.overall)},
                          {"parties", SlicesJson(d.parties)},
                          {"roles", SlicesJson(d.roles)},
                          {"gap", OrNull(d.gap)},
                          {"gap_flagged", d.gap_flagged},
                          {"items", std::move(items)},
                          {"comments", std::move(comments)},
                          {"previous", PreviousJson(d.previous)},
                          {"evidence", std::move(evidence)},
                          {"action_plans", std::move(plans)}});
  }
  return {{"wave", WaveJson({}, r.wave)},
          {"scale",
           "Dimension and overall scores are on a 0–100 scale (an agreement answer of 1 "
           "to 5 counts 0, 25, 50, 75 or 100); item scores are on the item's own scale."},
          {"overall", SliceJson(r.overall)},
          {"parties", SlicesJson(r.parties)},
          {"dimensions", std::move(dimensions)},
          {"evidence_period",
           json::object{{"from", r.evidence_period.from}, {"to", r.evidence_period.to}}}};
}

Result<Response> GetResults(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Results r, svc.ResultsOf(ctx.user(), Alliance(ctx), WaveId(ctx)));
  return http::JsonResponse(200, ResultsJson(r));
}

// An action plan: the result it answers, then an action item's fields as governance reads them.
Result<Response> CreateActionPlan(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  ActionPlanInput input;
  json::object action, result;
  for (const auto& field : body) {
    const bool about_result = field.key() == "dimension_key" || field.key() == "item_key";
    (about_result ? result : action)[field.key()] = field.value();
  }
  // The result it answers, then the action's own fields; every error at once.
  InputReader in(result);
  auto dimension = in.String("dimension_key", kRequired, kNameMax, 1);
  input.item_key = ReadNullable<std::string>(in, "item_key", [&] {
                     return in.String("item_key", kOptional, kNameMax, 1);
                   }).value_or(std::nullopt);
  std::vector<FieldError> errors = in.Finish();
  // An action plan is a new action, followed up by a committee.
  for (const char* key : {"status", "meeting_id", "decision_id"}) {
    if (action.contains(key)) errors.push_back({key, "is not a known field"});
  }
  if (!action.contains("committee_id") || action.at("committee_id").is_null()) {
    errors.push_back({"committee_id", "is required: the committee that follows the plan up"});
  }
  auto read = governance::ReadAction(action, true);
  if (!read.ok()) {
    if (read.error().code != ErrorCode::kValidation) return read.error();
    for (const auto& e : read.error().fields) errors.push_back(e);
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  input.dimension_key = *dimension;
  input.action = std::move(read).value();
  NS_ASSIGN_OR_RETURN(
      auto made, svc.CreateActionPlan(ctx.user(), Alliance(ctx), WaveId(ctx), std::move(input)));
  Response r = http::JsonResponse(201, governance::ActionJson(made.record, made.context.today));
  http::SetEtag(r, made.record.version);
  return r;
}

Result<Response> GetTrends(Svc& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto points, svc.Trends(ctx.user(), Alliance(ctx)));
  json::array waves;
  for (const auto& p : points) {
    json::array dimensions;
    for (const auto& d : p.dimensions) {
      dimensions.push_back({{"key", d.key},
                            {"name", d.name},
                            {"overall", SliceJson(d.overall)},
                            {"parties", SlicesJson(d.parties)}});
    }
    waves.push_back({{"wave_id", p.wave_id},
                     {"title", p.title},
                     {"closed_on", p.closed_on},
                     {"overall", SliceJson(p.overall)},
                     {"parties", SlicesJson(p.parties)},
                     {"dimensions", std::move(dimensions)}});
  }
  return http::JsonResponse(200, json::object{{"waves", std::move(waves)}});
}

Result<Response> MySurveys(Svc& svc, RequestContext& ctx) {
  json::array items;
  for (const auto& s : svc.Surveys(ctx.user())) {
    items.push_back({{"alliance_id", s.alliance_id},
                     {"alliance_name", s.alliance_name},
                     {"wave_id", s.wave_id},
                     {"title", s.title},
                     {"opens_on", s.opens_on},
                     {"closes_on", s.closes_on},
                     {"status", s.status},
                     {"submitted", s.submitted}});
  }
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

}  // namespace

void RegisterRoutes(http::Router& router, HealthService& svc) {
  using Fn = Result<Response> (*)(Svc&, RequestContext&);
  auto bind = [&svc](Fn fn) { return [&svc, fn](RequestContext& ctx) { return fn(svc, ctx); }; };
  router.Add("GET", "/api/v1/question-banks", bind(ListBanks));
  router.Add("POST", "/api/v1/question-banks", bind(CreateBank));
  router.Add("GET", "/api/v1/question-banks/{bank_id}", bind(GetBank));
  router.Add("PATCH", "/api/v1/question-banks/{bank_id}", bind(UpdateBank));
  const std::string base = "/api/v1/alliances/{id}";
  http::AddCollection(router, svc, base, "id",
                      http::Collection<Svc, WaveInput, WithContext<WaveView>>{
                          "health-waves", "wave_id", ListWaves, ReadWave, &Svc::GetWave,
                          &Svc::CreateWave, &Svc::UpdateWave, &Svc::DeleteWave,
                          AnswerJson<WaveView, WaveJson>, AnswerVersion<WaveView, WaveVersion>});
  const std::string wave = base + "/health-waves/{wave_id}";
  router.Add("POST", wave + "/close", bind(CloseWave));
  router.Add("GET", wave + "/response", bind(GetSheet));
  router.Add("PUT", wave + "/response", bind(SaveDraft));
  router.Add("POST", wave + "/response/submit", bind(Submit));
  router.Add("GET", wave + "/results", bind(GetResults));
  router.Add("POST", wave + "/action-plans", bind(CreateActionPlan));
  router.Add("GET", base + "/health-trends", bind(GetTrends));
  router.Add("GET", "/api/v1/me/surveys", bind(MySurveys));
}

}  // namespace northstar::health
