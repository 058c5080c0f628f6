#include "modules/agreements/model.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <tuple>

namespace northstar::agreements {
namespace {

// ---- calendar arithmetic ---------------------------------------------------------------------
// Days are counted from 1970-01-01 (Howard Hinnant's days_from_civil), so that expanding a rule is
// integer arithmetic and text is made only for the dates returned.

int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year;
  int month, day;
};

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool IsLeap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int DaysInMonth(int64_t y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

// Monday = 0 … Sunday = 6; day 0 (1970-01-01) was a Thursday.
int WeekdayOfDay(int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

constexpr int64_t kMinYear = 1, kMaxYear = 9999;

int64_t LastRepresentableDay() { return DaysFromCivil(kMaxYear, 12, 31); }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int64_t Digits(std::string_view s) {
  int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<int64_t> DayFromParts(std::string_view y, std::string_view m, std::string_view d) {
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return std::nullopt;
  const int64_t year = Digits(y), month = Digits(m), day = Digits(d);
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, static_cast<int>(month))) return std::nullopt;
  return DaysFromCivil(year, month, day);
}

// A calendar day "YYYY-MM-DD" (years 0001..9999) as a day number; nullopt when not one.
std::optional<int64_t> ParseDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return DayFromParts(text.substr(0, 4), text.substr(5, 2), text.substr(8, 2));
}

std::string FormatDay(int64_t day) {
  const Civil c = CivilFromDays(day);
  std::string out = "0000-00-00";
  int64_t y = c.year;
  for (int i = 3; i >= 0; --i, y /= 10) {
    out[static_cast<size_t>(i)] = static_cast<char>('0' + y % 10);
  }
  out[5] = static_cast<char>('0' + c.month / 10);
  out[6] = static_cast<char>('0' + c.month % 10);
  out[8] = static_cast<char>('0' + c.day / 10);
  out[9] = static_cast<char>('0' + c.day % 10);
  return out;
}

int64_t CeilDiv(int64_t a, int64_t b) { return a <= 0 ? 0 : (a + b - 1) / b; }

// ---- text ------------------------------------------------------------------------------------

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (;;) {
    const size_t at = s.find(sep);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

// A whole decimal integer with an optional sign; nullopt on anything else (including overflow).
std::optional<int64_t> ParseInteger(std::string_view s, bool allow_sign) {
  if (s.empty()) return std::nullopt;
  bool negative = false;
  if (allow_sign && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (!AllDigits(s)) return std::nullopt;
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return negative ? -v : v;
}

// ---- recurrence ------------------------------------------------------------------------------

constexpr std::array<std::string_view, 7> kDayCodes = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string FormatByDay(const ByDay& d) {
  std::string out = d.ordinal != 0 ? std::to_string(d.ordinal) : std::string();
  if (d.weekday >= 0 && d.weekday < 7) {
    out += kDayCodes[static_cast<size_t>(d.weekday)];
  } else {
    out += "weekday " + std::to_string(d.weekday);
  }
  return out;
}

// The checks that do not depend on the text: ranges and which parts go with which FREQ. Empty when
// the rule is valid. Expand uses it too, so that a rule built in code obeys the same subset.
std::string Validate(const RecurrenceRule& rule) {
  const std::string& f = rule.freq;
  if (f != "DAILY" && f != "WEEKLY" && f != "MONTHLY" && f != "YEARLY") {
    return "FREQ=" + f + " is not DAILY, WEEKLY, MONTHLY or YEARLY";
  }
  if (rule.interval < 1 || rule.interval > 1000) {
    return "INTERVAL=" + std::to_string(rule.interval) + " is not 1..1000";
  }
  if (!rule.by_month_day.empty() && f != "MONTHLY") {
    return "BYMONTHDAY is only allowed with FREQ=MONTHLY, not FREQ=" + f;
  }
  for (int d : rule.by_month_day) {
    if (d == 0 || d < -31 || d > 31) {
      return "BYMONTHDAY=" + std::to_string(d) + " is not 1..31 or -31..-1";
    }
  }
  if (!rule.by_day.empty() && f == "YEARLY") return "BYDAY is not supported with FREQ=YEARLY";
  for (const ByDay& d : rule.by_day) {
    if (d.weekday < 0 || d.weekday > 6) {
      return "BYDAY=" + FormatByDay(d) + " is not a weekday (MO, TU, WE, TH, FR, SA, SU)";
    }
    if (d.ordinal != 0 && f != "MONTHLY") {
      return "BYDAY=" + FormatByDay(d) + ": an ordinal such as 1MO or -1FR is only allowed with " +
             "FREQ=MONTHLY";
    }
    if (d.ordinal < -5 || d.ordinal > 5) {
      return "BYDAY=" + FormatByDay(d) + ": the ordinal is not 1..5 or -5..-1";
    }
  }
  if (rule.count && rule.until) return "COUNT and UNTIL cannot both be given";
  if (rule.count && (*rule.count < 1 || *rule.count > 1000)) {
    return "COUNT=" + std::to_string(*rule.count) + " is not 1..1000";
  }
  if (rule.until && !ParseDay(*rule.until)) return "UNTIL=" + *rule.until + " is not a date";
  return {};
}

// UNTIL as YYYYMMDD or YYYYMMDDTHHMMSS[Z]; the date part is what counts.
std::optional<std::string> ParseUntil(std::string_view v) {
  if (v.size() != 8 && v.size() != 15 && v.size() != 16) return std::nullopt;
  if (v.size() > 8) {
    const std::string_view time = v.substr(9, 6);
    if (v[8] != 'T' || !AllDigits(time) || (v.size() == 16 && v[15] != 'Z')) return std::nullopt;
    if (Digits(time.substr(0, 2)) > 23 || Digits(time.substr(2, 2)) > 59 ||
        Digits(time.substr(4, 2)) > 60) {
      return std::nullopt;
    }
  }
  const auto day = DayFromParts(v.substr(0, 4), v.substr(4, 2), v.substr(6, 2));
  if (!day) return std::nullopt;
  return FormatDay(*day);
}

std::optional<ByDay> ParseByDayItem(std::string_view item) {
  if (item.size() < 2) return std::nullopt;
  const std::string_view code = item.substr(item.size() - 2);
  const auto at = std::find(kDayCodes.begin(), kDayCodes.end(), code);
  if (at == kDayCodes.end()) return std::nullopt;
  ByDay d;
  d.weekday = static_cast<int>(at - kDayCodes.begin());
  const std::string_view ordinal = item.substr(0, item.size() - 2);
  if (!ordinal.empty()) {
    const auto n = ParseInteger(ordinal, true);
    if (!n || *n == 0 || *n < -1000 || *n > 1000) return std::nullopt;  // range: Validate
    d.ordinal = static_cast<int>(*n);
  }
  return d;
}

ParsedRule Fail(std::string error) { return {std::nullopt, std::move(error)}; }

// The days 1..31 of one month that a MONTHLY rule picks, as bits (bit d = day d).
uint32_t MonthlyDays(const RecurrenceRule& rule, int64_t year, int month, int start_day_of_month) {
  const int dim = DaysInMonth(year, month);
  uint32_t by_month_day = 0, by_day = 0;
  for (int v : rule.by_month_day) {
    const int d = v > 0 ? v : dim + v + 1;
    if (d >= 1 && d <= dim) by_month_day |= 1u << d;
  }
  if (!rule.by_day.empty()) {
    const int first_weekday = WeekdayOfDay(DaysFromCivil(year, month, 1));
    for (const ByDay& b : rule.by_day) {
      const int first = 1 + (b.weekday - first_weekday + 7) % 7;  // first such weekday
      if (b.ordinal == 0) {
        for (int d = first; d <= dim; d += 7) by_day |= 1u << d;
      } else if (b.ordinal > 0) {
        const int d = first + 7 * (b.ordinal - 1);
        if (d <= dim) by_day |= 1u << d;
      } else {
        const int last = first + 7 * ((dim - first) / 7);
        const int d = last + 7 * (b.ordinal + 1);
        if (d >= 1) by_day |= 1u << d;
      }
    }
  }
  if (!rule.by_month_day.empty() && !rule.by_day.empty()) return by_month_day & by_day;
  if (!rule.by_month_day.empty()) return by_month_day;
  if (!rule.by_day.empty()) return by_day;
  return start_day_of_month <= dim ? 1u << start_day_of_month : 0u;
}

// ---- conflict check --------------------------------------------------------------------------

std::vector<std::pair<std::string, std::string>> Normalised(const std::vector<std::string>& v) {
  std::vector<std::pair<std::string, std::string>> out;  // (as written, trimmed; lower case)
  for (const auto& s : v) {
    const std::string_view t = Trim(s);
    if (!t.empty()) out.emplace_back(std::string(t), Lower(t));
  }
  return out;
}

bool IsEverywhere(const std::string& lower) { return lower == "worldwide" || lower == "global"; }

// "label: any" when either side is open; "label: a, b" naming the restriction's values that the
// proposal shares; nullopt when they share none.
std::optional<std::string> MatchDimension(std::string_view label,
                                          const std::vector<std::string>& restriction,
                                          const std::vector<std::string>& proposal,
                                          bool territory) {
  const auto r = Normalised(restriction), p = Normalised(proposal);
  if (r.empty() || p.empty()) return std::string(label) + ": any";
  std::vector<std::string> shared;
  for (const auto& [written, lower] : r) {
    // `lower` is captured by name because clang before 16 cannot capture a structured binding.
    const bool hit = std::any_of(p.begin(), p.end(), [&, &lower = lower](const auto& q) {
      return q.second == lower || (territory && (IsEverywhere(lower) || IsEverywhere(q.second)));
    });
    if (hit && std::find(shared.begin(), shared.end(), written) == shared.end()) {
      shared.push_back(written);
    }
  }
  if (shared.empty()) return std::nullopt;
  std::string out(label);
  out += ": ";
  for (size_t i = 0; i < shared.size(); ++i) out += (i ? ", " : "") + shared[i];
  return out;
}

// ---- uploads ---------------------------------------------------------------------------------

constexpr std::string_view kPdf = "application/pdf";
constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kPptx =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";
constexpr std::string_view kDoc = "application/msword";
constexpr std::string_view kXls = "application/vnd.ms-excel";
constexpr std::string_view kCsv = "text/csv";
constexpr std::string_view kTxt = "text/plain";
constexpr std::string_view kZip = "application/zip";
constexpr std::string_view kOle = "application/x-ole-storage";

struct Accepted {
  std::string_view extension, content_type;
};
constexpr std::array<Accepted, 8> kAccepted = {{{"pdf", kPdf},
                                                {"docx", kDocx},
                                                {"xlsx", kXlsx},
                                                {"pptx", kPptx},
                                                {"doc", kDoc},
                                                {"xls", kXls},
                                                {"csv", kCsv},
                                                {"txt", kTxt}}};

constexpr std::array<std::string_view, 14> kExecutableExtensions = {
    "exe", "dll", "so", "sh", "bat", "cmd", "com", "js", "msi", "jar", "ps1", "vbs", "app", "bin"};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool HasExecutableMagic(std::string_view b) {
  using namespace std::string_view_literals;
  // PE, ELF, Mach-O (32/64-bit, either byte order, universal) and scripts.
  for (std::string_view magic :
       {"MZ"sv, "\177ELF"sv, "\xfe\xed\xfa\xce"sv, "\xfe\xed\xfa\xcf"sv, "\xce\xfa\xed\xfe"sv,
        "\xcf\xfa\xed\xfe"sv, "\xca\xfe\xba\xbe"sv, "#!"sv}) {
    if (StartsWith(b, magic)) return true;
  }
  return false;
}

bool IsUtf8Text(std::string_view b) {
  size_t i = 0;
  while (i < b.size()) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = 0;
    uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + n >= b.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(b[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// What the bytes are, read with the extension's eyes where the bytes alone cannot tell (an OLE2
// file is a .doc or an .xls; UTF-8 text is CSV or plain). Empty when nothing accepted.
std::string_view Detect(std::string_view b, std::string_view extension) {
  if (StartsWith(b, "%PDF-")) return kPdf;
  if (StartsWith(b, "PK\x03\x04")) {
    const bool word = b.find("word/") != std::string_view::npos;
    const bool xl = b.find("xl/") != std::string_view::npos;
    const bool ppt = b.find("ppt/") != std::string_view::npos;
    if (extension == "docx" && word) return kDocx;
    if (extension == "xlsx" && xl) return kXlsx;
    if (extension == "pptx" && ppt) return kPptx;
    return word ? kDocx : xl ? kXlsx : ppt ? kPptx : kZip;
  }
  if (StartsWith(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
    return extension == "doc" ? kDoc : extension == "xls" ? kXls : kOle;
  }
  if (IsUtf8Text(b)) return extension == "csv" ? kCsv : kTxt;
  return {};
}

UploadCheck Refuse(std::string kind, std::string error) {
  UploadCheck out;
  out.kind = std::move(kind);
  out.error = std::move(error);
  return out;
}

}  // namespace

bool IsInForce(std::string_view status) { return status == "signed" || status == "active"; }

// ---- recurrence ------------------------------------------------------------------------------

ParsedRule ParseRule(std::string_view text) {
  text = Trim(text);
  if (Upper(text.substr(0, 6)) == "RRULE:") text = Trim(text.substr(6));
  if (text.empty()) return Fail("the rule is empty: FREQ is required");

  RecurrenceRule rule;
  std::vector<std::string> seen;
  for (std::string_view raw : Split(text, ';')) {
    const std::string_view part = Trim(raw);
    const size_t eq = part.find('=');
    if (part.empty()) return Fail("empty part in the rule (a stray \";\")");
    if (eq == std::string_view::npos) {
      return Fail("\"" + std::string(part) + "\" is not a NAME=VALUE part");
    }
    const std::string name = Upper(Trim(part.substr(0, eq)));
    const std::string_view value = Trim(part.substr(eq + 1));
    if (name != "FREQ" && name != "INTERVAL" && name != "BYMONTHDAY" && name != "BYDAY" &&
        name != "COUNT" && name != "UNTIL") {
      return Fail("unknown part " + name +
                  " (supported: FREQ, INTERVAL, BYMONTHDAY, BYDAY, COUNT, UNTIL)");
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      return Fail(name + " is given more than once");
    }
    seen.push_back(name);

    if (name == "FREQ") {
      rule.freq = Upper(value);
      if (rule.freq != "DAILY" && rule.freq != "WEEKLY" && rule.freq != "MONTHLY" &&
          rule.freq != "YEARLY") {
        return Fail("FREQ=" + std::string(value) + " is not DAILY, WEEKLY, MONTHLY or YEARLY");
      }
    } else if (name == "INTERVAL") {
      const auto n = ParseInteger(value, false);
      if (!n || *n < 1 || *n > 1000) {
        return Fail("INTERVAL=" + std::string(value) + " is not 1..1000");
      }
      rule.interval = *n;
    } else if (name == "COUNT") {
      const auto n = ParseInteger(value, false);
      if (!n || *n < 1 || *n > 1000) return Fail("COUNT=" + std::string(value) + " is not 1..1000");
      rule.count = *n;
    } else if (name == "UNTIL") {
      auto day = ParseUntil(Upper(value));
      if (!day) {
        return Fail("UNTIL=" + std::string(value) +
                    " is not a date YYYYMMDD (or YYYYMMDDTHHMMSSZ)");
      }
      rule.until = std::move(day);
    } else if (name == "BYMONTHDAY") {
      for (std::string_view item : Split(value, ',')) {
        item = Trim(item);
        const auto n = ParseInteger(item, true);
        if (!n || *n == 0 || *n < -31 || *n > 31) {
          return Fail("BYMONTHDAY=" + std::string(item) + " is not 1..31 or -31..-1");
        }
        rule.by_month_day.push_back(static_cast<int>(*n));
      }
    } else {  // BYDAY
      for (std::string_view item : Split(value, ',')) {
        item = Trim(item);
        const auto d = ParseByDayItem(Upper(item));
        if (!d) {
          return Fail("BYDAY=" + std::string(item) +
                      " is not a weekday (MO, TU, WE, TH, FR, SA, SU; with MONTHLY an ordinal "
                      "such as 1MO or -1FR)");
        }
        rule.by_day.push_back(*d);
      }
    }
  }
  if (rule.freq.empty()) return Fail("FREQ is required");
  std::string error = Validate(rule);
  if (!error.empty()) return Fail(std::move(error));
  return {std::move(rule), {}};
}

std::string FormatRule(const RecurrenceRule& rule) {
  std::string out = "FREQ=" + rule.freq;
  if (rule.interval != 1) out += ";INTERVAL=" + std::to_string(rule.interval);
  if (!rule.by_month_day.empty()) {
    out += ";BYMONTHDAY=";
    for (size_t i = 0; i < rule.by_month_day.size(); ++i) {
      out += (i ? "," : "") + std::to_string(rule.by_month_day[i]);
    }
  }
  if (!rule.by_day.empty()) {
    out += ";BYDAY=";
    for (size_t i = 0; i < rule.by_day.size(); ++i) {
      out += (i ? "," : "") + FormatByDay(rule.by_day[i]);
    }
  }
  if (rule.count) out += ";COUNT=" + std::to_string(*rule.count);
  if (rule.until) {
    std::string until = *rule.until;
    until.erase(std::remove(until.begin(), until.end(), '-'), until.end());
    out += ";UNTIL=" + until;
  }
  return out;
}

std::vector<std::string> Expand(const RecurrenceRule& rule, std::string_view start,
                                std::string_view from, std::string_view to, size_t limit) {
  std::vector<std::string> out;
  const auto s = ParseDay(start), f = ParseDay(from), t = ParseDay(to);
  if (limit == 0 || !s || !f || !t || *f > *t || !Validate(rule).empty()) return out;

  const Civil sc = CivilFromDays(*s);
  // The last day that can occur: `to`, UNTIL, and 100 years after DTSTART.
  int64_t last = std::min(*t, LastRepresentableDay());
  if (sc.year + 100 <= kMaxYear) {
    last = std::min(last, DaysFromCivil(sc.year + 100, sc.month,
                                        std::min(sc.day, DaysInMonth(sc.year + 100, sc.month))));
  }
  if (rule.until) last = std::min(last, *ParseDay(*rule.until));
  if (last < *s || last < *f) return out;

  const int64_t interval = rule.interval;
  const bool counting = rule.count.has_value();
  int64_t remaining = rule.count.value_or(0);
  bool done = false;
  // Takes candidates of the rule in ascending order; sets `done` when nothing later can be wanted.
  const auto take = [&](int64_t day) {
    if (day < *s) return;  // before DTSTART: neither an occurrence nor counted
    if (day > last) {
      done = true;
      return;
    }
    if (counting && --remaining == 0) done = true;
    if (day >= *f) {
      out.push_back(FormatDay(day));
      if (out.size() >= limit) done = true;
    }
  };

  uint8_t weekdays = 0;  // BYDAY without ordinals, as bits (Monday = bit 0)
  for (const ByDay& b : rule.by_day) weekdays |= static_cast<uint8_t>(1u << b.weekday);

  // Without COUNT, the periods wholly before `from` are skipped; with it they must be counted.
  if (rule.freq == "DAILY") {
    const int64_t k0 = counting ? 0 : CeilDiv(*f - *s, interval);
    for (int64_t day = *s + k0 * interval; !done && day <= last; day += interval) {
      if (weekdays == 0 || ((weekdays >> WeekdayOfDay(day)) & 1)) take(day);
    }
  } else if (rule.freq == "WEEKLY") {
    if (weekdays == 0) weekdays = static_cast<uint8_t>(1u << WeekdayOfDay(*s));
    const int64_t first_monday = *s - WeekdayOfDay(*s);
    const int64_t from_monday = *f - WeekdayOfDay(*f);
    const int64_t k0 = counting ? 0 : CeilDiv((from_monday - first_monday) / 7, interval);
    for (int64_t monday = first_monday + 7 * k0 * interval; !done && monday <= last;
         monday += 7 * interval) {
      for (int wd = 0; wd < 7 && !done; ++wd) {
        if ((weekdays >> wd) & 1) take(monday + wd);
      }
    }
  } else if (rule.freq == "MONTHLY") {
    const Civil fc = CivilFromDays(*f);
    const int64_t m0 = sc.year * 12 + (sc.month - 1);
    const int64_t k0 = counting ? 0 : CeilDiv(fc.year * 12 + (fc.month - 1) - m0, interval);
    for (int64_t m = m0 + k0 * interval; !done; m += interval) {
      const int64_t year = m / 12;
      const int month = static_cast<int>(m % 12) + 1;
      if (year > kMaxYear) break;
      const int64_t first = DaysFromCivil(year, month, 1);
      if (first > last) break;
      uint32_t days = MonthlyDays(rule, year, month, sc.day);
      while (days != 0 && !done) {
        const int d = std::countr_zero(days);
        days &= days - 1;
        take(first + d - 1);
      }
    }
  } else {  // YEARLY
    const int64_t k0 = counting ? 0 : CeilDiv(CivilFromDays(*f).year - sc.year, interval);
    for (int64_t year = sc.year + k0 * interval; !done && year <= kMaxYear; year += interval) {
      if (DaysFromCivil(year, 1, 1) > last) break;
      if (sc.day <= DaysInMonth(year, sc.month)) take(DaysFromCivil(year, sc.month, sc.day));
    }
  }
  return out;
}

// ---- schedules and occurrences ---------------------------------------------------------------

std::vector<std::string> DueDates(const Schedule& schedule, std::string_view from,
                                  std::string_view to, size_t limit) {
  std::vector<std::string> out;
  const auto f = ParseDay(from), t = ParseDay(to);
  if (limit == 0 || !f || !t || *f > *t) return out;
  const auto single = [&](int64_t day) {
    if (day >= *f && day <= *t) out.push_back(FormatDay(day));
  };
  if (schedule.kind == "once") {
    if (schedule.due_on) {
      if (const auto day = ParseDay(*schedule.due_on)) single(*day);
    }
  } else if (schedule.kind == "recurring") {
    if (schedule.starts_on && schedule.rule) {
      return Expand(*schedule.rule, *schedule.starts_on, from, to, limit);
    }
  } else if (schedule.kind == "milestone") {
    if (schedule.milestone_achieved_on) {
      const auto achieved = ParseDay(*schedule.milestone_achieved_on);
      if (achieved) {
        const int64_t day = *achieved + schedule.offset_days;
        if (day >= DaysFromCivil(kMinYear, 1, 1) && day <= LastRepresentableDay()) single(day);
      }
    }
  }
  return out;
}

bool IsDueDate(const Schedule& schedule, std::string_view day) {
  return !DueDates(schedule, day, day, 1).empty();
}

std::string DeriveStatus(const std::optional<std::string>& recorded, std::string_view due_on,
                         std::string_view today) {
  if (recorded &&
      (*recorded == "fulfilled" || *recorded == "waived" || *recorded == "in_dispute")) {
    return *recorded;
  }
  if (due_on < today) return "overdue";
  const auto t = ParseDay(today), d = ParseDay(due_on);
  if (t && d && *d - *t <= kDueWindowDays) return "due";
  return "upcoming";
}

// ---- compliance ------------------------------------------------------------------------------

std::string Outcome(const OccurrenceFact& fact) {
  if (fact.status == "fulfilled") {
    // Fulfilment is always dated by the API; an undated one cannot be shown to be late.
    return fact.fulfilled_on && *fact.fulfilled_on > fact.due_on ? "late" : "on_time";
  }
  if (fact.status == "waived" || fact.status == "in_dispute" || fact.status == "overdue") {
    return fact.status;
  }
  return "pending";
}

void Tally::Add(const OccurrenceFact& fact) {
  const std::string outcome = Outcome(fact);
  if (outcome == "pending") return;
  ++due;
  if (outcome == "on_time") ++on_time;
  if (outcome == "late") ++late;
  if (outcome == "overdue") ++overdue;
  if (outcome == "waived") ++waived;
  if (outcome == "in_dispute") ++in_dispute;
}

std::optional<double> Tally::Rate() const {
  const int64_t rated = on_time + late + overdue;
  if (rated == 0) return std::nullopt;
  return static_cast<double>(on_time) / static_cast<double>(rated);
}

std::string QuarterOf(std::string_view date) {
  if (date.size() < 7 || !AllDigits(date.substr(5, 2))) return {};
  const int64_t month = Digits(date.substr(5, 2));
  if (month < 1 || month > 12) return {};
  return std::string(date.substr(0, 4)) + "-Q" + std::to_string((month - 1) / 3 + 1);
}

AmendmentSignal SignalFor(std::vector<OccurrenceFact> occurrences, std::string_view today) {
  std::erase_if(occurrences, [&](const OccurrenceFact& o) {
    return o.due_on > today || Outcome(o) == "pending";
  });
  std::stable_sort(
      occurrences.begin(), occurrences.end(),
      [](const OccurrenceFact& a, const OccurrenceFact& b) { return a.due_on > b.due_on; });
  AmendmentSignal signal;
  for (const auto& o : occurrences) {
    if (signal.considered == kSignalWindow) break;
    ++signal.considered;
    const std::string outcome = Outcome(o);
    if (outcome == "late" || outcome == "overdue") ++signal.late;
    if (outcome == "waived") ++signal.waived;
  }
  signal.consider_amendment = signal.late + signal.waived >= kSignalThreshold;
  if (signal.consider_amendment) {
    signal.reason = std::to_string(signal.late + signal.waived) + " of the last " +
                    std::to_string(signal.considered) + " occurrences were late or waived";
  }
  return signal;
}

// ---- reminders -------------------------------------------------------------------------------

std::optional<int64_t> ReminderThreshold(const std::vector<int64_t>& days, std::string_view due,
                                         std::string_view today) {
  const auto d = ParseDay(due), t = ParseDay(today);
  if (!d || !t || *t > *d) return std::nullopt;
  const int64_t left = *d - *t;
  std::optional<int64_t> best;
  for (int64_t threshold : days) {
    if (threshold >= left && (!best || threshold < *best)) best = threshold;
  }
  return best;
}

// ---- agreement terms -------------------------------------------------------------------------

bool TermChanges::Empty() const {
  return !expiry_on && !notice_period_days && !governing_law && !field && !territory &&
         !exclusivity;
}

std::optional<std::string> NoticeDeadline(const std::optional<std::string>& expiry_on,
                                          const std::optional<int64_t>& notice_period_days) {
  if (!expiry_on || !notice_period_days) return std::nullopt;
  const auto expiry = ParseDay(*expiry_on);
  if (!expiry) return std::nullopt;
  const int64_t day = *expiry - *notice_period_days;
  if (day < DaysFromCivil(kMinYear, 1, 1) || day > LastRepresentableDay()) return std::nullopt;
  return FormatDay(day);
}

namespace {

// The date an amendment takes effect: its effective date, or without one its signing date.
std::optional<std::string> EffectiveDate(const Amendment& a) {
  if (a.effective_on && !a.effective_on->empty()) return a.effective_on;
  if (a.signed_on && !a.signed_on->empty()) return a.signed_on;
  return std::nullopt;
}

}  // namespace

bool AmendmentInForce(const Amendment& amendment, std::string_view today) {
  if (!IsInForce(amendment.status)) return false;
  const auto date = EffectiveDate(amendment);
  return date && *date <= today;
}

Terms AsAmended(Terms base, std::vector<Amendment> amendments, std::string_view today) {
  std::erase_if(amendments, [&](const Amendment& a) { return !AmendmentInForce(a, today); });
  std::stable_sort(amendments.begin(), amendments.end(),
                   [](const Amendment& a, const Amendment& b) {
                     const auto da = EffectiveDate(a), db = EffectiveDate(b);
                     return std::tie(*da, a.created_at) < std::tie(*db, b.created_at);
                   });
  base.applied_amendment_ids.clear();
  for (const auto& a : amendments) {
    const TermChanges& c = a.changes;
    if (c.expiry_on) base.expiry_on = c.expiry_on;
    if (c.notice_period_days) base.notice_period_days = c.notice_period_days;
    if (c.governing_law) base.governing_law = *c.governing_law;
    if (c.field) base.field = *c.field;
    if (c.territory) base.territory = *c.territory;
    if (c.exclusivity) base.exclusivity = *c.exclusivity;
    base.applied_amendment_ids.push_back(a.id);
  }
  base.notice_deadline = NoticeDeadline(base.expiry_on, base.notice_period_days);
  return base;
}

// ---- conflict check --------------------------------------------------------------------------

std::optional<std::vector<std::string>> MayTouch(const RestrictionScope& restriction,
                                                 const Proposal& proposal, std::string_view today) {
  const auto open = [](const std::optional<std::string>& d) { return !d || d->empty(); };
  const std::string proposal_start =
      open(proposal.starts_on) ? std::string(today) : *proposal.starts_on;
  // A proposal that ends before it starts covers no day and can touch nothing.
  if (!open(proposal.ends_on) && *proposal.ends_on < proposal_start) return std::nullopt;
  if (!open(restriction.ends_on) && *restriction.ends_on < proposal_start) return std::nullopt;
  if (!open(restriction.starts_on) && !open(proposal.ends_on) &&
      *proposal.ends_on < *restriction.starts_on) {
    return std::nullopt;
  }

  struct Dimension {
    std::string_view label;
    const std::vector<std::string>& restricted;
    const std::vector<std::string>& proposed;
    bool territory;
  };
  const Dimension dimensions[] = {
      {"therapeutic area", restriction.therapeutic_areas, proposal.therapeutic_areas, false},
      {"modality", restriction.modalities, proposal.modalities, false},
      {"territory", restriction.territories, proposal.territories, true}};
  std::vector<std::string> matched;
  for (const Dimension& d : dimensions) {
    auto m = MatchDimension(d.label, d.restricted, d.proposed, d.territory);
    if (!m) return std::nullopt;
    matched.push_back(std::move(*m));
  }
  auto m = MatchDimension("counterparty", restriction.counterparties,
                          std::vector<std::string>{proposal.counterparty}, false);
  if (!m) return std::nullopt;
  matched.push_back(std::move(*m));
  return matched;
}

// ---- uploads ---------------------------------------------------------------------------------

UploadCheck CheckUpload(std::string_view name, std::string_view declared_type,
                        std::string_view bytes) {
  // The extension of the file name proper: no folders, and no trailing dots or spaces, which
  // some systems drop ("setup.exe." runs as setup.exe).
  std::string_view base = name;
  if (const size_t slash = base.find_last_of("/\\"); slash != std::string_view::npos) {
    base.remove_prefix(slash + 1);
  }
  while (!base.empty() && (base.back() == '.' || IsSpace(base.back()))) base.remove_suffix(1);
  const size_t dot = base.rfind('.');
  const std::string extension = dot == std::string_view::npos ? "" : Lower(base.substr(dot + 1));

  const bool executable_name = std::find(kExecutableExtensions.begin(), kExecutableExtensions.end(),
                                         extension) != kExecutableExtensions.end();
  if (executable_name || HasExecutableMagic(bytes)) {
    return Refuse("executable", "executable files are not accepted");
  }
  if (bytes.empty()) return Refuse("empty", "the file is empty");

  const auto accepted = std::find_if(kAccepted.begin(), kAccepted.end(),
                                     [&](const Accepted& a) { return a.extension == extension; });
  if (accepted == kAccepted.end()) {
    return Refuse(
        "unsupported",
        "unsupported type: " +
            (extension.empty() ? std::string("a name without an extension") : "." + extension) +
            " is not accepted (pdf, docx, xlsx, pptx, doc, xls, csv, txt)");
  }
  const std::string_view detected = Detect(bytes, extension);
  if (detected != accepted->content_type) {
    return Refuse(
        "mismatch",
        "mismatched type: the name ends in ." + extension + " but the contents are " +
            (detected.empty() ? std::string("not a recognised type") : std::string(detected)));
  }
  std::string_view declared = declared_type;
  if (const size_t semi = declared.find(';'); semi != std::string_view::npos) {
    declared = declared.substr(0, semi);
  }
  const std::string essence = Lower(Trim(declared));
  if (!essence.empty() && essence != "application/octet-stream" && essence != detected) {
    return Refuse("mismatch", "mismatched type: sent as " + essence + " but the contents are " +
                                  std::string(detected));
  }
  UploadCheck ok;
  ok.ok = true;
  ok.content_type = std::string(detected);
  return ok;
}

// ---- data register ---------------------------------------------------------------------------

std::string DestructionStatus(const std::optional<std::string>& destruction_due_on,
                              const std::optional<std::string>& destroyed_on,
                              std::string_view today) {
  if (destroyed_on && !destroyed_on->empty()) return "confirmed";
  if (!destruction_due_on || destruction_due_on->empty()) return "not_scheduled";
  if (*destruction_due_on < today) return "overdue";
  const auto due = ParseDay(*destruction_due_on), t = ParseDay(today);
  if (due && t && *due - *t <= 30) return "due";
  return "scheduled";
}

}  // namespace northstar::agreements
