// A record's fields, declared once. A module describes the fields its table stores, each in a
// column of the same name, beside the record's struct:
//
//   struct Objective : records::RecordBase {
//     std::string title, description, horizon, status;
//   };
//   BOOST_DESCRIBE_STRUCT(Objective, (records::RecordBase), (title, description, horizon, status))
//
// and the kit derives from that one list the column lists of its SQL, the row mapping, the
// bindings, the record's JSON, its audit view and the merge of a change's input. A described
// field is one of the column types below; a field that is not a column of its own (joined from
// another table, stored in several columns or in rows of another table) is left out of the
// description and handled by the table's hooks (table.hpp).
#pragma once

#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "platform/common/json.hpp"
#include "platform/db/database.hpp"
#include "platform/records/record.hpp"

namespace northstar::records {

// A number stored as text, which keeps its digits alike on both databases.
std::string NumberText(double value);
double ParseNumber(std::string_view text);
// A list of integers as JSON, and back from JSON text (what is not an integer is left out).
json::array IntsJson(const std::vector<int64_t>& v);
std::vector<int64_t> IntsFromJsonText(const std::string& text);

namespace internal {

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

// One column's value from a row, by the field's type.
template <typename F>
F ReadColumn(const db::Row& row, const std::string& column) {
  if constexpr (std::is_same_v<F, std::string>) {
    return row.Str(column);
  } else if constexpr (std::is_same_v<F, std::optional<std::string>>) {
    return row.OptStr(column);
  } else if constexpr (std::is_same_v<F, bool>) {
    return row.Bool(column);
  } else if constexpr (std::is_same_v<F, int64_t>) {
    return row.Int(column);
  } else if constexpr (std::is_same_v<F, std::optional<int64_t>>) {
    return row.OptInt(column);
  } else if constexpr (std::is_same_v<F, double>) {
    return ParseNumber(row.Str(column));
  } else if constexpr (std::is_same_v<F, std::optional<double>>) {
    auto text = row.OptStr(column);
    return text ? std::optional<double>(ParseNumber(*text)) : std::nullopt;
  } else if constexpr (std::is_same_v<F, std::vector<std::string>>) {
    return StringsFromJsonText(row.Str(column));  // a JSON array of strings
  } else if constexpr (std::is_same_v<F, std::vector<int64_t>>) {
    return IntsFromJsonText(row.Str(column));  // a JSON array of integers
  } else {
    static_assert(sizeof(F) == 0, "a described record field must be a column type");
  }
}

template <typename F>
void BindColumn(db::Params& p, const std::string& name, const F& v) {
  if constexpr (std::is_same_v<F, std::optional<int64_t>>) {
    v ? p.Set(name, *v) : p.SetNull(name);
  } else if constexpr (std::is_same_v<F, double>) {
    p.Set(name, NumberText(v));
  } else if constexpr (std::is_same_v<F, std::optional<double>>) {
    v ? p.Set(name, NumberText(*v)) : p.SetNull(name);
  } else if constexpr (std::is_same_v<F, std::vector<std::string>>) {
    p.Set(name, Serialize(ToJsonArray(v)));
  } else if constexpr (std::is_same_v<F, std::vector<int64_t>>) {
    p.Set(name, Serialize(IntsJson(v)));
  } else {
    p.Set(name, v);
  }
}

template <typename F>
json::value ColumnJson(const F& v) {
  if constexpr (IsOptional<F>::value) {
    return OptionalJson(v);
  } else if constexpr (std::is_same_v<F, std::vector<std::string>>) {
    return ToJsonArray(v);
  } else if constexpr (std::is_same_v<F, std::vector<int64_t>>) {
    return IntsJson(v);
  } else {
    return json::value(v);
  }
}

constexpr bool SameName(const char* a, const char* b) {
  for (; *a && *a == *b; ++a, ++b) {
  }
  return *a == *b;
}

}  // namespace internal

// Calls f(name, member pointer) for each described field of T, in the description's order.
template <typename T, typename F>
void ForEachField(F&& f) {
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto d) { f(d.name, d.pointer); });
}

// "a, b, c", ":a, :b, :c" and "a = :a, b = :b, c = :c" over the described fields.
template <typename T>
const std::string& ColumnList() {
  static const std::string out = [] {
    std::string s;
    ForEachField<T>(
        [&](const char* name, auto) { s += (s.empty() ? "" : ", ") + std::string(name); });
    return s;
  }();
  return out;
}
template <typename T>
const std::string& ValueList() {
  static const std::string out = [] {
    std::string s;
    ForEachField<T>(
        [&](const char* name, auto) { s += (s.empty() ? ":" : ", :") + std::string(name); });
    return s;
  }();
  return out;
}
template <typename T>
const std::string& SetList() {
  static const std::string out = [] {
    std::string s;
    ForEachField<T>([&](const char* name, auto) {
      s += (s.empty() ? "" : ", ") + std::string(name) + " = :" + name;
    });
    return s;
  }();
  return out;
}

template <typename T>
void ReadFields(const db::Row& row, T& r) {
  ForEachField<T>([&](const char* name, auto member) {
    using F = std::remove_cvref_t<decltype(r.*member)>;
    r.*member = internal::ReadColumn<F>(row, name);
  });
}

template <typename T>
void BindFields(db::Params& p, const T& r) {
  ForEachField<T>([&](const char* name, auto member) { internal::BindColumn(p, name, r.*member); });
}

// The described fields as JSON, under their names, added to `out`.
template <typename T>
json::object FieldsJson(const T& r, json::object out = {}) {
  ForEachField<T>(
      [&](const char* name, auto member) { out[name] = internal::ColumnJson(r.*member); });
  return out;
}

// A record as the API returns it: the base, the described fields and `extra` (what the record
// shows beyond its columns: joined names, derived values; an extra key replaces a field's).
// `elsewhere`: described fields the record shows inside an extra value instead (a meeting's
// minutes revision, under "minutes").
template <typename T>
json::object Json(const T& r, json::object extra = {},
                  std::initializer_list<std::string_view> elsewhere = {}) {
  json::object out = FieldsJson(r);
  for (std::string_view key : elsewhere) out.erase(key);
  for (auto& entry : extra) out[entry.key()] = std::move(entry.value());
  return RecordJson(r, std::move(out));
}

// A record as its audit events record it: the base the policy reads and the described fields.
template <typename T>
json::object Audit(const T& r) {
  return FieldsJson(r, RecordAudit(r));
}

// Sets each field of `r` that `input` gives a value for: a described field of the input's type
// (std::optional<F>, or std::optional<std::optional<F>> for a field a change may clear) sets the
// record's described field of the same name. Input fields the record does not describe are the
// module's to apply.
template <typename Input, typename T>
void Merge(const Input& input, T& r) {
  namespace describe = boost::describe;
  boost::mp11::mp_for_each<describe::describe_members<Input, describe::mod_public>>([&](auto in) {
    using In = std::remove_cvref_t<decltype(in)>;
    boost::mp11::mp_for_each<describe::describe_members<T, describe::mod_public>>([&](auto field) {
      using Field = std::remove_cvref_t<decltype(field)>;
      if constexpr (internal::SameName(In::name, Field::name)) {
        const auto& value = input.*In::pointer;
        static_assert(std::is_assignable_v<decltype(r.*Field::pointer)&, decltype(*value)>,
                      "an input field and the record field of the same name must agree");
        if (value) r.*Field::pointer = *value;
      }
    });
  });
}

}  // namespace northstar::records
