// JSON helpers: parsing request bodies and reading their fields with validation that collects
// every field error at once, so a client can show all of them beside the form.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/common/error.hpp"

namespace northstar {

namespace json = boost::json;

// Parses a request body that must be one JSON object in valid UTF-8, at most 16 levels deep,
// in which no object repeats a key: {"active":false,"active":true} is refused (400) rather than
// silently taking one of the values, since two readers of the same text could disagree on it.
// A number beyond a double's range (1e400) is refused too, rather than read as infinity.
Result<json::object> ParseJsonObject(std::string_view body);
// The first key repeated within one object of `text` (which must be valid JSON), if any.
std::optional<std::string> RepeatedKey(std::string_view text);
bool IsValidUtf8(std::string_view text);
size_t Utf8Length(std::string_view text);
std::string Serialize(const json::value& v);

// kRequired: absent or null is an error. kOptional: may be absent; null is an error ("must not
// be null"), since a client sending null means to clear a field that cannot be cleared.
// kNullable: may be absent or null (the caller tells them apart with Has/IsNull: null clears).
enum class Presence { kRequired, kOptional, kNullable };

// Reads the fields of one JSON object. Each getter validates its field and records a FieldError
// (with the full dotted path) on failure; Finish() adds one error per field that no getter read.
class InputReader {
 public:
  explicit InputReader(const json::object& object, std::string prefix = "");

  bool Has(std::string_view key) const;
  bool IsNull(std::string_view key) const;
  // Lets the next getter of `key` take null as kNullable does, whatever presence it is given.
  void PermitNull(std::string_view key);

  std::optional<std::string> String(std::string_view key, Presence presence, size_t max_length,
                                    size_t min_length = 0);
  std::optional<std::string> Enum(std::string_view key, Presence presence,
                                  const std::vector<std::string_view>& allowed);
  std::optional<int64_t> Integer(std::string_view key, Presence presence, int64_t min, int64_t max);
  // A finite JSON number (integer or not).
  std::optional<double> Number(std::string_view key, Presence presence);
  std::optional<bool> Bool(std::string_view key, Presence presence);
  std::optional<std::string> Date(std::string_view key, Presence presence);
  std::optional<std::string> Id(std::string_view key, Presence presence);
  std::optional<std::vector<std::string>> StringArray(std::string_view key, Presence presence,
                                                      size_t max_items, size_t max_length);
  const json::array* Array(std::string_view key, Presence presence, size_t max_items);
  const json::object* Object(std::string_view key, Presence presence);

  void AddError(std::string_view key, std::string message);
  std::string Path(std::string_view key) const;
  // Flags unknown fields and returns every error collected by this reader (and nested readers
  // merged with Merge()).
  std::vector<FieldError> Finish();
  void Merge(std::vector<FieldError> errors);
  bool HasErrors() const { return !errors_.empty(); }

 private:
  const json::value* Get(std::string_view key, Presence presence);

  const json::object& object_;
  std::string prefix_;
  std::vector<std::string> read_;
  std::vector<std::string> nullable_;
  std::vector<FieldError> errors_;
};

// An optional value as JSON: the value, or null.
template <typename T>
json::value OptionalJson(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// A list of strings as a JSON array, and back from JSON text (anything else gives an empty list).
json::array ToJsonArray(const std::vector<std::string>& items);
std::vector<std::string> StringsFromJsonText(const std::string& text);

// Returns Invalid(errors) when there are any, else OkStatus().
Status FieldErrorsToStatus(std::vector<FieldError> errors);

}  // namespace northstar
