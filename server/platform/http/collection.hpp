// A collection of records served from one description: list and create on the collection, read,
// change (If-Match: the version it was read at) and delete on each item. The module says how a
// body is read, which service call answers each request and how a found record is written; the
// routes, the body and version handling and the answers (201 or 200 with the record's ETag, 204
// after a delete) are the same for every record type.
#pragma once

#include <cstdint>
#include <string>

#include "platform/auth/principal.hpp"
#include "platform/common/error.hpp"
#include "platform/common/json.hpp"
#include "platform/http/request_helpers.hpp"
#include "platform/http/router.hpp"

namespace northstar::http {

// `Found` is what the service answers for one record (the record with whatever the module's
// answer needs besides it); `Input` what a body reads as.
template <typename Svc, typename Input, typename Found>
struct Collection {
  std::string name, item;  // "restrictions", "restriction_id": …/restrictions/{restriction_id}
  Result<Response> (*list)(Svc&, RequestContext&);  // filters and order differ per collection
  Result<Input> (*read)(const json::object& body, bool creating);
  Result<Found> (Svc::*get)(const auth::Principal&, const std::string& parent,
                            const std::string& id);
  Result<Found> (Svc::*create)(const auth::Principal&, const std::string& parent, const Input&);
  Result<Found> (Svc::*update)(const auth::Principal&, const std::string& parent,
                               const std::string& id, int64_t version, const Input&);
  Status (Svc::*remove)(const auth::Principal&, const std::string& parent, const std::string& id);
  json::object (*to_json)(const Found&);
  int64_t (*version)(const Found&);
};

// Adds the collection's five routes under `base`, whose path parameter `parent` (for example
// "id" in /api/v1/alliances/{id}) is the first argument of every service call.
template <typename Svc, typename Input, typename Found>
void AddCollection(Router& router, Svc& svc, const std::string& base, const std::string& parent,
                   const Collection<Svc, Input, Found>& c) {
  const std::string collection = base + "/" + c.name;
  const std::string item = collection + "/{" + c.item + "}";
  router.Add("GET", collection, [&svc, c](RequestContext& ctx) { return c.list(svc, ctx); });
  router.Add("POST", collection, [&svc, c, parent](RequestContext& ctx) -> Result<Response> {
    NS_ASSIGN_OR_RETURN(json::object body, JsonBody(ctx.request));
    NS_ASSIGN_OR_RETURN(Input input, c.read(body, true));
    NS_ASSIGN_OR_RETURN(Found found, (svc.*c.create)(ctx.user(), ctx.Param(parent), input));
    return One(201, c.to_json(found), c.version(found));
  });
  router.Add("GET", item, [&svc, c, parent](RequestContext& ctx) -> Result<Response> {
    NS_ASSIGN_OR_RETURN(Found found,
                        (svc.*c.get)(ctx.user(), ctx.Param(parent), ctx.Param(c.item)));
    return One(200, c.to_json(found), c.version(found));
  });
  router.Add("PATCH", item, [&svc, c, parent](RequestContext& ctx) -> Result<Response> {
    NS_ASSIGN_OR_RETURN(int64_t version, RequireIfMatch(ctx.request));
    NS_ASSIGN_OR_RETURN(json::object body, JsonBody(ctx.request));
    NS_ASSIGN_OR_RETURN(Input input, c.read(body, false));
    NS_ASSIGN_OR_RETURN(Found found, (svc.*c.update)(ctx.user(), ctx.Param(parent),
                                                     ctx.Param(c.item), version, input));
    return One(200, c.to_json(found), c.version(found));
  });
  router.Add("DELETE", item, [&svc, c, parent](RequestContext& ctx) -> Result<Response> {
    NS_TRY((svc.*c.remove)(ctx.user(), ctx.Param(parent), ctx.Param(c.item)));
    return NoContent();
  });
}

}  // namespace northstar::http
