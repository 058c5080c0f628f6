#include "modules/alliances/routes.hpp"

#include <algorithm>
#include <cmath>

#include "platform/common/ids.hpp"
#include "platform/http/request_helpers.hpp"

namespace northstar::alliances {
namespace {

using http::RequestContext;
using http::Response;
constexpr auto kRequired = Presence::kRequired;
constexpr auto kOptional = Presence::kOptional;
constexpr size_t kNameMax = 200, kTextMax = 5000, kBodyMax = 20000, kNoteMax = 2000;

json::object PartyJson(const Party& p, const json::storage_ptr& sp) {
  return json::object({{"organization_id", p.organization_id},
                       {"organization_name", p.organization_name},
                       {"organization_type", p.organization_type},
                       {"role", p.role}},
                      sp);
}

// Where an alliance stands when the list is sorted by health, as the store sorts it (in
// hundredths; those without a score last), and the check of a cursor's.
std::string HealthKey(const Alliance& a, bool descending) {
  if (a.health && a.health->score) return std::to_string(std::llround(*a.health->score * 100));
  return descending ? "-1" : "1000000";
}
bool IsHealthKey(const std::string& v) {
  return !v.empty() && v.size() <= 7 &&
         std::all_of(v.begin() + (v.front() == '-' ? 1 : 0), v.end(),
                     [](char c) { return c >= '0' && c <= '9'; }) &&
         v != "-";
}

json::value HealthJson(const std::optional<HealthScore>& h, const json::storage_ptr& sp) {
  if (!h) return json::value(nullptr, sp);
  const auto number = [&](const std::optional<double>& v) {
    return v ? json::value(*v, sp) : json::value(nullptr, sp);
  };
  return json::object({{"wave_id", h->wave_id},
                       {"wave_title", h->wave_title},
                       {"closed_on", h->closed_on},
                       {"score", number(h->score)},
                       {"previous_score", number(h->previous_score)}},
                      sp);
}

// The alliance as `member` sees it, with its party's own priority. `sp`: where the document's
// memory comes from (an arena for a single response).
json::object AllianceJson(const Alliance& a, const access::Membership& member,
                          const Priority& priority, int64_t open_proposals,
                          const json::storage_ptr& sp = {}) {
  json::array parties(sp), contributions(sp);
  json::value my_party(nullptr, sp);
  for (const auto& p : a.parties) {
    parties.push_back(PartyJson(p, sp));
    const bool can_edit = access::CanEditPartyWords(member, p.organization_id, p.has_manager);
    contributions.push_back(json::object({{"organization_id", p.organization_id},
                                          {"organization_name", p.organization_name},
                                          {"contribution", p.contribution},
                                          {"expected_value", p.expected_value},
                                          {"can_edit", can_edit}},
                                         sp));
    if (p.organization_id == member.organization_id) my_party = PartyJson(p, sp);
  }
  return json::object({{"id", a.id},
                       {"name", a.name},
                       {"type", a.type},
                       {"therapeutic_areas", ToJsonArray(a.therapeutic_areas)},
                       {"territory", a.territory},
                       {"tier", priority.tier},
                       {"priority_note", priority.note},
                       {"consent_required", NeedsConsent(a, member.organization_id)},
                       {"open_proposals", open_proposals},
                       {"health", HealthJson(a.health, sp)},
                       {"description", a.description},
                       {"stage", a.stage},
                       {"archived", a.archived},
                       {"parties", std::move(parties)},
                       {"north_star",
                        {{"statement", a.north_star_statement},
                         {"beneficiaries", a.north_star_beneficiaries},
                         {"contributions", std::move(contributions)}}},
                       {"my_role", access::ToString(member.role)},
                       {"my_party", std::move(my_party)},
                       {"version", a.version},
                       {"created_at", a.created_at},
                       {"updated_at", a.updated_at}},
                      sp);
}

Response AllianceResponse(int status, const AllianceView& v) {
  // The most frequent response: its document lives in one arena, freed at once.
  unsigned char buffer[8192];
  json::monotonic_resource arena(buffer, sizeof buffer);
  Response r = http::JsonResponse(
      status,
      json::value(AllianceJson(v.alliance, v.membership, v.priority, v.open_proposals, &arena)));
  http::SetEtag(r, v.alliance.version);
  return r;
}

json::object MemberJson(const Member& m) {
  return {{"user_id", m.user_id}, {"name", m.name},
          {"email", m.email},     {"organization_id", m.organization_id},
          {"role", m.role},       {"added_at", m.added_at},
          {"version", m.version}};
}

json::object NoteJson(const Note& n) {
  return {{"id", n.id},
          {"alliance_id", n.alliance_id},
          {"title", n.title},
          {"body", n.body},
          {"entry_date", n.entry_date},
          {"visibility", n.visibility},
          {"owner_organization_id", n.owner_organization_id},
          {"owner_organization_name", n.owner_organization_name},
          {"author_id", n.owner_user_id},
          {"author_name", n.author_name},
          {"readers", ToJsonArray(n.readers)},
          {"version", n.version},
          {"created_at", n.created_at},
          {"updated_at", n.updated_at}};
}

Response NoteResponse(int status, const Note& n) {
  Response r = http::JsonResponse(status, NoteJson(n));
  http::SetEtag(r, n.version);
  return r;
}

// What an alliance body is for: creating one (the core fields required), changing one, or
// proposing a change to its shared fields (nothing else is accepted, and a reason may be given).
enum class BodyUse { kCreate, kUpdate, kPropose };

// Reads an alliance body into `a`; `reason` is read only for a proposal.
Result<AllianceInput> ReadAllianceInput(const json::object& body, BodyUse use,
                                        std::string* reason = nullptr) {
  const bool creating = use == BodyUse::kCreate, proposing = use == BodyUse::kPropose;
  const Presence core = creating ? kRequired : kOptional;
  InputReader in(body);
  AllianceInput a;
  a.name = in.String("name", core, kNameMax, 1);
  a.type = in.Enum("type", core, AllianceTypes());
  a.therapeutic_areas = in.StringArray("therapeutic_areas", kOptional, 20, kNameMax);
  a.territory = in.String("territory", kOptional, kNameMax);
  if (proposing) {
    *reason = in.String("reason", kOptional, kNoteMax).value_or("");
  } else {
    a.tier = in.Integer("tier", kOptional, kMinTier, kMaxTier);
    a.priority_note = in.String("priority_note", kOptional, kNoteMax);
  }
  a.description = in.String("description", kOptional, kTextMax);
  if (creating) a.stage = in.Enum("stage", kOptional, Stages());
  if (const json::array* parties = in.Array("parties", core, 20)) {
    a.parties.emplace();
    for (size_t i = 0; i < parties->size(); ++i) {
      const std::string path = "parties[" + std::to_string(i) + "]";
      if (!(*parties)[i].is_object()) {
        in.AddError(path, "must be an object");
        continue;
      }
      InputReader p((*parties)[i].as_object(), path);
      auto org = p.Id("organization_id", kRequired);
      auto role = p.Enum("role", kRequired, PartyRoles());
      auto errors = p.Finish();
      if (errors.empty()) a.parties->push_back({*org, "", "", *role, "", ""});
      in.Merge(std::move(errors));
    }
  }
  if (const json::object* ns = in.Object("north_star", kOptional)) {
    InputReader n(*ns, "north_star");
    a.statement = n.String("statement", kOptional, kTextMax);
    a.beneficiaries = n.String("beneficiaries", kOptional, kTextMax);
    const json::array* cs = proposing ? nullptr : n.Array("contributions", kOptional, 20);
    if (cs) {
      a.contributions.emplace();
      for (size_t i = 0; i < cs->size(); ++i) {
        const std::string path = "north_star.contributions[" + std::to_string(i) + "]";
        if (!(*cs)[i].is_object()) {
          in.AddError(path, "must be an object");
          continue;
        }
        InputReader c((*cs)[i].as_object(), path);
        auto org = c.Id("organization_id", kRequired);
        auto contribution = c.String("contribution", kOptional, kTextMax);
        auto value = c.String("expected_value", kOptional, kTextMax);
        auto errors = c.Finish();
        if (errors.empty()) {
          a.contributions->push_back({*org, contribution.value_or(""), value.value_or("")});
        }
        in.Merge(std::move(errors));
      }
    }
    in.Merge(n.Finish());
  }
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return a;
}

Result<Response> CreateAlliance(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(AllianceInput input, ReadAllianceInput(body, BodyUse::kCreate));
  NS_ASSIGN_OR_RETURN(AllianceView view, svc.Create(ctx.user(), input));
  return AllianceResponse(201, view);
}

Result<Response> GetAlliance(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(AllianceView view, svc.Get(ctx.user(), ctx.Param("id")));
  return AllianceResponse(200, view);
}

Result<Response> UpdateAlliance(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(AllianceInput input, ReadAllianceInput(body, BodyUse::kUpdate));
  NS_ASSIGN_OR_RETURN(AllianceView view, svc.Update(ctx.user(), ctx.Param("id"), version, input));
  return AllianceResponse(200, view);
}

Result<Response> ListAlliances(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  const auto& q = ctx.request;
  store::AllianceFilter f;
  std::vector<FieldError> errors;
  auto check_enum = [&](const char* name, const std::vector<std::string_view>& allowed,
                        std::optional<std::string>& out) {
    auto v = q.Query(name);
    if (!v || v->empty()) return;
    if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) {
      errors.push_back({name, "is not one of the known values"});
    } else {
      out = *v;
    }
  };
  check_enum("stage", Stages(), f.stage);
  check_enum("type", AllianceTypes(), f.type);
  std::optional<std::string> archived, sort;
  check_enum("archived", {"false", "true", "all"}, archived);
  check_enum("sort", {"name", "-name", "updated_at", "-updated_at", "health", "-health"}, sort);
  if (archived) f.archived = *archived;
  if (sort) f.sort = *sort;
  if (auto tier = q.Query("tier"); tier && !tier->empty()) {
    if (*tier == "1" || *tier == "2" || *tier == "3")
      f.tier = std::stoi(*tier);
    else
      errors.push_back({"tier", "must be 1, 2 or 3"});
  }
  if (auto party = q.Query("party"); party && !party->empty()) {
    if (IsValidId(*party))
      f.party = *party;
    else
      errors.push_back({"party", "must be an organisation id"});
  }
  if (auto text = q.Query("q"); text && !text->empty()) {
    if (Utf8Length(*text) > 200)
      errors.push_back({"q", "must be at most 200 characters"});
    else
      f.query = *text;
  }
  if (!errors.empty()) {
    Error e = Invalid(std::move(errors));
    e.code = ErrorCode::kMalformed;
    return e;
  }
  if (page.cursor) {
    const auto& c = *page.cursor;
    if (c.contains("v") && c.contains("id") && c.at("v").is_string() && c.at("id").is_string() &&
        c.contains("s") && c.at("s").is_string() && c.at("s").as_string() == f.sort) {
      f.after_value = std::string(c.at("v").as_string());
      f.after_id = std::string(c.at("id").as_string());
    } else {
      return Malformed("The cursor belongs to a different sort order; start from the first page.");
    }
  }
  const bool by_name = f.sort == "name" || f.sort == "-name";
  const bool by_health = f.sort == "health" || f.sort == "-health";
  if (by_health && f.after_value && !IsHealthKey(*f.after_value)) {
    return Malformed("The cursor is not one this list gave; start from the first page.");
  }
  return http::PageResponse(
      svc.List(ctx.user(), f, page.limit + 1), page.limit,
      [&ctx](const store::ListedAlliance& r) {
        const access::Membership member{
            r.alliance.id, ctx.user().user_id, r.my_organization_id,
            access::ParseAllianceRole(r.my_role).value_or(access::AllianceRole::kViewer)};
        return AllianceJson(r.alliance, member, r.my_priority, r.open_proposals);
      },
      [&](const store::ListedAlliance& r) {
        return json::object{{"s", f.sort},
                            {"v", by_name     ? r.alliance.name
                                  : by_health ? HealthKey(r.alliance, f.sort.front() == '-')
                                              : r.alliance.updated_at},
                            {"id", r.alliance.id}};
      });
}

Result<Response> Archive(AlliancesService& svc, RequestContext& ctx, bool archived) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  if (!ctx.request.body.empty()) {
    NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
    InputReader in(body);
    NS_TRY(FieldErrorsToStatus(in.Finish()));
  }
  NS_ASSIGN_OR_RETURN(AllianceView view,
                      svc.SetArchived(ctx.user(), ctx.Param("id"), version, archived));
  return AllianceResponse(200, view);
}

Result<Response> GetStage(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(StageView view, svc.GetStage(ctx.user(), ctx.Param("id")));
  json::array allowed, history;
  for (auto s : AllowedNextStages(view.alliance.stage)) allowed.emplace_back(s);
  for (const auto& t : view.history) {
    history.push_back({{"id", t.id},
                       {"from", t.from ? json::value(*t.from) : json::value(nullptr)},
                       {"to", t.to},
                       {"reason", t.reason},
                       {"actor", t.actor_name},
                       {"actor_id", t.actor_id},
                       {"at", t.at}});
  }
  Response r = http::JsonResponse(200, json::object{{"stage", view.alliance.stage},
                                                    {"allowed_next", allowed},
                                                    {"history", history},
                                                    {"version", view.alliance.version}});
  http::SetEtag(r, view.alliance.version);
  return r;
}

Result<Response> MoveStage(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto to = in.Enum("to", kRequired, Stages());
  auto reason = in.String("reason", kRequired, kTextMax, 1);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(AllianceView view,
                      svc.MoveStage(ctx.user(), ctx.Param("id"), version, *to, *reason));
  return AllianceResponse(200, view);
}

json::object ProposalJson(const ProposalView& v) {
  const Proposal& p = v.proposal;
  const json::object before = SharedFieldsJson(p.before), after = SharedFieldsJson(p.after);
  json::array changes, decisions;
  for (auto field : p.after.FieldNames()) {
    changes.push_back({{"field", field}, {"before", before.at(field)}, {"after", after.at(field)}});
  }
  const auto decision_json = [](const ProposalDecision& d) {
    return json::object{{"organization_id", d.organization_id},
                        {"organization_name", d.organization_name},
                        {"decision", d.decision},
                        {"reason", OptionalJson(d.reason)},
                        {"decided_by", d.decided_by},
                        {"decided_by_name", d.decided_by_name},
                        {"decided_at", d.decided_at}};
  };
  for (const auto& d : p.decisions) decisions.push_back(decision_json(d));
  for (const auto& party : v.consenting) {
    if (p.DecisionOf(party.organization_id)) continue;
    decisions.push_back({{"organization_id", party.organization_id},
                         {"organization_name", party.organization_name},
                         {"decision", "pending"},
                         {"reason", nullptr},
                         {"decided_by", nullptr},
                         {"decided_by_name", nullptr},
                         {"decided_at", nullptr}});
  }
  return {{"id", p.id},
          {"alliance_id", p.alliance_id},
          {"status", p.status},
          {"reason", p.reason},
          {"proposed_by", p.proposed_by},
          {"proposed_by_name", p.proposed_by_name},
          {"organization_id", p.organization_id},
          {"organization_name", p.organization_name},
          {"created_at", p.created_at},
          {"closed_at", OptionalJson(p.closed_at)},
          {"version", p.version},
          {"changes", std::move(changes)},
          {"decisions", std::move(decisions)},
          {"can_decide", v.can_decide},
          {"can_withdraw", v.can_withdraw}};
}

Response ProposalResponse(int status, const ProposalView& v) {
  Response r = http::JsonResponse(status, ProposalJson(v));
  http::SetEtag(r, v.proposal.version);
  return r;
}

Result<Response> Propose(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  ProposalInput input;
  NS_ASSIGN_OR_RETURN(input.changes, ReadAllianceInput(body, BodyUse::kPropose, &input.reason));
  NS_ASSIGN_OR_RETURN(ProposalView view, svc.Propose(ctx.user(), ctx.Param("id"), input));
  Response r = ProposalResponse(201, view);
  r.SetHeader("Location",
              "/api/v1/alliances/" + view.proposal.alliance_id + "/proposals/" + view.proposal.id);
  return r;
}

Result<Response> ListProposals(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  std::string status = "all";
  if (auto v = ctx.request.Query("status"); v && !v->empty()) {
    if (*v != "open" && *v != "closed" && *v != "all") {
      return Malformed("status must be open, closed or all.");
    }
    status = *v;
  }
  std::optional<std::pair<std::string, std::string>> after;
  if (page.cursor) {
    auto at = http::CursorText(page, "at"), id = http::CursorText(page, "id");
    if (!at || !id) return Malformed("The cursor is not one this server issued.");
    after = std::make_pair(*at, *id);
  }
  NS_ASSIGN_OR_RETURN(auto proposals, svc.ListProposals(ctx.user(), ctx.Param("id"), status, after,
                                                        page.limit + 1));
  return http::PageResponse(proposals, page.limit, ProposalJson, [](const ProposalView& v) {
    return json::object{{"at", v.proposal.created_at}, {"id", v.proposal.id}};
  });
}

Result<Response> GetProposal(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(ProposalView view,
                      svc.GetProposal(ctx.user(), ctx.Param("id"), ctx.Param("proposal_id")));
  return ProposalResponse(200, view);
}

Result<Response> DecideProposal(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  static const std::vector<std::string_view> kDecisions = {"accept", "reject"};
  auto decision = in.Enum("decision", kRequired, kDecisions);
  auto reason = in.String("reason", kOptional, kNoteMax);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(ProposalView view,
                      svc.DecideProposal(ctx.user(), ctx.Param("id"), ctx.Param("proposal_id"),
                                         version, *decision == "accept", reason));
  return ProposalResponse(200, view);
}

Result<Response> WithdrawProposal(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  if (!ctx.request.body.empty()) {
    NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
    InputReader in(body);
    NS_TRY(FieldErrorsToStatus(in.Finish()));
  }
  NS_ASSIGN_OR_RETURN(ProposalView view, svc.WithdrawProposal(ctx.user(), ctx.Param("id"),
                                                              ctx.Param("proposal_id"), version));
  return ProposalResponse(200, view);
}

Result<Response> ListMembers(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto members, svc.ListMembers(ctx.user(), ctx.Param("id")));
  json::array items;
  for (const auto& m : members) items.push_back(MemberJson(m));
  return http::JsonResponse(200, http::ListBody(std::move(items), std::nullopt));
}

Result<Response> AddMember(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto user = in.Id("user_id", kRequired);
  auto role = in.Enum("role", kRequired, access::AllianceRoleNames());
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(Member m, svc.AddMember(ctx.user(), ctx.Param("id"), *user, *role));
  Response r = http::JsonResponse(201, MemberJson(m));
  http::SetEtag(r, m.version);
  return r;
}

Result<Response> ChangeMember(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto role = in.Enum("role", kRequired, access::AllianceRoleNames());
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(Member m, svc.ChangeMemberRole(ctx.user(), ctx.Param("id"),
                                                     ctx.Param("user_id"), version, *role));
  Response r = http::JsonResponse(200, MemberJson(m));
  http::SetEtag(r, m.version);
  return r;
}

Result<Response> RemoveMember(AlliancesService& svc, RequestContext& ctx) {
  NS_TRY(svc.RemoveMember(ctx.user(), ctx.Param("id"), ctx.Param("user_id")));
  return http::NoContent();
}

Result<NoteInput> ReadNoteInput(const json::object& body, bool creating) {
  InputReader in(body);
  NoteInput n;
  n.title = in.String("title", creating ? kRequired : kOptional, kNameMax, 1);
  n.body = in.String("body", kOptional, kBodyMax);
  n.entry_date = in.Date("entry_date", kOptional);
  n.visibility = in.Enum("visibility", creating ? kRequired : kOptional, access::VisibilityNames());
  n.readers = in.StringArray("readers", kOptional, 50, 36);
  if (n.readers && !n.readers->empty() && n.visibility && *n.visibility != "restricted") {
    in.AddError("readers", "are only allowed with visibility 'restricted'");
  }
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  return n;
}

Result<Response> ListNotes(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  std::optional<std::string> visibility;
  if (auto v = ctx.request.Query("visibility"); v && !v->empty()) {
    if (!access::ParseVisibility(*v))
      return Malformed("visibility must be alliance, party or restricted.");
    visibility = *v;
  }
  std::optional<std::pair<std::string, std::string>> after;
  if (page.cursor) {
    auto date = http::CursorText(page, "d"), id = http::CursorText(page, "id");
    if (!date || !id) return Malformed("The cursor is not one this server issued.");
    after = std::make_pair(*date, *id);
  }
  NS_ASSIGN_OR_RETURN(
      auto notes, svc.ListNotes(ctx.user(), ctx.Param("id"), visibility, after, page.limit + 1));
  return http::PageResponse(notes, page.limit, NoteJson, [](const Note& n) {
    return json::object{{"d", n.entry_date}, {"id", n.id}};
  });
}

Result<Response> GetNote(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Note n, svc.GetNote(ctx.user(), ctx.Param("id"), ctx.Param("note_id")));
  return NoteResponse(200, n);
}

Result<Response> CreateNote(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(NoteInput input, ReadNoteInput(body, true));
  NS_ASSIGN_OR_RETURN(Note n, svc.CreateNote(ctx.user(), ctx.Param("id"), input));
  return NoteResponse(201, n);
}

Result<Response> UpdateNote(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  NS_ASSIGN_OR_RETURN(NoteInput input, ReadNoteInput(body, false));
  NS_ASSIGN_OR_RETURN(
      Note n, svc.UpdateNote(ctx.user(), ctx.Param("id"), ctx.Param("note_id"), version, input));
  return NoteResponse(200, n);
}

Result<Response> DeleteNote(AlliancesService& svc, RequestContext& ctx) {
  NS_TRY(svc.DeleteNote(ctx.user(), ctx.Param("id"), ctx.Param("note_id")));
  return http::NoContent();
}

json::object AuditEventJson(const audit::ListedEvent& e) {
  auto optional = [](const std::string& s) {
    return s.empty() ? json::value(nullptr) : json::value(s);
  };
  return {{"id", e.id},
          {"seq", e.seq},
          {"at", e.at},
          {"actor_id", optional(e.actor_id)},
          {"actor_name", optional(e.actor_name)},
          {"record_type", e.record_type},
          {"record_id", e.record_id},
          {"action", e.action},
          {"changes", e.changes}};
}

Result<Response> ListAudit(AlliancesService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  std::optional<int64_t> before;
  if (page.cursor) {
    if (!page.cursor->contains("seq") || !page.cursor->at("seq").is_int64()) {
      return Malformed("The cursor is not one this server issued.");
    }
    before = page.cursor->at("seq").as_int64();
  }
  NS_ASSIGN_OR_RETURN(auto events,
                      svc.ListAudit(ctx.user(), ctx.Param("id"), before, page.limit + 1));
  return http::PageResponse(events, page.limit, AuditEventJson, [](const audit::ListedEvent& e) {
    return json::object{{"seq", e.seq}};
  });
}

}  // namespace

void RegisterRoutes(http::Router& router, AlliancesService& svc) {
  auto bind = [&svc](Result<Response> (*fn)(AlliancesService&, RequestContext&)) {
    return [&svc, fn](RequestContext& ctx) { return fn(svc, ctx); };
  };
  router.Add("GET", "/api/v1/alliances", bind(ListAlliances));
  router.Add("POST", "/api/v1/alliances", bind(CreateAlliance));
  router.Add("GET", "/api/v1/alliances/{id}", bind(GetAlliance));
  router.Add("PATCH", "/api/v1/alliances/{id}", bind(UpdateAlliance));
  router.Add("POST", "/api/v1/alliances/{id}/archive",
             [&svc](RequestContext& ctx) { return Archive(svc, ctx, true); });
  router.Add("POST", "/api/v1/alliances/{id}/restore",
             [&svc](RequestContext& ctx) { return Archive(svc, ctx, false); });
  router.Add("GET", "/api/v1/alliances/{id}/proposals", bind(ListProposals));
  router.Add("POST", "/api/v1/alliances/{id}/proposals", bind(Propose));
  router.Add("GET", "/api/v1/alliances/{id}/proposals/{proposal_id}", bind(GetProposal));
  router.Add("POST", "/api/v1/alliances/{id}/proposals/{proposal_id}/decision",
             bind(DecideProposal));
  router.Add("POST", "/api/v1/alliances/{id}/proposals/{proposal_id}/withdraw",
             bind(WithdrawProposal));
  router.Add("GET", "/api/v1/alliances/{id}/stage", bind(GetStage));
  router.Add("POST", "/api/v1/alliances/{id}/stage", bind(MoveStage));
  router.Add("GET", "/api/v1/alliances/{id}/members", bind(ListMembers));
  router.Add("POST", "/api/v1/alliances/{id}/members", bind(AddMember));
  router.Add("PATCH", "/api/v1/alliances/{id}/members/{user_id}", bind(ChangeMember));
  router.Add("DELETE", "/api/v1/alliances/{id}/members/{user_id}", bind(RemoveMember));
  router.Add("GET", "/api/v1/alliances/{id}/notes", bind(ListNotes));
  router.Add("POST", "/api/v1/alliances/{id}/notes", bind(CreateNote));
  router.Add("GET", "/api/v1/alliances/{id}/notes/{note_id}", bind(GetNote));
  router.Add("PATCH", "/api/v1/alliances/{id}/notes/{note_id}", bind(UpdateNote));
  router.Add("DELETE", "/api/v1/alliances/{id}/notes/{note_id}", bind(DeleteNote));
  router.Add("GET", "/api/v1/alliances/{id}/audit", bind(ListAudit));
}

}  // namespace northstar::alliances
