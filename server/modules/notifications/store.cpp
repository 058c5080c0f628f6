#include "modules/notifications/store.hpp"

namespace northstar::notifications::store {
namespace {

Notification FromRow(const db::Row& r) {
  return Notification{
      r.Str("id"),          r.Str("user_id"),   r.OptStr("alliance_id"), r.OptStr("alliance_name"),
      r.Str("kind"),        r.Str("title"),     r.Str("body"),           r.Str("link"),
      r.Str("record_type"), r.Str("record_id"), r.Str("created_at"),     r.OptStr("read_at")};
}

}  // namespace

bool Insert(db::Session& s, const NewNotification& n, const std::string& id,
            const std::string& now) {
  db::Params p;
  p.Set("id", id)
      .Set("user", n.user_id)
      .Set("alliance", n.alliance_id)
      .Set("kind", n.kind)
      .Set("title", n.title)
      .Set("body", n.body)
      .Set("link", n.link)
      .Set("record_type", n.record_type)
      .Set("record_id", n.record_id)
      .Set("key", n.dedupe_key)
      .Set("now", now);
  return s.Exec(
             "INSERT INTO notifications (id, user_id, alliance_id, kind, title, body, link,"
             " record_type, record_id, dedupe_key, created_at) VALUES (:id, :user, :alliance,"
             " :kind, :title, :body, :link, :record_type, :record_id, :key, :now)"
             " ON CONFLICT (user_id, dedupe_key) DO NOTHING",
             p) == 1;
}

std::vector<Notification> List(db::Session& s, const std::string& user_id, bool unread_only,
                               const std::optional<std::pair<std::string, std::string>>& after,
                               int limit) {
  db::Params p;
  p.Set("user", user_id).Set("limit", limit);
  std::string sql =
      "SELECT n.*, a.name AS alliance_name FROM notifications n"
      " LEFT JOIN alliances a ON a.id = n.alliance_id WHERE n.user_id = :user";
  if (unread_only) sql += " AND n.read_at IS NULL";
  if (after) {
    p.Set("c", after->first).Set("i", after->second);
    sql += " AND (n.created_at < :c OR (n.created_at = :c AND n.id < :i))";
  }
  sql += " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit";
  std::vector<Notification> out;
  for (const auto& r : s.Query(sql, p)) out.push_back(FromRow(r));
  return out;
}

int64_t UnreadCount(db::Session& s, const std::string& user_id) {
  db::Params p;
  p.Set("user", user_id);
  return s
      .QueryOne("SELECT COUNT(*) AS n FROM notifications WHERE user_id = :user AND read_at IS NULL",
                p)
      ->Int("n");
}

bool Exists(db::Session& s, const std::string& id, const std::string& user_id) {
  db::Params p;
  p.Set("id", id).Set("user", user_id);
  return s.QueryOne("SELECT id FROM notifications WHERE id = :id AND user_id = :user", p)
      .has_value();
}

void MarkRead(db::Session& s, const std::string& id, const std::string& user_id,
              const std::string& now) {
  db::Params p;
  p.Set("id", id).Set("user", user_id).Set("now", now);
  s.Exec(
      "UPDATE notifications SET read_at = :now WHERE id = :id AND user_id = :user"
      " AND read_at IS NULL",
      p);
}

void MarkAllRead(db::Session& s, const std::string& user_id, const std::string& now) {
  db::Params p;
  p.Set("user", user_id).Set("now", now);
  s.Exec("UPDATE notifications SET read_at = :now WHERE user_id = :user AND read_at IS NULL", p);
}

}  // namespace northstar::notifications::store
