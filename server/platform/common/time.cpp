#include "platform/common/time.hpp"

#include <charconv>
#include <cstdio>
#include <filesystem>

namespace northstar {
namespace {

std::chrono::sys_days ParseDay(std::string_view day) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::from_chars(day.data(), day.data() + 4, y);
  std::from_chars(day.data() + 5, day.data() + 7, m);
  std::from_chars(day.data() + 8, day.data() + 10, d);
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

}  // namespace

std::string FormatInstant(Instant t) {
  using namespace std::chrono;
  const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
  const auto days = sys_days{floor<std::chrono::days>(t)};
  const year_month_day ymd{days};
  const auto tod = ms - duration_cast<milliseconds>(days.time_since_epoch()).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), static_cast<long long>(tod / 3600000),
                static_cast<long long>(tod / 60000 % 60), static_cast<long long>(tod / 1000 % 60),
                static_cast<long long>(tod % 1000));
  return buf;
}

std::string NowText() { return FormatInstant(Clock::now()); }

std::optional<Instant> ParseInstant(std::string_view text) {
  using namespace std::chrono;
  int y, mo, d, h, mi, s, ms = 0;
  const std::string str(text);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &y, &mo, &d, &h, &mi, &s, &ms) < 6) {
    return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  const auto t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
  // Instant counts nanoseconds in 64 bits, years 1677..2262, while calendar days run to 2999:
  // beyond that range the conversion would overflow (undefined behaviour, a wrapped date).
  if (t < time_point_cast<milliseconds>(Instant::min()) ||
      t > time_point_cast<milliseconds>(Instant::max())) {
    return std::nullopt;
  }
  return t;
}

bool IsValidDate(std::string_view text) {
  using namespace std::chrono;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int y = std::stoi(std::string(text.substr(0, 4)));
  const unsigned m = std::stoul(std::string(text.substr(5, 2)));
  const unsigned d = std::stoul(std::string(text.substr(8, 2)));
  if (y < 1900 || y > 2999) return false;
  return year_month_day{year{y}, month{m}, day{d}}.ok();
}

std::string TodayText() { return NowText().substr(0, 10); }

int64_t DaysBetween(std::string_view a, std::string_view b) {
  return (ParseDay(b) - ParseDay(a)).count();
}

std::string AddDays(std::string_view day, int64_t n) {
  const std::chrono::year_month_day ymd{ParseDay(day) + std::chrono::days(n)};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

std::string WeekdayOf(std::string_view day) {
  static const char* kNames[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  return kNames[std::chrono::weekday(ParseDay(day)).c_encoding()];
}

namespace {

constexpr std::string_view kDayTokens[] = {"YYYY", "MMM", "MM", "M", "DD", "D"};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string TwoDigits(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

DayPattern::DayPattern() : parts_{{"D", true}, {" ", false}, {"MMM", true}, {" ", false},
                                  {"YYYY", true}} {}

std::optional<DayPattern> DayPattern::Parse(std::string_view text) {
  if (text.empty() || text.size() > 32) return std::nullopt;
  DayPattern out;
  out.parts_.clear();
  int days = 0, months = 0, years = 0;
  size_t i = 0;
  while (i < text.size()) {
    bool matched = false;
    for (auto token : kDayTokens) {
      if (text.substr(i, token.size()) != token) continue;
      (token[0] == 'Y' ? years : token[0] == 'M' ? months : days) += 1;
      out.parts_.push_back({std::string(token), true});
      i += token.size();
      matched = true;
      break;
    }
    if (matched) continue;
    if (IsAsciiAlnum(text[i]) || static_cast<unsigned char>(text[i]) < 0x20 || text[i] == '"' ||
        text[i] == '\\') {
      return std::nullopt;
    }
    if (out.parts_.empty() || out.parts_.back().token) out.parts_.push_back({"", false});
    out.parts_.back().text += text[i++];
  }
  if (days != 1 || months != 1 || years != 1) return std::nullopt;
  return out;
}

std::string DayPattern::Render(std::string_view day) const {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day ymd{ParseDay(day)};
  const auto d = static_cast<unsigned>(ymd.day());
  const auto m = static_cast<unsigned>(ymd.month());
  std::string out;
  for (const auto& part : parts_) {
    if (!part.token) out += part.text;
    else if (part.text == "YYYY") out += std::to_string(static_cast<int>(ymd.year()));
    else if (part.text == "MMM") out += kMonths[m - 1];
    else if (part.text == "MM") out += TwoDigits(m);
    else if (part.text == "M") out += std::to_string(m);
    else if (part.text == "DD") out += TwoDigits(d);
    else out += std::to_string(d);
  }
  return out;
}

std::string DayPattern::SpreadsheetFormat() const {
  std::string out;
  for (const auto& part : parts_) {
    if (!part.token) {
      out += '"' + part.text + '"';
      continue;
    }
    for (char c : part.text) out += static_cast<char>(c == 'Y' ? 'y' : c == 'M' ? 'm' : 'd');
  }
  return out;
}

bool IsKnownTimeZone(std::string_view name) {
  if (name == "UTC") return true;
  if (name.empty() || name.find("..") != std::string_view::npos || name.front() == '/') return false;
  std::error_code ec;
  return std::filesystem::is_regular_file("/usr/share/zoneinfo/" + std::string(name), ec);
}

}  // namespace northstar
