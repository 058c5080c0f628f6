#include "platform/common/json.hpp"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <cmath>
#include <set>

#include "platform/common/date.hpp"
#include "platform/common/ids.hpp"

namespace northstar {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

size_t Utf8Length(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Serialize(const json::value& v) { return json::serialize(v); }

namespace {

// A basic_parser handler that watches what a parsed value no longer shows: keys repeated within
// one object (one set of the keys seen per open object) and numbers beyond a double's range,
// which Boost.JSON would read as infinity.
struct BodyScanner {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  using ec_t = boost::system::error_code;

  std::vector<std::set<std::string>> open;
  std::string key;
  std::optional<std::string> repeated;
  bool number_out_of_range = false;

  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }
  bool on_array_begin(ec_t&) { return true; }
  bool on_array_end(std::size_t, ec_t&) { return true; }
  bool on_object_begin(ec_t&) {
    open.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, ec_t&) {
    open.pop_back();
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, ec_t&) { return true; }
  bool on_string(json::string_view, std::size_t, ec_t&) { return true; }
  bool on_key_part(json::string_view s, std::size_t, ec_t&) {
    key.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, ec_t& ec) {
    key.append(s.data(), s.size());
    if (!open.back().insert(key).second) {
      repeated = key;
      ec = json::error::extra_data;  // any error: it only stops the parse
      return false;
    }
    key.clear();
    return true;
  }
  bool on_number_part(json::string_view, ec_t&) { return true; }
  bool on_int64(int64_t, json::string_view, ec_t&) { return true; }
  bool on_uint64(uint64_t, json::string_view, ec_t&) { return true; }
  bool on_double(double d, json::string_view, ec_t& ec) {
    if (std::isfinite(d)) return true;
    number_out_of_range = true;
    ec = json::error::extra_data;  // any error: it only stops the parse
    return false;
  }
  bool on_bool(bool, ec_t&) { return true; }
  bool on_null(ec_t&) { return true; }
  bool on_comment_part(json::string_view, ec_t&) { return true; }
  bool on_comment(json::string_view, ec_t&) { return true; }
};

}  // namespace

namespace {

BodyScanner Scan(std::string_view text) {
  json::parse_options options;
  options.max_depth = 64;
  json::basic_parser<BodyScanner> parser(options);
  boost::system::error_code ec;
  parser.write_some(false, text.data(), text.size(), ec);
  return std::move(parser.handler());
}

}  // namespace

std::optional<std::string> RepeatedKey(std::string_view text) { return Scan(text).repeated; }

Result<json::object> ParseJsonObject(std::string_view body) {
  if (body.empty()) return Malformed("The request needs a JSON object body.");
  if (!IsValidUtf8(body)) return Malformed("The request body is not valid UTF-8.");
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 16;
  json::value v = json::parse(body, ec, {}, options);
  if (ec) return Malformed("The request body is not valid JSON: " + ec.message() + ".");
  if (!v.is_object()) return Malformed("The request body must be a JSON object.");
  const BodyScanner scan = Scan(body);
  if (scan.repeated) {
    return Malformed("The request body repeats the key \"" + *scan.repeated +
                     "\" in one object; send each field once.");
  }
  if (scan.number_out_of_range) {
    return Malformed("The request body holds a number too large to represent.");
  }
  return std::move(v.as_object());
}

InputReader::InputReader(const json::object& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {}

std::string InputReader::Path(std::string_view key) const {
  return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

bool InputReader::Has(std::string_view key) const { return object_.contains(key); }

bool InputReader::IsNull(std::string_view key) const {
  auto it = object_.find(key);
  return it != object_.end() && it->value().is_null();
}

void InputReader::PermitNull(std::string_view key) { nullable_.emplace_back(key); }

void InputReader::AddError(std::string_view key, std::string message) {
  errors_.push_back({Path(key), std::move(message)});
}

void InputReader::Merge(std::vector<FieldError> errors) {
  for (auto& e : errors) errors_.push_back(std::move(e));
}

const json::value* InputReader::Get(std::string_view key, Presence presence) {
  read_.emplace_back(key);
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (presence == Presence::kRequired) AddError(key, "is required");
    return nullptr;
  }
  if (it->value().is_null()) {
    const bool nullable = presence == Presence::kNullable ||
                          std::find(nullable_.begin(), nullable_.end(), key) != nullable_.end();
    if (presence == Presence::kRequired) {
      AddError(key, "is required");
    } else if (!nullable) {
      AddError(key, "must not be null");
    }
    return nullptr;
  }
  return &it->value();
}

std::optional<std::string> InputReader::String(std::string_view key, Presence presence,
                                               size_t max_length, size_t min_length) {
  const json::value* v = Get(key, presence);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    AddError(key, "must be a string");
    return std::nullopt;
  }
  std::string s(v->as_string());
  // Trim surrounding whitespace: "  " is not a name.
  const auto first = s.find_first_not_of(" \t\r\n");
  s = first == std::string::npos ? "" : s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
  const size_t length = Utf8Length(s);
  if (length < min_length) {
    AddError(key, min_length == 1
                      ? "must not be empty"
                      : "must be at least " + std::to_string(min_length) + " characters");
    return std::nullopt;
  }
  if (length > max_length) {
    AddError(key, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  if (std::any_of(s.begin(), s.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r';
      })) {
    AddError(key, "must not contain control characters");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> InputReader::Enum(std::string_view key, Presence presence,
                                             const std::vector<std::string_view>& allowed) {
  const json::value* v = Get(key, presence);
  if (!v) return std::nullopt;
  if (v->is_string()) {
    std::string_view s = v->as_string();
    if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) return std::string(s);
  }
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  AddError(key, "must be one of: " + list);
  return std::nullopt;
}

std::optional<int64_t> InputReader::Integer(std::string_view key, Presence presence, int64_t min,
                                            int64_t max) {
  const json::value* v = Get(key, presence);
  if (!v) return std::nullopt;
  int64_t n;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    n = static_cast<int64_t>(v->as_uint64());
  } else {
    AddError(key, "must be an integer");
    return std::nullopt;
  }
  if (n < min || n > max) {
    AddError(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<double> InputReader::Number(std::string_view key, Presence presence) {
  const json::value* v = Get(key, presence);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    AddError(key, "must be a number");
    return std::nullopt;
  }
  const double n = v->to_number<double>();
  if (!std::isfinite(n) || std::abs(n) > 1e15) {
    AddError(key, "must be a number between -1e15 and 1e15");
    return std::nullopt;
  }
  return n;
}

std::optional<bool> InputReader::Bool(std::string_view key, Presence presence) {
  const json::value* v = Get(key, presence);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    AddError(key, "must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::string> InputReader::Date(std::string_view key, Presence presence) {
  const json::value* v = Get(key, presence);
  if (!v) return std::nullopt;
  if (!v->is_string() || !northstar::Date::Parse(v->as_string())) {
    AddError(key, "must be a calendar date as YYYY-MM-DD");
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<std::string> InputReader::Id(std::string_view key, Presence presence) {
  const json::value* v = Get(key, presence);
  if (!v) return std::nullopt;
  if (!v->is_string() || !IsValidId(v->as_string())) {
    AddError(key, "must be an id");
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<std::vector<std::string>> InputReader::StringArray(std::string_view key,
                                                                 Presence presence,
                                                                 size_t max_items,
                                                                 size_t max_length) {
  const json::array* a = Array(key, presence, max_items);
  if (!a) return std::nullopt;
  std::vector<std::string> out;
  for (size_t i = 0; i < a->size(); ++i) {
    const auto& item = (*a)[i];
    const std::string path = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_string()) {
      AddError(path, "must be a string");
      return std::nullopt;
    }
    std::string s(item.as_string());
    if (s.empty() || Utf8Length(s) > max_length) {
      AddError(path, "must be 1 to " + std::to_string(max_length) + " characters");
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), s) != out.end()) {
      AddError(path, "repeats an earlier item");
      return std::nullopt;
    }
    out.push_back(std::move(s));
  }
  return out;
}

const json::array* InputReader::Array(std::string_view key, Presence presence, size_t max_items) {
  const json::value* v = Get(key, presence);
  if (!v) return nullptr;
  if (!v->is_array()) {
    AddError(key, "must be an array");
    return nullptr;
  }
  if (v->as_array().size() > max_items) {
    AddError(key, "must have at most " + std::to_string(max_items) + " items");
    return nullptr;
  }
  return &v->as_array();
}

const json::object* InputReader::Object(std::string_view key, Presence presence) {
  const json::value* v = Get(key, presence);
  if (!v) return nullptr;
  if (!v->is_object()) {
    AddError(key, "must be an object");
    return nullptr;
  }
  return &v->as_object();
}

std::vector<FieldError> InputReader::Finish() {
  for (const auto& kv : object_) {
    if (std::find(read_.begin(), read_.end(), kv.key()) == read_.end()) {
      AddError(kv.key(), "is not a known field");
    }
  }
  return std::move(errors_);
}

json::array ToJsonArray(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& s : items) a.emplace_back(s);
  return a;
}

std::vector<std::string> StringsFromJsonText(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

Status FieldErrorsToStatus(std::vector<FieldError> errors) {
  if (errors.empty()) return OkStatus();
  return Invalid(std::move(errors));
}

}  // namespace northstar
