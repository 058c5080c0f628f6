#include "modules/notifications/service.hpp"

#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::notifications {
namespace {

constexpr char kInsert[] =
    "INSERT INTO notifications (id, user_id, alliance_id, kind, title, body, link, record_type,"
    " record_id, dedupe_key, created_at) VALUES (:id, :user, :alliance, :kind, :title, :body,"
    " :link, :record_type, :record_id, :key, :now) ON CONFLICT (user_id, dedupe_key) DO NOTHING";
constexpr char kSelect[] =
    "SELECT n.*, a.name AS alliance_name FROM notifications n"
    " LEFT JOIN alliances a ON a.id = n.alliance_id WHERE n.user_id = :user";
constexpr char kUnread[] =
    "SELECT COUNT(*) AS n FROM notifications WHERE user_id = :user AND read_at IS NULL";
constexpr char kMarkRead[] =
    "UPDATE notifications SET read_at = :now WHERE id = :id AND user_id = :user"
    " AND read_at IS NULL";
constexpr char kExists[] = "SELECT id FROM notifications WHERE id = :id AND user_id = :user";
constexpr char kMarkAllRead[] =
    "UPDATE notifications SET read_at = :now WHERE user_id = :user AND read_at IS NULL";

Notification FromRow(const db::Row& r) {
  return Notification{
      r.Str("id"),          r.Str("user_id"),   r.OptStr("alliance_id"), r.OptStr("alliance_name"),
      r.Str("kind"),        r.Str("title"),     r.Str("body"),           r.Str("link"),
      r.Str("record_type"), r.Str("record_id"), r.Str("created_at"),     r.OptStr("read_at")};
}

}  // namespace

bool Notify(db::Session& s, const NewNotification& n) {
  db::Params p;
  p.Set("id", NewId())
      .Set("user", n.user_id)
      .Set("alliance", n.alliance_id)
      .Set("kind", n.kind)
      .Set("title", n.title)
      .Set("body", n.body)
      .Set("link", n.link)
      .Set("record_type", n.record_type)
      .Set("record_id", n.record_id)
      .Set("key", n.dedupe_key)
      .Set("now", NowText());
  return s.Exec(kInsert, p) == 1;
}

Result<Inbox> NotificationsService::List(
    const auth::Principal& actor, bool unread_only,
    const std::optional<std::pair<std::string, std::string>>& after, int limit) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  db::Params p;
  p.Set("user", actor.user_id).Set("limit", limit);
  std::string sql = kSelect;
  if (unread_only) sql += " AND n.read_at IS NULL";
  if (after) {
    p.Set("c", after->first).Set("i", after->second);
    sql += " AND (n.created_at < :c OR (n.created_at = :c AND n.id < :i))";
  }
  sql += " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit";
  Inbox inbox;
  for (const auto& r : s.Query(sql, p)) inbox.items.push_back(FromRow(r));
  db::Params c;
  c.Set("user", actor.user_id);
  inbox.unread_count = s.QueryOne(kUnread, c)->Int("n");
  return inbox;
}

Status NotificationsService::MarkRead(const auth::Principal& actor, const std::string& id) {
  db::Session s(db_);
  db::Transaction tx(s);
  db::Params p;
  p.Set("id", id).Set("user", actor.user_id);
  // Another person's notification is not found, never forbidden.
  if (!s.QueryOne(kExists, p)) return NotFound("No notification with this id is yours.");
  p.Set("now", NowText());
  s.Exec(kMarkRead, p);
  tx.Commit();
  return OkStatus();
}

Status NotificationsService::MarkAllRead(const auth::Principal& actor) {
  db::Session s(db_);
  db::Transaction tx(s);
  db::Params p;
  p.Set("user", actor.user_id).Set("now", NowText());
  s.Exec(kMarkAllRead, p);
  tx.Commit();
  return OkStatus();
}

}  // namespace northstar::notifications
