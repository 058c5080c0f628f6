#include "modules/calendar/service.hpp"

#include "modules/calendar/store.hpp"
#include "platform/audit/audit.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::calendar {
namespace {

constexpr char kTokenPrefix[] = "nscal_";

void AuditFeed(db::Session& s, const auth::Principal& actor, const std::string& action) {
  audit::Event e;
  e.actor_id = actor.user_id;
  e.organization_id = actor.organization_id;
  e.record_type = "calendar_feed";
  e.record_id = actor.user_id;
  e.action = action;
  e.scope = {access::Visibility::kRestricted, actor.organization_id, actor.user_id, {}};
  audit::Record(s, e);
}

}  // namespace

FeedStatus CalendarService::Status(const auth::Principal& actor) {
  db::Session s(db_);
  auto created_at = store::FeedCreatedAt(s, actor.user_id);
  if (!created_at) return {};
  return {true, *created_at};
}

NewFeed CalendarService::CreateFeed(const auth::Principal& actor) {
  db::Session s(db_);
  db::Transaction tx(s);
  NewFeed feed{kTokenPrefix + RandomSecret(32), NowText()};
  const bool replacing = store::DeleteFeed(s, actor.user_id);
  store::InsertFeed(s, actor.user_id, HashSecret(feed.token), feed.created_at);
  AuditFeed(s, actor, replacing ? "reset" : "create");
  tx.Commit();
  return feed;
}

void CalendarService::RevokeFeed(const auth::Principal& actor) {
  db::Session s(db_);
  db::Transaction tx(s);
  if (store::DeleteFeed(s, actor.user_id)) AuditFeed(s, actor, "revoke");
  tx.Commit();
}

std::optional<std::string> CalendarService::UserOfToken(const std::string& token) {
  if (token.rfind(kTokenPrefix, 0) != 0) return std::nullopt;
  db::Session s(db_);
  return store::UserOfTokenHash(s, HashSecret(token));
}

}  // namespace northstar::calendar
