#include "modules/calendar/routes.hpp"

#include "platform/http/request_helpers.hpp"

namespace northstar::calendar {

void RegisterRoutes(http::Router& router, CalendarService& svc, std::vector<EventSource> sources) {
  router.Add("GET", "/api/v1/me/calendar-feed",
             [&svc](http::RequestContext& ctx) -> Result<http::Response> {
               const FeedStatus status = svc.Status(ctx.user());
               return http::JsonResponse(
                   200, json::object{{"active", status.active},
                                     {"created_at", OptionalJson(status.created_at)}});
             });
  router.Add("POST", "/api/v1/me/calendar-feed",
             [&svc](http::RequestContext& ctx) -> Result<http::Response> {
               const NewFeed feed = svc.CreateFeed(ctx.user());
               const std::string host = ctx.request.Header("host").value_or("localhost");
               const std::string url = std::string(ctx.request.secure ? "https" : "http") + "://" +
                                       host + "/api/v1/calendar/" + feed.token + ".ics";
               http::Response r = http::JsonResponse(
                   201, json::object{{"url", url}, {"created_at", feed.created_at}});
               r.SetHeader("Cache-Control", "no-store");
               return r;
             });
  router.Add("DELETE", "/api/v1/me/calendar-feed",
             [&svc](http::RequestContext& ctx) -> Result<http::Response> {
               svc.RevokeFeed(ctx.user());
               return http::NoContent();
             });
  router.Add(
      "GET", "/api/v1/calendar/{token}.ics",
      [&svc, sources = std::move(sources)](http::RequestContext& ctx) -> Result<http::Response> {
        auto user = svc.UserOfToken(ctx.Param("token"));
        if (!user) return NotFound("No calendar feed at this address.");
        std::vector<ical::Event> events;
        for (const auto& source : sources) {
          for (auto& e : source(*user)) events.push_back(std::move(e));
        }
        http::Response r;
        r.status = 200;
        r.body = ical::Calendar("Northstar", events);
        r.SetHeader("Content-Type", "text/calendar; charset=utf-8");
        r.SetHeader("Cache-Control", "no-store");
        return r;
      },
      {http::Access::kPublic, http::Work::kDatabase});
}

}  // namespace northstar::calendar
