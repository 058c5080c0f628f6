#include "app/demo_template.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace northstar::demo {
namespace {

[[noreturn]] void Fail(std::string_view reference, const std::string& why) {
  throw std::invalid_argument("{" + std::string(reference) + "}: " + why);
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::optional<int64_t> ParseInteger(std::string_view text) {
  if (text.starts_with('+')) text.remove_prefix(1);
  int64_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

// Where index `i` of a list of `size` items falls, counting from the end when negative, clamped
// to 0..size as Python clamps a slice's bounds.
size_t SliceBound(int64_t i, size_t size) {
  const auto n = static_cast<int64_t>(size);
  if (i < 0) i += n;
  return static_cast<size_t>(std::clamp<int64_t>(i, 0, n));
}

// Applies one "[i]", "[a:b]" or "[field=value]" to a list.
json::value Subscript(std::string_view reference, const json::value& value,
                      std::string_view inside) {
  if (!value.is_array()) Fail(reference, "[" + std::string(inside) + "] of something not a list");
  const json::array& list = value.get_array();
  if (const size_t equals = inside.find('='); equals != std::string_view::npos) {
    const std::string_view field = inside.substr(0, equals), wanted = inside.substr(equals + 1);
    for (const auto& item : list) {
      const auto* v = item.is_object() ? item.get_object().if_contains(field) : nullptr;
      if (v && v->is_string() && v->get_string() == wanted) return item;
    }
    Fail(reference, "no item has " + std::string(field) + " \"" + std::string(wanted) + "\"");
  }
  const size_t colon = inside.find(':');
  if (colon == std::string_view::npos) {
    const auto i = ParseInteger(inside);
    if (!i) Fail(reference, "[" + std::string(inside) + "] is not an index");
    const int64_t at = *i < 0 ? *i + static_cast<int64_t>(list.size()) : *i;
    if (at < 0 || at >= static_cast<int64_t>(list.size())) {
      Fail(reference, "index " + std::to_string(*i) + " of a list of " +
                          std::to_string(list.size()) + " items");
    }
    return list[static_cast<size_t>(at)];
  }
  const std::string_view from = inside.substr(0, colon), to = inside.substr(colon + 1);
  const auto first = from.empty() ? std::optional<int64_t>(0) : ParseInteger(from);
  const auto last =
      to.empty() ? std::optional<int64_t>(static_cast<int64_t>(list.size())) : ParseInteger(to);
  if (!first || !last) Fail(reference, "[" + std::string(inside) + "] is not a slice");
  json::array out;
  for (size_t i = SliceBound(*first, list.size()); i < SliceBound(*last, list.size()); ++i) {
    out.push_back(list[i]);
  }
  return out;
}

}  // namespace

const std::string& Bindings::PasswordOf(const std::string& email) const {
  const auto it = people_.find(email);
  if (it == people_.end()) throw std::invalid_argument("no demo person " + email);
  return it->second.password;
}

json::value Bindings::Lookup(std::string_view reference) const {
  const auto by_key = [&](std::string_view prefix, auto& map,
                          auto field) -> std::optional<json::value> {
    if (!reference.starts_with(prefix)) return std::nullopt;
    const auto it = map.find(reference.substr(prefix.size()));
    if (it == map.end()) Fail(reference, "names no one the demo has created");
    return json::value(field(it->second));
  };
  if (auto v = by_key("org:", organizations_, [](const std::string& id) { return id; })) return *v;
  if (auto v = by_key("user:", people_, [](const Person& p) { return p.id; })) return *v;
  if (auto v = by_key("password:", people_, [](const Person& p) { return p.password; })) return *v;

  size_t at = 0;
  while (at < reference.size() && IsNameChar(reference[at])) ++at;
  const std::string_view name = reference.substr(0, at);
  json::value value;
  if (name == "today") {
    value = today_.Text();
  } else if (const auto it = saved_.find(name); it != saved_.end()) {
    value = it->second;
  } else {
    Fail(reference, name.empty() ? "a reference begins with a name"
                                 : "no step saved \"" + std::string(name) + "\" before this one");
  }
  while (at < reference.size()) {
    const char c = reference[at];
    if (c == '.') {
      const size_t start = ++at;
      while (at < reference.size() && IsNameChar(reference[at])) ++at;
      const std::string_view field = reference.substr(start, at - start);
      if (!value.is_object() || !value.get_object().contains(field)) {
        Fail(reference, "has no field \"" + std::string(field) + "\"");
      }
      value = value.get_object().at(field);
    } else if (c == '[') {
      const size_t close = reference.find(']', at);
      if (close == std::string_view::npos) Fail(reference, "a [ is not closed");
      value = Subscript(reference, value, reference.substr(at + 1, close - at - 1));
      at = close + 1;
    } else if (c == '+' || c == '-') {
      const auto days = ParseInteger(reference.substr(at));
      const auto day = value.is_string() ? Date::Parse(value.get_string()) : std::nullopt;
      if (!days) Fail(reference, "a day can move only by a whole number of days");
      if (!day) Fail(reference, "moves by days something that is not a day");
      return json::value(day->AddDays(*days).Text());
    } else {
      Fail(reference, std::string("unexpected '") + c + "'");
    }
  }
  return value;
}

std::string Bindings::ExpandText(std::string_view text) const {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find('{', at);
    if (open == std::string_view::npos) break;
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) {
      throw std::invalid_argument("a { is not closed in \"" + std::string(text) + "\"");
    }
    out.append(text.substr(at, open - at));
    const std::string_view reference = text.substr(open + 1, close - open - 1);
    const json::value value = Lookup(reference);
    if (value.is_string()) {
      out.append(value.get_string());
    } else if (value.is_number()) {
      out.append(Serialize(value));
    } else {
      Fail(reference, "names a list, an object or nothing, which cannot be written into text");
    }
    at = close + 1;
  }
  out.append(text.substr(at));
  return out;
}

json::value Bindings::Expand(const json::value& value) const {
  if (value.is_string()) {
    const std::string_view text = value.get_string();
    if (text.size() > 2 && text.front() == '{' && text.find('}') == text.size() - 1) {
      return Lookup(text.substr(1, text.size() - 2));
    }
    return json::value(ExpandText(text));
  }
  if (value.is_array()) {
    json::array out;
    for (const auto& item : value.get_array()) out.push_back(Expand(item));
    return out;
  }
  if (value.is_object()) {
    json::object out;
    for (const auto& [key, item] : value.get_object()) out[key] = Expand(item);
    return out;
  }
  return value;
}

}  // namespace northstar::demo
