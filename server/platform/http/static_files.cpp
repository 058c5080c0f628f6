#include "platform/http/static_files.hpp"

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <tuple>

#include "platform/http/compression.hpp"

namespace northstar::http {

StaticFiles::StaticFiles(std::filesystem::path root) {
  std::error_code ec;
  root_ = std::filesystem::weakly_canonical(root, ec);
  if (ec) root_ = std::move(root);
}

std::string StaticFiles::ContentTypeFor(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".yaml", "application/yaml"},
      {".pdf", "application/pdf"}};
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool StaticFiles::IsHashedAsset(const std::string& file_name) {
  // Vite names built assets "name-<8+ char hash>.ext".
  static const std::regex kHashed(R"(^.+[-.][A-Za-z0-9_]{8,}\.[a-z0-9]+$)");
  return std::regex_match(file_name, kHashed);
}

namespace {

std::optional<std::string> ReadFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

std::optional<Response> StaticFiles::FileResponse(const std::filesystem::path& file, bool head,
                                                  const Request& request) const {
  auto content = ReadFile(file);
  if (!content) return std::nullopt;
  Response r;
  r.status = 200;
  const std::string type = ContentTypeFor(file);
  r.SetHeader("Content-Type", type);
  if (IsCompressibleType(type)) {
    r.SetHeader("Vary", "Accept-Encoding");
    const auto accept = request.Header("accept-encoding");
    const AcceptedCodings codings = accept ? ParseAcceptEncoding(*accept) : AcceptedCodings{};
    for (const auto& [coding, suffix, wanted] :
         {std::tuple{"br", ".br", codings.br}, std::tuple{"gzip", ".gz", codings.gzip}}) {
      if (!wanted) continue;
      auto compressed = ReadFile(std::filesystem::path(file.string() + suffix));
      if (!compressed) continue;
      content = std::move(compressed);
      r.SetHeader("Content-Encoding", coding);
      break;
    }
  }
  r.body = head ? std::string() : std::move(*content);
  const std::string name = file.filename().string();
  if (name == "index.html") {
    r.SetHeader("Cache-Control", "no-cache");
  } else if (IsHashedAsset(name)) {
    r.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    r.SetHeader("Cache-Control", "public, max-age=300");
  }
  return r;
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  const bool head = request.method == "HEAD";
  std::string relative = request.path;
  if (relative.find("..") != std::string::npos || relative.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
  if (relative.empty()) relative = "index.html";
  const std::filesystem::path candidate = root_ / relative;
  std::error_code ec;
  if (std::filesystem::is_regular_file(candidate, ec))
    return FileResponse(candidate, head, request);
  // Client-side routes ("/alliances/123") have no extension; files that do and are missing
  // are real 404s so a broken asset link is not masked by index.html.
  if (!std::filesystem::path(relative).has_extension()) {
    return FileResponse(root_ / "index.html", head, request);
  }
  return std::nullopt;
}

}  // namespace northstar::http
