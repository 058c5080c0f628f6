// Obligations and their occurrences: the schedule expanded lazily for the window asked, what
// people record on each occurrence, the compliance view, "my obligations", the reminders job and
// the calendar feed's events.
#include <algorithm>
#include <set>

#include "modules/agreements/service_common.hpp"
#include "modules/alliances/service.hpp"
#include "modules/notifications/service.hpp"
#include "platform/common/time.hpp"
#include "platform/common/words.hpp"

namespace northstar::agreements {

namespace internal {

namespace {

// The milestone that triggers `o`: the one it waits on, when everyone who may read the obligation
// may read it. Its dates are shared by every reader of the obligation (occurrences, next due,
// signal, compliance, reminders), so a milestone narrowed after the obligation was written no
// longer triggers it: its later changes must not show through.
const plans::MilestoneDate* TriggerOf(
    const Obligation& o, const std::map<std::string, plans::MilestoneDate>& milestones) {
  if (!o.milestone_id) return nullptr;
  const auto m = milestones.find(*o.milestone_id);
  if (m == milestones.end() || !access::Covers(m->second.scope, ScopeOf(o))) return nullptr;
  return &m->second;
}

}  // namespace

Schedule ScheduleOf(const Obligation& o,
                    const std::map<std::string, plans::MilestoneDate>& milestones) {
  Schedule s;
  s.kind = o.schedule;
  s.due_on = o.due_on;
  s.starts_on = o.starts_on;
  if (o.rrule) s.rule = ParseRule(*o.rrule).rule;
  if (const auto* trigger = TriggerOf(o, milestones)) {
    s.milestone_achieved_on = trigger->actual_date;
  }
  s.offset_days = o.offset_days;
  return s;
}

OccurrenceList Expand(db::Session& s, std::vector<Obligation> obligations,
                      const std::map<std::string, plans::MilestoneDate>& milestones,
                      const std::string& from, const std::string& to, const std::string& today,
                      const std::optional<access::Membership>& viewer) {
  OccurrenceList out;
  out.today = today;
  std::vector<std::string> ids;
  ids.reserve(obligations.size());
  for (const auto& o : obligations) ids.push_back(o.id);
  auto recorded = store::RecordedFor(s, ids);
  // Amendments that change an obligation name it; read them once for the whole list.
  std::map<std::string, std::vector<AmendedBy>> amended;
  if (!obligations.empty() && viewer) {
    for (const auto& a :
         records::List(s, store::Agreements(), obligations.front().alliance_id, {*viewer})) {
      for (const auto& change : a.obligation_changes) {
        amended[change.obligation_id].push_back({a.id, a.title, change.change});
      }
    }
  }
  for (auto& o : obligations) {
    const Schedule schedule = ScheduleOf(o, milestones);
    if (o.milestone_id) {
      // The link is shown to a viewer who may read the milestone (no hint of it to others); its
      // date counts only when every reader of the obligation may read it (ScheduleOf).
      const auto m = milestones.find(*o.milestone_id);
      const auto* trigger = TriggerOf(o, milestones);
      const bool linked = m != milestones.end() &&
                          (viewer ? access::CanRead(*viewer, m->second.scope) : trigger != nullptr);
      if (linked) {
        o.milestone_title = m->second.title;
      } else {
        o.milestone_id.reset();
      }
      if (trigger) o.milestone_achieved_on = trigger->actual_date;
    }
    std::map<std::string, const Recorded*> by_day;
    for (const auto& r : recorded[o.id]) by_day[r.due_on] = &r;
    auto recorded_on = [&](const std::string& day) -> const Recorded* {
      const auto it = by_day.find(day);
      return it == by_day.end() ? nullptr : it->second;
    };
    ObligationView view;
    // The signal and the next occurrence look at ten years of history, not only the window.
    std::vector<OccurrenceFact> facts;
    for (const auto& day : DueDates(schedule, AddDays(today, -3660), today, 5000)) {
      const Recorded* r = recorded_on(day);
      const std::string status =
          DeriveStatus(r ? std::optional(r->status) : std::nullopt, day, today);
      facts.push_back({day, status, r ? r->fulfilled_on : std::nullopt});
      if (!view.next_due && status != "fulfilled" && status != "waived") {
        view.next_due = std::pair(day, status);
      }
    }
    if (!view.next_due) {
      for (const auto& day : DueDates(schedule, AddDays(today, 1), AddDays(today, 3660), 20)) {
        const Recorded* r = recorded_on(day);
        const std::string status =
            DeriveStatus(r ? std::optional(r->status) : std::nullopt, day, today);
        if (status == "fulfilled" || status == "waived") continue;
        view.next_due = std::pair(day, status);
        break;
      }
    }
    view.signal = SignalFor(std::move(facts), today);
    const size_t index = out.obligations.size();
    // At most one occurrence a day: the window's days bound the list.
    const auto window_days = static_cast<size_t>(std::max<int64_t>(DaysBetween(from, to), 0)) + 1;
    for (const auto& day : DueDates(schedule, from, to, window_days)) {
      const Recorded* r = recorded_on(day);
      Occurrence item;
      item.obligation = index;
      item.due_on = day;
      item.status = DeriveStatus(r ? std::optional(r->status) : std::nullopt, day, today);
      if (r) item.recorded = *r;
      out.items.push_back(std::move(item));
    }
    view.amended_by = amended[o.id];
    view.obligation = std::move(o);
    out.obligations.push_back(std::move(view));
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const Occurrence& a, const Occurrence& b) { return a.due_on < b.due_on; });
  return out;
}

}  // namespace internal

using namespace internal;

namespace {

// The alliance's milestones, read for obligations that wait on one.
std::map<std::string, plans::MilestoneDate> MilestonesFor(db::Session& s,
                                                          const std::vector<Obligation>& list) {
  for (const auto& o : list) {
    if (o.milestone_id) return plans::MilestoneDates(s, o.alliance_id);
  }
  return {};
}

OccurrenceList ExpandVisible(db::Session& s, const RecordContext& c, std::vector<Obligation> list,
                             const std::string& from, const std::string& to) {
  auto milestones = MilestonesFor(s, list);
  return Expand(s, std::move(list), milestones, from, to, c.today, c.membership);
}

// The milestone an obligation waits on, read as the caller (another module's record).
struct MilestoneRef {
  std::string id;
  access::RecordScope scope;
};

Status ApplyObligation(db::Session& s, const RecordContext& c, const ObligationInput& in,
                       Obligation& o, const Obligation* current,
                       const std::optional<MilestoneRef>& milestone) {
  const std::string& alliance_id = c.membership.alliance_id;
  auto agreement = records::Find(s, store::Agreements(), alliance_id, o.agreement_id);
  NS_TRY(RequireCovered(c, agreement, o, "agreement_id", "an agreement"));
  const auto& parties = agreement->party_ids;
  auto of_agreement = [&](const std::optional<std::string>& id, const std::string& field) {
    if (!id) return Status(Invalid(field, "is required when the direction is owed"));
    if (std::find(parties.begin(), parties.end(), *id) == parties.end()) {
      return Status(Invalid(field, "is not a party of the agreement"));
    }
    return OkStatus();
  };
  if (o.direction == "owed") {
    NS_TRY(of_agreement(o.owed_by, "owed_by"));
    NS_TRY(of_agreement(o.owed_to, "owed_to"));
    if (*o.owed_by == *o.owed_to) return Invalid("owed_to", "must differ from owed_by");
  } else if (o.owed_by || o.owed_to) {
    return Invalid(o.owed_by ? "owed_by" : "owed_to", "must be null for a joint obligation");
  }
  if (o.responsible_user_id && !c.people.contains(*o.responsible_user_id)) {
    return Invalid("responsible_user_id", "is not a member of this alliance");
  }
  if (o.schedule == "once") {
    if (!o.due_on) return Invalid("due_on", "is required for a one-off obligation");
    o.starts_on = o.rrule = o.milestone_id = std::nullopt;
  } else if (o.schedule == "recurring") {
    if (!o.starts_on) return Invalid("starts_on", "is required for a recurring obligation");
    if (!o.rrule) return Invalid("rrule", "is required for a recurring obligation");
    const ParsedRule parsed = ParseRule(*o.rrule);
    if (!parsed.rule) return Invalid("rrule", parsed.error);
    if (parsed.rule->until && *parsed.rule->until < *o.starts_on) {
      return Invalid("rrule", "UNTIL is before starts_on: dates out of order");
    }
    o.rrule = FormatRule(*parsed.rule);
    o.due_on = o.milestone_id = std::nullopt;
  } else {
    if (!o.milestone_id) return Invalid("milestone_id", "is required for a milestone trigger");
    o.due_on = o.starts_on = o.rrule = std::nullopt;
  }
  // Checked on every change (a wider obligation must not show a narrower milestone's date).
  if (o.milestone_id) {
    if (!milestone || milestone->id != *o.milestone_id) {
      return Invalid("milestone_id", "is not a milestone of this alliance");
    }
    if (!access::Covers(milestone->scope, ScopeOf(o))) {
      return Invalid("milestone_id",
                     "is a milestone that not everyone who may read this"
                     " obligation can see");
    }
  }
  if (o.schedule != "milestone") o.offset_days = 0;
  // Nothing recorded may be lost: every recorded occurrence must stay a due date.
  if (current) {
    const auto milestones = plans::MilestoneDates(s, alliance_id);
    const Schedule schedule = ScheduleOf(o, milestones);
    for (const auto& r : store::RecordedFor(s, {o.id})[o.id]) {
      if (!IsDueDate(schedule, r.due_on)) {
        return Conflict("The occurrence due on " + r.due_on + " has a recorded " + r.status +
                        "; a schedule without it would lose it. Keep that date or clear it"
                        " first.");
      }
    }
  }
  return OkStatus();
}

}  // namespace

// ---- obligations --------------------------------------------------------------------------

// Obligations as shown: each with its occurrences from today, and what is due next.
std::vector<ObligationView> ExpandAll(db::Session& s, const RecordContext& c,
                                      std::vector<Obligation> list) {
  return ExpandVisible(s, c, std::move(list), c.today, c.today).obligations;
}

ObligationView ExpandOne(db::Session& s, const RecordContext& c, Obligation o) {
  return std::move(ExpandAll(s, c, {std::move(o)}).front());
}

Result<WithContext<std::vector<ObligationView>>> AgreementsService::ListObligations(
    const auth::Principal& actor, const std::string& alliance_id) {
  return ListOf(db_, actor, alliance_id, store::Obligations(), nullptr, ExpandAll);
}

Result<WithContext<ObligationView>> AgreementsService::GetObligation(const auth::Principal& actor,
                                                                     const std::string& alliance_id,
                                                                     const std::string& id) {
  return GetOf(db_, actor, alliance_id, store::Obligations(), id, nullptr, ExpandOne);
}

namespace {

// The milestone named by the input, read through the plans service as the caller (before the
// obligation's own transaction).
std::optional<MilestoneRef> ReadMilestone(plans::PlansService& plans, const auth::Principal& actor,
                                          const std::string& alliance_id,
                                          const std::optional<std::string>& milestone_id) {
  if (!milestone_id) return std::nullopt;
  auto m = plans.GetMilestone(actor, alliance_id, *milestone_id);
  if (!m.ok()) return std::nullopt;
  return MilestoneRef{m.value().record.milestone.id, ScopeOf(m.value().record.milestone)};
}

}  // namespace

namespace {

// An obligation's rules, with the milestone it waits on (read as the caller before the change's
// transaction); its answer names the alliance's people.
auto ObligationRules(const std::optional<MilestoneRef>& milestone) {
  auto apply = [&milestone](db::Session& s, RecordContext& c, const ObligationInput& in,
                            Obligation& o, const Obligation* current) -> Status {
    alliances::LoadPeople(s, c);
    return ApplyObligation(s, c, in, o, current, milestone);
  };
  return alliances::RulesOf(apply).Answer(ExpandOne);
}

}  // namespace

Result<WithContext<ObligationView>> AgreementsService::CreateObligation(
    const auth::Principal& actor, const std::string& alliance_id, const ObligationInput& input) {
  const auto milestone =
      ReadMilestone(plans_, actor, alliance_id, input.milestone_id.value_or(std::nullopt));
  return CreateOf(db_, actor, alliance_id, store::Obligations(), "obligation", input,
                  ObligationRules(milestone));
}

Result<WithContext<ObligationView>> AgreementsService::UpdateObligation(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& id,
    int64_t version, const ObligationInput& input) {
  // The milestone it will wait on: the one given, else the one it waits on now.
  std::optional<std::string> milestone_id;
  if (input.milestone_id) {
    milestone_id = *input.milestone_id;
  } else {
    // Only the id is needed (the milestone itself is read as the caller below): no expansion.
    db::Session s(db_);
    db::ReadSnapshot snapshot(s);
    if (auto now = records::Find(s, store::Obligations(), alliance_id, id)) {
      milestone_id = now->milestone_id;
    }
  }
  const auto milestone = ReadMilestone(plans_, actor, alliance_id, milestone_id);
  return UpdateOf(db_, actor, alliance_id, store::Obligations(), "obligation", id, version, input,
                  ObligationRules(milestone));
}

Status AgreementsService::DeleteObligation(const auth::Principal& actor,
                                           const std::string& alliance_id, const std::string& id) {
  return DeleteOf(
      db_, actor, alliance_id, store::Obligations(), "obligation", id,
      [](db::Session& s, const Obligation& o) -> Status {
        if (store::CountReferences(s, "obligation_occurrences", "obligation_id", o.id) > 0) {
          return Conflict(
              "The obligation has recorded occurrences; waive the rest"
              " instead of deleting it.");
        }
        return OkStatus();
      });
}

// ---- occurrences --------------------------------------------------------------------------

Result<WithContext<OccurrenceList>> AgreementsService::Occurrences(
    const auth::Principal& actor, const std::string& alliance_id,
    const std::optional<std::string>& obligation_id, const std::string& from,
    const std::string& to) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  std::vector<Obligation> list;
  if (obligation_id) {
    NS_ASSIGN_OR_RETURN(
        Obligation o,
        alliances::Visible(c, records::Find(s, store::Obligations(), alliance_id, *obligation_id)));
    list.push_back(std::move(o));
  } else {
    list = records::List(s, store::Obligations(), alliance_id, {c.membership});
  }
  auto expanded = ExpandVisible(s, c, std::move(list), from, to);
  return Within(std::move(c), std::move(expanded));
}

Result<WithContext<OccurrenceList>> AgreementsService::RecordOccurrence(
    const auth::Principal& actor, const std::string& alliance_id, const std::string& obligation_id,
    const std::string& due_on, int64_t version, const OccurrenceInput& input) {
  db::Session s(db_);
  db::Transaction tx(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  NS_ASSIGN_OR_RETURN(
      Obligation o,
      alliances::Visible(c, records::Find(s, store::Obligations(), alliance_id, obligation_id)));
  const auto milestones = MilestonesFor(s, {o});
  if (!IsDueDate(ScheduleOf(o, milestones), due_on)) {
    return NotFound("The obligation has no occurrence due on " + due_on + ".");
  }
  const auto current = store::FindRecorded(s, obligation_id, due_on);
  // Who may record what: the people the status is about, through the policy.
  const auto& m = c.membership;
  const bool owing = o.direction == "joint" || m.organization_id == o.owed_by;
  const bool owed = o.direction == "joint" || m.organization_id == o.owed_to;
  auto may = [&](const std::string& status) {
    if (status == "fulfilled") {
      return (o.responsible_user_id == actor.user_id) || (owing && IsWriter(m));
    }
    if (status == "waived") return owed && IsManager(m);
    return (owing || owed) && IsWriter(m);  // in_dispute
  };
  // Recording a status needs the people that status is about; so do clearing one and replacing
  // a waiver: a member of the owing party cannot undo a waiver the party owed granted (either
  // party may still dispute a fulfilment).
  auto authorize = [&](const std::string& status) -> Status {
    return access::AuthorizeByRecordRole(m, ScopeOf(o), may(status),
                                         status == "fulfilled"
                                             ? "the responsible person or the owing party"
                                         : status == "waived" ? "a manager of the party owed"
                                                              : "the parties to the obligation");
  };
  if (input.status != "open") NS_TRY(authorize(input.status));
  if (current && (input.status == "open" || current->status == "waived")) {
    NS_TRY(authorize(current->status));
  }
  if ((current ? current->version : 0) != version) return Stale();
  if (input.status == "open") {
    if (!current) return Conflict("Nothing is recorded on this occurrence.");
    if (!store::DeleteRecorded(s, obligation_id, due_on, version)) return Stale();
  } else {
    Recorded r;
    r.obligation_id = obligation_id;
    r.due_on = due_on;
    r.status = input.status;
    r.recorded_by = actor.user_id;
    r.updated_at = NowText();
    if (input.status == "fulfilled") {
      r.fulfilled_on = input.fulfilled_on.value_or(c.today);
      if (*r.fulfilled_on > c.today) return Invalid("fulfilled_on", "may not be in the future");
      r.evidence = input.evidence;
    } else {
      r.reason = input.reason;
      if (input.status == "waived") r.approver_id = actor.user_id;
    }
    if (!store::SaveRecorded(s, r, version)) return Stale();
  }
  auto view = [](const std::optional<Recorded>& r) -> json::value {
    if (!r) return nullptr;
    return json::object{{"status", r->status},
                        {"fulfilled_on", OptionalJson(r->fulfilled_on)},
                        {"evidence", OptionalJson(r->evidence)},
                        {"reason", OptionalJson(r->reason)},
                        {"approver_id", OptionalJson(r->approver_id)}};
  };
  const auto after = store::FindRecorded(s, obligation_id, due_on);
  alliances::AuditRecord(s, actor.user_id, o, "obligation", "occurrence",
                         {{"due_on", {{"before", due_on}, {"after", due_on}}},
                          {"occurrence", {{"before", view(current)}, {"after", view(after)}}}},
                         ScopeOf(o));
  auto list = Expand(s, {std::move(o)}, milestones, due_on, due_on, c.today, c.membership);
  tx.Commit();
  return Within(std::move(c), std::move(list));
}

Result<OccurrenceList> AgreementsService::MyObligations(const auth::Principal& actor,
                                                        const std::string& from,
                                                        const std::string& to) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  OccurrenceList out;
  out.today = TodayText();
  for (const auto& b : store::AlliancesOf(s, actor.user_id)) {
    auto member = access::FindMembership(s, b.alliance_id, actor.user_id);
    if (!member) continue;
    auto list = records::List(s, store::Obligations(), b.alliance_id, {*member});
    std::erase_if(list,
                  [&](const Obligation& o) { return o.responsible_user_id != actor.user_id; });
    if (list.empty()) continue;
    const auto milestones = MilestonesFor(s, list);
    // What is still open from before the window stays on the list until someone acts on it.
    auto expanded = Expand(s, std::move(list), milestones,
                           std::min(from, AddDays(out.today, -3660)), to, out.today, *member);
    std::erase_if(expanded.items, [&](const Occurrence& item) {
      return item.due_on < from && item.status != "overdue" && item.status != "in_dispute";
    });
    const size_t offset = out.obligations.size();
    for (auto& v : expanded.obligations) {
      v.alliance_name = b.alliance_name;
      out.obligations.push_back(std::move(v));
    }
    for (auto& item : expanded.items) {
      item.obligation += offset;
      out.items.push_back(std::move(item));
    }
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const Occurrence& a, const Occurrence& b) { return a.due_on < b.due_on; });
  return out;
}

// ---- compliance ---------------------------------------------------------------------------

Result<WithContext<Compliance>> AgreementsService::GetCompliance(const auth::Principal& actor,
                                                                 const std::string& alliance_id,
                                                                 const std::string& from,
                                                                 const std::string& to) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  NS_ASSIGN_OR_RETURN(RecordContext c, EnterAlliance(s, actor, alliance_id));
  Compliance out;
  out.from = from;
  out.to = to;
  out.today = c.today;
  auto list = records::List(s, store::Obligations(), alliance_id, {c.membership});
  const std::string until = std::max(to, AddDays(c.today, 90));
  out.occurrences = ExpandVisible(s, c, std::move(list), std::min(from, c.today), until);
  const std::string rated_to = std::min(to, c.today);
  std::map<std::string, Tally> by_party, by_category;
  std::map<std::pair<std::string, std::string>, Tally> by_quarter;
  for (size_t i = 0; i < out.occurrences.items.size(); ++i) {
    const auto& item = out.occurrences.items[i];
    const auto& o = out.occurrences.obligations[item.obligation].obligation;
    const OccurrenceFact fact{item.due_on, item.status,
                              item.recorded ? item.recorded->fulfilled_on : std::nullopt};
    const std::string party = o.direction == "joint" ? "joint" : o.owed_by.value_or("joint");
    if (item.due_on >= from && item.due_on <= rated_to) {
      by_party[party].Add(fact);
      by_category[o.category].Add(fact);
      by_quarter[{QuarterOf(item.due_on), party}].Add(fact);
    }
    if (item.status == "overdue") out.overdue.push_back(i);
    if (item.status == "fulfilled" || item.status == "waived" || item.due_on < c.today) continue;
    const int64_t days = DaysBetween(c.today, item.due_on);
    if (days <= 30) {
      out.d30.push_back(i);
    } else if (days <= 60) {
      out.d60.push_back(i);
    } else if (days <= 90) {
      out.d90.push_back(i);
    }
  }
  auto party_name = [&](const std::string& key) {
    return key == "joint" ? Word("obligation.owed", "joint") : alliances::PartyName(c, key);
  };
  for (auto& [key, tally] : by_party) out.by_party.push_back({key, party_name(key), tally});
  for (auto& [key, tally] : by_category) {
    out.by_category.push_back({key, Word("obligation.category", key), tally});
  }
  for (auto& [key, tally] : by_quarter) {
    out.by_quarter.push_back({key.first,
                              key.second == "joint" ? std::nullopt : std::optional(key.second),
                              party_name(key.second), tally});
  }
  for (size_t i = 0; i < out.occurrences.obligations.size(); ++i) {
    const auto& signal = out.occurrences.obligations[i].signal;
    if (signal.consider_amendment) out.signals.push_back({i, signal});
  }
  return Within(std::move(c), std::move(out));
}

// ---- the reminders job --------------------------------------------------------------------

namespace {

// Managers of the given parties (every party when empty), plus `extra`, who may read `scope`.
std::vector<std::string> Recipients(db::Session& s, const std::string& alliance_id,
                                    const access::RecordScope& scope,
                                    const std::vector<std::string>& parties,
                                    const std::vector<std::string>& extra) {
  std::set<std::string> people(extra.begin(), extra.end());
  for (const auto& m : alliances::MembersOf(s, alliance_id)) {
    const bool party = parties.empty() || std::find(parties.begin(), parties.end(),
                                                    m.organization_id) != parties.end();
    if (party && m.role == "manager") people.insert(m.user_id);
  }
  std::vector<std::string> out;
  for (const auto& user : people) {
    auto membership = access::FindMembership(s, alliance_id, user);
    if (membership && access::CanRead(*membership, scope)) out.push_back(user);
  }
  return out;
}

std::string Link(const std::string& alliance_id, const std::string& section) {
  return "/alliances/" + alliance_id + "/agreements?section=" + section;
}

int64_t NotifyAll(db::Session& s, const std::vector<std::string>& people,
                  notifications::NewNotification n) {
  int64_t stored = 0;
  const std::string key = n.dedupe_key;
  for (const auto& user : people) {
    n.user_id = user;
    stored += notifications::Notify(s, n) ? 1 : 0;
  }
  return stored;
}

std::string Days(int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

int64_t ObligationReminders(db::Session& s, const std::string& alliance_id,
                            const std::string& today) {
  int64_t stored = 0;
  auto obligations = records::All(s, store::Obligations(), alliance_id);
  if (obligations.empty()) return 0;
  int64_t lead = 0;
  for (const auto& o : obligations) {
    for (int64_t d : o.reminder_days) lead = std::max(lead, d);
  }
  auto milestones = MilestonesFor(s, obligations);
  const auto list = Expand(s, std::move(obligations), milestones, AddDays(today, -30),
                           AddDays(today, lead), today, std::nullopt);
  for (const auto& item : list.items) {
    if (item.status == "fulfilled" || item.status == "waived") continue;
    const auto& o = list.obligations[item.obligation].obligation;
    std::vector<std::string> parties;
    if (o.direction == "owed" && o.owed_by) parties.push_back(*o.owed_by);
    std::vector<std::string> extra;
    if (o.responsible_user_id) extra.push_back(*o.responsible_user_id);
    const std::string key = "obligation:" + o.id + ":" + item.due_on + ":";
    if (item.due_on < today) {
      stored += NotifyAll(
          s, Recipients(s, alliance_id, ScopeOf(o), parties, extra),
          {"", alliance_id, "obligation_overdue", "Overdue: " + o.title,
           o.title + " (" + o.agreement_title + (o.clause_ref.empty() ? "" : " " + o.clause_ref) +
               ") was due on " + item.due_on + " and is not fulfilled.",
           Link(alliance_id, "obligations"), "obligation", o.id, key + "overdue"});
      continue;
    }
    const auto threshold = ReminderThreshold(o.reminder_days, item.due_on, today);
    if (!threshold) continue;
    const int64_t left = DaysBetween(today, item.due_on);
    stored += NotifyAll(
        s, Recipients(s, alliance_id, ScopeOf(o), parties, extra),
        {"", alliance_id, "obligation_due",
         (left == 0 ? "Due today: " : "Due in " + Days(left) + ": ") + o.title,
         o.title + " (" + o.agreement_title + (o.clause_ref.empty() ? "" : " " + o.clause_ref) +
             ") is due on " + item.due_on + ".",
         Link(alliance_id, "obligations"), "obligation", o.id, key + std::to_string(*threshold)});
  }
  return stored;
}

// The dates of an agreement people are reminded of and see in their calendar feed.
struct KeyDate {
  std::string date, kind, what, summary;
};

std::vector<KeyDate> KeyDatesOf(const Terms& terms) {
  std::vector<KeyDate> out;
  if (terms.expiry_on) {
    out.push_back({*terms.expiry_on, "expiry", "expiry", "Agreement expires"});
  }
  if (terms.notice_deadline) {
    out.push_back({*terms.notice_deadline, "notice", "the last day to give notice",
                   "Last day to give notice"});
  }
  return out;
}

int64_t AgreementReminders(db::Session& s, const std::string& alliance_id,
                           const std::string& today) {
  int64_t stored = 0;
  const auto all = records::All(s, store::Agreements(), alliance_id);
  for (const auto& a : all) {
    if (!IsInForce(a.status) || a.relation == "amendment") continue;
    const auto people = Recipients(s, alliance_id, ScopeOf(a), a.party_ids, {});
    // Only amendments everyone who reads the agreement may read change the dates they are told.
    std::vector<Agreement> shared;
    for (const auto& x : all) {
      if (access::Covers(ScopeOf(x), ScopeOf(a))) shared.push_back(x);
    }
    for (const auto& d : KeyDatesOf(TermsOn(a, shared, today))) {
      const auto threshold = ReminderThreshold(a.reminder_days, d.date, today);
      if (!threshold) continue;
      stored += NotifyAll(
          s, people,
          {"", alliance_id, "agreement_" + d.kind,
           Days(DaysBetween(today, d.date)) + " to " + d.what + ": " + a.title,
           a.title + ": " + d.what + " is " + d.date + ".",
           "/alliances/" + alliance_id + "/agreements?agreement=" + a.id, "agreement", a.id,
           "agreement_" + d.kind + ":" + a.id + ":" + d.date + ":" + std::to_string(*threshold)});
    }
  }
  return stored;
}

int64_t DatasetReminders(db::Session& s, const std::string& alliance_id, const std::string& today) {
  int64_t stored = 0;
  for (const auto& d : records::All(s, store::Datasets(), alliance_id)) {
    if (!d.destruction_due_on || d.destroyed_on) continue;
    const std::string& due = *d.destruction_due_on;
    std::string key = "dataset_destruction:" + d.id + ":" + due + ":";
    std::string title;
    if (due < today) {
      key += "overdue";
      title = "Destruction overdue: " + d.name;
    } else if (const auto t = ReminderThreshold({30, 7}, due, today)) {
      key += std::to_string(*t);
      title = "Destroy in " + Days(DaysBetween(today, due)) + ": " + d.name;
    } else {
      continue;
    }
    stored +=
        NotifyAll(s, Recipients(s, alliance_id, ScopeOf(d), {d.recipient_id}, {d.owner_user_id}),
                  {"", alliance_id, "dataset_destruction", title,
                   d.name + " must be destroyed by " + due + "; confirm it in the data register.",
                   Link(alliance_id, "data-register"), "dataset", d.id, key});
  }
  return stored;
}

}  // namespace

int64_t AgreementsService::RunReminders(const std::string& today) {
  db::Session s(db_);
  int64_t stored = 0;
  std::set<std::string> alliances;
  for (const char* table : {"obligations", "agreements", "datasets"}) {
    for (auto& id : store::AlliancesWith(s, table)) alliances.insert(std::move(id));
  }
  // One transaction per alliance: a reminder is claimed by its unique (user, key) row, so a
  // second node or a second run stores nothing twice.
  for (const auto& alliance_id : alliances) {
    db::Transaction tx(s);
    stored += ObligationReminders(s, alliance_id, today);
    stored += AgreementReminders(s, alliance_id, today);
    stored += DatasetReminders(s, alliance_id, today);
    tx.Commit();
  }
  return stored;
}

// ---- the calendar feed --------------------------------------------------------------------

std::vector<ical::Event> AgreementsService::CalendarEvents(const std::string& user_id) {
  db::Session s(db_);
  db::ReadSnapshot snapshot(s);
  const std::string today = TodayText();
  const std::string from = AddDays(today, -90), to = AddDays(today, 365);
  std::vector<ical::Event> events;
  for (const auto& b : store::AlliancesOf(s, user_id)) {
    auto member = access::FindMembership(s, b.alliance_id, user_id);
    if (!member) continue;
    const records::Audience audience{*member};
    auto list = records::List(s, store::Obligations(), b.alliance_id, audience);
    auto milestones = MilestonesFor(s, list);
    const auto expanded = Expand(s, std::move(list), milestones, from, to, today, *member);
    for (const auto& item : expanded.items) {
      const auto& o = expanded.obligations[item.obligation].obligation;
      ical::Event e;
      e.uid = "obligation-" + o.id + "-" + item.due_on + "@northstar";
      e.all_day = item.due_on;
      e.summary = "Obligation due: " + o.title + " (" + b.alliance_name + ")";
      e.description = o.agreement_title + (o.clause_ref.empty() ? "" : " " + o.clause_ref) +
                      "\nStatus: " + item.status +
                      (o.responsible_name.empty() ? "" : "\nResponsible: " + o.responsible_name);
      e.updated_at = item.recorded ? item.recorded->updated_at : o.updated_at;
      events.push_back(std::move(e));
    }
    const auto agreements = records::List(s, store::Agreements(), b.alliance_id, audience);
    for (const auto& a : agreements) {
      if (a.relation == "amendment") continue;
      for (const auto& d : KeyDatesOf(TermsOn(a, agreements, today))) {
        if (d.date < from) continue;
        ical::Event e;
        e.uid = "agreement-" + a.id + "-" + d.kind + "@northstar";
        e.all_day = d.date;
        e.summary = d.summary + ": " + a.title + " (" + b.alliance_name + ")";
        e.description = "Status: " + a.status;
        e.updated_at = a.updated_at;
        events.push_back(std::move(e));
      }
    }
  }
  return events;
}

}  // namespace northstar::agreements
