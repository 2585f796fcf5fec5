#!/usr/bin/env python3
"""Writes a W3C IRC meeting log as RRSAgent keeps it, LINES lines long, with
many scribe edits, for bench/minutes_vs_peers.sh.

    bench/make_irc_log.py OUT.txt LINES

About one line in eight is an edit: most fix a word a few lines back (as
scribes do); one in 40 a line about half the log back, one in 40 finds
nothing and one in 40 replaces globally (s/old/new/g). Lines are short (about
40 bytes) so that 100,000 of them fit plenary's 4 MiB input limit. So the edits grow with the log and
a reader that scans back for each is quadratic. Deterministic: the same
LINES gives the same bytes.
"""
import random
import sys


def main():
    out, lines = sys.argv[1], int(sys.argv[2])
    rng = random.Random(lines)
    nicks = ["ann", "bob_", "cy", "dee", "eve", "fay"]
    people = ["Ann Lee", "Bob Ray", "Cy Dunn", "Dee Moss", "Eve Hart", "Fay Ng"]
    words = "the draft spec test issue review editor agreed browser feature".split()
    log = []
    seconds = 14 * 3600

    def say(nick, text):
        nonlocal seconds
        seconds = min(seconds + rng.randint(0, 4), 24 * 3600 - 1)
        h, m, s = seconds // 3600, seconds // 60 % 60, seconds % 60
        log.append(f"{h:02}:{m:02}:{s:02} <{nick}> {text}")

    say("RRSAgent", "logging to https://www.w3.org/2024/05/07-bench-irc")
    say("ann", "Meeting: Bench Working Group Teleconference")
    say("ann", "Chair: Ann")
    say("bob_", "scribenick: bob_")
    say("ann", "present+ " + ", ".join(people))
    block = 0
    while len(log) < lines:
        block += 1
        if block % 50 == 1:
            say("bob_", f"Topic: Item {block}")
        speaker = rng.choice(people).split()[0]
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 6)))
        say("bob_", f"{speaker}: marker{block} {text}")
        for _ in range(rng.randint(2, 8)):
            say("bob_", "... " + " ".join(rng.choice(words) for _ in range(rng.randint(1, 4))))
        if block % 7 == 0:
            say("bob_", f"ACTION: {speaker} to follow up on marker{block} by 14 May")
        if block % 11 == 0:
            say("bob_", f"RESOLUTION: accept marker{block} as proposed")
        if rng.random() < 0.25:
            say(rng.choice(nicks), " ".join(rng.choice(words) for _ in range(rng.randint(2, 6))))
        kind = block % 40
        if kind == 0:
            # Half the log back, on the text that block's own edit left.
            say("bob_", f"s/marker {block // 2} /marker {block // 2}b /")
        elif kind == 10:
            say("bob_", f"s/missing{block}/found/")  # finds nothing
        elif kind == 20:
            say("bob_", f"s/marker{block} /mk{block} /g")
        else:
            say("bob_", f"s/marker{block} /marker {block} /")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(log[:lines]) + "\n")


if __name__ == "__main__":
    main()
