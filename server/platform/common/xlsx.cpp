#include "platform/common/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "platform/common/date.hpp"

namespace northstar::xlsx {

Cell Text(std::string text) { return {Cell::Kind::kText, std::move(text), 0}; }
Cell Number(double value) { return {Cell::Kind::kNumber, "", value}; }
Cell Date(const std::optional<std::string>& date) {
  if (!date) return {};
  return {Cell::Kind::kDate, *date, 0};
}
Cell Percent(const std::optional<double>& fraction) {
  if (!fraction) return {};
  return {Cell::Kind::kPercent, "", *fraction};
}

namespace {

// A file of our own in the temporary directory, removed when done: libxlsxwriter 1.1 writes
// only to files.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/northstar-xlsx-XXXXXX";
    const int fd = mkstemp(path_.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
    close(fd);
  }
  ~TempFile() { unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void Check(lxw_error error) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(lxw_strerror(error));
}

}  // namespace

std::string Workbook(const std::vector<Sheet>& sheets, const std::string& date_format) {
  TempFile file;
  lxw_workbook* book = workbook_new(file.path().c_str());
  if (!book) throw std::runtime_error("cannot start the workbook");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, date_format.c_str());
  lxw_format* percent = workbook_add_format(book);
  format_set_num_format(percent, "0.0%");
  for (const auto& sheet : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.c_str());
    if (!ws) {
      workbook_close(book);
      throw std::runtime_error("invalid sheet name: " + sheet.name);
    }
    std::vector<size_t> widths(sheet.header.size(), 8);
    for (size_t c = 0; c < sheet.header.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
      widths[c] = std::max(widths[c], sheet.header[c].size());
    }
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
        const Cell& cell = sheet.rows[r][c];
        const auto col = static_cast<lxw_col_t>(c);
        switch (cell.kind) {
          case Cell::Kind::kEmpty:
            break;
          case Cell::Kind::kText:
            worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
            break;
          case Cell::Kind::kNumber:
            worksheet_write_number(ws, row, col, cell.number, nullptr);
            break;
          case Cell::Kind::kPercent:
            worksheet_write_number(ws, row, col, cell.number, percent);
            break;
          case Cell::Kind::kDate: {
            // Not a day (a bug upstream): the text as it is, rather than a made-up date.
            const auto day = northstar::Date::ParseAnyYear(cell.text);
            if (!day) {
              worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
              break;
            }
            lxw_datetime dt{};
            dt.year = day->Year();
            dt.month = day->Month();
            dt.day = day->Day();
            worksheet_write_datetime(ws, row, col, &dt, date);
            break;
          }
        }
        if (c < widths.size()) {
          widths[c] = std::max(widths[c], std::min<size_t>(cell.text.size(), 60));
        }
      }
    }
    for (size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c] + 2), nullptr);
    }
    if (!sheet.header.empty()) worksheet_freeze_panes(ws, 1, 0);
  }
  Check(workbook_close(book));
  std::ifstream in(file.path(), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace northstar::xlsx
