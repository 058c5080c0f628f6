#include "modules/notifications/routes.hpp"

#include "platform/http/request_helpers.hpp"

namespace northstar::notifications {
namespace {

json::object NotificationJson(const Notification& n) {
  return {{"id", n.id},
          {"alliance_id", OptionalJson(n.alliance_id)},
          {"alliance_name", OptionalJson(n.alliance_name)},
          {"kind", n.kind},
          {"title", n.title},
          {"body", n.body},
          {"link", n.link},
          {"record_type", n.record_type},
          {"record_id", n.record_id},
          {"created_at", n.created_at},
          {"read_at", OptionalJson(n.read_at)}};
}

Result<http::Response> List(NotificationsService& svc, http::RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  const auto unread = ctx.request.Query("unread");
  if (unread && *unread != "true" && *unread != "false") {
    return Malformed("unread must be true or false.");
  }
  std::optional<std::pair<std::string, std::string>> after;
  if (page.cursor) {
    auto c = http::CursorText(page, "c"), i = http::CursorText(page, "id");
    if (!c || !i) return Malformed("The cursor is not one this server issued.");
    after.emplace(*c, *i);
  }
  NS_ASSIGN_OR_RETURN(Inbox inbox, svc.List(ctx.user(), unread == "true", after, page.limit + 1));
  // One page of the list (fetched with one row more, which only tells there is a next page).
  const size_t shown = std::min(inbox.items.size(), static_cast<size_t>(page.limit));
  json::array items;
  for (size_t i = 0; i < shown; ++i) items.push_back(NotificationJson(inbox.items[i]));
  std::optional<json::object> next;
  if (inbox.items.size() > shown) {
    next =
        json::object{{"c", inbox.items[shown - 1].created_at}, {"id", inbox.items[shown - 1].id}};
  }
  json::object body = http::ListBody(std::move(items), next);
  body["unread_count"] = inbox.unread_count;
  return http::JsonResponse(200, body);
}

Result<http::Response> MarkRead(NotificationsService& svc, http::RequestContext& ctx) {
  NS_TRY(svc.MarkRead(ctx.user(), ctx.Param("notification_id")));
  return http::NoContent();
}

Result<http::Response> MarkAllRead(NotificationsService& svc, http::RequestContext& ctx) {
  NS_TRY(svc.MarkAllRead(ctx.user()));
  return http::NoContent();
}

}  // namespace

void RegisterRoutes(http::Router& router, NotificationsService& svc) {
  auto bind = [&svc](Result<http::Response> (*fn)(NotificationsService&, http::RequestContext&)) {
    return [&svc, fn](http::RequestContext& ctx) { return fn(svc, ctx); };
  };
  router.Add("GET", "/api/v1/me/notifications", bind(List));
  router.Add("POST", "/api/v1/me/notifications/read-all", bind(MarkAllRead));
  router.Add("POST", "/api/v1/me/notifications/{notification_id}/read", bind(MarkRead));
}

}  // namespace northstar::notifications
