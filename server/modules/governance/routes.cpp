#include "modules/governance/routes.hpp"

#include <algorithm>
#include <set>

#include "modules/alliances/record_steps.hpp"
#include "platform/common/csv.hpp"
#include "platform/common/ical.hpp"
#include "platform/common/ids.hpp"
#include "platform/common/time.hpp"
#include "platform/common/words.hpp"
#include "platform/http/attachment.hpp"
#include "platform/http/collection.hpp"
#include "platform/http/request_helpers.hpp"

namespace northstar::governance {
namespace {

using alliances::AnswerJson;
using alliances::AnswerVersion;
using http::Filter;
using http::Filtered;
using http::One;
using http::Paged;
using http::RequestContext;
using http::Response;
using records::NullableId;
using records::ReadCommon;
using records::ReadNullable;
using records::ReadObjects;
constexpr auto kRequired = Presence::kRequired;
constexpr auto kOptional = Presence::kOptional;
constexpr size_t kNameMax = 200, kTextMax = 5000, kReasonMax = 1000, kLinkMax = 2000;
const std::vector<std::string> kByCreation = {"created_at"};

// ---- reading bodies -----------------------------------------------------------------------

std::optional<std::string> ReadTimeZone(InputReader& in, Presence presence) {
  auto tz = in.String("time_zone", presence, 64, 1);
  if (tz && (!IsTimeZoneName(*tz) || !IsKnownTimeZone(*tz))) {
    in.AddError("time_zone", "must be UTC or an IANA time zone such as Europe/Berlin");
    return std::nullopt;
  }
  return tz;
}

std::optional<std::string> ReadInstant(InputReader& in, std::string_view key, Presence presence) {
  auto at = in.String(key, presence, 20, 1);
  if (at && !IsUtcInstant(*at)) {
    in.AddError(key, "must be a UTC time as YYYY-MM-DDTHH:MM:SSZ");
    return std::nullopt;
  }
  return at;
}

std::optional<std::string> ReadLink(InputReader& in, std::string_view key, Presence presence) {
  auto link = in.String(key, presence, kLinkMax);
  if (link && !link->empty() && !IsWebLink(*link)) {
    in.AddError(key, "must be an http or https address");
    return std::nullopt;
  }
  return link;
}

void ReadIdsUnique(InputReader& in, const std::optional<std::vector<std::string>>& ids,
                   const std::string& key) {
  if (!ids) return;
  std::set<std::string> seen;
  for (size_t i = 0; i < ids->size(); ++i) {
    if (!IsValidId((*ids)[i])) in.AddError(key + "[" + std::to_string(i) + "]", "must be an id");
    if (!seen.insert((*ids)[i]).second) in.AddError(key, "lists an id twice");
  }
}

Result<CommitteeInput> ReadCommittee(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  CommitteeInput c;
  ReadCommon(in, c);
  c.name = in.String("name", core, kNameMax, 1);
  c.kind = in.Enum("kind", core, kCommitteeKinds);
  c.purpose = in.String("purpose", kOptional, kTextMax);
  c.decision_scope = in.String("decision_scope", kOptional, kTextMax);
  c.parent_id = NullableId(in, "parent_id");
  c.cadence = in.Enum("cadence", core, kCadences);
  c.meeting_minutes = in.Integer("meeting_minutes", kOptional, 15, 600);
  c.quorum_rule = in.Enum("quorum_rule", core, kQuorumRules);
  c.chair_rotation = in.Enum("chair_rotation", core, kChairRotations);
  c.rotation_start = in.Date("rotation_start", kOptional);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return c;
}

std::optional<EscalationLevel> ReadLevel(InputReader& in) {
  auto name = in.String("name", kRequired, kNameMax, 1);
  auto committee = NullableId(in, "committee_id");
  auto days = in.Integer("days", kRequired, 1, 365);
  if (!name || !days) return std::nullopt;
  return EscalationLevel{*name, committee.value_or(std::nullopt), *days};
}

Result<DecisionRightInput> ReadDecisionRight(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  DecisionRightInput d;
  ReadCommon(in, d);
  d.decision_type = in.String("decision_type", core, kNameMax, 1);
  d.description = in.String("description", kOptional, kTextMax);
  d.committee_id = in.Id("committee_id", core);
  d.levels = ReadObjects<EscalationLevel>(in, "levels", core, 8, ReadLevel);
  if (d.levels && d.levels->empty()) in.AddError("levels", "needs at least one level");
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return d;
}

Result<IssueInput> ReadIssue(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  IssueInput i;
  ReadCommon(in, i);
  i.title = in.String("title", core, kNameMax, 1);
  i.description = in.String("description", kOptional, kTextMax);
  i.severity = in.Enum("severity", core, kSeverities);
  i.party_ids = in.StringArray("party_ids", core, 20, 36);
  if (i.party_ids && i.party_ids->empty()) in.AddError("party_ids", "needs at least one party");
  ReadIdsUnique(in, i.party_ids, "party_ids");
  if (creating) i.decision_right_id = in.Id("decision_right_id", kRequired);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return i;
}

Result<MeetingInput> ReadMeeting(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  MeetingInput m;
  ReadCommon(in, m);
  m.committee_id = in.Id("committee_id", core);
  m.title = in.String("title", core, kNameMax, 1);
  m.starts_at = ReadInstant(in, "starts_at", core);
  m.duration_minutes = in.Integer("duration_minutes", kOptional, 5, 1440);
  m.time_zone = ReadTimeZone(in, kOptional);
  m.location = in.String("location", kOptional, kNameMax);
  m.link = ReadLink(in, "link", kOptional);
  m.status = in.Enum("status", kOptional, kMeetingStatuses);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return m;
}

std::optional<PreRead> ReadPreRead(InputReader& in) {
  auto title = in.String("title", kRequired, kNameMax, 1);
  auto url = ReadLink(in, "url", kRequired);
  if (!title || !url) return std::nullopt;
  if (url->empty()) {
    in.AddError("url", "is required");
    return std::nullopt;
  }
  return PreRead{*title, *url};
}

Result<AgendaInput> ReadAgenda(const json::object& body, bool creating) {
  InputReader in(body);
  AgendaInput a;
  a.title = in.String("title", creating ? kRequired : kOptional, kNameMax, 1);
  a.owner_user_id = NullableId(in, "owner_user_id");
  a.time_box_minutes = in.Integer("time_box_minutes", kOptional, 1, 600);
  a.pre_reads = ReadObjects<PreRead>(in, "pre_reads", kOptional, 20, ReadPreRead);
  a.decision_sought = in.String("decision_sought", kOptional, kTextMax);
  if (!creating) {
    a.minutes = in.String("minutes", kOptional, 20000);
    a.position = in.Integer("position", kOptional, 1, 1000);
  }
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return a;
}

Result<BriefInput> ReadBrief(const json::object& body, bool creating) {
  InputReader in(body);
  BriefInput b;
  ReadCommon(in, b);
  b.title = in.String("title", creating ? kRequired : kOptional, kNameMax, 1);
  b.body = in.String("body", kOptional, 20000);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return b;
}

Result<DecisionInput> ReadDecision(const json::object& body, bool creating) {
  InputReader in(body);
  DecisionInput d;
  if (creating) {
    d.party_id = in.Id("party_id", kOptional);
    d.visibility = in.Enum("visibility", kOptional, access::VisibilityNames());
    d.committee_id = in.Id("committee_id", kRequired);
    d.meeting_id = NullableId(in, "meeting_id");
    d.agenda_item_id = NullableId(in, "agenda_item_id");
  }
  d.title = in.String("title", creating ? kRequired : kOptional, kNameMax, 1);
  d.description = in.String("description", kOptional, kTextMax);
  d.decision_type = in.String("decision_type", kOptional, kNameMax);
  d.rationale = in.String("rationale", kOptional, kTextMax);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return d;
}

}  // namespace

Result<ActionInput> ReadAction(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  ActionInput a;
  // The action's party is its owner's: no party_id.
  a.visibility = in.Enum("visibility", kOptional, access::VisibilityNames());
  a.readers = in.StringArray("readers", kOptional, 50, 36);
  a.title = in.String("title", core, kNameMax, 1);
  a.description = in.String("description", kOptional, kTextMax);
  a.meeting_id = NullableId(in, "meeting_id");
  a.decision_id = NullableId(in, "decision_id");
  a.committee_id = NullableId(in, "committee_id");
  a.owner_user_id = in.Id("owner_user_id", core);
  a.due_on = in.Date("due_on", core);
  a.status = in.Enum("status", kOptional, kActionStatuses);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return a;
}

namespace {

Result<StakeholderInput> ReadStakeholder(const json::object& body, bool creating) {
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  StakeholderInput k;
  ReadCommon(in, k);
  k.name = in.String("name", core, kNameMax, 1);
  k.title = in.String("title", kOptional, kNameMax);
  k.user_id = NullableId(in, "user_id");
  k.influence = in.Integer("influence", core, 1, 5);
  k.interest = in.Integer("interest", core, 1, 5);
  k.attitude = in.Enum("attitude", core, kAttitudes);
  k.committee_id = NullableId(in, "committee_id");
  k.workstream_id = NullableId(in, "workstream_id");
  k.notes = in.String("notes", kOptional, kTextMax);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return k;
}

// ---- writing JSON -------------------------------------------------------------------------

std::string PersonName(const RecordContext& c, const std::string& user_id) {
  auto it = c.people.find(user_id);
  return it == c.people.end() ? "" : it->second;
}

json::array LevelsJson(const std::vector<EscalationLevel>& levels) {
  json::array out;
  for (const auto& l : levels) {
    out.push_back(
        {{"name", l.name}, {"committee_id", OptionalJson(l.committee_id)}, {"days", l.days}});
  }
  return out;
}

json::object CommitteeJson(const RecordContext& c, const CommitteeView& v) {
  const Committee& k = v.committee;
  json::array members;
  // Current seats first, then past ones; each group by the day they began.
  std::vector<std::pair<bool, const CommitteeMember*>> ordered;
  for (const auto& m : k.members) {
    ordered.emplace_back(
        SitsOn({m.user_id, m.organization_id, m.role, m.joined_on, m.left_on}, c.today), &m);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [current, m] : ordered) {
    members.push_back({{"id", m->id},
                       {"user_id", m->user_id},
                       {"name", m->name},
                       {"organization_id", m->organization_id},
                       {"organization_name", m->organization_name},
                       {"role", m->role},
                       {"voting", IsVotingRole(m->role)},
                       {"joined_on", m->joined_on},
                       {"left_on", OptionalJson(m->left_on)},
                       {"current", current}});
  }
  return records::Json(k, {{"members", std::move(members)},
                           {"chair_party_id", OptionalJson(v.chair_party_id)},
                           {"chair_party_name", v.chair_party_id ? json::value(alliances::PartyName(
                                                                       c, *v.chair_party_id))
                                                                 : json::value(nullptr)}});
}

json::object DecisionRightJson(const DecisionRight& d) {
  return records::Json(d, {{"committee_name", d.committee_name}, {"levels", LevelsJson(d.levels)}});
}

json::object IssueJson(const RecordContext& c, const Issue& i) {
  json::value resolution = nullptr;
  if (i.resolution) {
    json::array agreed;
    for (const auto& user : i.resolution->agreed_by) {
      auto party = c.people_parties.find(user);
      agreed.push_back({{"user_id", user},
                        {"name", PersonName(c, user)},
                        {"organization_id", party == c.people_parties.end() ? "" : party->second}});
    }
    resolution = json::object{{"outcome", i.resolution->outcome},
                              {"agreed_by", std::move(agreed)},
                              {"resolved_on", i.resolution->resolved_on},
                              {"resolved_by", i.resolution->resolved_by}};
  }
  const std::string level_name =
      i.current_level < static_cast<int64_t>(i.levels.size()) ? i.levels[i.current_level].name : "";
  return records::Json(i, {{"raised_by_name", i.raised_by_name},
                           {"levels", LevelsJson(i.levels)},
                           {"current_level_name", level_name},
                           {"days_left", DaysBetween(c.today, i.level_due_on)},
                           {"resolution", std::move(resolution)}});
}

json::object MeetingJson(const RecordContext& c, const MeetingView& v) {
  const Meeting& m = v.meeting;
  json::array agenda;
  for (const auto& a : m.agenda) {
    json::array pre_reads;
    for (const auto& p : a.pre_reads) pre_reads.push_back({{"title", p.title}, {"url", p.url}});
    agenda.push_back({{"id", a.id},
                      {"position", a.position},
                      {"title", a.title},
                      {"owner_user_id", OptionalJson(a.owner_user_id)},
                      {"owner_name", OptionalJson(a.owner_name)},
                      {"time_box_minutes", a.time_box_minutes},
                      {"pre_reads", std::move(pre_reads)},
                      {"decision_sought", a.decision_sought},
                      {"minutes", a.minutes},
                      {"version", a.version}});
  }
  json::array attendance;
  for (const auto& a : m.attendance) {
    std::optional<std::string> role;
    for (const auto& seat : v.seats) {
      if (seat.user_id == a.user_id) role = seat.role;
    }
    attendance.push_back({{"user_id", a.user_id},
                          {"name", a.name},
                          {"organization_id", a.organization_id},
                          {"organization_name", alliances::PartyName(c, a.organization_id)},
                          {"committee_role", OptionalJson(role)},
                          {"voting", role && IsVotingRole(*role)},
                          {"status", a.status},
                          {"delegate_name", OptionalJson(a.delegate_name)}});
  }
  json::array by_party;
  for (const auto& p : v.quorum.by_party) {
    by_party.push_back({{"organization_id", p.organization_id},
                        {"organization_name", alliances::PartyName(c, p.organization_id)},
                        {"present", p.present},
                        {"voting_members", p.voting_members}});
  }
  json::array reviews;
  for (const auto& party : v.required_parties) {
    const MinutesReview* r = nullptr;
    for (const auto& x : m.reviews) {
      if (x.organization_id == party) r = &x;
    }
    reviews.push_back({{"organization_id", party},
                       {"organization_name", alliances::PartyName(c, party)},
                       {"required", true},
                       {"decision", r ? json::value(r->decision) : json::value(nullptr)},
                       {"comment", r ? OptionalJson(r->comment) : json::value(nullptr)},
                       {"by_name", r ? json::value(r->by_name) : json::value(nullptr)},
                       {"at", r ? json::value(r->at) : json::value(nullptr)}});
  }
  return records::Json(m,
                       {{"committee_name", m.committee_name},
                        {"agenda", std::move(agenda)},
                        {"attendance", std::move(attendance)},
                        {"quorum",
                         {{"rule", v.quorum_rule},
                          {"met", v.quorum.met},
                          {"detail", v.quorum.detail},
                          {"present_voting_by_party", std::move(by_party)}}},
                        {"minutes",
                         {{"state", m.minutes_final_at ? "final" : "draft"},
                          {"revision", m.minutes_revision},
                          {"final_at", OptionalJson(m.minutes_final_at)},
                          {"reviews", std::move(reviews)},
                          {"can_review", v.can_review},
                          {"can_write", v.can_write_minutes},
                          {"can_revise", v.can_revise_minutes}}}},
                       {"minutes_revision", "minutes_final_at"});
}

json::object BriefJson(const Brief& b) { return records::Json(b); }

json::object DecisionJson(const RecordContext& c, const DecisionView& v) {
  const Decision& d = v.decision;
  json::array parties;
  for (const auto& p : v.positions) {
    json::array votes;
    for (const auto& x : d.votes) {
      if (x.organization_id != p.organization_id) continue;
      votes.push_back({{"user_id", x.user_id},
                       {"name", x.name},
                       {"vote", x.vote},
                       {"comment", x.comment},
                       {"at", x.at}});
    }
    parties.push_back({{"organization_id", p.organization_id},
                       {"organization_name", alliances::PartyName(c, p.organization_id)},
                       {"position", p.position},
                       {"votes", std::move(votes)}});
  }
  return records::Json(d, {{"committee_name", d.committee_name}, {"votes", std::move(parties)}});
}

}  // namespace

json::object ActionJson(const ActionItem& a, const std::string& today) {
  json::object out = records::Json(a, {{"owner_user_id", a.owner_user_id},
                                       {"owner_name", a.owner_name},
                                       {"overdue", IsOverdue(a.status, a.due_on, today)}});
  // The health result an action plan answers, as one object.
  for (const char* key : {"health_wave_id", "health_dimension_key", "health_item_key"}) {
    out.erase(key);
  }
  out["health"] = nullptr;
  if (a.health_wave_id && a.health_dimension_key) {
    out["health"] = json::object{
        {"wave_id", *a.health_wave_id},
        {"dimension_key", *a.health_dimension_key},
        {"item_key", a.health_item_key ? json::value(*a.health_item_key) : json::value(nullptr)}};
  }
  return out;
}

namespace {

// An action as a collection answers it: due dates are judged against the context's today.
json::object ActionJsonIn(const RecordContext& c, const ActionItem& a) {
  return ActionJson(a, c.today);
}

json::object StakeholderJson(const Stakeholder& k) {
  return records::Json(k, {{"quadrant", Quadrant(k.influence, k.interest)}});
}

// ---- handlers -----------------------------------------------------------------------------

const std::string& Alliance(const RequestContext& ctx) { return ctx.Param("id"); }

Result<std::string> ReasonFrom(const json::object& body, std::string_view key) {
  InputReader in(body);
  auto reason = in.String(key, kRequired, kReasonMax, 1);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return *reason;
}

// Committees.
Result<Response> ListCommittees(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListCommittees(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& v : list.record) all.push_back(CommitteeJson(list.context, v));
  NS_ASSIGN_OR_RETURN(all,
                      Filtered(ctx.request, std::move(all), {{"kind", "kind", kCommitteeKinds}}));
  return Paged(ctx.request, all, kByCreation);
}

int64_t CommitteeVersion(const CommitteeView& v) { return v.committee.version; }

Response CommitteeResponse(int status, const WithContext<CommitteeView>& v) {
  return One(status, CommitteeJson(v.context, v.record), v.record.committee.version);
}

Result<Response> AddMember(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto user = in.Id("user_id", kRequired);
  auto role = in.Enum("role", kRequired, kCommitteeRoles);
  auto joined = in.Date("joined_on", kOptional);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto v, svc.AddSeat(ctx.user(), Alliance(ctx), ctx.Param("committee_id"),
                                          {*user, *role, joined}));
  return CommitteeResponse(201, v);
}

Result<Response> ChangeMember(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto role = in.Enum("role", kRequired, kCommitteeRoles);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto v, svc.ChangeSeat(ctx.user(), Alliance(ctx), ctx.Param("committee_id"),
                                             ctx.Param("member_id"), version, role));
  return CommitteeResponse(200, v);
}

Result<Response> RemoveMember(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(auto v, svc.ChangeSeat(ctx.user(), Alliance(ctx), ctx.Param("committee_id"),
                                             ctx.Param("member_id"), version, std::nullopt));
  return CommitteeResponse(200, v);
}

Result<Response> CadenceProposalRoute(GovernanceService& svc, RequestContext& ctx) {
  const auto template_name = ctx.request.Query("template");
  const auto from = ctx.request.Query("from");
  const auto months_text = ctx.request.Query("months");
  std::vector<FieldError> errors;
  if (!template_name ||
      std::find(kTemplates.begin(), kTemplates.end(), *template_name) == kTemplates.end()) {
    errors.push_back({"template", "must be classic or lean"});
  }
  if (!from || !IsValidDate(*from)) errors.push_back({"from", "must be a date as YYYY-MM-DD"});
  int64_t months = 0;
  try {
    months = months_text ? std::stoll(*months_text) : 0;
  } catch (const std::exception&) {
    months = 0;
  }
  if (months < 1 || months > 24 || (months_text && std::to_string(months) != *months_text)) {
    errors.push_back({"months", "must be a whole number of months from 1 to 24"});
  }
  NS_TRY(FieldErrorsToStatus(std::move(errors)));
  NS_ASSIGN_OR_RETURN(auto p,
                      svc.ProposeCadence(ctx.user(), Alliance(ctx), *template_name, *from, months));
  json::array meetings;
  for (const auto& m : p.meetings) {
    meetings.push_back({{"committee_id", m.committee_id},
                        {"committee_name", m.committee_name},
                        {"title", m.title},
                        {"starts_at", m.starts_at},
                        {"duration_minutes", m.duration_minutes},
                        {"time_zone", "UTC"}});
  }
  return http::JsonResponse(200, json::object{{"template", p.template_name},
                                              {"from", p.from},
                                              {"months", p.months},
                                              {"meetings", std::move(meetings)}});
}

// Decision rights.
Result<Response> ListDecisionRights(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListDecisionRights(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& d : list.record) all.push_back(DecisionRightJson(d));
  return Paged(ctx.request, all, kByCreation);
}

// Issues.
Response IssueResponse(int status, const WithContext<Issue>& v) {
  return One(status, IssueJson(v.context, v.record), v.record.version);
}

Result<Response> ListIssues(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListIssues(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& i : list.record) all.push_back(IssueJson(list.context, i));
  NS_ASSIGN_OR_RETURN(
      all, Filtered(ctx.request, std::move(all),
                    {{"status", "status", kIssueStatuses}, {"severity", "severity", kSeverities}}));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> EscalateIssue(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(std::string reason, ReasonFrom(body, "reason"));
  NS_ASSIGN_OR_RETURN(
      auto v, svc.EscalateIssue(ctx.user(), Alliance(ctx), ctx.Param("issue_id"), version, reason));
  return IssueResponse(200, v);
}

Result<Response> ResolveIssue(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto outcome = in.String("outcome", kRequired, kTextMax, 1);
  auto agreed = in.StringArray("agreed_by", kRequired, 50, 36);
  if (agreed && agreed->empty()) in.AddError("agreed_by", "needs at least one person");
  ReadIdsUnique(in, agreed, "agreed_by");
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto v, svc.ResolveIssue(ctx.user(), Alliance(ctx), ctx.Param("issue_id"),
                                               version, *outcome, *agreed));
  return IssueResponse(200, v);
}

Result<Response> IssueHistory(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto entries,
                      svc.IssueHistory(ctx.user(), Alliance(ctx), ctx.Param("issue_id")));
  json::array items;
  for (const auto& e : entries) {
    items.push_back({{"level", e.level},
                     {"level_name", e.level_name},
                     {"entered_on", e.entered_on},
                     {"due_on", OptionalJson(e.due_on)},
                     {"reason", e.reason},
                     {"note", e.note},
                     {"by", OptionalJson(e.by)},
                     {"by_name", OptionalJson(e.by_name)}});
  }
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

// Meetings.
int64_t MeetingVersion(const MeetingView& v) { return v.meeting.version; }

Response MeetingResponse(int status, const WithContext<MeetingView>& v) {
  return One(status, MeetingJson(v.context, v.record), v.record.meeting.version);
}

Result<Response> ListMeetings(GovernanceService& svc, RequestContext& ctx) {
  const auto when = ctx.request.Query("when");
  if (when && !when->empty() && *when != "upcoming" && *when != "past") {
    return Malformed("when must be upcoming or past.");
  }
  NS_ASSIGN_OR_RETURN(auto list, svc.ListMeetings(ctx.user(), Alliance(ctx)));
  const std::string now = NowText().substr(0, 19) + "Z";
  json::array all;
  for (const auto& v : list.record) {
    const bool upcoming = v.meeting.starts_at >= now;
    if (when == "upcoming" && !upcoming) continue;
    if (when == "past" && upcoming) continue;
    all.push_back(MeetingJson(list.context, v));
  }
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"committee_id", "committee_id", {}, true},
                                     {"status", "status", kMeetingStatuses}}));
  return Paged(ctx.request, all, {"starts_at"});
}

Result<Response> AddAgendaItem(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(AgendaInput input, ReadAgenda(body, true));
  NS_ASSIGN_OR_RETURN(auto v,
                      svc.AddAgendaItem(ctx.user(), Alliance(ctx), ctx.Param("meeting_id"), input));
  return MeetingResponse(201, v);
}

Result<Response> UpdateAgendaItem(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(AgendaInput input, ReadAgenda(body, false));
  NS_ASSIGN_OR_RETURN(auto v,
                      svc.UpdateAgendaItem(ctx.user(), Alliance(ctx), ctx.Param("meeting_id"),
                                           ctx.Param("item_id"), version, input));
  return MeetingResponse(200, v);
}

Result<Response> DeleteAgendaItem(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto v, svc.DeleteAgendaItem(ctx.user(), Alliance(ctx),
                                                   ctx.Param("meeting_id"), ctx.Param("item_id")));
  return MeetingResponse(200, v);
}

std::optional<AttendanceInput> ReadAttendee(InputReader& in) {
  auto user = in.Id("user_id", kRequired);
  auto status = in.Enum("status", kRequired, kAttendanceStatuses);
  auto delegate = in.String("delegate_name", kOptional, kNameMax);
  if (status && *status == "delegate" && (!delegate || delegate->empty())) {
    in.AddError("delegate_name", "is required for a delegate");
    return std::nullopt;
  }
  if (!user || !status) return std::nullopt;
  return AttendanceInput{*user, *status, delegate};
}

Result<Response> SetAttendance(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto entries = ReadObjects<AttendanceInput>(in, "entries", kRequired, 200, ReadAttendee);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto v, svc.SetAttendance(ctx.user(), Alliance(ctx), ctx.Param("meeting_id"),
                                                version, *entries));
  return MeetingResponse(200, v);
}

Result<Response> ReviewMinutes(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto decision = in.Enum("decision", kRequired, {"approve", "comment"});
  auto comment = in.String("comment", kOptional, kTextMax);
  if (decision == "comment" && (!comment || comment->empty())) {
    in.AddError("comment", "is required to comment");
  }
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto v, svc.ReviewMinutes(ctx.user(), Alliance(ctx), ctx.Param("meeting_id"),
                                                version, *decision == "approve", comment));
  return MeetingResponse(200, v);
}

Result<Response> ReviseMinutes(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(std::string reason, ReasonFrom(body, "reason"));
  NS_ASSIGN_OR_RETURN(auto v, svc.ReviseMinutes(ctx.user(), Alliance(ctx), ctx.Param("meeting_id"),
                                                version, reason));
  return MeetingResponse(200, v);
}

Result<Response> ListRevisions(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list,
                      svc.MinutesRevisions(ctx.user(), Alliance(ctx), ctx.Param("meeting_id")));
  json::array items;
  for (const auto& r : list) {
    boost::system::error_code ec;
    json::value agenda = json::parse(r.content, ec);
    items.push_back({{"revision", r.revision},
                     {"final_at", r.final_at},
                     {"reason", OptionalJson(r.reason)},
                     {"agenda", ec || !agenda.is_array() ? json::array{} : agenda.as_array()}});
  }
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

Result<Response> MeetingIcs(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto v, svc.GetMeeting(ctx.user(), Alliance(ctx), ctx.Param("meeting_id")));
  Response r;
  r.status = 200;
  r.body = MeetingCalendar(v.record.meeting, "");
  r.SetHeader("Content-Type", "text/calendar; charset=utf-8");
  r.SetHeader("Content-Disposition", http::AttachmentDisposition("meeting.ics"));
  return r;
}

// Briefs.
Result<Response> ListBriefs(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list,
                      svc.ListBriefs(ctx.user(), Alliance(ctx), ctx.Param("meeting_id")));
  json::array all;
  for (const auto& b : list) all.push_back(BriefJson(b));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> CreateBrief(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(BriefInput input, ReadBrief(body, true));
  NS_ASSIGN_OR_RETURN(auto b,
                      svc.CreateBrief(ctx.user(), Alliance(ctx), ctx.Param("meeting_id"), input));
  return One(201, BriefJson(b), b.version);
}

Result<Response> UpdateBrief(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(BriefInput input, ReadBrief(body, false));
  NS_ASSIGN_OR_RETURN(auto b, svc.UpdateBrief(ctx.user(), Alliance(ctx), ctx.Param("meeting_id"),
                                              ctx.Param("brief_id"), version, input));
  return One(200, BriefJson(b), b.version);
}

Result<Response> DeleteBrief(GovernanceService& svc, RequestContext& ctx) {
  NS_TRY(
      svc.DeleteBrief(ctx.user(), Alliance(ctx), ctx.Param("meeting_id"), ctx.Param("brief_id")));
  return http::NoContent();
}

// Decisions.
int64_t DecisionVersion(const DecisionView& v) { return v.decision.version; }

Response DecisionResponse(int status, const WithContext<DecisionView>& v) {
  return One(status, DecisionJson(v.context, v.record), v.record.decision.version);
}

bool ContainsFolded(const std::string& text, const std::string& needle) {
  const auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    return s;
  };
  return lower(text).find(lower(needle)) != std::string::npos;
}

// The decision log as the caller may see it, searched (`q`) and filtered.
Result<std::pair<RecordContext, std::vector<DecisionView>>> DecisionLog(GovernanceService& svc,
                                                                        RequestContext& ctx) {
  const auto q = ctx.request.Query("q");
  if (q && q->size() > 200) return Malformed("q is longer than 200 characters.");
  const auto state = ctx.request.Query("state");
  if (state && !state->empty() &&
      std::find(kDecisionStates.begin(), kDecisionStates.end(), *state) == kDecisionStates.end()) {
    return Malformed("state must be one of the documented values.");
  }
  const auto committee = ctx.request.Query("committee_id");
  const auto meeting = ctx.request.Query("meeting_id");
  for (const auto& [name, value] :
       {std::pair{"committee_id", committee}, {"meeting_id", meeting}}) {
    if (value && !value->empty() && !IsValidId(*value)) {
      return Malformed(std::string(name) + " must be an id.");
    }
  }
  NS_ASSIGN_OR_RETURN(auto list, svc.ListDecisions(ctx.user(), Alliance(ctx)));
  std::vector<DecisionView> kept;
  for (auto& v : list.record) {
    const Decision& d = v.decision;
    if (state && !state->empty() && d.state != *state) continue;
    if (committee && !committee->empty() && d.committee_id != *committee) continue;
    if (meeting && !meeting->empty() && d.meeting_id != *meeting) continue;
    if (q && !q->empty() && !ContainsFolded(d.title, *q) && !ContainsFolded(d.description, *q) &&
        !ContainsFolded(d.rationale, *q) && !ContainsFolded(d.decision_type, *q)) {
      continue;
    }
    kept.push_back(std::move(v));
  }
  return std::make_pair(std::move(list.context), std::move(kept));
}

Result<Response> ListDecisions(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto log, DecisionLog(svc, ctx));
  json::array all;
  for (const auto& v : log.second) all.push_back(DecisionJson(log.first, v));
  return Paged(ctx.request, all, kByCreation);
}

Result<Response> ExportDecisions(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(const DayPattern days, http::ReadDayPattern(ctx.request));
  NS_ASSIGN_OR_RETURN(auto log, DecisionLog(svc, ctx));
  // The page's words (docs/words.json) and the reader's own way of writing a day.
  const auto day = [&](const std::optional<std::string>& d) { return d ? days.Render(*d) : ""; };
  csv::Writer csv;
  std::vector<std::string> header;
  for (auto field : {"proposed_on", "decided_on", "committee", "title", "decision_type", "state",
                     "rationale", "votes"}) {
    header.push_back(Capitalised(Word("field.decision", field)));
  }
  csv.Row(header);
  for (const auto& v : log.second) {
    const Decision& d = v.decision;
    std::string votes;
    for (const auto& p : v.positions) {
      if (!votes.empty()) votes += "; ";
      votes += alliances::PartyName(log.first, p.organization_id) + ": " +
               Word("decision.position", p.position);
    }
    csv.Row({day(d.proposed_on), day(d.decided_on), d.committee_name, d.title, d.decision_type,
             Word("decision.state", d.state), d.rationale, votes});
  }
  Response r;
  r.status = 200;
  r.body = csv.Take();
  r.SetHeader("Content-Type", "text/csv; charset=utf-8");
  r.SetHeader("Content-Disposition", http::AttachmentDisposition("decision-log.csv"));
  return r;
}

Result<Response> VoteOnDecision(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto vote = in.Enum("vote", kRequired, kVotes);
  auto comment = in.String("comment", kOptional, kTextMax);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto v, svc.Vote(ctx.user(), Alliance(ctx), ctx.Param("decision_id"), version,
                                       *vote, comment.value_or("")));
  return DecisionResponse(200, v);
}

Result<Response> ChangeDecisionState(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto state = in.Enum("state", kRequired, {"deferred", "escalated", "proposed"});
  auto reason = in.String("reason", kRequired, kReasonMax, 1);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(
      auto v, svc.SetDecisionState(ctx.user(), Alliance(ctx), ctx.Param("decision_id"), version,
                                   *state, *reason));
  return DecisionResponse(200, v);
}

// Action items.
Result<Response> ListActions(GovernanceService& svc, RequestContext& ctx) {
  const auto overdue = ctx.request.Query("overdue");
  if (overdue && !overdue->empty() && *overdue != "true" && *overdue != "false") {
    return Malformed("overdue must be true or false.");
  }
  NS_ASSIGN_OR_RETURN(auto list, svc.ListActions(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& a : list.record) all.push_back(ActionJson(a, list.context.today));
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"status", "status", kActionStatuses},
                                     {"owner_user_id", "owner_user_id", {}, true},
                                     {"meeting_id", "meeting_id", {}, true},
                                     {"committee_id", "committee_id", {}, true},
                                     {"overdue", "overdue", {"true", "false"}}}));
  return Paged(ctx.request, all, {"due_on"});
}

Result<Response> MyActions(GovernanceService& svc, RequestContext& ctx) {
  const auto overdue = ctx.request.Query("overdue");
  if (overdue && !overdue->empty() && *overdue != "true" && *overdue != "false") {
    return Malformed("overdue must be true or false.");
  }
  NS_ASSIGN_OR_RETURN(auto list, svc.MyActions(ctx.user()));
  const std::string today = TodayText();
  json::array all;
  for (const auto& a : list) {
    json::object item = ActionJson(a.action, today);
    item["alliance_name"] = a.action.alliance_name;
    all.push_back(std::move(item));
  }
  NS_ASSIGN_OR_RETURN(all, Filtered(ctx.request, std::move(all),
                                    {{"status", "status", kActionStatuses},
                                     {"overdue", "overdue", {"true", "false"}}}));
  return Paged(ctx.request, all, {"due_on"});
}

// Stakeholders.
Result<Response> ListStakeholders(GovernanceService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto list, svc.ListStakeholders(ctx.user(), Alliance(ctx)));
  json::array all;
  for (const auto& k : list.record) all.push_back(StakeholderJson(k));
  return Paged(ctx.request, all, kByCreation);
}

}  // namespace

ical::Event MeetingEvent(const Meeting& m, const std::string& alliance_name) {
  ical::Event e;
  e.uid = "meeting-" + m.id + "@northstar";
  e.starts_at = m.starts_at;
  const auto start = ParseInstant(m.starts_at);
  e.ends_at =
      start ? FormatInstant(*start + std::chrono::minutes(m.duration_minutes)) : m.starts_at;
  e.summary = alliance_name.empty() ? m.title : m.title + " (" + alliance_name + ")";
  std::string agenda;
  for (const auto& a : m.agenda) {
    agenda += std::to_string(a.position) + ". " + a.title + " (" +
              std::to_string(a.time_box_minutes) + " min)\n";
  }
  e.description = m.committee_name + (agenda.empty() ? "" : "\n\nAgenda:\n" + agenda) +
                  (m.time_zone == "UTC" ? "" : "\nTime zone: " + m.time_zone);
  e.location = m.location;
  e.url = m.link;
  e.cancelled = m.status == "cancelled";
  e.updated_at = m.updated_at;
  return e;
}

std::string MeetingCalendar(const Meeting& m, const std::string& alliance_name) {
  return ical::Calendar(alliance_name.empty() ? m.title : alliance_name,
                        {MeetingEvent(m, alliance_name)});
}

void RegisterRoutes(http::Router& router, GovernanceService& svc) {
  using Fn = Result<Response> (*)(GovernanceService&, RequestContext&);
  auto bind = [&svc](Fn fn) { return [&svc, fn](RequestContext& ctx) { return fn(svc, ctx); }; };
  const std::string base = "/api/v1/alliances/{id}";
  // The decision log's export is matched before the decision route it would otherwise fit.
  router.Add("GET", base + "/decisions/export.csv", bind(ExportDecisions));
  // The seven record types are collections of the record kit; what differs is how each is
  // listed (filters, order), read from a body and written.
  using Svc = GovernanceService;
  http::AddCollection(router, svc, base, "id",
                      http::Collection<Svc, CommitteeInput, WithContext<CommitteeView>>{
                          "committees", "committee_id", ListCommittees, ReadCommittee,
                          &Svc::GetCommittee, &Svc::CreateCommittee, &Svc::UpdateCommittee,
                          &Svc::DeleteCommittee, AnswerJson<CommitteeView, CommitteeJson>,
                          AnswerVersion<CommitteeView, CommitteeVersion>});
  http::AddCollection(
      router, svc, base, "id",
      http::Collection<Svc, DecisionRightInput, WithContext<DecisionRight>>{
          "decision-rights", "decision_right_id", ListDecisionRights, ReadDecisionRight,
          &Svc::GetDecisionRight, &Svc::CreateDecisionRight, &Svc::UpdateDecisionRight,
          &Svc::DeleteDecisionRight, AnswerJson<DecisionRight, DecisionRightJson>,
          AnswerVersion<DecisionRight, records::VersionOf<DecisionRight>>});
  http::AddCollection(
      router, svc, base, "id",
      http::Collection<Svc, IssueInput, WithContext<Issue>>{
          "issues", "issue_id", ListIssues, ReadIssue, &Svc::GetIssue, &Svc::RaiseIssue,
          &Svc::UpdateIssue, &Svc::DeleteIssue, AnswerJson<Issue, IssueJson>,
          AnswerVersion<Issue, records::VersionOf<Issue>>});
  http::AddCollection(
      router, svc, base, "id",
      http::Collection<Svc, MeetingInput, WithContext<MeetingView>>{
          "meetings", "meeting_id", ListMeetings, ReadMeeting, &Svc::GetMeeting,
          &Svc::CreateMeeting, &Svc::UpdateMeeting, &Svc::DeleteMeeting,
          AnswerJson<MeetingView, MeetingJson>, AnswerVersion<MeetingView, MeetingVersion>});
  http::AddCollection(
      router, svc, base, "id",
      http::Collection<Svc, DecisionInput, WithContext<DecisionView>>{
          "decisions", "decision_id", ListDecisions, ReadDecision, &Svc::GetDecision,
          &Svc::ProposeDecision, &Svc::UpdateDecision, &Svc::DeleteDecision,
          AnswerJson<DecisionView, DecisionJson>, AnswerVersion<DecisionView, DecisionVersion>});
  http::AddCollection(
      router, svc, base, "id",
      http::Collection<Svc, ActionInput, WithContext<ActionItem>>{
          "actions", "action_id", ListActions, ReadAction, &Svc::GetAction, &Svc::CreateAction,
          &Svc::UpdateAction, &Svc::DeleteAction, AnswerJson<ActionItem, ActionJsonIn>,
          AnswerVersion<ActionItem, records::VersionOf<ActionItem>>});
  http::AddCollection(router, svc, base, "id",
                      http::Collection<Svc, StakeholderInput, WithContext<Stakeholder>>{
                          "stakeholders", "stakeholder_id", ListStakeholders, ReadStakeholder,
                          &Svc::GetStakeholder, &Svc::CreateStakeholder, &Svc::UpdateStakeholder,
                          &Svc::DeleteStakeholder, AnswerJson<Stakeholder, StakeholderJson>,
                          AnswerVersion<Stakeholder, records::VersionOf<Stakeholder>>});
  const std::string committee = base + "/committees/{committee_id}";
  router.Add("POST", committee + "/members", bind(AddMember));
  router.Add("PATCH", committee + "/members/{member_id}", bind(ChangeMember));
  router.Add("DELETE", committee + "/members/{member_id}", bind(RemoveMember));
  router.Add("GET", base + "/governance/cadence-proposal", bind(CadenceProposalRoute));
  const std::string issue = base + "/issues/{issue_id}";
  router.Add("POST", issue + "/escalate", bind(EscalateIssue));
  router.Add("POST", issue + "/resolve", bind(ResolveIssue));
  router.Add("GET", issue + "/history", bind(IssueHistory));
  const std::string meeting = base + "/meetings/{meeting_id}";
  router.Add("POST", meeting + "/agenda", bind(AddAgendaItem));
  router.Add("PATCH", meeting + "/agenda/{item_id}", bind(UpdateAgendaItem));
  router.Add("DELETE", meeting + "/agenda/{item_id}", bind(DeleteAgendaItem));
  router.Add("PUT", meeting + "/attendance", bind(SetAttendance));
  router.Add("POST", meeting + "/minutes/review", bind(ReviewMinutes));
  router.Add("POST", meeting + "/minutes/revisions", bind(ReviseMinutes));
  router.Add("GET", meeting + "/minutes/revisions", bind(ListRevisions));
  router.Add("GET", meeting + "/calendar.ics", bind(MeetingIcs));
  router.Add("GET", meeting + "/briefs", bind(ListBriefs));
  router.Add("POST", meeting + "/briefs", bind(CreateBrief));
  router.Add("PATCH", meeting + "/briefs/{brief_id}", bind(UpdateBrief));
  router.Add("DELETE", meeting + "/briefs/{brief_id}", bind(DeleteBrief));
  const std::string decision = base + "/decisions/{decision_id}";
  router.Add("POST", decision + "/votes", bind(VoteOnDecision));
  router.Add("POST", decision + "/state", bind(ChangeDecisionState));
  router.Add("GET", "/api/v1/me/actions", bind(MyActions));
}

}  // namespace northstar::governance
