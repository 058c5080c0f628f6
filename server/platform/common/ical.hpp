// iCalendar (RFC 5545) documents: the calendar of one meeting and each user's feed. Text is
// escaped (section 3.3.11), lines are folded at 75 octets without splitting a UTF-8 character
// (3.1), and lines end with CRLF.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace northstar::ical {

struct Event {
  std::string uid;  // stable across exports, so calendar programs update instead of duplicating
  // Either both instants ("YYYY-MM-DDTHH:MM:SSZ", UTC) or an all-day date ("YYYY-MM-DD").
  std::string starts_at, ends_at;
  std::optional<std::string> all_day;
  std::string summary, description, location, url;
  bool cancelled = false;
  std::string updated_at;  // an instant; DTSTAMP and LAST-MODIFIED
};

std::string Calendar(const std::string& name, const std::vector<Event>& events);

// Escapes TEXT values: backslash, semicolon, comma and line breaks.
std::string EscapeText(const std::string& text);
// Folds one content line (without its CRLF) into lines of at most 75 octets.
std::string Fold(const std::string& line);

}  // namespace northstar::ical
