// Routes requests to handlers. Handle() is a plain function of a Request: it validates path ids,
// refuses cross-site state changes and bodies of the wrong media type, authenticates, enforces
// CSRF on state-changing cookie requests, calls the handler and turns an Error into a problem
// response. Thread-safe once all routes are added.
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

// Where the server runs a route's handler.
enum class Work {
  kInline,           // never blocks (no database): on the I/O thread
  kDatabase,         // on the database threads
  kPasswordHashing,  // hashes a password (Argon2id, slow on purpose): on the bounded hashing
                     // pool, so that a burst of sign-ins never holds up database work
};

// What a route's request body is. A JSON route answers 415 to a body sent as anything but
// application/json, so that a cross-site HTML form (text/plain, form encodings) cannot post to it.
enum class Body { kJson, kRaw };

struct RouteOptions {
  Access access = Access::kSignedIn;
  Work work = Work::kDatabase;
  Body body = Body::kJson;
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
  // Origins besides the request's own (its Host) from which browsers may change state, e.g. the
  // configured public URL behind a proxy that rewrites Host: "https://northstar.example".
  void SetTrustedOrigins(std::vector<std::string> origins) {
    trusted_origins_ = std::move(origins);
  }

  // Pattern segments in braces are parameters: "/api/v1/alliances/{id}". A parameter named
  // "id" or ending in "_id" must be a well-formed id, or the request is a 400.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  Response Handle(const Request& request) const;
  // Where the server should run this request's handler (kInline when no route matches).
  Work WorkOf(const Request& request) const;
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
  Status CheckSameSite(const Request& request) const;

  std::vector<Route> routes_;
  std::vector<std::string> trusted_origins_;
  Authenticator authenticator_;
  Fallback fallback_;
};

}  // namespace northstar::http
