#include "modules/accounts/routes.hpp"

#include "platform/access/policy.hpp"
#include "platform/common/time.hpp"
#include "platform/http/request_helpers.hpp"

namespace northstar::accounts {
namespace {

using http::RequestContext;
using http::Response;
constexpr auto kRequired = northstar::Presence::kRequired;
constexpr auto kOptional = northstar::Presence::kOptional;

json::object InvitationJson(const store::InvitationRow& row) {
  const Invitation& i = row.invitation;
  return {{"id", i.id},
          {"email", i.email},
          {"name", i.name},
          {"organization_id", i.organization_id},
          {"organization_name", row.organization_name},
          {"alliance_id", OptionalJson(i.alliance_id)},
          {"alliance_name", OptionalJson(row.alliance_name)},
          {"alliance_role", OptionalJson(i.alliance_role)},
          {"invited_by", i.invited_by},
          {"created_at", i.created_at},
          {"expires_at", i.expires_at},
          {"status", InvitationStatus(i, NowText())}};
}

json::object TokenJson(const store::TokenRow& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"prefix", t.prefix},
          {"user_id", t.user_id},
          {"created_at", t.created_at},
          {"last_used_at", OptionalJson(t.last_used_at)},
          {"expires_at", OptionalJson(t.expires_at)},
          {"revoked_at", OptionalJson(t.revoked_at)}};
}

Response SignedInResponse(const SignedIn& s, const http::Request& request, int ttl_minutes) {
  Response r =
      http::JsonResponse(200, json::object{{"user", UserJson(s.user)},
                                           {"organization", OrganizationJson(s.organization)},
                                           {"csrf_token", s.session.csrf_token}});
  r.SetHeader("Set-Cookie",
              auth::SessionCookieHeader(s.session.cookie_value, ttl_minutes * 60, request.secure));
  r.user_id = s.user.id;
  return r;
}

Result<Response> Login(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto email = in.String("email", kRequired, 254, 1);
  auto password = in.String("password", kRequired, kMaxPasswordLength, 1);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(SignedIn signed_in,
                      svc.Login(*email, *password, auth::CallerOf(ctx.request)));
  return SignedInResponse(signed_in, ctx.request, svc.config().session_ttl_minutes);
}

Result<Response> Logout(AccountsService& svc, RequestContext& ctx) {
  svc.Logout(ctx.user());
  Response r = http::NoContent();
  r.SetHeader("Set-Cookie", auth::ClearedCookieHeader(ctx.request.secure));
  return r;
}

Result<Response> Me(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(auto me, svc.Me(ctx.user()));
  return http::JsonResponse(
      200, json::object{{"user", UserJson(me.first)},
                        {"organization", OrganizationJson(me.second)},
                        {"csrf_token", ctx.user().via_cookie() ? json::value(ctx.user().csrf_token)
                                                               : json::value(nullptr)}});
}

Result<Response> ListOrganizations(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  auto orgs = svc.ListOrganizations(ctx.request.Query("q").value_or(""),
                                    http::CursorText(page, "k"), page.limit + 1);
  return http::PageResponse(orgs, page.limit, OrganizationJson, [](const Organization& o) {
    return json::object{{"k", NameKey(o.name)}};
  });
}

Result<Response> CreateOrganization(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto name = in.String("name", kRequired, 200, 1);
  auto type = in.Enum("type", kRequired, OrganizationTypes());
  auto website = in.String("website", northstar::Presence::kNullable, 2048);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  if (website && website->empty()) website.reset();
  NS_ASSIGN_OR_RETURN(Organization org,
                      svc.CreateOrganization(ctx.principal, *name, *type, website));
  Response r = http::JsonResponse(201, OrganizationJson(org));
  http::SetEtag(r, org.version);
  return r;
}

Result<Response> GetOrganization(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(Organization org, svc.GetOrganization(ctx.Param("id")));
  Response r = http::JsonResponse(200, OrganizationJson(org));
  http::SetEtag(r, org.version);
  return r;
}

Result<Response> UpdateOrganization(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  OrganizationChanges changes;
  changes.name = in.String("name", kOptional, 200, 1);
  changes.type = in.Enum("type", kOptional, OrganizationTypes());
  changes.clear_website = in.IsNull("website");
  changes.website = in.String("website", northstar::Presence::kNullable, 2048);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  if (changes.website && changes.website->empty())
    changes.website.reset(), changes.clear_website = true;
  NS_ASSIGN_OR_RETURN(Organization org,
                      svc.UpdateOrganization(ctx.user(), ctx.Param("id"), version, changes));
  Response r = http::JsonResponse(200, OrganizationJson(org));
  http::SetEtag(r, org.version);
  return r;
}

Result<Response> ListUsers(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  auto users = svc.ListUsers(ctx.user(), http::CursorText(page, "id"), page.limit + 1);
  return http::PageResponse(users, page.limit, UserJson, [](const User& u) {
    return json::object{{"id", u.id}};
  });
}

Result<Response> GetUser(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(User user, svc.GetUser(ctx.user(), ctx.Param("id")));
  Response r = http::JsonResponse(200, UserJson(user));
  http::SetEtag(r, user.version);
  return r;
}

Result<Response> UpdateUser(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(int64_t version, http::RequireIfMatch(ctx.request));
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  UserChanges changes;
  changes.name = in.String("name", kOptional, 200, 1);
  changes.org_role = in.Enum("org_role", kOptional, OrgRoles());
  changes.active = in.Bool("active", kOptional);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(User user, svc.UpdateUser(ctx.user(), ctx.Param("id"), version, changes));
  Response r = http::JsonResponse(200, UserJson(user));
  http::SetEtag(r, user.version);
  return r;
}

Result<Response> CreateInvitation(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  NewInvitation inv;
  auto email = in.String("email", kRequired, 254, 1);
  auto name = in.String("name", kRequired, 200, 1);
  auto org = in.Id("organization_id", kRequired);
  inv.alliance_id = in.Id("alliance_id", kOptional);
  inv.alliance_role = in.Enum("alliance_role", kOptional, access::AllianceRoleNames());
  if (email && !IsPlausibleEmail(*email)) in.AddError("email", "is not a valid e-mail address");
  if (inv.alliance_role && !inv.alliance_id) {
    in.AddError("alliance_role", "is only meaningful with alliance_id");
  }
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  inv.email = *email;
  inv.name = *name;
  inv.organization_id = *org;
  NS_ASSIGN_OR_RETURN(CreatedInvitation created, svc.Invite(ctx.user(), inv));
  return http::JsonResponse(
      201,
      json::object{{"invitation", InvitationJson(created.row)},
                   {"accept_url", svc.AcceptUrl(created.token, http::RequestOrigin(ctx.request))},
                   {"token", created.token}});
}

Result<Response> ListInvitations(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(http::Page page, http::ReadPage(ctx.request));
  auto rows = svc.ListInvitations(ctx.user(), http::CursorText(page, "id"), page.limit + 1);
  return http::PageResponse(rows, page.limit, InvitationJson, [](const store::InvitationRow& r) {
    return json::object{{"id", r.invitation.id}};
  });
}

Result<Response> LookupInvitation(AccountsService& svc, RequestContext& ctx) {
  auto token = ctx.request.Query("token");
  if (!token || token->empty() || token->size() > 200) {
    return NotFound("This invitation link is unknown, used or expired; ask for a new one.");
  }
  NS_ASSIGN_OR_RETURN(store::InvitationRow row, svc.LookupInvitation(*token));
  return http::JsonResponse(
      200, json::object{{"email", row.invitation.email},
                        {"name", row.invitation.name},
                        {"organization_name", row.organization_name},
                        {"alliance_id", OptionalJson(row.invitation.alliance_id)},
                        {"alliance_name", OptionalJson(row.alliance_name)},
                        {"alliance_role", OptionalJson(row.invitation.alliance_role)},
                        {"invited_by_name", row.invited_by_name},
                        {"invited_by_organization_name", row.invited_by_organization_name},
                        {"expires_at", row.invitation.expires_at}});
}

Result<Response> AcceptInvitation(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto token = in.String("token", kRequired, 200, 1);
  auto password = in.String("password", kRequired, kMaxPasswordLength, 1);
  auto name = in.String("name", kOptional, 200, 1);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(SignedIn signed_in,
                      svc.AcceptInvitation(*token, *password, name, auth::CallerOf(ctx.request)));
  return SignedInResponse(signed_in, ctx.request, svc.config().session_ttl_minutes);
}

Result<Response> RevokeInvitation(AccountsService& svc, RequestContext& ctx) {
  NS_TRY(svc.RevokeInvitation(ctx.user(), ctx.Param("id")));
  return http::NoContent();
}

Result<Response> ListTokens(AccountsService& svc, RequestContext& ctx) {
  json::array items;
  for (const auto& t : svc.ListTokens(ctx.user())) items.push_back(TokenJson(t));
  return http::JsonResponse(200, http::ListBody(std::move(items), std::nullopt));
}

Result<Response> CreateToken(AccountsService& svc, RequestContext& ctx) {
  NS_ASSIGN_OR_RETURN(json::object body, http::JsonBody(ctx.request));
  InputReader in(body);
  auto name = in.String("name", kRequired, 200, 1);
  auto days = in.Integer("expires_in_days", kOptional, 1, 3650);
  NS_TRY(FieldErrorsToStatus(in.Finish()));
  NS_ASSIGN_OR_RETURN(auto created, svc.CreateToken(ctx.user(), *name, days));
  return http::JsonResponse(
      201, json::object{{"token", TokenJson(created.first)}, {"secret", created.second}});
}

Result<Response> RevokeToken(AccountsService& svc, RequestContext& ctx) {
  NS_TRY(svc.RevokeToken(ctx.user(), ctx.Param("id")));
  return http::NoContent();
}

}  // namespace

json::object UserJson(const User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"organization_id", u.organization_id},
          {"org_role", u.org_role},
          {"active", u.active},
          {"version", u.version},
          {"created_at", u.created_at}};
}

json::object OrganizationJson(const Organization& o) {
  return {{"id", o.id},           {"name", o.name},
          {"type", o.type},       {"website", OptionalJson(o.website)},
          {"version", o.version}, {"created_at", o.created_at}};
}

void RegisterRoutes(http::Router& router, AccountsService& svc) {
  using http::Access;
  auto bind = [&svc](Result<Response> (*fn)(AccountsService&, RequestContext&)) {
    return [&svc, fn](RequestContext& ctx) { return fn(svc, ctx); };
  };
  const http::RouteOptions kPublic{Access::kPublic, http::Work::kDatabase};
  // Sign-in and accepting an invitation hash a password: on the hashing pool.
  const http::RouteOptions kPublicHashing{Access::kPublic, http::Work::kPasswordHashing};
  router.Add("POST", "/api/v1/auth/login", bind(Login), kPublicHashing);
  router.Add("POST", "/api/v1/auth/logout", bind(Logout));
  router.Add("POST", "/api/v1/auth/sessions/revoke-all",
             bind([](AccountsService& s, RequestContext& ctx) -> Result<Response> {
               s.RevokeAllSessions(ctx.user());
               Response r = http::NoContent();
               r.SetHeader("Set-Cookie", auth::ClearedCookieHeader(ctx.request.secure));
               return r;
             }));
  router.Add("GET", "/api/v1/me", bind(Me));
  router.Add("GET", "/api/v1/organizations", bind(ListOrganizations));
  router.Add("POST", "/api/v1/organizations", bind(CreateOrganization));
  router.Add("GET", "/api/v1/organizations/{id}", bind(GetOrganization));
  router.Add("PATCH", "/api/v1/organizations/{id}", bind(UpdateOrganization));
  router.Add("GET", "/api/v1/users", bind(ListUsers));
  router.Add("GET", "/api/v1/users/{id}", bind(GetUser));
  router.Add("PATCH", "/api/v1/users/{id}", bind(UpdateUser));
  router.Add("GET", "/api/v1/invitations", bind(ListInvitations));
  router.Add("POST", "/api/v1/invitations", bind(CreateInvitation));
  router.Add("GET", "/api/v1/invitations/lookup", bind(LookupInvitation), kPublic);
  router.Add("POST", "/api/v1/invitations/accept", bind(AcceptInvitation), kPublicHashing);
  router.Add("DELETE", "/api/v1/invitations/{id}", bind(RevokeInvitation));
  router.Add("GET", "/api/v1/tokens", bind(ListTokens));
  router.Add("POST", "/api/v1/tokens", bind(CreateToken));
  router.Add("DELETE", "/api/v1/tokens/{id}", bind(RevokeToken));
}

}  // namespace northstar::accounts
