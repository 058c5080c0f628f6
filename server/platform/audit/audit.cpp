#include "platform/audit/audit.hpp"

#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"

namespace northstar::audit {
namespace {

constexpr char kAdvanceHead[] = "UPDATE audit_head SET seq = seq + 1 WHERE id = 1";
constexpr char kReadHead[] = "SELECT seq, hash FROM audit_head WHERE id = 1";
constexpr char kSetHeadHash[] = "UPDATE audit_head SET hash = :hash WHERE id = 1";
constexpr char kInsertEvent[] =
    "INSERT INTO audit_events (seq, id, at, actor_id, alliance_id, organization_id, record_type,"
    " record_id, action, changes, visibility, owner_organization_id, owner_user_id, readers,"
    " prev_hash, hash) VALUES (:seq, :id, :at, :actor, :alliance, :org, :rtype, :rid, :action,"
    " :changes, :vis, :oorg, :ouser, :readers, :prev, :hash)";
constexpr char kSelectChain[] =
    "SELECT seq, id, at, actor_id, alliance_id, organization_id, record_type, record_id, action,"
    " changes, visibility, owner_organization_id, owner_user_id, readers, prev_hash, hash"
    " FROM audit_events WHERE seq > :after ORDER BY seq LIMIT 1000";

std::string Opt(const std::optional<std::string>& s) { return s.value_or(""); }

// The canonical text an event's hash covers. Fields are separated by a unit separator that
// JSON-serialised and id fields cannot contain unescaped.
std::string Canonical(int64_t seq, const std::string& id, const std::string& at,
                      const std::string& actor, const std::string& alliance, const std::string& org,
                      const std::string& record_type, const std::string& record_id,
                      const std::string& action, const std::string& changes,
                      const std::string& visibility, const std::string& owner_org,
                      const std::string& owner_user, const std::string& readers,
                      const std::string& prev_hash) {
  std::string out;
  for (const std::string* part :
       {&id, &at, &actor, &alliance, &org, &record_type, &record_id, &action, &changes, &visibility,
        &owner_org, &owner_user, &readers, &prev_hash}) {
    out += *part;
    out += '\x1f';
  }
  return std::to_string(seq) + '\x1f' + out;
}

std::optional<std::string> NullIfEmpty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

json::object Diff(const json::object& before, const json::object& after) {
  json::object changes;
  for (const auto& kv : after) {
    auto it = before.find(kv.key());
    const json::value old = it == before.end() ? json::value(nullptr) : it->value();
    if (old != kv.value()) changes[kv.key()] = json::object{{"before", old}, {"after", kv.value()}};
  }
  for (const auto& kv : before) {
    if (!after.contains(kv.key())) {
      changes[kv.key()] = json::object{{"before", kv.value()}, {"after", nullptr}};
    }
  }
  return changes;
}

json::object Created(const json::object& after) { return Diff({}, after); }
json::object Deleted(const json::object& before) { return Diff(before, {}); }

void Record(db::Session& session, const Event& event) {
  session.Exec(kAdvanceHead);
  auto head = session.QueryOne(kReadHead);
  if (!head) throw std::runtime_error("audit_head row is missing");
  const int64_t seq = head->Int("seq");
  const std::string prev = head->Str("hash");
  const std::string id = NewId();
  const std::string at = NowText();
  const std::string changes = json::serialize(event.changes);
  const std::string visibility(access::ToString(event.scope.visibility));
  const std::string readers = access::ReadersToJson(event.scope.readers);
  const std::string hash = HashSecret(
      Canonical(seq, id, at, event.actor_id, event.alliance_id, event.organization_id,
                event.record_type, event.record_id, event.action, changes, visibility,
                event.scope.owner_organization_id, event.scope.owner_user_id, readers, prev));
  db::Params p;
  p.Set("seq", seq)
      .Set("id", id)
      .Set("at", at)
      .Set("actor", NullIfEmpty(event.actor_id))
      .Set("alliance", NullIfEmpty(event.alliance_id))
      .Set("org", NullIfEmpty(event.organization_id))
      .Set("rtype", event.record_type)
      .Set("rid", event.record_id)
      .Set("action", event.action)
      .Set("changes", changes)
      .Set("vis", visibility)
      .Set("oorg", NullIfEmpty(event.scope.owner_organization_id))
      .Set("ouser", NullIfEmpty(event.scope.owner_user_id))
      .Set("readers", readers)
      .Set("prev", prev)
      .Set("hash", hash);
  session.Exec(kInsertEvent, p);
  db::Params h;
  h.Set("hash", hash);
  session.Exec(kSetHeadHash, h);
}

VerifyReport Verify(db::Session& session) {
  VerifyReport report;
  std::string expected_prev(64, '0');
  int64_t expected_seq = 1;
  int64_t after = 0;
  for (;;) {
    db::Params p;
    p.Set("after", after);
    auto rows = session.Query(kSelectChain, p);
    if (rows.empty()) break;
    for (const auto& r : rows) {
      const int64_t seq = r.Int("seq");
      after = seq;
      auto fail = [&](const std::string& why) {
        report.intact = false;
        report.first_broken_seq = seq;
        report.message = "audit chain broken at seq " + std::to_string(seq) + ": " + why;
      };
      if (seq != expected_seq) {
        fail("expected seq " + std::to_string(expected_seq) + " (an event was removed)");
        return report;
      }
      if (r.Str("prev_hash") != expected_prev) {
        fail("prev_hash does not match the previous event");
        return report;
      }
      const std::string hash = HashSecret(
          Canonical(seq, r.Str("id"), r.Str("at"), Opt(r.OptStr("actor_id")),
                    Opt(r.OptStr("alliance_id")), Opt(r.OptStr("organization_id")),
                    r.Str("record_type"), r.Str("record_id"), r.Str("action"), r.Str("changes"),
                    r.Str("visibility"), Opt(r.OptStr("owner_organization_id")),
                    Opt(r.OptStr("owner_user_id")), r.Str("readers"), r.Str("prev_hash")));
      if (!ConstantTimeEquals(hash, r.Str("hash"))) {
        fail("the event's content does not match its hash (it was altered)");
        return report;
      }
      expected_prev = hash;
      ++expected_seq;
      ++report.events_checked;
    }
  }
  auto head = session.QueryOne(kReadHead);
  if (head && (head->Int("seq") != expected_seq - 1 || head->Str("hash") != expected_prev)) {
    report.intact = false;
    report.first_broken_seq = expected_seq;
    report.message = "audit chain broken at seq " + std::to_string(expected_seq) +
                     ": the newest events were removed";
    return report;
  }
  report.message = "audit chain intact: " + std::to_string(report.events_checked) + " events";
  return report;
}

std::vector<ListedEvent> ListForAlliance(db::Session& session, const access::Membership& member,
                                         std::optional<int64_t> before_seq, int limit) {
  std::string sql =
      "SELECT e.seq, e.id, e.at, e.actor_id, u.name AS actor_name, e.record_type, e.record_id,"
      " e.action, e.changes FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id"
      " WHERE e.alliance_id = :alliance AND " +
      access::VisibleRecordsSql("e");
  db::Params p;
  p.Set("alliance", member.alliance_id);
  access::BindVisibility(p, member);
  if (before_seq) {
    sql += " AND e.seq < :before";
    p.Set("before", *before_seq);
  }
  sql += " ORDER BY e.seq DESC LIMIT " + std::to_string(limit);
  std::vector<ListedEvent> out;
  for (const auto& r : session.Query(sql, p)) {
    out.push_back({r.Int("seq"), r.Str("id"), r.Str("at"), Opt(r.OptStr("actor_id")),
                   Opt(r.OptStr("actor_name")), r.Str("record_type"), r.Str("record_id"),
                   r.Str("action"), json::parse(r.Str("changes"))});
  }
  return out;
}

}  // namespace northstar::audit
