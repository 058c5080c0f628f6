#!/usr/bin/env python3
"""Writes demo/70-health.json: the demo's health assessments.

Every sheet answers all 54 items of the bank shipped with Northstar (db/health/default-bank.json),
so the sheets are written by this script rather than by hand: each party has a view of each
dimension (a mean on the 1-5 scale), each person a small, fixed lean of their own. Edit the views
below and run `python3 demo/write-70-health.py`; the file it writes is what the demo loads.
"""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
BANK = json.loads((ROOT / "db/health/default-bank.json").read_text())

# A party's view of each dimension, 1-5 (unlisted dimensions: `rest`).
def view(rest, **dims):
    return {d["key"]: dims.get(d["key"], rest) for d in BANK["dimensions"]}

# People: email, respondent role, their lean (added to their party's view), and what they leave as
# "don't know" (item keys).
HEART_MERIDIAN = [("alice@meridian.example", "alliance_manager", 0.2),
                  ("ben@meridian.example", "team_member", -0.3),
                  ("chloe@meridian.example", "executive_sponsor", 0.4)]
HEART_PULSEWISE = [("dana@pulsewise.example", "alliance_manager", 0.1),
                   ("emeka@pulsewise.example", "team_member", -0.4),
                   ("priya@pulsewise.example", "finance", 0.3)]
CORVANE = [("farah@corvane.example", "alliance_manager", 0.2),
           ("gustav@corvane.example", "team_member", -0.2),
           ("olga@corvane.example", "executive_sponsor", 0.3)]
VELARA = [("nadia@velara.example", "alliance_manager", 0.0),
          ("paulo@velara.example", "team_member", -0.3),
          ("quinn@velara.example", "finance", 0.2)]

# Half a year ago Pulsewise found decision making slow and opaque; after the JSC's action plan
# (a decision log, a pre-read deadline, decisions within two weeks) the gap narrowed.
HEART_H1 = {"meridian": view(3.8, governance=4.3, communication=3.9, execution=3.6, trust=4.0),
            "pulsewise": view(3.4, governance=2.1, communication=2.9, execution=3.3, trust=3.3,
                              conflict=2.8)}
HEART_H2 = {"meridian": view(3.9, governance=4.2, communication=4.0, execution=3.5, trust=4.1),
            "pulsewise": view(3.6, governance=3.5, communication=3.6, execution=3.2, trust=3.7,
                              conflict=3.3)}
BISPECIFIC = {"corvane": view(3.7, value=4.2, commitments=3.9),
              "velara": view(3.4, value=2.6, commitments=3.6, executive_support=2.9)}

COMMENTS = {
    "heart_h1": ["Decisions wait for the next JSC, three months away.",
                 "We do not know who decides what between meetings.",
                 "Pre-reads arrive the night before.",
                 "The budget decision took four months.",
                 "Good people, slow process."],
    "heart_h2": ["The decision log helps: we can see what is pending.",
                 "Pre-reads now come a week ahead.",
                 "Still slow on data-sharing questions.",
                 "The two-week rule is mostly kept.",
                 "Much better than last spring."],
}


def answer(item, mean, lean, index):
    # A fixed spread around the party's view: people do not all answer alike.
    wobble = ((index * 7 + len(item["key"])) % 5 - 2) * 0.25
    v = max(1, min(5, round(mean + lean + wobble)))
    return v if item["scale"] == "agreement" else (v - 1) * 25


def sheet(views, party, lean, person_index, comments=None, dont_know=()):
    answers = []
    n = 0
    for d in BANK["dimensions"]:
        for item in d["items"]:
            value = None if item["key"] in dont_know else answer(item, views[party][d["key"]], lean,
                                                                  person_index + n)
            a = {"item": item["key"], "value": value}
            if comments and d["key"] == "governance" and item is d["items"][0]:
                a["comment"] = comments
            answers.append(a)
            n += 1
    return answers


def respondents(groups):
    return [{"user_id": "{user:%s}" % email, "role": role}
            for people in groups for email, role, _ in people]


# Finance leads do not know how newcomers are brought in.
PEOPLE_FIRST_ITEM = next(d for d in BANK["dimensions"] if d["key"] == "people")["items"][0]["key"]


def submissions(alliance, wave, views, parties, first_day, comments=(), who=None):
    steps = []
    n = 0
    for party, people in parties:
        for email, role, lean in people:
            if who is not None and email not in who:
                n += 1
                continue
            text = comments[n] if n < len(comments) else None
            dont_know = (PEOPLE_FIRST_ITEM,) if role == "finance" else ()
            steps.append({
                "as": email,
                "on": "{today%+d}" % (first_day + len(steps)),
                "post": "/api/v1/alliances/{%s.id}/health-waves/{%s.id}/response/submit" % (alliance, wave),
                "body": {"answers": sheet(views, party, lean, n, text, dont_know)},
            })
            n += 1
    return steps


def main():
    steps = [
        {"about": "The bank shipped with Northstar, for every wave below.",
         "as": "alice@meridian.example", "get": "/api/v1/question-banks", "save": "banks"},
        {"about": "Pulsewise's finance lead joins the heart-failure alliance: three people a side.",
         "as": "dana@pulsewise.example", "post": "/api/v1/alliances/{heart.id}/members",
         "body": {"user_id": "{user:priya@pulsewise.example}", "role": "member"}},
        {"as": "farah@corvane.example", "post": "/api/v1/alliances/{bispecific.id}/members",
         "body": {"user_id": "{user:olga@corvane.example}", "role": "executive"}},
        {"as": "nadia@velara.example", "post": "/api/v1/alliances/{bispecific.id}/members",
         "body": {"user_id": "{user:paulo@velara.example}", "role": "member"}},
        {"as": "nadia@velara.example", "post": "/api/v1/alliances/{bispecific.id}/members",
         "body": {"user_id": "{user:quinn@velara.example}", "role": "member"}},

        {"about": "Half a year ago: the first joint health check of Meridian x Pulsewise.",
         "as": "alice@meridian.example", "on": "{today-200}",
         "post": "/api/v1/alliances/{heart.id}/health-waves", "save": "heart_h1",
         "body": {"title": "Alliance health check, spring", "bank_id": "{banks.items[key=northstar-alliance-health].id}",
                  "opens_on": "{today-199}", "closes_on": "{today-186}",
                  "respondents": respondents([HEART_MERIDIAN, HEART_PULSEWISE])}},
    ]
    heart = [("meridian", HEART_MERIDIAN), ("pulsewise", HEART_PULSEWISE)]
    steps += submissions("heart", "heart_h1", HEART_H1, heart, -198, COMMENTS["heart_h1"])
    steps += [
        {"about": "The JSC takes on the gap on decision making: an action plan from the results.",
         "as": "alice@meridian.example", "on": "{today-180}",
         "post": "/api/v1/alliances/{heart.id}/health-waves/{heart_h1.id}/action-plans", "save": "heart_plan",
         "body": {"dimension_key": "governance",
                  "title": "Decide within two weeks of a proposal: a shared decision log and pre-reads a week ahead",
                  "description": "Pulsewise scored decision making 50 points below Meridian. The JSC keeps a decision log both parties can read, sends pre-reads a week before each meeting and decides between meetings by written procedure when a proposal cannot wait.",
                  "owner_user_id": "{user:dana@pulsewise.example}", "due_on": "{today-120}",
                  "committee_id": "{heart_jsc.id}"}},
        {"as": "alice@meridian.example", "on": "{today-125}",
         "patch": "/api/v1/alliances/{heart.id}/actions/{heart_plan.id}", "if_match": True,
         "body": {"status": "done"}},

        {"about": "Two weeks ago: the second health check; the gap on decision making has narrowed.",
         "as": "alice@meridian.example", "on": "{today-21}",
         "post": "/api/v1/alliances/{heart.id}/health-waves", "save": "heart_h2",
         "body": {"title": "Alliance health check, autumn", "bank_id": "{banks.items[key=northstar-alliance-health].id}",
                  "opens_on": "{today-20}", "closes_on": "{today-7}",
                  "respondents": respondents([HEART_MERIDIAN, HEART_PULSEWISE])}},
    ]
    steps += submissions("heart", "heart_h2", HEART_H2, heart, -19, COMMENTS["heart_h2"])
    steps += [
        {"about": "From the autumn results: communication between JSC meetings.",
         "as": "dana@pulsewise.example", "on": "{today-3}",
         "post": "/api/v1/alliances/{heart.id}/health-waves/{heart_h2.id}/action-plans",
         "body": {"dimension_key": "communication",
                  "title": "A monthly joint update between JSC meetings",
                  "owner_user_id": "{user:emeka@pulsewise.example}", "due_on": "{today+40}",
                  "committee_id": "{heart_team.id}"}},

        {"about": "Open now: a pulse check before the year's last JSC; two people have answered.",
         "as": "alice@meridian.example", "on": "{today-3}",
         "post": "/api/v1/alliances/{heart.id}/health-waves", "save": "heart_pulse",
         "body": {"title": "Pulse check before the December JSC", "bank_id": "{banks.items[key=northstar-alliance-health].id}",
                  "opens_on": "{today-2}", "closes_on": "{today+12}",
                  "respondents": respondents([HEART_MERIDIAN, HEART_PULSEWISE])}},
    ]
    steps += submissions("heart", "heart_pulse", HEART_H2, heart, -2,
                         who={"ben@meridian.example", "emeka@pulsewise.example"})
    steps += [
        {"about": "Corvane-Velara's first health check: Velara doubts the value it gets.",
         "as": "farah@corvane.example", "on": "{today-46}",
         "post": "/api/v1/alliances/{bispecific.id}/health-waves", "save": "bispecific_h1",
         "body": {"title": "First joint health check", "bank_id": "{banks.items[key=northstar-alliance-health].id}",
                  "opens_on": "{today-45}", "closes_on": "{today-31}",
                  "respondents": respondents([CORVANE, VELARA])}},
    ]
    steps += submissions("bispecific", "bispecific_h1", BISPECIFIC,
                         [("corvane", CORVANE), ("velara", VELARA)], -44)
    out = {
        "about": "Health assessments: Meridian x Pulsewise's spring and autumn health checks (a perception gap on decision making that narrowed after the JSC's action plan) and an open pulse check; Corvane-Velara's first health check. The sheets are written by demo/write-70-health.py.",
        "steps": steps,
    }
    # One line per answer, so that a sheet reads as a list.
    sheets = []
    for step in steps:
        if "answers" in step.get("body", {}):
            sheets.append(step["body"]["answers"])
            step["body"]["answers"] = "@sheet%d@" % (len(sheets) - 1)
    text = json.dumps(out, indent=2, ensure_ascii=False)
    for i, answers in enumerate(sheets):
        lines = ",\n".join("            " + json.dumps(a, ensure_ascii=False) for a in answers)
        text = text.replace('"@sheet%d@"' % i, "[\n" + lines + "\n          ]")
    (ROOT / "demo/70-health.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
