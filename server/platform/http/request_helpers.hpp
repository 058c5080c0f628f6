// Helpers every route uses: body parsing, If-Match versions, ETags, pagination.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/common/error.hpp"
#include "platform/common/json.hpp"
#include "platform/common/time.hpp"
#include "platform/http/message.hpp"

namespace northstar::http {

// The version a client read, from `If-Match: "7"` (quotes optional). 428 when absent.
// `lowest` is 0 for records that exist before anything is stored for them (an occurrence of
// an obligation: version 0 until something is recorded on it).
Result<int64_t> RequireIfMatch(const Request& request, int64_t lowest = 1);
void SetEtag(Response& response, int64_t version);
// The address the client used to reach this server ("https://northstar.example:8443"), from the
// request's scheme and Host; nullopt when the Host is missing or not a plain host[:port].
std::optional<std::string> RequestOrigin(const Request& request);
Result<json::object> JsonBody(const Request& request);
// The reader's day pattern for an export, from `date_format` ("MMM D, YYYY"); "D MMM YYYY" when
// absent, 400 naming the parameter when it is not a pattern.
Result<DayPattern> ReadDayPattern(const Request& request);

struct Page {
  int limit = 50;
  std::optional<json::object> cursor;  // decoded keyset position
};
// Reads `limit` (1..200) and `cursor` (opaque) from the query.
Result<Page> ReadPage(const Request& request, int default_limit = 50);
std::string EncodeCursor(const json::object& position);
// {"items": [...], "next_cursor": cursor|null}
json::object ListBody(json::array items, const std::optional<json::object>& next);
// The text under `key` in the page's cursor, if the cursor has one.
std::optional<std::string> CursorText(const Page& page, std::string_view key);

// Answers one page of rows that were fetched with limit + 1: the extra row only tells that there
// is a next page, whose cursor is `position` of the page's last row.
template <typename Row, typename ToJson, typename Position>
Response PageResponse(const std::vector<Row>& rows, int limit, ToJson to_json, Position position) {
  json::array items;
  const size_t shown = std::min(rows.size(), static_cast<size_t>(limit));
  for (size_t i = 0; i < shown; ++i) items.push_back(to_json(rows[i]));
  std::optional<json::object> next;
  if (rows.size() > shown) next = position(rows[shown - 1]);
  return JsonResponse(200, ListBody(std::move(items), next));
}

// A record's JSON with its version as the ETag.
Response One(int status, json::object body, int64_t version);

// A list small enough to hold (the records of one alliance's plan or governance), paged in
// memory: sorted by `keys` (fields of each item, then its id), in byte order, the same on both
// databases. The cursor holds the last item's keys, so a record deleted between pages skips
// nothing and repeats nothing.
Result<Response> Paged(const Request& request, json::array all,
                       const std::vector<std::string>& keys);
// The same with the order given by `key` (each item's sort key, unique, of `key_size` parts).
Result<Response> PagedBy(const Request& request, json::array all, size_t key_size,
                         const std::function<std::vector<std::string>(const json::object&)>& key);

// Query filters: each named parameter, when given, must equal the item's field (after checking
// it is one of `allowed`, when given, or an id for `kId` filters).
struct Filter {
  std::string param, field;
  std::vector<std::string_view> allowed;
  bool id = false;
};
Result<json::array> Filtered(const Request& request, json::array all,
                             const std::vector<Filter>& filters);

}  // namespace northstar::http
