// The server's own request and response types. Handlers see only these, never Beast, so module
// code compiles without Beast headers and routes are testable without sockets.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/common/error.hpp"
#include "platform/common/json.hpp"

namespace northstar::http {

struct Request {
  std::string method;  // upper case: "GET", "POST", ...
  std::string target;  // as received, e.g. "/api/v1/alliances?stage=execution"
  std::string path;    // percent-decoded path without the query
  std::multimap<std::string, std::string> query;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;
  std::string request_id;
  bool secure = false;  // came over TLS (directly or through a trusted proxy)

  std::optional<std::string> Header(std::string_view lower_case_name) const;
  std::optional<std::string> Query(std::string_view name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Filled by the router for the access log.
  std::string user_id;

  void SetHeader(std::string name, std::string value);
  std::optional<std::string> Header(std::string_view name) const;
};

Response JsonResponse(int status, const json::value& body);
Response NoContent();
Response ProblemResponse(const Error& error, const std::string& request_id);
int StatusOf(ErrorCode code);

// Splits "a=1&b=x%20y" into decoded pairs; false when the encoding is broken.
bool ParseQuery(std::string_view query, std::multimap<std::string, std::string>& out);
bool PercentDecode(std::string_view in, std::string& out, bool plus_is_space);

}  // namespace northstar::http
