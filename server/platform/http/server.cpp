#include "platform/http/server.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cmath>
#include <list>
#include <mutex>
#include <thread>
#include <tuple>

#include "platform/common/ids.hpp"
#include "platform/common/json.hpp"
#include "platform/common/time.hpp"

namespace northstar::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

void AddSecurityHeaders(Response& response) {
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  response.SetHeader("X-Frame-Options", "DENY");
  response.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.SetHeader("Content-Security-Policy",
                     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                     "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                     "object-src 'none'; base-uri 'self'; form-action 'self'; "
                     "frame-ancestors 'none'");
  if (!response.Header("Cache-Control")) response.SetHeader("Cache-Control", "no-store");
}

namespace {

// No header name or value carries a control character (HTAB aside) or DEL.
bool HeadersAreSafe(const Response& response) {
  const auto unsafe = [](const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char ch) {
      const auto c = static_cast<unsigned char>(ch);
      return (c < 0x20 && c != '\t') || c == 0x7F;
    });
  };
  return std::none_of(response.headers.begin(), response.headers.end(),
                      [&](const auto& h) { return unsafe(h.first) || unsafe(h.second); });
}

class Connection {
 public:
  explicit Connection(tcp::socket socket) : stream_(std::move(socket)) {}
  beast::tcp_stream& stream() { return stream_; }
  // Both touched only on the connection's strand.
  bool busy = false;
  bool closing = false;
  int served = 0;

 private:
  beast::tcp_stream stream_;
};

// A document upload (POST /api/v1/alliances/…/agreements/…/documents) from someone who sends
// credentials: the upload limit applies instead of the body limit. Anything else keeps the
// small limit, so an anonymous client cannot make the server buffer large bodies.
bool IsUpload(const bhttp::request_parser<bhttp::string_body>::value_type& header) {
  if (header.method() != bhttp::verb::post) return false;
  if (header.find(bhttp::field::cookie) == header.end() &&
      header.find(bhttp::field::authorization) == header.end()) {
    return false;
  }
  std::string_view target(header.target().data(), header.target().size());
  target = target.substr(0, target.find('?'));
  constexpr std::string_view prefix = "/api/v1/alliances/", middle = "/agreements/",
                             suffix = "/documents";
  return target.starts_with(prefix) && target.ends_with(suffix) &&
         target.find(middle) != std::string_view::npos &&
         std::count(target.begin(), target.end(), '/') == 7;
}

Request ToRequest(const bhttp::request<bhttp::string_body>& in, const std::string& remote,
                  bool trust_proxy) {
  Request r;
  r.method = std::string(in.method_string());
  r.target = std::string(in.target());
  const auto q = r.target.find('?');
  std::string raw_path = r.target.substr(0, q);
  if (!PercentDecode(raw_path, r.path, false)) r.path = raw_path;
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  r.body = in.body();
  r.remote_address = remote;
  if (trust_proxy) {
    if (auto fwd = r.Header("x-forwarded-for")) r.remote_address = fwd->substr(0, fwd->find(','));
    if (auto proto = r.Header("x-forwarded-proto")) r.secure = *proto == "https";
  }
  return r;
}

}  // namespace

// Threads that only hash passwords, each at a lower scheduling priority than the threads that
// serve reads and writes, so that the CPU goes to them first while a burst of sign-ins waits.
class HashingPool {
 public:
  explicit HashingPool(int threads) : work_(asio::make_work_guard(ioc_)) {
    for (int i = 0; i < threads; ++i) {
      threads_.emplace_back([this] {
        // Linux: a thread's nice value is its own (setpriority on its thread id).
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
        ioc_.run();
      });
    }
  }
  ~HashingPool() { Join(); }
  asio::io_context& context() { return ioc_; }
  void Join() {
    work_.reset();
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  asio::io_context ioc_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  std::vector<std::thread> threads_;
};

struct Server::Impl {
  const Config& config;
  const Router& router;
  asio::io_context ioc;
  asio::thread_pool db_pool;
  HashingPool hash_pool;
  // Requests running or waiting on the hashing pool; at most `hashing_limit`: its threads plus
  // the queue limit.
  std::atomic<int> hashing{0};
  const int hashing_limit;
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::list<std::shared_ptr<Connection>> connections;
  std::shared_ptr<spdlog::logger> access_log;

  Impl(const Config& c, const Router& r)
      : config(c),
        router(r),
        ioc(std::max(1, c.io_threads)),
        db_pool(EffectiveDbThreads(c)),
        hash_pool(EffectiveHashThreads(c)),
        hashing_limit(EffectiveHashThreads(c) + c.hash_queue) {
    access_log = spdlog::get("access");
  }

  void LogAccess(const Request& req, const Response& res,
                 std::chrono::steady_clock::time_point t0) {
    if (!config.access_log || !access_log) return;
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    json::object line{
        {"at", NowIso()},
        {"request_id", req.request_id},
        {"method", req.method},
        {"path", req.path},
        {"status", res.status},
        {"duration_us", us},
        {"remote", req.remote_address},
        {"user_id", res.user_id.empty() ? json::value(nullptr) : json::value(res.user_id)},
        {"bytes", res.body.size()}};
    access_log->info(json::serialize(line));
  }

  static std::string NowIso();

  awaitable<Response> Dispatch(const Request& request) {
    switch (router.WorkOf(request)) {
      case Work::kInline:
        co_return router.Handle(request);
      case Work::kDatabase:
        // Database work runs on the pool; the coroutine resumes on its strand when it is done.
        co_return co_await HandleOn(db_pool.get_executor(), request);
      case Work::kPasswordHashing:
        break;
    }
    // Bounded: past the limit a sign-in is told to come back rather than queued behind
    // seconds of hashing.
    if (hashing.fetch_add(1) >= hashing_limit) {
      hashing.fetch_sub(1);
      Error busy = MakeError(ErrorCode::kUnavailable,
                             "Too many sign-ins at this moment; try again in a second.");
      busy.retry_after_seconds = 1;
      co_return ProblemResponse(busy, request.request_id);
    }
    struct Release {
      std::atomic<int>& count;
      ~Release() { count.fetch_sub(1); }
    } release{hashing};
    co_return co_await HandleOn(hash_pool.context().get_executor(), request);
  }

  // Runs the router on `pool` and resumes the calling coroutine on its own executor (the
  // connection's strand) as soon as the answer is ready. co_spawn would not do: it resumes its
  // caller only after a second trip through the pool's queue, behind everything queued there in
  // the meantime, so under load every answer waited for the whole queue to drain (a burst of
  // sign-ins all answered at the same moment, the last one's).
  template <typename PoolExecutor>
  awaitable<Response> HandleOn(PoolExecutor pool, const Request& request) {
    return asio::async_initiate<decltype(use_awaitable), void(Response)>(
        [this, pool, &request](auto handler) {
          auto caller = asio::make_work_guard(asio::get_associated_executor(handler));
          asio::post(pool, [this, &request, handler = std::move(handler),
                            caller = std::move(caller)]() mutable {
            Response response = router.Handle(request);  // turns every exception into a 500
            auto resume_on = caller.get_executor();
            asio::dispatch(resume_on, [handler = std::move(handler),
                                       response = std::move(response)]() mutable {
              std::move(handler)(std::move(response));
            });
          });
        },
        use_awaitable);
  }

  awaitable<void> WriteResponse(Connection& c, Response response, bool keep_alive,
                                const std::string& request_id, unsigned version) {
    if (!HeadersAreSafe(response)) {
      // A header built from stored text (a file name, say) that would end the header or split the
      // response: a bug. Nothing of it is sent.
      spdlog::error("request {}: a response header held a control character; answered 500",
                    request_id);
      response = ProblemResponse(
          MakeError(ErrorCode::kInternal, "Something went wrong on our side; it has been logged."),
          request_id);
    }
    AddSecurityHeaders(response);
    response.SetHeader("X-Request-Id", request_id);
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
    out.set(bhttp::field::server, "northstar");
    for (const auto& [k, v] : response.headers) out.insert(k, v);
    out.body() = std::move(response.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    c.stream().expires_after(std::chrono::seconds(config.read_timeout_seconds));
    co_await bhttp::async_write(c.stream(), out, kTuple);
  }

  // After answering a request we will not read (too large, malformed): stop sending, then read
  // and drop what the client is still sending for a moment, so that it reads the answer instead
  // of a connection reset.
  awaitable<void> DrainAndClose(Connection& c) {
    boost::system::error_code ignored;
    c.stream().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    c.stream().expires_after(std::chrono::seconds(2));
    std::array<char, std::size_t{16} * 1024> sink;
    uint64_t drained = 0;
    while (drained < 2 * std::max(config.body_limit, config.upload_limit)) {
      auto [ec, got] = co_await c.stream().async_read_some(asio::buffer(sink), kTuple);
      if (ec) break;
      drained += got;
    }
  }

  awaitable<void> Session(std::shared_ptr<Connection> c) {
    beast::flat_buffer buffer;
    std::string remote;
    {
      boost::system::error_code ec;
      auto ep = c->stream().socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    bool first = true;
    // A connection that has not sent its first request yet is let through once while stopping:
    // its request may already be on the wire.
    while (!c->closing && (!stopping.load() || c->served == 0)) {
      bhttp::request_parser<bhttp::string_body> parser;
      // The larger limit while the header is read (it checks Content-Length against it); the
      // request's own limit once we know what it is.
      parser.body_limit(std::max(config.body_limit, config.upload_limit));
      parser.header_limit(16 * 1024);
      c->stream().expires_after(
          std::chrono::seconds(first ? config.read_timeout_seconds : config.idle_timeout_seconds));
      first = false;
      // The header first: a document upload may be larger than other requests.
      auto [ec, n] = co_await bhttp::async_read_header(c->stream(), buffer, parser, kTuple);
      uint64_t limit = IsUpload(parser.get()) ? std::max(config.body_limit, config.upload_limit)
                                              : config.body_limit;
      if (!ec) {
        parser.body_limit(limit);
        if (parser.content_length() && *parser.content_length() > limit) {
          ec = bhttp::error::body_limit;
        } else if (!parser.is_done()) {
          std::tie(ec, n) = co_await bhttp::async_read(c->stream(), buffer, parser, kTuple);
        }
      }
      if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
          ec == beast::error::timeout || ec == asio::error::connection_reset ||
          ec == asio::error::eof) {
        break;
      }
      const auto t0 = std::chrono::steady_clock::now();
      if (ec) {
        // A request we cannot parse: answer once and close.
        Request bad;
        bad.request_id = NewId();
        bad.method = "?";
        bad.remote_address = remote;
        const bool too_large = ec == bhttp::error::body_limit || ec == bhttp::error::header_limit;
        Error e = too_large ? MakeError(ErrorCode::kPayloadTooLarge,
                                        "The request is larger than the limit of " +
                                            std::to_string(limit) + " bytes.")
                            : Malformed("The HTTP request could not be parsed: " + ec.message());
        Response res = ProblemResponse(e, bad.request_id);
        c->busy = true;
        co_await WriteResponse(*c, res, false, bad.request_id, 11);
        LogAccess(bad, res, t0);
        co_await DrainAndClose(*c);
        break;
      }
      c->busy = true;
      Request request = ToRequest(parser.get(), remote, config.trust_proxy);
      request.request_id = NewId();
      if (config.cookie_secure == "always") request.secure = true;
      if (config.cookie_secure == "never") request.secure = false;
      Response response;
      const auto q = request.target.find('?');
      if (q != std::string::npos &&
          !ParseQuery(std::string_view(request.target).substr(q + 1), request.query)) {
        response = ProblemResponse(
            Malformed("The query string is not valid percent-encoded UTF-8."), request.request_id);
      } else {
        response = co_await Dispatch(request);
      }
      const bool keep_alive = parser.get().keep_alive() && !stopping.load();
      const int status = response.status;
      Response logged;
      logged.status = status;
      logged.user_id = response.user_id;
      logged.body.resize(response.body.size());
      co_await WriteResponse(*c, std::move(response), keep_alive, request.request_id,
                             parser.get().version());
      LogAccess(request, logged, t0);
      c->busy = false;
      ++c->served;
      if (!keep_alive) break;
    }
    boost::system::error_code ignored;
    c->stream().socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::lock_guard lock(mu);
    connections.remove(c);
  }

  awaitable<void> Listen(tcp::acceptor& acceptor) {
    for (;;) {
      auto strand = asio::make_strand(ioc);
      auto [ec, socket] = co_await acceptor.async_accept(strand, kTuple);
      if (ec) {
        if (stopping.load() || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      auto c = std::make_shared<Connection>(std::move(socket));
      {
        std::lock_guard lock(mu);
        connections.push_back(c);
      }
      asio::co_spawn(strand, Session(c), [](const std::exception_ptr& e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          spdlog::error("connection ended with an error: {}", ex.what());
        }
      });
    }
  }

  void BeginShutdown(tcp::acceptor& acceptor) {
    if (stopping.exchange(true)) return;
    spdlog::info("stopping: no new connections; finishing requests in flight (grace {} s)",
                 config.grace_seconds);
    boost::system::error_code ignored;
    acceptor.close(ignored);
    std::lock_guard lock(mu);
    for (auto& c : connections) {
      // Idle keep-alive connections (between requests) are closed now; busy ones close after
      // their response is written; new ones get to send one request within the read timeout.
      asio::post(c->stream().get_executor(), [c] {
        if (c->served == 0) return;
        c->closing = true;
        if (!c->busy) c->stream().cancel();
      });
    }
  }
};

std::string Server::Impl::NowIso() { return NowText(); }

Server::Server(const Config& config, const Router& router)
    : impl_(std::make_unique<Impl>(config, router)) {}

Server::~Server() = default;

void Server::Run(const std::function<void(unsigned short port)>& on_listening) {
  Impl& d = *impl_;
  auto acceptor_strand = asio::make_strand(d.ioc);
  tcp::acceptor acceptor(acceptor_strand);
  const tcp::endpoint endpoint(asio::ip::make_address(d.config.bind), d.config.port);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  if (on_listening) on_listening(acceptor.local_endpoint().port());

  asio::signal_set signals(acceptor_strand, SIGINT, SIGTERM);
  asio::steady_timer drain_timer(acceptor_strand);
  std::chrono::steady_clock::time_point deadline;
  std::function<void()> poll_drained = [&] {
    bool drained;
    {
      std::lock_guard lock(d.mu);
      drained = d.connections.empty();
    }
    if (drained || std::chrono::steady_clock::now() >= deadline) {
      if (!drained) spdlog::warn("grace period over; closing remaining connections");
      d.ioc.stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(25));
    drain_timer.async_wait([&](boost::system::error_code) { poll_drained(); });
  };
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (ec) return;
    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(d.config.grace_seconds);
    d.BeginShutdown(acceptor);
    poll_drained();
  });
  asio::co_spawn(acceptor_strand, d.Listen(acceptor), asio::detached);

  std::vector<std::thread> threads;
  for (int i = 1; i < std::max(1, d.config.io_threads); ++i)
    threads.emplace_back([&] { d.ioc.run(); });
  d.ioc.run();
  for (auto& t : threads) t.join();
  d.db_pool.join();
  d.hash_pool.Join();
  spdlog::info("stopped");
}

}  // namespace northstar::http
