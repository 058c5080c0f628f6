// Fuzzes the router's path matching (platform/http/router.hpp) on a copy of the shapes of the real
// route table: parameters, several per path, a parameter with a suffix ("{token}.ics"), static
// segments beside parameters, and methods that share a path. The input is "METHOD TARGET" (up to
// the first space); the path is made from the target as the server makes it (the part before '?',
// percent-decoded when that works). Checks, for paths that start with '/', beyond not crashing:
//  - the route that answers is the first one, in order of registration, whose pattern matches and
//    whose method is the request's (HEAD reaching GET), by an independent matcher;
//  - its parameters are non-empty, hold no '/', are exactly the pattern's names, and substituted
//    back into the pattern give the path;
//  - a parameter named id or *_id that is not a well-formed id is a 400 and the handler never runs;
//  - a path some pattern matches with no route for the method is a 405 whose Allow lists exactly
//    the methods that have one, in order; anything else is a 404;
//  - every answer but the handler's own is a problem document that parses as a JSON object.
//  - a path that does not start with '/' or is not UTF-8 is a 400, and the handler never runs;
//  - every problem document is UTF-8 (it may quote the path).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/json.hpp"
#include "platform/http/message.hpp"
#include "platform/http/router.hpp"

namespace {

namespace http = northstar::http;
using northstar::fuzz::Require;
using Params = std::map<std::string, std::string>;

struct Shape {
  const char* method;
  const char* pattern;
};

// Shapes from the modules' RegisterRoutes, in their order of registration.
constexpr Shape kRoutes[] = {
    {"GET", "/api/v1/me"},
    {"POST", "/api/v1/auth/login"},
    {"DELETE", "/api/v1/tokens/{id}"},
    {"GET", "/api/v1/invitations/lookup"},
    {"DELETE", "/api/v1/invitations/{id}"},
    {"POST", "/api/v1/me/notifications/{notification_id}/read"},
    {"GET", "/api/v1/calendar/{token}.ics"},
    {"GET", "/api/v1/alliances"},
    {"POST", "/api/v1/alliances"},
    {"GET", "/api/v1/alliances/{id}"},
    {"PATCH", "/api/v1/alliances/{id}"},
    {"POST", "/api/v1/alliances/{id}/stage"},
    {"PATCH", "/api/v1/alliances/{id}/members/{user_id}"},
    {"DELETE", "/api/v1/alliances/{id}/members/{user_id}"},
    {"GET", "/api/v1/alliances/{id}/agreements"},
    {"POST", "/api/v1/alliances/{id}/agreements"},
    {"GET", "/api/v1/alliances/{id}/agreements/{agreement_id}"},
    {"PATCH", "/api/v1/alliances/{id}/agreements/{agreement_id}"},
    {"DELETE", "/api/v1/alliances/{id}/agreements/{agreement_id}"},
    {"GET", "/api/v1/alliances/{id}/agreements/{agreement_id}/documents"},
    {"POST", "/api/v1/alliances/{id}/agreements/{agreement_id}/documents"},
    {"GET", "/api/v1/alliances/{id}/agreements/{agreement_id}/documents/{document_id}/content"},
    {"PATCH", "/api/v1/alliances/{id}/agreements/{agreement_id}/notes/{note_id}"},
    {"GET", "/api/v1/alliances/{id}/obligations/{obligation_id}/occurrences"},
    {"PUT", "/api/v1/alliances/{id}/obligations/{obligation_id}/occurrences/{due_on}"},
    {"GET", "/api/v1/alliances/{id}/compliance"},
    {"GET", "/api/v1/alliances/{id}/compliance/export.xlsx"},
    {"POST", "/api/v1/alliances/{id}/datasets/{dataset_id}/destruction"},
    {"GET", "/api/v1/alliances/{id}/kpis/{kpi_id}/values/{value_id}"},
    {"GET", "/api/v1/alliances/{id}/meetings/{meeting_id}/agenda/{item_id}"},
};
constexpr size_t kRouteCount = sizeof kRoutes / sizeof kRoutes[0];

// What the last handler call saw.
std::optional<size_t> g_called;
Params g_params;

const http::Router& TheRouter() {
  static const http::Router router = [] {
    http::Router r;
    for (size_t i = 0; i < kRouteCount; ++i) {
      http::RouteOptions options;
      options.access = http::Access::kPublic;
      r.Add(
          kRoutes[i].method, kRoutes[i].pattern,
          [i](http::RequestContext& context) -> northstar::Result<http::Response> {
            g_called = i;
            g_params = context.params;
            return http::NoContent();
          },
          options);
    }
    return r;
  }();
  return router;
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  for (;;) {
    const size_t at = path.find('/');
    out.push_back(path.substr(0, at));
    if (at == std::string_view::npos) return out;
    path.remove_prefix(at + 1);
  }
}

// The pattern's parameters for `path` (which starts with '/'), or nullopt when it does not match.
std::optional<Params> Match(std::string_view pattern, std::string_view path) {
  const auto want = Segments(pattern.substr(1)), got = Segments(path.substr(1));
  if (want.size() != got.size()) return std::nullopt;
  Params params;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].starts_with('{')) {
      const size_t close = want[i].find('}');
      const std::string_view suffix = want[i].substr(close + 1);
      if (got[i].size() <= suffix.size() || !got[i].ends_with(suffix)) return std::nullopt;
      params[std::string(want[i].substr(1, close - 1))] =
          std::string(got[i].substr(0, got[i].size() - suffix.size()));
    } else if (want[i] != got[i]) {
      return std::nullopt;
    }
  }
  return params;
}

std::string Substitute(std::string_view pattern, const Params& params) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      const size_t close = pattern.find('}', i);
      const auto it = params.find(std::string(pattern.substr(i + 1, close - i - 1)));
      Require(it != params.end(), "every parameter of the pattern is given", std::string(pattern));
      out += it->second;
      i = close + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

bool IsIdParam(const std::string& name) {
  return name == "id" || (name.size() > 3 && name.ends_with("_id"));
}

bool MethodFits(std::string_view route_method, std::string_view method) {
  return route_method == method || (method == "HEAD" && route_method == "GET");
}

// Requires: the method and the path are valid UTF-8, which the detail quotes. (Beast takes only
// ASCII tokens for methods; a path whose raw bytes are not UTF-8 is quoted as it came: reported.)
void CheckProblem(const http::Response& response) {
  Require(northstar::ParseJsonObject(response.body).ok(), "a problem is a JSON object",
          response.body);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t space = input.find(' ');
  http::Request request;
  request.method = std::string(input.substr(0, space));
  request.target = space == std::string_view::npos ? "" : std::string(input.substr(space + 1));
  const std::string raw_path = request.target.substr(0, request.target.find('?'));
  if (!http::PercentDecode(raw_path, request.path, false)) request.path = raw_path;
  request.request_id = "01938a4e-7c2b-7d5e-9f10-2b3c4d5e6f70";
  const std::string& path = request.path;

  g_called.reset();
  g_params.clear();
  const http::Response response = TheRouter().Handle(request);
  const int status = response.status;
  Require(status == 204 || status == 400 || status == 404 || status == 405,
          "the router answers 204, 400, 404 or 405", path);
  Require(g_called.has_value() == (status == 204), "the handler answered exactly when 204", path);
  if (status != 204 && northstar::fuzz::IsWellFormedUtf8(request.method)) {
    Require(northstar::fuzz::IsWellFormedUtf8(response.body), "a problem document is UTF-8", path);
    CheckProblem(response);
  }
  if (!path.starts_with('/') || !northstar::fuzz::IsWellFormedUtf8(path)) {
    Require(status == 400 && !g_called, "a path not absolute or not UTF-8 is a 400", path);
    return 0;
  }

  std::optional<size_t> expected;
  Params expected_params;
  std::vector<std::string> allowed;
  for (size_t i = 0; i < kRouteCount; ++i) {
    const auto params = Match(kRoutes[i].pattern, path);
    if (!params) continue;
    if (std::find(allowed.begin(), allowed.end(), kRoutes[i].method) == allowed.end()) {
      allowed.emplace_back(kRoutes[i].method);
    }
    if (!expected && MethodFits(kRoutes[i].method, request.method)) {
      expected = i;
      expected_params = *params;
    }
  }

  if (!expected) {
    Require(!g_called, "no handler runs without a matching route", path);
    if (allowed.empty()) {
      Require(status == 404, "a path no pattern matches is a 404", path);
    } else {
      std::string allow;
      for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
      Require(status == 405, "a path matched for other methods is a 405", path);
      Require(response.Header("Allow") == allow, "Allow lists the path's methods in order",
              allow + " | " + response.Header("Allow").value_or("(none)"));
    }
    return 0;
  }

  bool ids_ok = true;
  for (const auto& [name, value] : expected_params) {
    if (IsIdParam(name) && !northstar::IsValidId(value)) ids_ok = false;
  }
  if (!ids_ok) {
    Require(status == 400 && !g_called, "a malformed id is a 400 before the handler", path);
    return 0;
  }
  Require(g_called == expected, "the first matching route answers",
          path + " got " + (g_called ? kRoutes[*g_called].pattern : "none"));
  Require(g_params == expected_params, "the handler gets the pattern's parameters", path);
  for (const auto& [name, value] : g_params) {
    Require(!value.empty() && value.find('/') == std::string::npos,
            "a parameter is a non-empty segment", value);
  }
  Require(Substitute(kRoutes[*g_called].pattern, g_params) == path,
          "parameters substituted into the pattern give the path", path);
  return 0;
}
