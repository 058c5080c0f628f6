#include "modules/health/model.hpp"

#include <algorithm>
#include <charconv>

#include "platform/common/date.hpp"

namespace northstar::health {
namespace {

constexpr auto kRequired = Presence::kRequired;
constexpr auto kOptional = Presence::kOptional;

// The header's limits of a bank.
constexpr size_t kMaxDimensions = 20;
constexpr size_t kMaxItems = 12;
constexpr size_t kTextMax = 300;
constexpr size_t kCommentMax = 2000;
// Limits the header leaves open, generous beside the default bank's (keys of 20 characters, names
// of 40, descriptions of 140).
constexpr size_t kKeyMax = 100;
constexpr size_t kNameMax = 200;
constexpr size_t kDescriptionMax = 1000;

constexpr std::string_view kDontKnow = "dont_know";

std::string Indexed(std::string_view path, size_t i) {
  std::string out(path);  // appended, not concatenated: GCC 12 warns falsely on the latter
  out.append("[").append(std::to_string(i)).append("]");
  return out;
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "decision_speed": a lower-case letter, then lower-case letters, digits and underscores.
bool IsSnakeCase(std::string_view s) {
  return !s.empty() && IsLower(s.front()) && std::all_of(s.begin(), s.end(), [](char c) {
    return IsLower(c) || IsDigit(c) || c == '_';
  });
}

// ---- reading a bank --------------------------------------------------------------------------

// Where each key was first seen in the bank, to name it when a key comes back.
using SeenKeys = std::map<std::string, std::string, std::less<>>;

// Reads one item of the dimension keyed `dimension_key` (nullopt when that key is itself invalid,
// so the item's prefix cannot be checked), recording its errors in `in`.
Item ReadItem(InputReader& in, const std::optional<std::string>& dimension_key,
              SeenKeys& item_keys) {
  Item item;
  if (auto key = in.String("key", kRequired, kKeyMax, 1)) {
    item.key = std::move(*key);
    if (dimension_key) {
      const std::string prefix = *dimension_key + ".";
      if (!item.key.starts_with(prefix) ||
          !IsSnakeCase(std::string_view(item.key).substr(prefix.size()))) {
        in.AddError("key", "must be the dimension's key, a dot and a snake_case name, e.g. " +
                               prefix + "decision_speed");
      }
    }
    const auto [first, inserted] = item_keys.try_emplace(item.key, in.Path("key"));
    if (!inserted) in.AddError("key", "repeats the key of " + first->second);
  }
  item.text = in.String("text", kRequired, kTextMax, 1).value_or("");
  const auto scale = in.Enum("scale", kRequired, kScales);
  item.scale = scale.value_or("");
  if (scale == "level") {
    if (const json::object* levels = in.Object("levels", kRequired)) {
      InputReader level_in(*levels, in.Path("levels"));
      for (const int value : kLevelValues) {
        const std::string level = std::to_string(value);
        if (auto description = level_in.String(level, kRequired, kTextMax, 1)) {
          item.levels[value] = std::move(*description);
        }
      }
      in.Merge(level_in.Finish());  // a level other than the five is "not a known field"
    }
  } else if (in.Has("levels")) {
    const bool given = !in.IsNull("levels");
    in.Object("levels", Presence::kNullable);
    if (scale && given) in.AddError("levels", "are only for an item of the level scale");
  }
  return item;
}

Dimension ReadDimension(InputReader& in, SeenKeys& dimension_keys, SeenKeys& item_keys) {
  Dimension dimension;
  auto key = in.String("key", kRequired, kKeyMax, 1);
  if (key && !IsSnakeCase(*key)) {
    in.AddError("key",
                "must be snake_case: lower-case letters, digits and underscores, first a letter");
    key.reset();
  }
  if (key) {
    const auto [first, inserted] = dimension_keys.try_emplace(*key, in.Path("key"));
    if (!inserted) in.AddError("key", "repeats the key of " + first->second);
    dimension.key = *key;
  }
  dimension.name = in.String("name", kRequired, kNameMax, 1).value_or("");
  dimension.description = in.String("description", kOptional, kDescriptionMax).value_or("");
  // Every item is read even when there are too many, so that all their errors show at once.
  if (const json::array* items = in.Array("items", kRequired, SIZE_MAX)) {
    if (items->empty() || items->size() > kMaxItems) {
      in.AddError("items", "must have 1 to " + std::to_string(kMaxItems) + " items");
    }
    for (size_t i = 0; i < items->size(); ++i) {
      const std::string at = Indexed("items", i);
      if (!(*items)[i].is_object()) {
        in.AddError(at, "must be an object");
        continue;
      }
      InputReader item_in((*items)[i].as_object(), in.Path(at));
      dimension.items.push_back(ReadItem(item_in, key, item_keys));
      in.Merge(item_in.Finish());
    }
  }
  return dimension;
}

// ---- sheets ----------------------------------------------------------------------------------

std::string ScaleMessage(std::string_view scale) {
  return scale == "level" ? "must be 0, 25, 50, 75 or 100, or null for don't know"
                          : "must be 1, 2, 3, 4 or 5, or null for don't know";
}

bool OnScale(std::string_view scale, int value) {
  const std::vector<int>& values = scale == "level" ? kLevelValues : kAgreementValues;
  return std::find(values.begin(), values.end(), value) != values.end();
}

Status CheckAnswers(const std::vector<Dimension>& dimensions, const std::vector<Answer>& answers,
                    bool complete) {
  std::vector<FieldError> errors;
  std::map<std::string_view, size_t> answered;  // item key → index of its first answer
  for (size_t i = 0; i < answers.size(); ++i) {
    const Answer& answer = answers[i];
    const std::string at = Indexed("answers", i);
    const Item* item = FindItem(dimensions, answer.item);
    if (!item) {
      errors.push_back({at + ".item", "\"" + answer.item + "\" is not an item of this bank"});
    } else if (const auto [first, inserted] = answered.try_emplace(item->key, i); !inserted) {
      errors.push_back({at + ".item", "answers \"" + answer.item + "\" again, as " +
                                          Indexed("answers", first->second) + " did"});
    }
    if (item && answer.value && !OnScale(item->scale, *answer.value)) {
      errors.push_back({at + ".value", ScaleMessage(item->scale)});
    }
    if (Utf8Length(answer.comment) > kCommentMax) {
      errors.push_back(
          {at + ".comment", "must be at most " + std::to_string(kCommentMax) + " characters"});
    }
  }
  if (complete) {
    for (const Dimension& dimension : dimensions) {
      for (const Item& item : dimension.items) {
        if (!answered.contains(item.key)) {
          errors.push_back({"answers", "has no answer to \"" + item.key + "\""});
        }
      }
    }
  }
  return FieldErrorsToStatus(std::move(errors));
}

// ---- anonymity -------------------------------------------------------------------------------

// While the hidden slices that hold answers hold fewer than `threshold` of them together — so that
// the total less the shown slices would tell a group smaller than the threshold — hides the
// smallest shown slice that holds answers too (the first of equals); true when it hid one. A slice
// with no answers is hidden, as it has nothing to show, but everyone can tell it is empty: it
// neither protects a hidden slice nor needs protecting, so it is neither counted nor picked.
bool HideComplement(const std::vector<int64_t>& counts, int64_t threshold,
                    std::vector<bool>& hidden) {
  bool hid = false;
  while (true) {
    int64_t hidden_answers = 0;
    std::optional<size_t> smallest;
    for (size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] <= 0) continue;
      if (hidden[i]) {
        hidden_answers += counts[i];
      } else if (!smallest || counts[i] < counts[*smallest]) {
        smallest = i;
      }
    }
    if (hidden_answers == 0 || hidden_answers >= threshold || !smallest) return hid;
    hidden[*smallest] = true;
    hid = true;
  }
}

}  // namespace

// ---- the bank --------------------------------------------------------------------------------

Result<std::vector<Dimension>> ReadDimensions(const json::value& dimensions) {
  const std::string root = "dimensions";
  if (!dimensions.is_array()) return Invalid(root, "must be an array");
  const json::array& list = dimensions.as_array();
  std::vector<FieldError> errors;
  if (list.empty() || list.size() > kMaxDimensions) {
    errors.push_back({root, "must have 1 to " + std::to_string(kMaxDimensions) + " dimensions"});
  }
  SeenKeys dimension_keys, item_keys;
  std::vector<Dimension> out;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = Indexed(root, i);
    if (!list[i].is_object()) {
      errors.push_back({at, "must be an object"});
      continue;
    }
    InputReader in(list[i].as_object(), at);
    out.push_back(ReadDimension(in, dimension_keys, item_keys));
    for (auto& e : in.Finish()) errors.push_back(std::move(e));
  }
  NS_TRY(FieldErrorsToStatus(std::move(errors)));
  return out;
}

json::array DimensionsJson(const std::vector<Dimension>& dimensions) {
  json::array out;
  for (const Dimension& dimension : dimensions) {
    json::array items;
    for (const Item& item : dimension.items) {
      json::object o{{"key", item.key}, {"text", item.text}, {"scale", item.scale}};
      if (item.scale == "level") {
        json::object levels;
        for (const auto& [value, description] : item.levels) {
          levels[std::to_string(value)] = description;
        }
        o["levels"] = std::move(levels);
      }
      items.emplace_back(std::move(o));
    }
    out.emplace_back(json::object{{"key", dimension.key},
                                  {"name", dimension.name},
                                  {"description", dimension.description},
                                  {"items", std::move(items)}});
  }
  return out;
}

const Item* FindItem(const std::vector<Dimension>& dimensions, std::string_view key) {
  for (const Dimension& dimension : dimensions) {
    for (const Item& item : dimension.items) {
      if (item.key == key) return &item;
    }
  }
  return nullptr;
}

// ---- answers ---------------------------------------------------------------------------------

Status CheckSheet(const std::vector<Dimension>& dimensions, const std::vector<Answer>& answers) {
  return CheckAnswers(dimensions, answers, true);
}

Status CheckDraft(const std::vector<Dimension>& dimensions, const std::vector<Answer>& answers) {
  return CheckAnswers(dimensions, answers, false);
}

std::vector<std::string> AnswersOf(std::string_view scale) {
  std::vector<std::string> out;
  if (scale == "agreement" || scale == "level") {
    for (const int value : scale == "level" ? kLevelValues : kAgreementValues) {
      out.push_back(std::to_string(value));
    }
    out.emplace_back(kDontKnow);
  }
  return out;
}

// ---- anonymity -------------------------------------------------------------------------------

std::vector<bool> HiddenSlices(const std::vector<int64_t>& counts, int64_t threshold) {
  int64_t total = 0;
  for (const int64_t count : counts) total += count;
  if (total < threshold) return std::vector<bool>(counts.size(), true);
  std::vector<bool> hidden(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) hidden[i] = counts[i] < threshold;
  HideComplement(counts, threshold, hidden);
  return hidden;
}

bool RoleSplitShown(const std::vector<std::vector<int64_t>>& people, int64_t threshold) {
  for (const auto& party : people) {
    for (const int64_t group : party) {
      if (group > 0 && group < threshold) return false;
    }
  }
  return true;
}

// ---- scores ----------------------------------------------------------------------------------

Score ScoreOf(const std::map<std::string, int64_t>& answer_counts) {
  Score score;
  int64_t sum = 0;
  for (const auto& [answer, count] : answer_counts) {
    if (answer == kDontKnow) {
      score.dont_know += count;
      continue;
    }
    int value = 0;
    const auto [end, ec] = std::from_chars(answer.data(), answer.data() + answer.size(), value);
    if (ec != std::errc() || end != answer.data() + answer.size()) continue;  // not an answer
    sum += value * count;
    score.answers += count;
  }
  if (score.answers > 0) {
    score.mean = static_cast<double>(sum) / static_cast<double>(score.answers);
  }
  return score;
}

std::optional<double> GapOf(const std::vector<std::optional<double>>& party_means) {
  std::optional<double> lowest, highest;
  size_t shown = 0;
  for (const auto& mean : party_means) {
    if (!mean) continue;
    ++shown;
    lowest = std::min(lowest.value_or(*mean), *mean);
    highest = std::max(highest.value_or(*mean), *mean);
  }
  if (shown < 2) return std::nullopt;
  return *highest - *lowest;
}

double DefaultGap(std::string_view scale) {
  return scale == "level" ? kDefaultLevelGap : kDefaultAgreementGap;
}

// ---- waves -----------------------------------------------------------------------------------

std::string StatusOn(const Wave& wave, std::string_view today) {
  const Date day = Date::FromText(today);
  // A manager's close takes effect on its day: nothing more is answered from then on.
  if (wave.closed_on && !wave.closed_on->empty() && day >= Date::FromText(*wave.closed_on)) {
    return "closed";
  }
  if (day < Date::FromText(wave.opens_on)) return "scheduled";
  if (day > Date::FromText(wave.closes_on)) return "closed";  // closes_on is the last open day
  return "open";
}

}  // namespace northstar::health
