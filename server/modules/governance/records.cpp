#include "modules/governance/records.hpp"

#include "platform/common/json.hpp"

namespace northstar::governance {
namespace {

// Written by the functions below; anything else (a hand edit) is skipped, not a failed request.
template <typename T, typename FromObject>
std::vector<T> ArrayFromJson(const std::string& text, FromObject from_object) {
  std::vector<T> out;
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (const json::object* o = item.if_object()) {
      if (auto t = from_object(*o)) out.push_back(std::move(*t));
    }
  }
  return out;
}

std::optional<std::string> TextOf(const json::object& o, std::string_view key) {
  const json::value* f = o.if_contains(key);
  if (!f || !f->is_string()) return std::nullopt;
  return std::string(f->as_string());
}

}  // namespace

std::string LevelsToJson(const std::vector<EscalationLevel>& levels) {
  json::array out;
  for (const auto& l : levels) {
    out.push_back({{"name", l.name}, {"committee_id", OptionalJson(l.committee_id)},
                   {"days", l.days}});
  }
  return Serialize(out);
}

std::vector<EscalationLevel> LevelsFromJson(const std::string& text) {
  return ArrayFromJson<EscalationLevel>(text, [](const json::object& o)
                                                  -> std::optional<EscalationLevel> {
    auto name = TextOf(o, "name");
    const json::value* days = o.if_contains("days");
    if (!name || !days || !days->is_int64()) return std::nullopt;
    return EscalationLevel{*name, TextOf(o, "committee_id"), days->as_int64()};
  });
}

std::string PreReadsToJson(const std::vector<PreRead>& pre_reads) {
  json::array out;
  for (const auto& p : pre_reads) out.push_back({{"title", p.title}, {"url", p.url}});
  return Serialize(out);
}

std::vector<PreRead> PreReadsFromJson(const std::string& text) {
  return ArrayFromJson<PreRead>(text, [](const json::object& o) -> std::optional<PreRead> {
    auto title = TextOf(o, "title");
    auto url = TextOf(o, "url");
    if (!title || !url) return std::nullopt;
    return PreRead{*title, *url};
  });
}

}  // namespace northstar::governance
