// Serves the web app's built files from one folder: correct content types, long-lived caching
// for content-hashed assets, no caching for index.html, and the single-page-app fallback (any
// GET for a path without a file extension answers with index.html). A file compressed at build
// time ("app.js.br", "app.js.gz" beside "app.js") is sent instead when the client accepts that
// coding (Brotli first), with Content-Encoding and Vary.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "platform/http/message.hpp"

namespace northstar::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  std::optional<Response> Serve(const Request& request) const;
  static std::string ContentTypeFor(const std::filesystem::path& file);
  static bool IsHashedAsset(const std::string& file_name);

 private:
  std::optional<Response> FileResponse(const std::filesystem::path& file, bool head,
                                       const Request& request) const;
  std::filesystem::path root_;
};

}  // namespace northstar::http
