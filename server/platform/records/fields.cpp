#include "platform/records/fields.hpp"

#include "platform/records/table.hpp"

namespace northstar::records {

std::string NumberText(double value) {
  char out[32];
  auto [end, ec] = std::to_chars(out, out + sizeof out, value);
  return std::string(out, end);
}

double ParseNumber(std::string_view text) {
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

json::array IntsJson(const std::vector<int64_t>& v) {
  json::array a;
  for (int64_t x : v) a.push_back(x);
  return a;
}

std::vector<int64_t> IntsFromJsonText(const std::string& text) {
  std::vector<int64_t> out;
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (x.is_int64()) out.push_back(x.as_int64());
  }
  return out;
}

namespace internal {

std::vector<std::string> SplitColumns(const std::string& columns) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < columns.size()) {
    size_t end = columns.find(',', start);
    if (end == std::string::npos) end = columns.size();
    std::string c = columns.substr(start, end - start);
    c.erase(0, c.find_first_not_of(' '));
    c.erase(c.find_last_not_of(' ') + 1);
    if (!c.empty()) out.push_back(std::move(c));
    start = end + 1;
  }
  return out;
}

}  // namespace internal
}  // namespace northstar::records
