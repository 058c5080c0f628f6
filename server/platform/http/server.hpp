// The HTTP/1.1 server: a listener plus one coroutine per connection, each on its own strand.
// Handlers that may block run on a separate database thread pool, never on I/O threads.
// Run() returns after SIGINT/SIGTERM once in-flight requests finished or the grace period ended.
#pragma once

#include <functional>
#include <memory>

#include "platform/common/config.hpp"
#include "platform/http/router.hpp"

namespace northstar::http {

class Server {
 public:
  Server(const Config& config, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and serves until a stop signal; `on_listening` runs once the port is bound.
  void Run(const std::function<void(unsigned short port)>& on_listening = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Headers every response carries (CSP, nosniff, referrer policy, framing).
void AddSecurityHeaders(Response& response);

}  // namespace northstar::http
