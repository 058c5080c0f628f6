// Fuzzes the iCalendar writer (platform/common/ical.hpp): EscapeText, Fold and whole Calendar
// documents built from fuzzed meeting text. The input is three FuzzedDataProvider strings (a
// backslash and the byte after it end one) for the summary, description and location; the rest
// is the calendar's name. Checks, beyond not crashing or hanging:
//  - escaped text holds no CR or LF and unescapes (RFC 5545 3.3.11) to the text with its line
//    breaks (CRLF, CR, LF) as LF;
//  - a folded line splits into physical lines of at most 75 octets, each but the first starting
//    with one space, none empty after it, with no CR or LF inside; unfolding gives the line back;
//    and when the line is valid UTF-8, every physical line is too (no character is split);
//  - a whole calendar ends each line with CRLF, keeps every physical line within 75 octets and
//    free of bare CR and LF, and after unfolding holds the escaped summary, description,
//    location and name as property values that unescape to the text given.
// The server only ever writes valid UTF-8 (request bodies are checked on the way in); Fold still
// gets every input, since a folding loop must end whatever it is given.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "platform/common/ical.hpp"

namespace {

namespace ical = northstar::ical;
using northstar::fuzz::Require;

// CRLF and a lone CR become LF, as EscapeText writes both as "\n".
std::string NormaliseBreaks(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += '\n';
    } else {
      out += text[i];
    }
  }
  return out;
}

// RFC 5545 3.3.11 read back; nullopt on a backslash that escapes nothing it may escape.
std::optional<std::string> Unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    const char c = text[i];
    if (c == 'n' || c == 'N') {
      out += '\n';
    } else if (c == '\\' || c == ';' || c == ',') {
      out += c;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// Splits a folded line (no final CRLF) into its physical lines.
std::vector<std::string_view> PhysicalLines(std::string_view folded) {
  std::vector<std::string_view> out;
  for (;;) {
    const size_t at = folded.find("\r\n");
    out.push_back(folded.substr(0, at));
    if (at == std::string_view::npos) return out;
    folded.remove_prefix(at + 2);
  }
}

// Requires: `line` holds no CR or LF.
void CheckFold(const std::string& line) {
  const std::string folded = ical::Fold(line);
  const auto lines = PhysicalLines(folded);
  const bool utf8 = northstar::fuzz::IsWellFormedUtf8(line);
  std::string unfolded;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    Require(l.size() <= 75, "a physical line is at most 75 octets", l);
    Require(l.find_first_of("\r\n") == std::string_view::npos, "no bare CR or LF in a line", l);
    if (i > 0) {
      Require(!l.empty() && l.front() == ' ', "a continuation line starts with a space", l);
      l.remove_prefix(1);
      Require(!l.empty(), "a continuation line carries content", folded);
    }
    if (utf8) Require(northstar::fuzz::IsWellFormedUtf8(l), "folding splits no character", l);
    unfolded += l;
  }
  Require(unfolded == line, "unfolding gives the line back", line);
}

void CheckEscape(const std::string& text) {
  const std::string escaped = ical::EscapeText(text);
  Require(escaped.find_first_of("\r\n") == std::string::npos, "escaped text has no CR or LF",
          escaped);
  const auto back = Unescape(escaped);
  Require(back.has_value(), "escaped text unescapes", escaped);
  Require(*back == NormaliseBreaks(text), "unescaping gives the text back", text);
}

// The unfolded content lines of a document, each of which must have ended with CRLF.
std::vector<std::string> ContentLines(const std::string& document) {
  Require(document.size() >= 2 && document.ends_with("\r\n"), "the document ends with CRLF");
  std::vector<std::string> out;
  size_t at = 0;
  while (at < document.size()) {
    const size_t end = document.find("\r\n", at);
    Require(end != std::string::npos, "every line ends with CRLF", document.substr(at));
    const std::string_view l(document.data() + at, end - at);
    Require(l.size() <= 75, "a document line is at most 75 octets", l);
    Require(l.find_first_of("\r\n") == std::string_view::npos, "no bare CR or LF in a document", l);
    if (!l.empty() && l.front() == ' ') {
      Require(!out.empty(), "a document starts with a content line", l);
      out.back() += l.substr(1);
    } else {
      out.emplace_back(l);
    }
    at = end + 2;
  }
  return out;
}

// The text of the first property `name` (with its ':') among the content lines.
std::optional<std::string> PropertyText(const std::vector<std::string>& lines,
                                        std::string_view name) {
  for (const auto& l : lines) {
    if (l.starts_with(name)) return Unescape(std::string_view(l).substr(name.size()));
  }
  return std::nullopt;
}

void CheckCalendar(const std::string& name, const std::string& summary,
                   const std::string& description, const std::string& location) {
  ical::Event meeting;
  meeting.uid = "meeting-01938a4e-7c2b-7d5e-9f10-2b3c4d5e6f70@northstar";
  meeting.starts_at = "2026-12-01T15:00:00.000Z";
  meeting.ends_at = "2026-12-01T16:30:00.000Z";
  meeting.summary = summary;
  meeting.description = description;
  meeting.location = location;
  meeting.url = "https://meet.example.com/j/123456789?pwd=abcdefghijklmnopqrstuvwxyz0123456789";
  meeting.updated_at = "2026-11-21T19:33:56.123Z";
  ical::Event due;
  due.uid = "obligation-01938a4e-7c2b-7d5e-9f10-2b3c4d5e6f70-2026-12-31@northstar";
  due.all_day = "2026-12-31";
  due.summary = "Obligation due: " + summary;
  due.cancelled = true;
  due.updated_at = "2026-11-21T19:33:56.123Z";

  const std::string document = ical::Calendar(name, {meeting, due});
  const auto lines = ContentLines(document);
  Require(lines.front() == "BEGIN:VCALENDAR" && lines.back() == "END:VCALENDAR",
          "the document is one VCALENDAR");
  Require(PropertyText(lines, "X-WR-CALNAME:") == NormaliseBreaks(name), "the name round-trips",
          name);
  Require(PropertyText(lines, "SUMMARY:") == NormaliseBreaks(summary), "the summary round-trips",
          summary);
  if (!description.empty()) {
    Require(PropertyText(lines, "DESCRIPTION:") == NormaliseBreaks(description),
            "the description round-trips", description);
  }
  if (!location.empty()) {
    Require(PropertyText(lines, "LOCATION:") == NormaliseBreaks(location),
            "the location round-trips", location);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider provider(data, size);
  const std::string summary = provider.ConsumeRandomLengthString(1000);
  const std::string description = provider.ConsumeRandomLengthString(4000);
  const std::string location = provider.ConsumeRandomLengthString(1000);
  const std::string name = provider.ConsumeRemainingBytesAsString();

  for (const std::string* text : {&summary, &description, &location, &name}) {
    CheckEscape(*text);
    // A content line never holds a raw line break (text is escaped first), so only such lines
    // are folded as they are.
    if (text->find_first_of("\r\n") == std::string::npos) CheckFold(*text);
    CheckFold("DESCRIPTION:" + ical::EscapeText(*text));
  }
  const bool all_utf8 = northstar::fuzz::IsWellFormedUtf8(summary) &&
                        northstar::fuzz::IsWellFormedUtf8(description) &&
                        northstar::fuzz::IsWellFormedUtf8(location) &&
                        northstar::fuzz::IsWellFormedUtf8(name);
  if (all_utf8) CheckCalendar(name, summary, description, location);
  return 0;
}
