#include "platform/http/request_helpers.hpp"

#include <sodium.h>

#include <cctype>
#include <charconv>

#include "platform/common/ids.hpp"

namespace northstar::http {

std::optional<std::string> RequestOrigin(const Request& request) {
  const auto host = request.Header("host");
  if (!host || host->empty() || host->size() > 255) return std::nullopt;
  // A host name or address and an optional port; anything else (a path, user info, spaces)
  // would make the link point somewhere else than the server the client reached.
  for (char c : *host) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
                    c == ':' || c == '[' || c == ']';
    if (!ok) return std::nullopt;
  }
  return std::string(request.secure ? "https://" : "http://") + *host;
}

Result<int64_t> RequireIfMatch(const Request& request, int64_t lowest) {
  auto header = request.Header("if-match");
  if (!header) {
    return MakeError(ErrorCode::kPreconditionRequired,
                     "Send the version you read in an If-Match header so that a concurrent change "
                     "is not overwritten.");
  }
  std::string_view v = *header;
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  int64_t version = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
  if (ec != std::errc() || ptr != v.data() + v.size() || version < lowest) {
    return Malformed("If-Match must be the record's version, e.g. \"3\".");
  }
  return version;
}

void SetEtag(Response& response, int64_t version) {
  response.SetHeader("ETag", "\"" + std::to_string(version) + "\"");
}

Result<DayPattern> ReadDayPattern(const Request& request) {
  const auto text = request.Query("date_format");
  if (!text || text->empty()) return DayPattern();
  auto pattern = DayPattern::Parse(*text);
  if (!pattern) {
    return Invalid("date_format",
                   "must be a day pattern of D or DD, M, MM or MMM and YYYY with separators, "
                   "such as D MMM YYYY");
  }
  return *pattern;
}

Result<json::object> JsonBody(const Request& request) { return ParseJsonObject(request.body); }

std::string EncodeCursor(const json::object& position) {
  const std::string text = json::serialize(position);
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

Result<Page> ReadPage(const Request& request, int default_limit) {
  Page page;
  page.limit = default_limit;
  if (auto limit = request.Query("limit")) {
    int n = 0;
    auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || ptr != limit->data() + limit->size() || n < 1 || n > 200) {
      return Malformed("limit must be a whole number from 1 to 200.");
    }
    page.limit = n;
  }
  if (auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
    std::string raw(cursor->size(), '\0');
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), cursor->c_str(),
                          cursor->size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
      return Malformed("The cursor is not one this server issued.");
    }
    raw.resize(len);
    boost::system::error_code ec;
    auto v = json::parse(raw, ec);
    if (ec || !v.is_object()) return Malformed("The cursor is not one this server issued.");
    page.cursor = std::move(v.as_object());
  }
  return page;
}

json::object ListBody(json::array items, const std::optional<json::object>& next) {
  json::object body;
  body["items"] = std::move(items);
  body["next_cursor"] = next ? json::value(EncodeCursor(*next)) : json::value(nullptr);
  return body;
}

std::optional<std::string> CursorText(const Page& page, std::string_view key) {
  if (!page.cursor) return std::nullopt;
  auto it = page.cursor->find(key);
  if (it == page.cursor->end() || !it->value().is_string()) return std::nullopt;
  return std::string(it->value().as_string());
}

Response One(int status, json::object body, int64_t version) {
  Response r = JsonResponse(status, std::move(body));
  SetEtag(r, version);
  return r;
}

Result<Response> Paged(const Request& request, json::array all,
                       const std::vector<std::string>& keys) {
  return PagedBy(request, std::move(all), keys.size() + 1, [&](const json::object& item) {
    std::vector<std::string> k;
    for (const auto& field : keys) {
      const json::value& v = item.at(field);
      k.push_back(v.is_string() ? std::string(v.as_string()) : "");
    }
    k.emplace_back(item.at("id").as_string());
    return k;
  });
}

Result<Response> PagedBy(const Request& request, json::array all, size_t key_size,
                         const std::function<std::vector<std::string>(const json::object&)>& key) {
  NS_ASSIGN_OR_RETURN(http::Page page, ReadPage(request));
  const auto key_of = [&](const json::value& item) { return key(item.as_object()); };
  // Byte order, the same on both databases.
  std::stable_sort(all.begin(), all.end(), [&](const json::value& a, const json::value& b) {
    return key_of(a) < key_of(b);
  });
  std::optional<std::vector<std::string>> after;
  if (page.cursor) {
    const json::value* k = page.cursor->if_contains("k");
    if (!k || !k->is_array() || k->as_array().size() != key_size) {
      return Malformed("The cursor is not one this server issued.");
    }
    after.emplace();
    for (const auto& v : k->as_array()) {
      if (!v.is_string()) return Malformed("The cursor is not one this server issued.");
      after->push_back(std::string(v.as_string()));
    }
  }
  json::array items;
  bool more = false;
  for (const auto& item : all) {
    if (after && !(key_of(item) > *after)) continue;
    if (items.size() == static_cast<size_t>(page.limit)) {
      more = true;
      break;
    }
    items.push_back(item);
  }
  std::optional<json::object> next;
  if (more) {
    json::array k;
    for (auto& part : key_of(items.back())) k.push_back(json::value(part));
    next = json::object{{"k", std::move(k)}};
  }
  return JsonResponse(200, ListBody(std::move(items), next));
}

Result<json::array> Filtered(const Request& request, json::array all,
                             const std::vector<Filter>& filters) {
  for (const auto& f : filters) {
    auto want = request.Query(f.param);
    if (!want || want->empty()) continue;
    if (!f.allowed.empty() &&
        std::find(f.allowed.begin(), f.allowed.end(), *want) == f.allowed.end()) {
      return Malformed(f.param + " must be one of the documented values.");
    }
    if (f.id && !IsValidId(*want)) return Malformed(f.param + " must be an id.");
    json::array kept;
    for (auto& item : all) {
      const json::value& v = item.as_object().at(f.field);
      const std::string text = v.is_bool()     ? (v.as_bool() ? "true" : "false")
                               : v.is_string() ? std::string(v.as_string())
                                               : "";
      if (text == *want) kept.push_back(std::move(item));
    }
    all = std::move(kept);
  }
  return all;
}

}  // namespace northstar::http
