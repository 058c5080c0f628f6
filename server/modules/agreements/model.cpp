#include "modules/agreements/model.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <tuple>

#include "platform/common/date.hpp"

namespace northstar::agreements {
namespace {

// ---- calendar ------------------------------------------------------------------------------

// Monday = 0 … Sunday = 6, as ByDay counts.
int WeekdayIndex(Date day) { return static_cast<int>(day.Weekday().iso_encoding()) - 1; }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int64_t Digits(std::string_view s) {
  int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
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
  if (rule.until && !Date::ParseAnyYear(*rule.until)) {
    return "UNTIL=" + *rule.until + " is not a date";
  }
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
  std::string day = std::string(v.substr(0, 4)) + '-' + std::string(v.substr(4, 2)) + '-' +
                    std::string(v.substr(6, 2));
  if (!Date::ParseAnyYear(day)) return std::nullopt;
  return day;
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

// The days 1..31 that a MONTHLY rule picks in the month beginning on `month_start`, as bits
// (bit d = day d).
uint32_t MonthlyDays(const RecurrenceRule& rule, Date month_start, int start_day_of_month) {
  const int dim = month_start.DaysInMonth();
  uint32_t by_month_day = 0, by_day = 0;
  for (int v : rule.by_month_day) {
    const int d = v > 0 ? v : dim + v + 1;
    if (d >= 1 && d <= dim) by_month_day |= 1u << d;
  }
  if (!rule.by_day.empty()) {
    const int first_weekday = WeekdayIndex(month_start);
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
  const auto s = Date::ParseAnyYear(start), f = Date::ParseAnyYear(from),
             t = Date::ParseAnyYear(to);
  if (limit == 0 || !s || !f || !t || *f > *t || !Validate(rule).empty()) return out;

  const int last_year = Date::Max().Year();
  // The last day that can occur: `to`, UNTIL, and 100 years after DTSTART (from 29 February, the
  // 28th).
  Date last = *t;
  if (s->Year() + 100 <= last_year) last = std::min(last, s->AddMonths(int64_t{100} * 12));
  if (rule.until) last = std::min(last, *Date::ParseAnyYear(*rule.until));
  if (last < *s || last < *f) return out;

  const int64_t interval = rule.interval;
  const bool counting = rule.count.has_value();
  int64_t remaining = rule.count.value_or(0);
  bool done = false;
  // Takes candidates of the rule in ascending order; sets `done` when nothing later can be wanted.
  // Candidates may lie past Date::Max(): they are after `last` and never written.
  const auto take = [&](Date day) {
    if (day < *s) return;  // before DTSTART: neither an occurrence nor counted
    if (day > last) {
      done = true;
      return;
    }
    if (counting && --remaining == 0) done = true;
    if (day >= *f) {
      out.push_back(day.Text());
      if (out.size() >= limit) done = true;
    }
  };

  uint8_t weekdays = 0;  // BYDAY without ordinals, as bits (Monday = bit 0)
  for (const ByDay& b : rule.by_day) weekdays |= static_cast<uint8_t>(1u << b.weekday);

  // Without COUNT, the periods wholly before `from` are skipped; with it they must be counted.
  if (rule.freq == "DAILY") {
    const int64_t k0 = counting ? 0 : CeilDiv(s->DaysUntil(*f), interval);
    for (Date day = s->AddDays(k0 * interval); !done && day <= last; day = day.AddDays(interval)) {
      if (weekdays == 0 || ((weekdays >> WeekdayIndex(day)) & 1)) take(day);
    }
  } else if (rule.freq == "WEEKLY") {
    if (weekdays == 0) weekdays = static_cast<uint8_t>(1u << WeekdayIndex(*s));
    const Date first_monday = s->AddDays(-WeekdayIndex(*s));
    const Date from_monday = f->AddDays(-WeekdayIndex(*f));
    const int64_t k0 = counting ? 0 : CeilDiv(first_monday.DaysUntil(from_monday) / 7, interval);
    for (Date monday = first_monday.AddDays(7 * k0 * interval); !done && monday <= last;
         monday = monday.AddDays(7 * interval)) {
      for (int wd = 0; wd < 7 && !done; ++wd) {
        if ((weekdays >> wd) & 1) take(monday.AddDays(wd));
      }
    }
  } else if (rule.freq == "MONTHLY") {
    // Months counted from year 0: month m is month m % 12 + 1 of year m / 12.
    const int64_t m0 = int64_t{s->Year()} * 12 + (s->Month() - 1);
    const int64_t k0 =
        counting ? 0 : CeilDiv(int64_t{f->Year()} * 12 + (f->Month() - 1) - m0, interval);
    const int start_day = s->Day();
    for (int64_t m = m0 + k0 * interval; !done; m += interval) {
      const auto first = Date::FromCivil(m / 12, m % 12 + 1, 1);  // none after year 9999
      if (!first || *first > last) break;
      uint32_t days = MonthlyDays(rule, *first, start_day);
      while (days != 0 && !done) {
        const int d = std::countr_zero(days);
        days &= days - 1;
        take(first->AddDays(d - 1));
      }
    }
  } else {  // YEARLY
    const int64_t k0 = counting ? 0 : CeilDiv(f->Year() - s->Year(), interval);
    const int month = s->Month(), day = s->Day();
    for (int64_t year = s->Year() + k0 * interval; !done && year <= last_year; year += interval) {
      if (*Date::FromCivil(year, 1, 1) > last) break;
      // 29 February only in leap years.
      if (const auto occurrence = Date::FromCivil(year, month, day)) take(*occurrence);
    }
  }
  return out;
}

// ---- schedules and occurrences ---------------------------------------------------------------

std::vector<std::string> DueDates(const Schedule& schedule, std::string_view from,
                                  std::string_view to, size_t limit) {
  std::vector<std::string> out;
  const auto f = Date::ParseAnyYear(from), t = Date::ParseAnyYear(to);
  if (limit == 0 || !f || !t || *f > *t) return out;
  const auto single = [&](Date day) {
    if (day >= *f && day <= *t) out.push_back(day.Text());
  };
  if (schedule.kind == "once") {
    if (schedule.due_on) {
      if (const auto day = Date::ParseAnyYear(*schedule.due_on)) single(*day);
    }
  } else if (schedule.kind == "recurring") {
    if (schedule.starts_on && schedule.rule) {
      return Expand(*schedule.rule, *schedule.starts_on, from, to, limit);
    }
  } else if (schedule.kind == "milestone") {
    if (schedule.milestone_achieved_on) {
      const auto achieved = Date::ParseAnyYear(*schedule.milestone_achieved_on);
      if (achieved) {
        if (const auto day = achieved->TryAddDays(schedule.offset_days)) single(*day);
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
  const auto t = Date::ParseAnyYear(today), d = Date::ParseAnyYear(due_on);
  if (t && d && t->DaysUntil(*d) <= kDueWindowDays) return "due";
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
  const auto day = Date::ParseAnyYear(date);
  if (!day) return {};
  return day->Text().substr(0, 4) + "-Q" + std::to_string((day->Month() - 1) / 3 + 1);
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
  const auto d = Date::ParseAnyYear(due), t = Date::ParseAnyYear(today);
  if (!d || !t || *t > *d) return std::nullopt;
  const int64_t left = t->DaysUntil(*d);
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
  const auto expiry = Date::ParseAnyYear(*expiry_on);
  if (!expiry) return std::nullopt;
  const auto day = expiry->TryAddDays(-*notice_period_days);
  if (!day) return std::nullopt;
  return day->Text();
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
  const auto due = Date::ParseAnyYear(*destruction_due_on), t = Date::ParseAnyYear(today);
  if (due && t && t->DaysUntil(*due) <= 30) return "due";
  return "scheduled";
}

// ---- the records --------------------------------------------------------------------------------

std::optional<std::string> StringField(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

json::object TermChangesJson(const TermChanges& t) {
  json::object o;
  if (t.expiry_on) o["expiry_on"] = *t.expiry_on;
  if (t.notice_period_days) o["notice_period_days"] = *t.notice_period_days;
  if (t.governing_law) o["governing_law"] = *t.governing_law;
  if (t.field) o["field"] = *t.field;
  if (t.territory) o["territory"] = *t.territory;
  if (t.exclusivity) o["exclusivity"] = *t.exclusivity;
  return o;
}

TermChanges TermChangesFromJson(const json::value& v) {
  TermChanges t;
  if (!v.is_object()) return t;
  const auto& o = v.as_object();
  t.expiry_on = StringField(o, "expiry_on");
  if (const auto* n = o.if_contains("notice_period_days"); n && n->is_int64()) {
    t.notice_period_days = n->as_int64();
  }
  t.governing_law = StringField(o, "governing_law");
  t.field = StringField(o, "field");
  t.territory = StringField(o, "territory");
  t.exclusivity = StringField(o, "exclusivity");
  return t;
}

json::array ObligationChangesJson(const std::vector<ObligationChange>& changes) {
  json::array a;
  for (const auto& c : changes) {
    a.push_back(json::object{{"obligation_id", c.obligation_id}, {"change", c.change}});
  }
  return a;
}

std::vector<ObligationChange> ObligationChangesFromJson(const json::value& v) {
  std::vector<ObligationChange> out;
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    out.push_back({StringField(x.as_object(), "obligation_id").value_or(""),
                   StringField(x.as_object(), "change").value_or("")});
  }
  return out;
}

}  // namespace northstar::agreements
