#!/usr/bin/env python3
"""A long MeetBot meeting, written both as MeetBot's text log and as
hcoop-meetbot's raw JSON log, for bench/meetbot_vs_peers.sh.

  make_meetbot_log.py LINES OUT_PREFIX
writes OUT_PREFIX.log.txt and OUT_PREFIX.log.json (the same meeting: 40 nicks,
a topic every 500 lines, an action naming two nicks every 200, an #info every
50, an #agreed every 1,000; one line a second from 2024-01-10 10:00 UTC)."""
import datetime
import json
import sys


def lines(count):
    start = datetime.datetime(2024, 1, 10, 10, 0, 0)
    nicks = [f"member{i:02d}" for i in range(40)]
    yield start, "chair", "#startmeeting bench"
    for n in range(1, count - 1):
        at = start + datetime.timedelta(seconds=n)
        nick = nicks[n % len(nicks)]
        if n % 1000 == 0:
            yield at, "chair", f"#agreed point {n} stands as discussed"
        elif n % 500 == 0:
            yield at, "chair", f"#topic Item {n // 500}"
        elif n % 200 == 0:
            other = nicks[(n * 7) % len(nicks)]
            yield at, nick, f"#action {other} and {nick} to follow up on point {n}"
        elif n % 50 == 0:
            yield at, nick, f"#info note {n} from {nick}"
        else:
            yield at, nick, f"said line {n}"
    yield start + datetime.timedelta(seconds=count - 1), "chair", "#endmeeting"


def main():
    count, prefix = int(sys.argv[1]), sys.argv[2]
    messages = []
    with open(prefix + ".log.txt", "w", encoding="utf-8") as text:
        for i, (at, nick, payload) in enumerate(lines(count)):
            text.write(f"{at:%H:%M:%S} <{nick}> {payload}\n")
            messages.append({"id": f"id-{i}", "sender": nick, "payload": payload,
                             "action": False, "timestamp": at.isoformat()})
    meeting = {
        "founder": "chair", "channel": "#bench", "network": "bench", "id": "bench",
        "name": "bench", "chair": "chair", "chairs": ["chair"], "nicks": {},
        "start_time": messages[0]["timestamp"], "end_time": messages[-1]["timestamp"],
        "active": False, "original_topic": None, "current_topic": None,
        "messages": messages, "events": [], "aliases": {},
        "vote_in_progress": False, "motion_index": None,
    }
    with open(prefix + ".log.json", "w", encoding="utf-8") as out:
        json.dump(meeting, out, indent=2)


if __name__ == "__main__":
    main()
