#include "platform/http/compression.hpp"

#include <zlib.h>

#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace northstar::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The q-value of one element's parameters ("q=0.5"); 1 when absent, 0 when malformed.
double Quality(std::string_view params) {
  while (!params.empty()) {
    const size_t semi = params.find(';');
    std::string_view p = Trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      const std::string value(Trim(p.substr(2)));
      char* end = nullptr;
      const double q = std::strtod(value.c_str(), &end);
      if (end == value.c_str() || *end != '\0' || q < 0 || q > 1) return 0;
      return q;
    }
  }
  return 1;
}

}  // namespace

AcceptedCodings ParseAcceptEncoding(std::string_view header) {
  std::optional<double> br, gzip, any;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view element = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const size_t semi = element.find(';');
    const std::string coding = Lower(Trim(element.substr(0, semi)));
    const double q = semi == std::string_view::npos ? 1.0 : Quality(element.substr(semi + 1));
    if (coding == "br") br = q;
    if (coding == "gzip" || coding == "x-gzip") gzip = q;
    if (coding == "*") any = q;
  }
  const auto accepted = [&](const std::optional<double>& listed) {
    return listed ? *listed > 0 : any && *any > 0;
  };
  return {accepted(br), accepted(gzip)};
}

bool IsCompressibleType(std::string_view content_type) {
  const std::string type = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  return type.starts_with("text/") || type == "application/json" ||
         type == "application/problem+json" || type == "application/yaml" ||
         type == "application/javascript" || type == "application/manifest+json" ||
         type == "image/svg+xml";
}

std::string Gzip(std::string_view data, int level) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  return out;
}

void CompressForClient(const Request& request, Response& response) {
  const auto type = response.Header("Content-Type");
  if (!type || !IsCompressibleType(*type)) return;
  if (!response.Header("Vary")) response.SetHeader("Vary", "Accept-Encoding");
  if (response.body.size() < kCompressMinBytes || response.Header("Content-Encoding") ||
      response.Header("ETag") || response.status == 204 || response.status == 206) {
    return;
  }
  const auto accept = request.Header("accept-encoding");
  if (!accept || !ParseAcceptEncoding(*accept).gzip) return;
  response.body = Gzip(response.body);
  response.SetHeader("Content-Encoding", "gzip");
}

}  // namespace northstar::http
