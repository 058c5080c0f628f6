// How the demo's data files refer to what earlier steps created, to people and organisations, and
// to days relative to the day the demo is loaded (see demo/README.md). Pure: no database, no HTTP.
//
// A reference is written in braces inside any string of a step:
//   {today} {today+20} {today-5}         a day relative to today ("YYYY-MM-DD")
//   {org:meridian}                       the id of the organisation with that key
//   {user:ben@meridian.example}          the id of that person
//   {password:ben@meridian.example}      that person's password (to accept an invitation)
//   {heart.id} {plan.items[0].id}        a field of what a step saved as "heart", "plan"...
//   {reports.items[-2].due_on+9}         ...a day field, moved by days; [-1] is the last item
//   {reports.items[1:-1]}                ...a slice of a list (Python's rules), for "each"
//   {milestones.items[title=DiGA listing].id}   ...the first item whose field has that text
// A string that is exactly one reference becomes the value it names (a number stays a number, a
// list stays a list); otherwise each reference is written into the text. Braces are never literal.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "platform/common/date.hpp"
#include "platform/common/json.hpp"

namespace northstar::demo {

class Bindings {
 public:
  explicit Bindings(Date today) : today_(today) {}

  void Save(const std::string& name, json::value value) { saved_[name] = std::move(value); }
  void Forget(const std::string& name) { saved_.erase(name); }
  void AddOrganization(const std::string& key, const std::string& id) { organizations_[key] = id; }
  void AddPerson(const std::string& email, const std::string& id, const std::string& password) {
    people_[email] = {id, password};
  }
  const std::string& PasswordOf(const std::string& email) const;

  // `value` with every reference in its strings replaced. Throws std::invalid_argument naming
  // the reference that is malformed or names nothing.
  json::value Expand(const json::value& value) const;
  std::string ExpandText(std::string_view text) const;
  // What one reference (without its braces) names.
  json::value Lookup(std::string_view reference) const;

 private:
  struct Person {
    std::string id, password;
  };
  Date today_;
  std::map<std::string, json::value, std::less<>> saved_;
  std::map<std::string, std::string, std::less<>> organizations_;
  std::map<std::string, Person, std::less<>> people_;
};

}  // namespace northstar::demo
