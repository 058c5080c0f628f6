#include "platform/http/router.hpp"

#include <spdlog/spdlog.h>

#include <exception>

#include "platform/common/ids.hpp"
#include "platform/db/database.hpp"

namespace northstar::http {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsIdParam(const std::string& name) {
  return name == "id" || (name.size() > 3 && name.ends_with("_id"));
}

bool IsStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  Route r{std::move(method), pattern, Split(pattern), std::move(handler), options};
  routes_.push_back(std::move(r));
}

const Router::Route* Router::Find(const std::string& method, const std::string& path,
                                  std::map<std::string, std::string>* params,
                                  bool* path_matched) const {
  const auto segments = Split(path);
  *path_matched = false;
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> found;
    bool match = true;
    for (size_t i = 0; i < segments.size() && match; ++i) {
      const auto& want = route.segments[i];
      const size_t close = want.find('}');
      if (want.size() > 2 && want.front() == '{' && close != std::string::npos) {
        // "{name}" or "{name}.suffix": the segment must end with the suffix.
        const std::string suffix = want.substr(close + 1);
        const std::string& got = segments[i];
        if (got.size() <= suffix.size() || !got.ends_with(suffix))
          match = false;
        else
          found[want.substr(1, close - 1)] = got.substr(0, got.size() - suffix.size());
      } else if (want != segments[i]) {
        match = false;
      }
    }
    if (!match) continue;
    *path_matched = true;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      *params = std::move(found);
      return &route;
    }
  }
  return nullptr;
}

std::string Router::AllowedMethods(const std::string& path) const {
  std::string out;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    bool matched = false;
    if (Find(route.method, path, &params, &matched) == &route) {
      out += (out.empty() ? "" : ", ") + route.method;
    }
  }
  return out;
}

bool Router::IsBlocking(const Request& request) const {
  std::map<std::string, std::string> params;
  bool path_matched;
  const Route* route = Find(request.method, request.path, &params, &path_matched);
  return route == nullptr ? false : route->options.blocking;
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, r.pattern});
  return out;
}

Result<Response> Router::Dispatch(const Route& route, RequestContext& context) const {
  for (const auto& [name, value] : context.params) {
    if (IsIdParam(name) && !IsValidId(value)) {
      return Malformed("'" + value + "' is not a valid id.");
    }
  }
  // Inline routes never touch the database, so they do not authenticate; public routes that
  // do survive a database failure in authentication (e.g. /readyz must still answer 503).
  const bool authenticate = route.options.access == Access::kSignedIn || route.options.blocking;
  if (authenticator_ && authenticate && route.options.access == Access::kPublic) {
    try {
      auto principal = authenticator_(context.request);
      if (principal.ok()) context.principal = std::move(principal).value();
    } catch (const std::exception& e) {
      spdlog::warn("request {}: could not identify the caller: {}", context.request.request_id,
                   db::SafeMessage(e));
    }
  } else if (authenticator_ && authenticate) {
    auto principal = authenticator_(context.request);
    if (!principal.ok()) {
      if (route.options.access == Access::kSignedIn) return principal.error();
    } else {
      context.principal = std::move(principal).value();
    }
  }
  if (route.options.access == Access::kSignedIn) {
    if (!context.principal) {
      return MakeError(ErrorCode::kUnauthenticated, "Sign in to continue.");
    }
    if (context.principal->via_cookie() && IsStateChanging(context.request.method)) {
      const auto sent = context.request.Header("x-csrf-token");
      if (!sent || !ConstantTimeEquals(*sent, context.principal->csrf_token)) {
        Error e = Forbidden("The X-CSRF-Token header is missing or does not match your session.");
        e.type_override = "csrf";
        return e;
      }
    }
  }
  return route.handler(context);
}

Response Router::Handle(const Request& request) const {
  std::map<std::string, std::string> params;
  bool path_matched = false;
  const Route* route = Find(request.method, request.path, &params, &path_matched);
  if (route == nullptr) {
    if (!path_matched && fallback_ && !request.path.starts_with("/api/")) {
      if (auto r = fallback_(request)) return *r;
    }
    Error e = path_matched ? MakeError(ErrorCode::kMethodNotAllowed,
                                       "Method " + request.method + " is not allowed here.")
                           : NotFound("No such resource: " + request.path);
    Response r = ProblemResponse(e, request.request_id);
    if (path_matched) r.SetHeader("Allow", AllowedMethods(request.path));
    return r;
  }
  RequestContext context{request, std::move(params), std::nullopt};
  Response response;
  try {
    auto result = Dispatch(*route, context);
    response = result.ok() ? std::move(result).value()
                           : ProblemResponse(result.error(), request.request_id);
  } catch (const soci::soci_error& e) {
    if (db::IsConstraintViolation(e)) {
      // Two requests raced past the same check (say, two sign-ups with one name); the loser is
      // told what a sequential request would have been told.
      response = ProblemResponse(
          Conflict("The change conflicts with one made at the same moment; reload and retry."),
          request.request_id);
    } else {
      spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                    db::SafeMessage(e));
      response = ProblemResponse(
          MakeError(ErrorCode::kUnavailable, "The database is not available; try again shortly."),
          request.request_id);
    }
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                  db::SafeMessage(e));
    response = ProblemResponse(
        MakeError(ErrorCode::kInternal, "Something went wrong on our side; it has been logged."),
        request.request_id);
  }
  if (context.principal && response.user_id.empty()) response.user_id = context.principal->user_id;
  return response;
}

}  // namespace northstar::http
