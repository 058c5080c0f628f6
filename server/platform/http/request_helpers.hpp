// Helpers every route uses: body parsing, If-Match versions, ETags, pagination.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "platform/common/error.hpp"
#include "platform/common/json.hpp"
#include "platform/http/message.hpp"

namespace northstar::http {

// The version a client read, from `If-Match: "7"` (quotes optional). 428 when absent.
Result<int64_t> RequireIfMatch(const Request& request);
void SetEtag(Response& response, int64_t version);
Result<json::object> JsonBody(const Request& request);

struct Page {
  int limit = 50;
  std::optional<json::object> cursor;  // decoded keyset position
};
// Reads `limit` (1..200) and `cursor` (opaque) from the query.
Result<Page> ReadPage(const Request& request, int default_limit = 50);
std::string EncodeCursor(const json::object& position);
// {"items": [...], "next_cursor": cursor|null}
json::object ListBody(json::array items, const std::optional<json::object>& next);

}  // namespace northstar::http
