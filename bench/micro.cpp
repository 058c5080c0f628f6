// northstar-bench-micro: micro-benchmarks of the request path's CPU work, without sockets or a
// database (Google Benchmark). Declarative: each benchmark states its input and times one call.
// They inform, they never gate CI on time (DESIGN.md section 7).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "modules/accounts/routes.hpp"
#include "modules/accounts/service.hpp"
#include "modules/alliances/model.hpp"
#include "modules/alliances/routes.hpp"
#include "modules/alliances/service.hpp"
#include "platform/access/policy.hpp"
#include "platform/common/config.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/json.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "platform/http/system_routes.hpp"

namespace ns = northstar;

namespace {

const std::string kAllianceId = "01920d6e-7c3a-7b1e-9f00-4a1b2c3d4e5f";
const std::string kNoteId = "01920d6e-7c3a-7b1e-9f00-4a1b2c3d4e60";
const std::string kOrgA = "01920d6e-0000-7000-8000-000000000001";
const std::string kOrgB = "01920d6e-0000-7000-8000-000000000002";

ns::auth::Principal SignedInPrincipal() {
  return {"01920d6e-0000-7000-8000-0000000000aa",
          kOrgA,
          "member",
          "Ada Strand",
          "ada.strand@example.example",
          "01920d6e-0000-7000-8000-0000000000bb",
          "",
          "csrf"};
}

// A router with the server's real route table (taken from the real registration against an
// in-memory database) and trivial handlers, so only matching, id checks, the access gate and
// the problem/JSON response are measured.
const ns::http::Router& BenchRouter() {
  static const ns::http::Router router = [] {
    ns::Config config;
    config.database = "sqlite::memory:";
    ns::db::Database database(config.database, 1);
    ns::accounts::AccountsService accounts(database, config);
    ns::alliances::AlliancesService alliances(database, accounts);
    ns::http::Router real;
    ns::http::RegisterSystemRoutes(real, database);
    ns::accounts::RegisterRoutes(real, accounts);
    ns::alliances::RegisterRoutes(real, alliances);

    ns::http::Router r;
    for (const auto& route : real.Routes()) {
      const bool is_public = route.pattern == "/healthz" || route.pattern == "/readyz" ||
                             route.pattern == "/api/v1/auth/login";
      r.Add(route.method, route.pattern,
            [](ns::http::RequestContext&) -> ns::Result<ns::http::Response> {
              return ns::http::JsonResponse(200, ns::json::object{{"status", "ok"}});
            },
            {is_public ? ns::http::Access::kPublic : ns::http::Access::kSignedIn,
             is_public ? ns::http::Work::kInline : ns::http::Work::kDatabase});
    }
    r.SetAuthenticator(
        [](const ns::http::Request& request) -> ns::Result<std::optional<ns::auth::Principal>> {
          if (!request.Cookie("ns_session")) return std::optional<ns::auth::Principal>{};
          return std::optional<ns::auth::Principal>(SignedInPrincipal());
        });
    return r;
  }();
  return router;
}

ns::http::Request Get(const std::string& path, bool signed_in) {
  ns::http::Request r;
  r.method = "GET";
  r.target = r.path = path;
  r.remote_address = "127.0.0.1";
  r.request_id = "bench";
  if (signed_in) r.headers.emplace_back("cookie", "ns_session=bench-session-secret");
  return r;
}

void BM_RouterHealthz(benchmark::State& state) {
  const auto& router = BenchRouter();
  const auto request = Get("/healthz", false);
  for (auto _ : state) benchmark::DoNotOptimize(router.Handle(request));
}
BENCHMARK(BM_RouterHealthz);

void BM_RouterAllianceGet(benchmark::State& state) {
  const auto& router = BenchRouter();
  const auto request = Get("/api/v1/alliances/" + kAllianceId, true);
  for (auto _ : state) benchmark::DoNotOptimize(router.Handle(request));
}
BENCHMARK(BM_RouterAllianceGet);

void BM_RouterNoteGet(benchmark::State& state) {
  const auto& router = BenchRouter();
  const auto request = Get("/api/v1/alliances/" + kAllianceId + "/notes/" + kNoteId, true);
  for (auto _ : state) benchmark::DoNotOptimize(router.Handle(request));
}
BENCHMARK(BM_RouterNoteGet);

void BM_RouterNotFound(benchmark::State& state) {
  const auto& router = BenchRouter();
  const auto request = Get("/api/v1/nothing/here", true);
  for (auto _ : state) benchmark::DoNotOptimize(router.Handle(request));
}
BENCHMARK(BM_RouterNotFound);

// The body a client sends to create an alliance, read the way the alliances routes read it.
const std::string& AllianceBody() {
  static const std::string body = ns::json::serialize(ns::json::object{
      {"name", "Aldermoor × Brightwell: oncology co development (NS-00042)"},
      {"type", "co_development"},
      {"therapeutic_areas", ns::json::array{"oncology", "real-world data"}},
      {"territory", "EU and US"},
      {"tier", 2},
      {"description", std::string(400, 'd')},
      {"parties", ns::json::array{{{"organization_id", kOrgA}, {"role", "co_developer"}},
                                  {{"organization_id", kOrgB}, {"role", "co_developer"}}}},
      {"north_star",
       {{"statement", "Bring a better oncology option to patients within three years."},
        {"beneficiaries", "People living with cancer, and their carers."},
        {"contributions", ns::json::array{{{"organization_id", kOrgA},
                                           {"contribution", "Clinical development"},
                                           {"expected_value", "Royalties"}},
                                          {{"organization_id", kOrgB},
                                           {"contribution", "Platform"},
                                           {"expected_value", "Milestones"}}}}}}});
  return body;
}

std::vector<ns::FieldError> ReadAllianceBody(const std::string& text) {
  constexpr auto kRequired = ns::Presence::kRequired;
  constexpr auto kOptional = ns::Presence::kOptional;
  auto parsed = ns::ParseJsonObject(text);
  if (!parsed.ok()) return {{"body", "malformed"}};
  ns::InputReader in(*parsed);
  benchmark::DoNotOptimize(in.String("name", kRequired, 200, 1));
  benchmark::DoNotOptimize(in.Enum("type", kRequired, ns::alliances::AllianceTypes()));
  benchmark::DoNotOptimize(in.StringArray("therapeutic_areas", kOptional, 20, 200));
  benchmark::DoNotOptimize(in.String("territory", kOptional, 200));
  benchmark::DoNotOptimize(in.Integer("tier", kOptional, 1, 3));
  benchmark::DoNotOptimize(in.String("description", kOptional, 5000));
  benchmark::DoNotOptimize(in.Enum("stage", kOptional, ns::alliances::Stages()));
  if (const auto* parties = in.Array("parties", kRequired, 20)) {
    for (size_t i = 0; i < parties->size(); ++i) {
      ns::InputReader p((*parties)[i].as_object(), "parties[" + std::to_string(i) + "]");
      benchmark::DoNotOptimize(p.Id("organization_id", kRequired));
      benchmark::DoNotOptimize(p.Enum("role", kRequired, ns::alliances::PartyRoles()));
      in.Merge(p.Finish());
    }
  }
  if (const auto* north_star = in.Object("north_star", kOptional)) {
    ns::InputReader n(*north_star, "north_star");
    benchmark::DoNotOptimize(n.String("statement", kOptional, 5000));
    benchmark::DoNotOptimize(n.String("beneficiaries", kOptional, 5000));
    if (const auto* cs = n.Array("contributions", kOptional, 20)) {
      for (size_t i = 0; i < cs->size(); ++i) {
        ns::InputReader c((*cs)[i].as_object(),
                          "north_star.contributions[" + std::to_string(i) + "]");
        benchmark::DoNotOptimize(c.Id("organization_id", kRequired));
        benchmark::DoNotOptimize(c.String("contribution", kOptional, 5000));
        benchmark::DoNotOptimize(c.String("expected_value", kOptional, 5000));
        n.Merge(c.Finish());
      }
    }
    in.Merge(n.Finish());
  }
  return in.Finish();
}

void BM_InputReaderAllianceBody(benchmark::State& state) {
  const std::string& body = AllianceBody();
  if (!ReadAllianceBody(body).empty()) state.SkipWithError("the sample body does not validate");
  for (auto _ : state) benchmark::DoNotOptimize(ReadAllianceBody(body));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_InputReaderAllianceBody);

void BM_CanRead(benchmark::State& state) {
  const ns::access::Membership member{kAllianceId, "user-b", kOrgA,
                                      ns::access::AllianceRole::kMember};
  const std::vector<ns::access::RecordScope> scopes = {
      {ns::access::Visibility::kAlliance, kOrgB, "user-x", {}},
      {ns::access::Visibility::kParty, kOrgA, "user-a", {}},
      {ns::access::Visibility::kParty, kOrgB, "user-x", {}},
      {ns::access::Visibility::kRestricted, kOrgA, "user-a", {"user-c", "user-d", "user-b"}}};
  for (auto _ : state) {
    for (const auto& scope : scopes) benchmark::DoNotOptimize(ns::access::CanRead(member, scope));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * scopes.size()));
}
BENCHMARK(BM_CanRead);

void BM_VisibleRecordsSql(benchmark::State& state) {
  const ns::access::Membership member{kAllianceId, "user-b", kOrgA,
                                      ns::access::AllianceRole::kMember};
  for (auto _ : state) {
    std::string sql = "SELECT n.id FROM notes n WHERE n.alliance_id = :a AND " +
                      ns::access::VisibleRecordsSql("n");
    ns::db::Params params;
    ns::access::BindVisibility(params, member);
    benchmark::DoNotOptimize(sql);
    benchmark::DoNotOptimize(params);
  }
}
BENCHMARK(BM_VisibleRecordsSql);

// What every cookie- or token-authenticated request pays before its database lookup.
void BM_HashSecret(benchmark::State& state) {
  const std::string secret = ns::RandomSecret(32);
  for (auto _ : state) benchmark::DoNotOptimize(ns::HashSecret(secret));
}
BENCHMARK(BM_HashSecret);

void BM_NewId(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ns::NewId());
}
BENCHMARK(BM_NewId);

}  // namespace

BENCHMARK_MAIN();
