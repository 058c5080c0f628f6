#include "platform/http/system_routes.hpp"

#include <spdlog/spdlog.h>

#include "platform/db/migrations.hpp"
#include "platform/http/openapi.hpp"

namespace northstar::http {

void RegisterSystemRoutes(Router& router, db::Database& database) {
  const RouteOptions kInline{Access::kPublic, Work::kInline};
  router.Add(
      "GET", "/healthz",
      [](RequestContext&) -> Result<Response> {
        return JsonResponse(200, json::object{{"status", "ok"}});
      },
      kInline);
  router.Add(
      "GET", "/readyz",
      [&database](RequestContext&) -> Result<Response> {
        const char* name = database.dialect() == db::Dialect::kSqlite ? "sqlite" : "postgresql";
        int version = 0;
        try {
          version = db::CurrentVersion(database);
        } catch (const std::exception& e) {
          spdlog::warn("readiness check failed: {}", db::SafeMessage(e));
          return MakeError(ErrorCode::kUnavailable, "The database is not reachable.");
        }
        if (version != db::LatestVersion()) {
          return MakeError(ErrorCode::kUnavailable,
                           "The database schema is at version " + std::to_string(version) +
                               "; this server needs " + std::to_string(db::LatestVersion()) +
                               ". Run 'northstar migrate'.");
        }
        return JsonResponse(
            200,
            json::object{{"status", "ready"}, {"database", name}, {"schema_version", version}});
      },
      {Access::kPublic, Work::kDatabase});
  router.Add(
      "GET", "/api/v1/openapi.yaml",
      [](RequestContext&) -> Result<Response> {
        Response r;
        r.body = std::string(OpenApiDocument());
        r.SetHeader("Content-Type", "application/yaml; charset=utf-8");
        r.SetHeader("Cache-Control", "no-cache");
        return r;
      },
      kInline);
}

}  // namespace northstar::http
