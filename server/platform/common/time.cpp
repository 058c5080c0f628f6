#include "platform/common/time.hpp"

#include <cstdio>
#include <filesystem>

namespace northstar {
std::string FormatInstant(Instant t) {
  using namespace std::chrono;
  const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
  const auto days = sys_days{floor<std::chrono::days>(t)};
  const year_month_day ymd{days};
  const auto tod = ms - duration_cast<milliseconds>(days.time_since_epoch()).count();
  char buf[64];  // 24 bytes and the terminator; room for what GCC cannot prove of the fields
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

bool IsValidDate(std::string_view text) { return Date::Parse(text).has_value(); }

std::string TodayText() { return Date::Today().Text(); }

int64_t DaysBetween(std::string_view a, std::string_view b) {
  return Date::FromText(a).DaysUntil(Date::FromText(b));
}

std::string AddDays(std::string_view day, int64_t n) {
  return Date::FromText(day).AddDays(n).Text();
}

std::string WeekdayOf(std::string_view day) {
  static const char* kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                 "thursday", "friday", "saturday"};
  return kNames[Date::FromText(day).Weekday().c_encoding()];
}

namespace {

constexpr std::string_view kDayTokens[] = {"YYYY", "MMM", "MM", "M", "DD", "D"};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string TwoDigits(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

DayPattern::DayPattern()
    : parts_{{"D", true}, {" ", false}, {"MMM", true}, {" ", false}, {"YYYY", true}} {}

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

std::string DayPattern::Render(Date day) const {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto d = static_cast<unsigned>(day.Day());
  const auto m = static_cast<unsigned>(day.Month());
  std::string out;
  for (const auto& part : parts_) {
    if (!part.token)
      out += part.text;
    else if (part.text == "YYYY")
      out += std::to_string(day.Year());
    else if (part.text == "MMM")
      out += kMonths[m - 1];
    else if (part.text == "MM")
      out += TwoDigits(m);
    else if (part.text == "M")
      out += std::to_string(m);
    else if (part.text == "DD")
      out += TwoDigits(d);
    else
      out += std::to_string(d);
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
  if (name.empty() || name.find("..") != std::string_view::npos || name.front() == '/')
    return false;
  std::error_code ec;
  return std::filesystem::is_regular_file("/usr/share/zoneinfo/" + std::string(name), ec);
}

}  // namespace northstar
