#!/usr/bin/python3
"""Reads a message saved by smtp_server.py with Python's own e-mail parser (an
independent reader of what plenary wrote) and prints it as JSON: every header
decoded (RFC 2047), the defects Python found, and each leaf part with its type,
file name and decoded text.

  parse_mail.py FILE.eml
"""
import email
import email.policy
import json
import sys

with open(sys.argv[1], "rb") as f:
    message = email.message_from_binary_file(f, policy=email.policy.default)

parts = []
for part in message.walk():
    if part.is_multipart():
        continue
    parts.append({
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "filename": part.get_filename(),
        "disposition": part.get_content_disposition(),
        "text": part.get_content(),
    })
print(json.dumps({
    "headers": {k: str(v) for k, v in message.items()},
    "content_type": message.get_content_type(),
    "alternative": [p.get_content_type() for p in message.walk()
                    if p.get_content_type() == "multipart/alternative"],
    "defects": [str(d) for p in message.walk() for d in p.defects],
    "parts": parts,
}))
