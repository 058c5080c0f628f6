#include "app/demo.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "app/demo_template.hpp"
#include "modules/accounts/service.hpp"
#include "platform/auth/auth.hpp"
#include "platform/common/ids.hpp"
#include "platform/http/message.hpp"
#include "platform/http/router.hpp"

namespace northstar::demo {
namespace {

// Every demo address ends with this domain (reserved for examples), so demo people can be
// recognised, and never collide with real accounts.
constexpr char kDemoDomain[] = ".example";
constexpr std::string_view kMethods[] = {"get", "post", "patch", "put", "delete"};

json::object ParseFile(const DataFile& file) {
  auto parsed = ParseJsonObject(file.text);
  if (!parsed.ok()) {
    throw std::runtime_error("demo: " + file.name + " is not valid JSON: " + parsed.error().detail);
  }
  return std::move(parsed).value();
}

std::string Text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// A request's body: its text and media type.
struct BodyText {
  std::string text, content_type;
};
using Body = std::optional<BodyText>;

// One person's signed-in browser session.
struct Session {
  std::string cookie, csrf_token;
};

// Replays the steps of the data files through the router, signing each person in as they first
// act and out at the end.
class Replay {
 public:
  Replay(accounts::AccountsService& accounts, const http::Router& router)
      : accounts_(accounts), router_(router), bindings_(Date::Today()) {}

  // Signs out everyone the replay signed in.
  void SignOut() {
    for (const auto& [email, session] : sessions_) {
      Call(email, "POST", "/api/v1/auth/logout", std::nullopt, std::nullopt);
    }
    sessions_.clear();
  }

  // The file's organisations and people, created as `northstar org create` and `user create` do.
  void CreateAccounts(const json::object& file) {
    if (const auto* orgs = file.if_contains("organizations")) {
      for (const auto& o : orgs->as_array()) {
        const auto& org = o.as_object();
        const std::string website = Text(org, "website");
        const auto created = Must(
            accounts_.CreateOrganization(std::nullopt, Text(org, "name"), Text(org, "type"),
                                         website.empty() ? std::nullopt : std::optional(website)),
            Text(org, "name"));
        bindings_.AddOrganization(Text(org, "key"), created.id);
      }
    }
    if (const auto* people = file.if_contains("people")) {
      for (const auto& p : people->as_array()) {
        const auto& person = p.as_object();
        const std::string email = Text(person, "email");
        const std::string password = RandomSecret(18);
        const auto org = bindings_.Lookup("org:" + Text(person, "organization"));
        const auto* admin = person.if_contains("admin");
        const auto user =
            Must(accounts_.CreateUser(std::string(org.as_string()), email, Text(person, "name"),
                                      admin && admin->as_bool(), password),
                 email);
        bindings_.AddPerson(email, user.id, password);
      }
    }
  }

  void Run(const std::string& file, const json::array& steps) {
    for (size_t i = 0; i < steps.size(); ++i) {
      try {
        RunStep(steps[i].as_object());
      } catch (const std::exception& e) {
        throw std::runtime_error("demo: " + file + ", step " + std::to_string(i + 1) + ": " +
                                 e.what());
      }
    }
  }

 private:
  template <typename T>
  static T Must(Result<T> result, const std::string& what) {
    if (!result.ok()) throw std::runtime_error(what + ": " + result.error().detail);
    return std::move(result).value();
  }

  void RunStep(const json::object& step) {
    std::string method, path;
    for (const auto& [key, value] : step) {
      const auto m = std::find(std::begin(kMethods), std::end(kMethods), key);
      if (m != std::end(kMethods)) {
        method = *m;
        path = value.as_string();
      } else if (key != "as" && key != "body" && key != "raw" && key != "content_type" &&
                 key != "if_match" && key != "save" && key != "each" && key != "about" &&
                 key != "on") {
        throw std::invalid_argument("unknown key \"" + std::string(key) + "\"");
      }
    }
    if (method.empty()) throw std::invalid_argument("a step names get, post, patch, put or delete");
    std::transform(method.begin(), method.end(), method.begin(), ::toupper);
    // A step of the alliance's history: the server takes that day for today while it runs.
    std::optional<PretendToday> on;
    if (const auto* day = step.if_contains("on")) {
      const auto date = Date::Parse(bindings_.ExpandText(day->as_string()));
      if (!date) throw std::invalid_argument("\"on\" is not a day");
      on.emplace(*date);
    }
    if (const auto* each = step.if_contains("each")) {
      const json::value items = bindings_.Expand(*each);
      if (!items.is_array()) throw std::invalid_argument("\"each\" names something not a list");
      for (const auto& item : items.get_array()) {
        bindings_.Save("item", item);
        Perform(step, method, path);
      }
      bindings_.Forget("item");
      return;
    }
    Perform(step, method, path);
  }

  void Perform(const json::object& step, const std::string& method, const std::string& path) {
    const std::string as = Text(step, "as");
    const std::string target = bindings_.ExpandText(path);
    std::optional<std::string> if_match;
    if (const auto* read = step.if_contains("if_match")) {
      // The version the person's page read before the change: from the ETag of the step's own
      // path or of another, or a version within a saved answer (an agenda item's, say).
      const std::string from = read->is_bool() ? target : bindings_.ExpandText(read->as_string());
      if (read->is_bool() || from.starts_with('/')) {
        if_match = Call(as, "GET", from, std::nullopt, std::nullopt).Header("ETag");
        if (!if_match) throw std::runtime_error("GET " + from + " gave no ETag");
      } else {
        if_match = "\"" + from + "\"";
      }
    }
    Body body;
    if (const auto* b = step.if_contains("body")) {
      body = BodyText{Serialize(bindings_.Expand(*b)), "application/json"};
    } else if (const auto* raw = step.if_contains("raw")) {
      // A file as the person would upload it: its bytes as written, its media type.
      body = BodyText{std::string(raw->as_string()), Text(step, "content_type")};
    }
    const http::Response response = Call(as, method, target, body, if_match);
    if (const auto* save = step.if_contains("save")) {
      bindings_.Save(std::string(save->as_string()),
                     response.body.empty() ? json::value() : json::parse(response.body));
    }
  }

  // Sends one request as `email` (or anonymously when empty); throws unless it succeeds.
  http::Response Call(const std::string& email, const std::string& method,
                      const std::string& target, const Body& body,
                      const std::optional<std::string>& if_match) {
    http::Request request;
    request.method = method;
    request.target = target;
    const size_t question = target.find('?');
    if (!http::PercentDecode(target.substr(0, question), request.path, false) ||
        (question != std::string::npos &&
         !http::ParseQuery(std::string_view(target).substr(question + 1), request.query))) {
      throw std::invalid_argument("malformed path " + target);
    }
    request.remote_address = "127.0.0.1";
    request.request_id = "demo";
    if (body) {
      request.body = body->text;
      request.headers.emplace_back("content-type", body->content_type);
    }
    if (!email.empty()) {
      const Session& session = SignedIn(email);
      request.headers.emplace_back("cookie",
                                   std::string(auth::kSessionCookie) + "=" + session.cookie);
      request.headers.emplace_back("x-csrf-token", session.csrf_token);
    }
    if (if_match) request.headers.emplace_back("if-match", *if_match);
    http::Response response = router_.Handle(request);
    if (response.status >= 300) {
      throw std::runtime_error(method + " " + target + (email.empty() ? "" : " as " + email) +
                               " answered " + std::to_string(response.status) + ": " +
                               response.body);
    }
    return response;
  }

  // Signs the person in through the API the first time they act, as they would in a browser.
  const Session& SignedIn(const std::string& email) {
    if (const auto it = sessions_.find(email); it != sessions_.end()) return it->second;
    const json::object credentials{{"email", email}, {"password", bindings_.PasswordOf(email)}};
    const http::Response response =
        Call("", "POST", "/api/v1/auth/login", BodyText{Serialize(credentials), "application/json"},
             std::nullopt);
    const std::string cookie = response.Header("Set-Cookie").value_or("");
    const size_t start = cookie.find('=') + 1, end = cookie.find(';');
    Session session{cookie.substr(start, end - start),
                    std::string(json::parse(response.body).at("csrf_token").as_string())};
    return sessions_.emplace(email, std::move(session)).first->second;
  }

  accounts::AccountsService& accounts_;
  const http::Router& router_;
  Bindings bindings_;
  std::map<std::string, Session> sessions_;
};

}  // namespace

std::vector<DataFile> FilesIn(const std::string& directory) {
  std::vector<DataFile> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({entry.path().filename().string(), text.str()});
  }
  std::sort(files.begin(), files.end(),
            [](const DataFile& a, const DataFile& b) { return a.name < b.name; });
  if (files.empty()) throw std::runtime_error("demo: no *.json files in " + directory);
  return files;
}

bool LoadIfEmpty(accounts::AccountsService& accounts, const http::Router& router,
                 const std::vector<DataFile>& files) {
  if (!accounts.ListOrganizations("", std::nullopt, 1).empty()) return false;
  Replay replay(accounts, router);
  for (const auto& file : files) {
    const json::object data = ParseFile(file);
    replay.CreateAccounts(data);
    if (const auto* steps = data.if_contains("steps")) replay.Run(file.name, steps->as_array());
  }
  replay.SignOut();
  return true;
}

std::vector<SignIn> ResetDemoPasswords(accounts::AccountsService& accounts,
                                       const std::vector<DataFile>& files) {
  std::vector<SignIn> out;
  for (const auto& file : files) {
    const json::object data = ParseFile(file);
    const auto* people = data.if_contains("people");
    if (!people) continue;
    for (const auto& p : people->as_array()) {
      const std::string email = Text(p.as_object(), "email");
      if (!email.ends_with(kDemoDomain)) continue;
      auto reset = accounts.ResetPassword(email);
      if (!reset.ok()) continue;  // not in this database (it was loaded from other data)
      out.push_back({reset->organization.name, reset->user.name, reset->user.email, reset->password,
                     reset->user.org_role == "admin" ? "organisation admin" : "member"});
    }
  }
  return out;
}

}  // namespace northstar::demo
