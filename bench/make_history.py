#!/usr/bin/env python3
"""Writes a long-lived group's history as ICANN-format notes (doc/notes-format.md),
the shape bench/register_bench.cc builds in memory: MEETINGS meetings (default 1,000),
each with 20 new items in its action table and 10 reviews of earlier open items in its
summary notes (every third marked complete), half of 30 members present, two decisions.
   bench/make_history.py DIR [MEETINGS]
writes DIR/roster.txt and DIR/bench-plenary-N.txt; `plenary import --roster
DIR/roster.txt DIR/bench-plenary-*.txt` records them (group BENCH)."""
import datetime
import os
import random
import sys

NEW_ITEMS = 20
REVIEWS = 10
MEMBERS = 30
SYLLABLES = ["ka", "ri", "to", "mel", "san", "dor", "vi", "len",
             "pra", "gu", "zen", "tal", "bo", "nir", "fe", "quo"]


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(3))


def roster():
    lines = ["group: BENCH", "name: Benchmark Review Team", "active: 2000-01-01 to 2040-12-31", ""]
    lines += [f"Member {i} | member | M{i}" for i in range(MEMBERS)]
    return "\n".join(lines) + "\n"


def meeting(number, date, rng, texts):
    out = [f"BENCH Plenary Meeting #{number} - {date.isoformat()} @ 06:00 UTC", ""]
    out.append("Attendees: " + ", ".join(f"Member {i}" for i in range(0, MEMBERS, 2)))
    out.append("Apologies: Member 1")
    out += ["", f"Action Items Plenary #{number}", "| Action | Owner | Due Date |", "|---|---|---|"]
    due = (date + datetime.timedelta(days=14)).isoformat()
    earlier = len(texts)
    for _ in range(NEW_ITEMS):
        text = (f"Prepare the {word(rng)} {word(rng)} {word(rng)} paper on {word(rng)} "
                f"for the {word(rng)} session.")
        texts.append(text)
        out.append(f"| {text} | Member {rng.randrange(MEMBERS)} | {due} |")
    out += ["", f"\tDecisions Made Plenary #{number}", "",
            f"\tTeam agreed to adopt the {word(rng)} {word(rng)} framework for meeting {number}.",
            f"\tTeam agreed to publish the {word(rng)} {word(rng)} report after meeting {number}.",
            "", "SUMMARY NOTES:", "", "1. Review open action items list"]
    review_due = (date + datetime.timedelta(days=7)).isoformat()
    for i in range(REVIEWS if earlier else 0):
        text = texts[rng.randrange(earlier)][: -len(" session.")]
        done = " Mark action item as complete." if i % 3 == 0 else ""
        out.append(f"- {text} (due {review_due}).{done}")
    out += ["", "END OF MEETING", ""]
    return "\n".join(out)


def main():
    directory = sys.argv[1]
    meetings = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(42)
    with open(os.path.join(directory, "roster.txt"), "w") as f:
        f.write(roster())
    texts = []
    start = datetime.date(2001, 1, 2)
    for m in range(meetings):
        date = start + datetime.timedelta(days=7 * m)
        with open(os.path.join(directory, f"bench-plenary-{m + 1}.txt"), "w") as f:
            f.write(meeting(m + 1, date, rng, texts))


main()
