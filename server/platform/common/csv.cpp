#include "platform/common/csv.hpp"

#include <algorithm>

#include "platform/common/json.hpp"

namespace northstar::csv {
namespace {

bool IsFormulaTrigger(char c) { return c == '=' || c == '+' || c == '-' || c == '@'; }

}  // namespace

std::string Neutralise(std::string_view text) {
  if (text.empty()) return std::string();
  const size_t first = text.find_first_not_of(' ');
  const bool formula = text.front() == '\t' || text.front() == '\r' ||
                       (first != std::string_view::npos && IsFormulaTrigger(text[first]));
  return formula ? "'" + std::string(text) : std::string(text);
}

std::string Field(std::string_view text) {
  std::string value = Neutralise(text);
  // A field that begins with U+FEFF is quoted too: at the start of a file, a reader (this one,
  // Excel) would take the bare character for a byte-order mark and drop it.
  const bool starts_like_bom = value.starts_with("\xEF\xBB\xBF");
  if (!starts_like_bom && value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void Writer::Row(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) text_ += ',';
    text_ += Field(fields[i]);
  }
  text_ += "\r\n";
}

Result<Rows> Read(std::string_view text, const ReadLimits& limits) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Line by line (a UTF-8 sequence never holds a line feed), so the error can say where.
  for (size_t start = 0, n = 1; start < text.size(); ++n) {
    const size_t end = std::min(text.find('\n', start), text.size());
    if (!IsValidUtf8(text.substr(start, end - start))) {
      return Malformed("CSV line " + std::to_string(n) + ": not valid UTF-8.");
    }
    start = end + 1;
  }
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  size_t line = 1;
  size_t i = 0;
  const auto at_line = [&](std::string what) {
    return Malformed("CSV line " + std::to_string(line) + ": " + std::move(what) + ".");
  };
  const auto end_field = [&]() -> Status {
    if (row.size() == limits.max_fields) {
      return at_line("more than " + std::to_string(limits.max_fields) + " fields");
    }
    row.push_back(std::move(field));
    field.clear();
    return OkStatus();
  };
  const auto end_row = [&]() -> Status {
    NS_TRY(end_field());
    if (rows.size() == limits.max_rows) {
      return at_line("more than " + std::to_string(limits.max_rows) + " rows");
    }
    rows.push_back(std::move(row));
    row.clear();
    return OkStatus();
  };
  while (i < text.size()) {
    if (text[i] == '"' && field.empty()) {
      // A quoted field runs to the quote not followed by another quote.
      const size_t opened_on = line;
      ++i;
      for (;;) {
        if (i == text.size()) {
          line = opened_on;
          return at_line("a quoted field is not closed");
        }
        const char c = text[i++];
        if (c == '"') {
          if (i < text.size() && text[i] == '"') {
            field += '"';
            ++i;
            if (field.size() > limits.max_field_bytes) return at_line("a field is too long");
            continue;
          }
          break;
        }
        if (c == '\n') ++line;
        field += c;
        if (field.size() > limits.max_field_bytes) return at_line("a field is too long");
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        return at_line("text follows a closing quote");
      }
      // An empty quoted field ("") is a field; remember that it was one.
      if (i == text.size()) {
        NS_TRY(end_row());
        return rows;
      }
      continue;
    }
    const char c = text[i];
    if (c == ',') {
      NS_TRY(end_field());
      ++i;
    } else if (c == '\r' || c == '\n') {
      NS_TRY(end_row());
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
    } else if (c == '"') {
      return at_line("a quote inside an unquoted field");
    } else {
      field += c;
      if (field.size() > limits.max_field_bytes) return at_line("a field is too long");
      ++i;
    }
  }
  if (!field.empty() || !row.empty()) NS_TRY(end_row());
  return rows;
}

}  // namespace northstar::csv
