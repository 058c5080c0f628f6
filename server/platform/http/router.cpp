#include "platform/http/router.hpp"

#include <spdlog/spdlog.h>

#include <exception>

#include "platform/common/ids.hpp"
#include "platform/db/database.hpp"
#include "platform/http/compression.hpp"

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

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// "host:port" of an origin or URL ("https://a.example:8443/x" → "a.example:8443"), lower case,
// without the scheme's default port; empty when it is not an http(s) URL.
std::string AuthorityOf(std::string_view url) {
  const std::string lower = Lower(url);
  std::string_view rest = lower;
  std::string default_port;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8), default_port = ":443";
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7), default_port = ":80";
  } else {
    return "";
  }
  std::string authority(rest.substr(0, rest.find('/')));
  if (authority.ends_with(default_port)) authority.resize(authority.size() - default_port.size());
  return authority;
}

// The request's Host without a default port (the scheme is the request's own).
std::string HostAuthority(const Request& request) {
  std::string host = Lower(Trim(request.Header("host").value_or("")));
  const std::string default_port = request.secure ? ":443" : ":80";
  if (host.ends_with(default_port)) host.resize(host.size() - default_port.size());
  return host;
}

// A JSON body must say so: application/json, with at most a UTF-8 charset parameter.
bool IsJsonMediaType(std::string_view content_type) {
  const std::string lower = Lower(content_type);
  std::string_view rest = lower;
  const auto semicolon = rest.find(';');
  if (Trim(rest.substr(0, semicolon)) != "application/json") return false;
  if (semicolon == std::string_view::npos) return true;
  const std::string_view parameter = Trim(rest.substr(semicolon + 1));
  return parameter.empty() || parameter == "charset=utf-8" || parameter == "charset=\"utf-8\"";
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  auto segments = Split(pattern);
  Route r{std::move(method), std::move(pattern), std::move(segments), std::move(handler), options};
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

Work Router::WorkOf(const Request& request) const {
  std::map<std::string, std::string> params;
  bool path_matched;
  const Route* route = Find(request.method, request.path, &params, &path_matched);
  return route == nullptr ? Work::kInline : route->options.work;
}

// A browser tells where a request comes from: Sec-Fetch-Site, and Origin on every POST, PUT,
// PATCH and DELETE. A change from another site is refused whatever it carries, so that a page
// elsewhere can neither sign a visitor in to an account of its choosing (login CSRF) nor accept
// an invitation for them. Clients that are not browsers send neither header and pass.
Status Router::CheckSameSite(const Request& request) const {
  const auto refuse = [] {
    Error e = Forbidden("Changes are accepted only from pages of this site.");
    e.type_override = "cross-site";
    return e;
  };
  if (auto site = request.Header("sec-fetch-site"); site && Lower(Trim(*site)) == "cross-site") {
    return refuse();
  }
  const auto origin = request.Header("origin");
  if (!origin) return OkStatus();
  const std::string authority = AuthorityOf(Trim(*origin));
  if (authority.empty()) return refuse();  // "null" (a sandboxed or file page) or not http(s)
  if (authority == HostAuthority(request)) return OkStatus();
  for (const auto& trusted : trusted_origins_) {
    if (authority == AuthorityOf(trusted)) return OkStatus();
  }
  return refuse();
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
  const Request& request = context.request;
  if (IsStateChanging(request.method)) {
    // A Bearer token is never sent by a browser on its own; everything else may be a browser.
    const bool bearer = Lower(request.Header("authorization").value_or("")).starts_with("bearer ");
    if (!bearer) NS_TRY(CheckSameSite(request));
  }
  // Inline routes never touch the database, so they do not authenticate; public routes that
  // do survive a database failure in authentication (e.g. /readyz must still answer 503).
  const bool authenticate =
      route.options.access == Access::kSignedIn || route.options.work != Work::kInline;
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
  if (IsStateChanging(request.method) && route.options.body == Body::kJson &&
      !request.body.empty() && !IsJsonMediaType(request.Header("content-type").value_or(""))) {
    return MakeError(ErrorCode::kUnsupportedMediaType,
                     "Send the body as JSON with the header Content-Type: application/json.");
  }
  return route.handler(context);
}

Response Router::Handle(const Request& request) const {
  // Only an absolute path is routed ("xapi/v1/me" is not "/api/v1/me"), and only one in UTF-8,
  // since problem details quote it in JSON.
  if (!request.path.starts_with('/') || !IsValidUtf8(request.path)) {
    return ProblemResponse(
        Malformed("The request target must be an absolute path (beginning with /) in UTF-8."),
        request.request_id);
  }
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
  CompressForClient(request, response);
  return response;
}

}  // namespace northstar::http
