#include "platform/common/ical.hpp"

namespace northstar::ical {
namespace {

// "2026-12-01T15:00:00Z" (or with milliseconds) → "20261201T150000Z".
std::string BasicInstant(const std::string& instant) {
  std::string out;
  for (char c : instant.substr(0, 19)) {
    if (c != '-' && c != ':') out += c;
  }
  return out + "Z";
}

std::string BasicDate(const std::string& date) {
  std::string out;
  for (char c : date) {
    if (c != '-') out += c;
  }
  return out;
}

void Line(std::string& out, const std::string& line) { out += Fold(line) + "\r\n"; }

}  // namespace

std::string EscapeText(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Fold(const std::string& line) {
  std::string out;
  size_t taken = 0, limit = 75;  // continuation lines start with a space: 74 more octets
  while (line.size() - taken > limit) {
    size_t cut = taken + limit;
    // Never inside a UTF-8 sequence: back up to a lead byte.
    while (cut > taken && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    // No lead byte within reach: not UTF-8, so no character to keep whole; cut at the limit
    // rather than loop forever without taking anything.
    if (cut == taken) cut = taken + limit;
    out += line.substr(taken, cut - taken) + "\r\n ";
    taken = cut;
    limit = 74;
  }
  return out + line.substr(taken);
}

std::string Calendar(const std::string& name, const std::vector<Event>& events) {
  std::string out;
  Line(out, "BEGIN:VCALENDAR");
  Line(out, "VERSION:2.0");
  Line(out, "PRODID:-//Northstar//Alliance management//EN");
  Line(out, "CALSCALE:GREGORIAN");
  Line(out, "METHOD:PUBLISH");
  Line(out, "X-WR-CALNAME:" + EscapeText(name));
  for (const auto& e : events) {
    Line(out, "BEGIN:VEVENT");
    Line(out, "UID:" + e.uid);
    Line(out, "DTSTAMP:" + BasicInstant(e.updated_at));
    Line(out, "LAST-MODIFIED:" + BasicInstant(e.updated_at));
    if (e.all_day) {
      Line(out, "DTSTART;VALUE=DATE:" + BasicDate(*e.all_day));
    } else {
      Line(out, "DTSTART:" + BasicInstant(e.starts_at));
      Line(out, "DTEND:" + BasicInstant(e.ends_at));
    }
    Line(out, "SUMMARY:" + EscapeText(e.summary));
    if (!e.description.empty()) Line(out, "DESCRIPTION:" + EscapeText(e.description));
    if (!e.location.empty()) Line(out, "LOCATION:" + EscapeText(e.location));
    if (!e.url.empty()) Line(out, "URL:" + e.url);
    Line(out, std::string("STATUS:") + (e.cancelled ? "CANCELLED" : "CONFIRMED"));
    Line(out, "END:VEVENT");
  }
  Line(out, "END:VCALENDAR");
  return out;
}

}  // namespace northstar::ical
