#include "modules/notifications/service.hpp"

#include "modules/notifications/store.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::notifications {

bool Notify(db::Session& s, const NewNotification& n) {
  return store::Insert(s, n, NewId(), NowText());
}

Result<Inbox> NotificationsService::List(
    const auth::Principal& actor, bool unread_only,
    const std::optional<std::pair<std::string, std::string>>& after, int limit) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  Inbox inbox;
  inbox.items = store::List(s, actor.user_id, unread_only, after, limit);
  inbox.unread_count = store::UnreadCount(s, actor.user_id);
  return inbox;
}

Status NotificationsService::MarkRead(const auth::Principal& actor, const std::string& id) {
  db::Session s(db_);
  db::Transaction tx(s);
  // Another person's notification is not found, never forbidden.
  if (!store::Exists(s, id, actor.user_id))
    return NotFound("No notification with this id is yours.");
  store::MarkRead(s, id, actor.user_id, NowText());
  tx.Commit();
  return OkStatus();
}

Status NotificationsService::MarkAllRead(const auth::Principal& actor) {
  db::Session s(db_);
  db::Transaction tx(s);
  store::MarkAllRead(s, actor.user_id, NowText());
  tx.Commit();
  return OkStatus();
}

}  // namespace northstar::notifications
