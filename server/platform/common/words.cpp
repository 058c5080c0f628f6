#include "platform/common/words.hpp"

#include <map>
#include <stdexcept>

#include "platform/common/json.hpp"

namespace northstar {
namespace {

using Groups = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

Groups Load() {
  auto parsed = ParseJsonObject(WordsDocument());
  if (!parsed.ok()) throw std::logic_error("docs/words.json is not a JSON object");
  Groups out;
  for (const auto& [group, values] : parsed.value()) {
    if (!values.is_object()) continue;
    auto& words = out[std::string(group)];
    for (const auto& [value, word] : values.as_object()) {
      if (word.is_string()) words[std::string(value)] = std::string(word.as_string());
    }
  }
  return out;
}

}  // namespace

std::string Word(std::string_view group, std::string_view value) {
  static const Groups kGroups = Load();  // thread-safe initialisation
  auto g = kGroups.find(group);
  if (g == kGroups.end()) return std::string(value);
  auto w = g->second.find(value);
  return w == g->second.end() ? std::string(value) : w->second;
}

std::string Capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace northstar
