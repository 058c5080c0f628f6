// Routes requests to handlers. Handle() is a plain function of a Request: it authenticates,
// enforces CSRF on state-changing cookie requests, validates path ids, calls the handler and
// turns an Error into a problem response. Thread-safe once all routes are added.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/http/message.hpp"

namespace northstar::http {

struct RequestContext {
  const Request& request;
  std::map<std::string, std::string> params;
  std::optional<auth::Principal> principal;

  const std::string& Param(const std::string& name) const { return params.at(name); }
  // Requires: the route is not public (the router guarantees a principal).
  const auth::Principal& user() const { return *principal; }
};

using Handler = std::function<Result<Response>(RequestContext&)>;

enum class Access { kPublic, kSignedIn };

struct RouteOptions {
  Access access = Access::kSignedIn;
  // False for handlers that never block (no database): they run on the I/O thread.
  bool blocking = true;
};

struct RouteInfo {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  using Authenticator = std::function<Result<std::optional<auth::Principal>>(const Request&)>;
  // Serves what no route matches (static files); may return nullopt for a 404.
  using Fallback = std::function<std::optional<Response>(const Request&)>;

  void SetAuthenticator(Authenticator authenticator) { authenticator_ = std::move(authenticator); }
  void SetFallback(Fallback fallback) { fallback_ = std::move(fallback); }

  // Pattern segments in braces are parameters: "/api/v1/alliances/{id}". A parameter named
  // "id" or ending in "_id" must be a well-formed id, or the request is a 400.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  Response Handle(const Request& request) const;
  // Whether handling this request may block (the server then runs it off the I/O threads).
  bool IsBlocking(const Request& request) const;
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
  };
  const Route* Find(const std::string& method, const std::string& path,
                    std::map<std::string, std::string>* params, bool* path_matched) const;
  std::string AllowedMethods(const std::string& path) const;
  Result<Response> Dispatch(const Route& route, RequestContext& context) const;

  std::vector<Route> routes_;
  Authenticator authenticator_;
  Fallback fallback_;
};

}  // namespace northstar::http
