// What the fuzzing harnesses share: Require(), which turns a violated property into a crash that
// libFuzzer saves; a UTF-8 validator written from the Unicode table of well-formed byte sequences
// (a different algorithm from the server's decoders, so that the two check each other); and
// calendar days through std::chrono, independent of the server's own day arithmetic.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace northstar::fuzz {

// Aborts with `property` (and the offending text, shown escaped) when `holds` is false.
inline void Require(bool holds, const char* property, std::string_view detail = {}) {
  if (holds) return;
  std::fprintf(stderr, "\nPROPERTY VIOLATED: %s\n  detail: \"", property);
  for (unsigned char c : detail.substr(0, 2000)) {
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
      std::fputc(c, stderr);
    } else {
      std::fprintf(stderr, "\\x%02x", c);
    }
  }
  std::fprintf(stderr, "\"\n");
  std::abort();
}

// Unicode 15, table 3-7: the well-formed UTF-8 byte sequences, checked by ranges of each byte
// rather than by decoding, so no surrogate or overlong form can slip through an arithmetic slip.
inline bool IsWellFormedUtf8(std::string_view s) {
  const auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto at = [&](size_t k) -> unsigned char {
      return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
    };
    if (b0 <= 0x7F) {
      i += 1;
    } else if (in(b0, 0xC2, 0xDF) && in(at(1), 0x80, 0xBF)) {
      i += 2;
    } else if ((b0 == 0xE0 && in(at(1), 0xA0, 0xBF) && in(at(2), 0x80, 0xBF)) ||
               ((in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) && in(at(1), 0x80, 0xBF) &&
                in(at(2), 0x80, 0xBF)) ||
               (b0 == 0xED && in(at(1), 0x80, 0x9F) && in(at(2), 0x80, 0xBF))) {
      i += 3;
    } else if ((b0 == 0xF0 && in(at(1), 0x90, 0xBF) && in(at(2), 0x80, 0xBF) &&
                in(at(3), 0x80, 0xBF)) ||
               (in(b0, 0xF1, 0xF3) && in(at(1), 0x80, 0xBF) && in(at(2), 0x80, 0xBF) &&
                in(at(3), 0x80, 0xBF)) ||
               (b0 == 0xF4 && in(at(1), 0x80, 0x8F) && in(at(2), 0x80, 0xBF) &&
                in(at(3), 0x80, 0xBF))) {
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

// Code points in text that is well-formed UTF-8: every byte that is not a continuation byte.
inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Day numbers count from 1970-01-01, as std::chrono::sys_days does.
inline int64_t DayNumber(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days(std::chrono::year(y) / m / d).time_since_epoch().count();
}

// "YYYY-MM-DD" of a day number; years outside 0..9999 come out in more or fewer digits, which
// no date parser should accept.
inline std::string DayText(int64_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

// The day number of "YYYY-MM-DD" (exactly that shape, an existing day, years 0001..9999).
inline std::optional<int64_t> ParseDayText(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t k = 0; k < lengths[p]; ++k) {
      const char c = t[starts[p] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year(parts[0]),
                                        std::chrono::month(static_cast<unsigned>(parts[1])),
                                        std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (parts[0] < 1 || !ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

}  // namespace northstar::fuzz
