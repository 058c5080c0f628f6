#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "platform/common/ids.hpp"
#include "platform/http/attachment.hpp"
#include "platform/http/compression.hpp"
#include "platform/http/message.hpp"
#include "platform/http/request_helpers.hpp"
#include "platform/http/router.hpp"
#include "platform/http/server.hpp"
#include "platform/http/static_files.hpp"

namespace northstar::http {
namespace {

Request Make(std::string method, std::string path, std::string body = "") {
  Request r;
  r.method = std::move(method);
  r.path = path;
  r.target = std::move(path);
  r.body = std::move(body);
  r.request_id = "req-1";
  return r;
}

json::value BodyOf(const Response& r) { return json::parse(r.body); }

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.SetAuthenticator([](const Request& r) -> Result<std::optional<auth::Principal>> {
      if (auto cookie = r.Cookie("ns_session")) {
        if (*cookie != "good") return MakeError(ErrorCode::kUnauthenticated, "expired");
        auth::Principal p;
        p.user_id = "u1";
        p.session_id = "s1";
        p.csrf_token = "csrf-123";
        return std::optional<auth::Principal>(p);
      }
      return std::optional<auth::Principal>{};
    });
    router_.Add("GET", "/api/v1/things/{id}", [](RequestContext& c) -> Result<Response> {
      return JsonResponse(200, json::object{{"id", c.Param("id")}, {"user", c.user().user_id}});
    });
    router_.Add("POST", "/api/v1/things",
                [](RequestContext&) -> Result<Response> { return Invalid("name", "is required"); });
    router_.Add(
        "GET", "/public",
        [](RequestContext&) -> Result<Response> { return JsonResponse(200, json::object{}); },
        {Access::kPublic, Work::kInline});
    router_.Add(
        "GET", "/boom",
        [](RequestContext&) -> Result<Response> { throw std::runtime_error("secret internals"); },
        {Access::kPublic, Work::kDatabase});
  }
  Router router_;
};

TEST_F(RouterTest, MatchesParametersAndAuthenticates) {
  const std::string id = NewId();
  Request r = Make("GET", "/api/v1/things/" + id);
  r.headers.emplace_back("cookie", "theme=dark; ns_session=good");
  Response res = router_.Handle(r);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(BodyOf(res).at("id").as_string(), id);
  EXPECT_EQ(res.user_id, "u1");
}

TEST_F(RouterTest, MatchesAParameterWithALiteralSuffix) {
  router_.Add("GET", "/feeds/{token}.ics",
              [](RequestContext& c) -> Result<Response> {
                return JsonResponse(200, json::object{{"token", c.Param("token")}});
              },
              {Access::kPublic, Work::kInline});
  Response res = router_.Handle(Make("GET", "/feeds/abc123.ics"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(BodyOf(res).at("token").as_string(), "abc123");
  EXPECT_EQ(router_.Handle(Make("GET", "/feeds/abc123")).status, 404);
  EXPECT_EQ(router_.Handle(Make("GET", "/feeds/.ics")).status, 404);
}

TEST_F(RouterTest, SignedOutIs401AndExpiredSessionToo) {
  Response res = router_.Handle(Make("GET", "/api/v1/things/" + NewId()));
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(*res.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(BodyOf(res).at("request_id"), "req-1");
  Request r = Make("GET", "/api/v1/things/" + NewId());
  r.headers.emplace_back("cookie", "ns_session=stale");
  EXPECT_EQ(router_.Handle(r).status, 401);
}

TEST_F(RouterTest, MalformedIdIs400UnknownPathIs404WrongMethodIs405) {
  Request r = Make("GET", "/api/v1/things/not-an-id");
  r.headers.emplace_back("cookie", "ns_session=good");
  EXPECT_EQ(router_.Handle(r).status, 400);
  EXPECT_EQ(router_.Handle(Make("GET", "/api/v1/nothing")).status, 404);
  EXPECT_EQ(router_.Handle(Make("DELETE", "/public")).status, 405);
}

TEST_F(RouterTest, CookieRequestsThatChangeStateNeedTheCsrfToken) {
  Request r = Make("POST", "/api/v1/things", "{}");
  r.headers.emplace_back("cookie", "ns_session=good");
  Response res = router_.Handle(r);
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(BodyOf(res).at("type"), "https://northstar.dev/problems/csrf");
  r.headers.emplace_back("x-csrf-token", "forged");
  EXPECT_EQ(router_.Handle(r).status, 403);
  r.headers.back().second = "csrf-123";
  r.headers.emplace_back("content-type", "application/json");
  res = router_.Handle(r);
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(BodyOf(res).at("errors").at(0).at("field"), "name");
}

TEST_F(RouterTest, AJsonBodyMustBeSentAsJson) {
  const auto post = [&](std::optional<std::string> content_type) {
    Request r = Make("POST", "/api/v1/things", "{\"name\":\"x\"}");
    r.headers.emplace_back("cookie", "ns_session=good");
    r.headers.emplace_back("x-csrf-token", "csrf-123");
    if (content_type) r.headers.emplace_back("content-type", *content_type);
    return router_.Handle(r).status;
  };
  // What a cross-site HTML form can send, and no type at all.
  EXPECT_EQ(post("text/plain"), 415);
  EXPECT_EQ(post("application/x-www-form-urlencoded"), 415);
  EXPECT_EQ(post("multipart/form-data; boundary=x"), 415);
  EXPECT_EQ(post(std::nullopt), 415);
  EXPECT_EQ(post("application/json; charset=latin1"), 415);
  EXPECT_EQ(post("application/jsonx"), 415);
  // JSON, however it is spelled, reaches the handler (which answers 422 here).
  EXPECT_EQ(post("application/json"), 422);
  EXPECT_EQ(post("Application/JSON; charset=UTF-8"), 422);
  EXPECT_EQ(post("application/json;charset=\"utf-8\""), 422);
  // A raw-body route (an upload) takes any type; its handler checks what it accepts.
  router_.Add("POST", "/raw", [](RequestContext&) -> Result<Response> { return NoContent(); },
              {Access::kPublic, Work::kDatabase, Body::kRaw});
  Request raw = Make("POST", "/raw", "%PDF-1.7");
  raw.headers.emplace_back("content-type", "application/pdf");
  EXPECT_EQ(router_.Handle(raw).status, 204);
}

TEST_F(RouterTest, ChangesFromAnotherSiteAreRefused) {
  router_.Add("POST", "/login", [](RequestContext&) -> Result<Response> { return NoContent(); },
              {Access::kPublic, Work::kDatabase});
  const auto post = [&](std::vector<std::pair<std::string, std::string>> headers) {
    Request r = Make("POST", "/login", "{}");
    r.headers = {{"host", "northstar.example:8080"}, {"content-type", "application/json"}};
    for (auto& h : headers) r.headers.push_back(std::move(h));
    return router_.Handle(r);
  };
  Response res = post({{"origin", "https://evil.example"}});
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(BodyOf(res).at("type"), "https://northstar.dev/problems/cross-site");
  EXPECT_EQ(post({{"origin", "null"}}).status, 403);
  EXPECT_EQ(post({{"origin", "http://northstar.example:8081"}}).status, 403);
  EXPECT_EQ(post({{"origin", "http://northstar.example.evil.example:8080"}}).status, 403);
  EXPECT_EQ(post({{"sec-fetch-site", "cross-site"}}).status, 403);
  EXPECT_EQ(
      post({{"sec-fetch-site", "cross-site"}, {"origin", "http://northstar.example:8080"}}).status,
      403);
  // The same site, a client that is no browser, and a trusted public URL pass.
  EXPECT_EQ(post({{"origin", "http://northstar.example:8080"}}).status, 204);
  EXPECT_EQ(
      post({{"origin", "http://NorthStar.example:8080"}, {"sec-fetch-site", "same-origin"}}).status,
      204);
  EXPECT_EQ(post({}).status, 204);
  EXPECT_EQ(post({{"origin", "https://app.northstar.example"}}).status, 403);
  router_.SetTrustedOrigins({"https://app.northstar.example/"});
  EXPECT_EQ(post({{"origin", "https://app.northstar.example"}}).status, 204);
  EXPECT_EQ(post({{"origin", "https://app.northstar.example:443"}}).status, 204);
  // Reads are never refused for where they come from.
  Request get = Make("GET", "/public");
  get.headers = {{"origin", "https://evil.example"}, {"sec-fetch-site", "cross-site"}};
  EXPECT_EQ(router_.Handle(get).status, 200);
  // A Bearer token is not something a browser sends by itself.
  Response bearer = post({{"origin", "https://evil.example"}, {"authorization", "Bearer ns_x"}});
  EXPECT_EQ(bearer.status, 204);
}

TEST(Attachment, FileNamesWithControlOrHiddenCharactersAreRefused) {
  EXPECT_EQ(FileNameProblem("Signed agreement v2.pdf"), std::nullopt);
  EXPECT_EQ(FileNameProblem("Vertrag Müller – 東京.docx"), std::nullopt);
  for (const std::string& bad :
       {std::string("a\0.txt", 6), std::string("a\x01.txt"), std::string("a\x1b.txt"),
        std::string("a\x7f.txt"), std::string("a\t.txt"), std::string("a\r.txt"),
        std::string("a\n.txt"), std::string("a\xc2\x85.txt"),
        std::string("invoice\xe2\x80\xaetxt.exe"), std::string("a/b.pdf"), std::string("a\\b.pdf"),
        std::string("a\"b.pdf"), std::string(".."), std::string(" a.pdf"), std::string("\xff.pdf"),
        std::string(""), std::string(201, 'a')}) {
    EXPECT_NE(FileNameProblem(bad), std::nullopt) << bad;
  }
}

TEST(Attachment, ContentDispositionFollowsRfc6266) {
  EXPECT_EQ(AttachmentDisposition("decision-log.csv"), "attachment; filename=\"decision-log.csv\"");
  EXPECT_EQ(AttachmentDisposition("Vertrag Müller.pdf"),
            "attachment; filename=\"Vertrag M_ller.pdf\"; "
            "filename*=UTF-8''Vertrag%20M%C3%BCller.pdf");
  // A name stored before the rules: nothing of it can end the header or the quoted string.
  const std::string header = AttachmentDisposition(std::string("a\0\r\n\"x\\.txt", 11));
  EXPECT_EQ(header.find_first_of(std::string("\0\r\n", 3)), std::string::npos) << header;
  EXPECT_EQ(header.rfind("attachment; filename=\"a____x_.txt\"", 0), 0u) << header;
}

TEST_F(RouterTest, OnlyAbsoluteUtf8PathsAreRouted) {
  Response res = router_.Handle(Make("GET", "xpublic"));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(router_.Handle(Make("GET", "")).status, 400);
  res = router_.Handle(Make("GET", "/\xff\xfe"));
  EXPECT_EQ(res.status, 400);
  EXPECT_TRUE(IsValidUtf8(res.body)) << res.body;
  EXPECT_EQ(router_.Handle(Make("GET", "/public")).status, 200);
}

TEST_F(RouterTest, ExceptionsBecome500WithoutInternals) {
  Response res = router_.Handle(Make("GET", "/boom"));
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("secret internals"), std::string::npos);
}

TEST_F(RouterTest, OnlyBlockingRoutesLeaveTheIoThread) {
  EXPECT_EQ(router_.WorkOf(Make("GET", "/public")), Work::kInline);
  EXPECT_EQ(router_.WorkOf(Make("GET", "/boom")), Work::kDatabase);
}

TEST(Query, DecodesPercentAndPlus) {
  std::multimap<std::string, std::string> q;
  ASSERT_TRUE(ParseQuery("q=heart+failure&stage=execution&x=%C3%BC&empty", q));
  EXPECT_EQ(q.find("q")->second, "heart failure");
  EXPECT_EQ(q.find("x")->second, "ü");
  EXPECT_EQ(q.count("empty"), 1u);
  std::multimap<std::string, std::string> bad;
  EXPECT_FALSE(ParseQuery("q=%ZZ", bad));
  EXPECT_FALSE(ParseQuery("q=%ff", bad));
}

TEST(IfMatch, RequiredAndParsed) {
  Request r = Make("PATCH", "/x");
  auto missing = RequireIfMatch(r);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kPreconditionRequired);
  r.headers.emplace_back("if-match", "\"7\"");
  EXPECT_EQ(*RequireIfMatch(r), 7);
  r.headers.back().second = "W/\"3\"";
  EXPECT_EQ(*RequireIfMatch(r), 3);
  r.headers.back().second = "seven";
  EXPECT_EQ(RequireIfMatch(r).error().code, ErrorCode::kMalformed);
}

TEST(Pagination, CursorRoundTripAndLimits) {
  Request r = Make("GET", "/x");
  r.query.emplace("cursor", EncodeCursor(json::object{{"id", "abc"}}));
  r.query.emplace("limit", "10");
  auto page = ReadPage(r);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->limit, 10);
  EXPECT_EQ(page->cursor->at("id"), "abc");
  Request bad = Make("GET", "/x");
  bad.query.emplace("limit", "500");
  EXPECT_FALSE(ReadPage(bad).ok());
  Request junk = Make("GET", "/x");
  junk.query.emplace("cursor", "!!!");
  EXPECT_FALSE(ReadPage(junk).ok());
}

TEST(Problem, CarriesTypeStatusFieldsAndRetryAfter) {
  Error e = Invalid("name", "is required");
  Response r = ProblemResponse(e, "rid");
  auto body = BodyOf(r).as_object();
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(body.at("type"), "https://northstar.dev/problems/validation");
  EXPECT_EQ(body.at("status"), 422);
  EXPECT_EQ(body.at("request_id"), "rid");
  Error throttled = MakeError(ErrorCode::kTooManyRequests, "slow down");
  throttled.retry_after_seconds = 8;
  EXPECT_EQ(*ProblemResponse(throttled, "r").Header("Retry-After"), "8");
}

TEST(SecurityHeaders, OnEveryResponse) {
  Response r;
  AddSecurityHeaders(r);
  EXPECT_EQ(*r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(r.Header("Content-Security-Policy")->find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_TRUE(r.Header("Referrer-Policy"));
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("ns-static-" + NewId());
    std::filesystem::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>Northstar</title>";
    std::ofstream(root_ / "assets" / "index-4f3a9c1b.js") << "console.log(1)";
    std::ofstream(root_ / "favicon.svg") << "<svg/>";
    std::ofstream(std::filesystem::temp_directory_path() / "ns-secret.txt") << "secret";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::filesystem::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  StaticFiles files(root_);
  auto asset = files.Serve(Make("GET", "/assets/index-4f3a9c1b.js"));
  ASSERT_TRUE(asset);
  EXPECT_EQ(*asset->Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(*asset->Header("Cache-Control"), "public, max-age=31536000, immutable");
  auto svg = files.Serve(Make("GET", "/favicon.svg"));
  EXPECT_EQ(*svg->Header("Content-Type"), "image/svg+xml");
  EXPECT_EQ(*svg->Header("Cache-Control"), "public, max-age=300");
  auto index = files.Serve(Make("GET", "/"));
  EXPECT_EQ(*index->Header("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, SpaFallbackButRealMissingFilesAre404) {
  StaticFiles files(root_);
  auto route = files.Serve(Make("GET", "/alliances/0190a1b2-0000-7000-8000-000000000001"));
  ASSERT_TRUE(route);
  EXPECT_NE(route->body.find("Northstar"), std::string::npos);
  EXPECT_FALSE(files.Serve(Make("GET", "/assets/missing-12345678.js")));
  EXPECT_FALSE(files.Serve(Make("GET", "/../ns-secret.txt")));
  EXPECT_FALSE(files.Serve(Make("POST", "/")));
}

TEST_F(StaticFilesTest, SendsTheBuildTimeCompressedFileTheClientAccepts) {
  std::ofstream(root_ / "assets" / "index-4f3a9c1b.js.br") << "BROTLI";
  std::ofstream(root_ / "assets" / "index-4f3a9c1b.js.gz") << "GZIP";
  StaticFiles files(root_);
  const auto fetch = [&](const char* accept) {
    Request r = Make("GET", "/assets/index-4f3a9c1b.js");
    if (accept) r.headers.emplace_back("accept-encoding", accept);
    return *files.Serve(r);
  };
  const Response br = fetch("gzip, deflate, br");
  EXPECT_EQ(br.body, "BROTLI");
  EXPECT_EQ(*br.Header("Content-Encoding"), "br");
  EXPECT_EQ(*br.Header("Vary"), "Accept-Encoding");
  EXPECT_EQ(*br.Header("Content-Type"), "text/javascript; charset=utf-8");
  const Response gz = fetch("gzip;q=1, br;q=0");
  EXPECT_EQ(gz.body, "GZIP");
  EXPECT_EQ(*gz.Header("Content-Encoding"), "gzip");
  for (const char* none : {static_cast<const char*>(nullptr), "identity", "br;q=0, gzip;q=0"}) {
    const Response plain = fetch(none);
    EXPECT_EQ(plain.body, "console.log(1)");
    EXPECT_FALSE(plain.Header("Content-Encoding"));
    EXPECT_EQ(*plain.Header("Vary"), "Accept-Encoding");
  }
  // index.html has no compressed sibling here: sent as it is, still varying.
  const Response index = *files.Serve(Make("GET", "/"));
  EXPECT_FALSE(index.Header("Content-Encoding"));
}

TEST(Compression, AcceptEncodingFollowsQValuesAndTheWildcard) {
  const auto both = [](std::string_view h) {
    const auto c = ParseAcceptEncoding(h);
    return std::pair{c.br, c.gzip};
  };
  EXPECT_EQ(both("gzip, deflate, br"), std::pair(true, true));
  EXPECT_EQ(both("GZIP"), std::pair(false, true));
  EXPECT_EQ(both("x-gzip"), std::pair(false, true));
  EXPECT_EQ(both("br;q=0.5, gzip;q=0"), std::pair(true, false));
  EXPECT_EQ(both("*"), std::pair(true, true));
  EXPECT_EQ(both("*;q=0, gzip"), std::pair(false, true));
  EXPECT_EQ(both("br;q=banana"), std::pair(false, false));
  EXPECT_EQ(both("identity"), std::pair(false, false));
  EXPECT_EQ(both(""), std::pair(false, false));
}

std::string Gunzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

TEST(Compression, LargeJsonAnswersAreGzippedForClientsThatAcceptIt) {
  std::string items;
  for (int i = 0; i < 200; ++i) items += (i ? "," : "") + std::string("{\"name\":\"Alliance\"}");
  const Response big = JsonResponse(200, json::parse("{\"items\":[" + items + "]}"));
  Request accepts = Make("GET", "/api/v1/alliances");
  accepts.headers.emplace_back("accept-encoding", "gzip, br");
  Response r = big;
  CompressForClient(accepts, r);
  EXPECT_EQ(*r.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(*r.Header("Vary"), "Accept-Encoding");
  EXPECT_LT(r.body.size(), big.body.size() / 4);
  EXPECT_EQ(Gunzip(r.body), big.body);
  // Not for a client that does not ask, nor for a small answer, nor one with an ETag.
  Response plain = big;
  CompressForClient(Make("GET", "/api/v1/alliances"), plain);
  EXPECT_EQ(plain.body, big.body);
  EXPECT_EQ(*plain.Header("Vary"), "Accept-Encoding");
  Response small = JsonResponse(200, json::parse("{\"ok\":true}"));
  CompressForClient(accepts, small);
  EXPECT_FALSE(small.Header("Content-Encoding"));
  Response tagged = big;
  tagged.SetHeader("ETag", "\"3\"");
  CompressForClient(accepts, tagged);
  EXPECT_EQ(tagged.body, big.body);
  // Binary answers (a spreadsheet is a zip already) are left alone.
  Response xlsx = big;
  xlsx.headers.clear();
  xlsx.SetHeader("Content-Type",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CompressForClient(accepts, xlsx);
  EXPECT_FALSE(xlsx.Header("Content-Encoding"));
  EXPECT_FALSE(xlsx.Header("Vary"));
}

}  // namespace
}  // namespace northstar::http
