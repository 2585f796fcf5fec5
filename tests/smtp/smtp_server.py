#!/usr/bin/python3
"""A throwaway SMTP server for the reminder tests (aiosmtpd, Debian's python3-aiosmtpd).

Two servers on 127.0.0.1 in one process:
  plain: no TLS, no AUTH, as a local relay would be;
  tls:   STARTTLS with the certificate given, AUTH (PLAIN, LOGIN) required and
         only after STARTTLS, one user and password.
Each message accepted is saved as MAILDIR/<recipient domain>/<n>.eml with
X-Envelope-From / X-Envelope-To headers added on top, so that concurrent tests
that use their own domains never see each other's mail. A recipient whose local
part starts with "refused" is refused with 550 unless MAILDIR/accept/<address>
exists, so a test can make a failure and then its retry succeed.

  smtp_server.py DIR CERT KEY USER PASSWORD
writes DIR/smtp.env (SMTP_PLAIN_URL, SMTP_TLS_URL, SMTP_MAIL_DIR) once both listen.
"""
import asyncio
import os
import socket
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SaveHandler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0]
        if local.startswith("refused") and not os.path.exists(
                os.path.join(self.maildir, "accept", address)):
            return "550 5.1.1 <%s>: recipient refused by the test server" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        for rcpt in envelope.rcpt_tos:
            folder = os.path.join(self.maildir, rcpt.rsplit("@", 1)[-1])
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, "%d-%d.eml" % (os.getpid(), self.count))
            head = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\nX-TLS: %s\r\nX-Auth: %s\r\n" % (
                envelope.mail_from, rcpt, "yes" if session.ssl else "no",
                session.auth_data.login.decode() if session.auth_data else "")
            tmp = path + ".tmp"
            with open(tmp, "wb") as out:
                out.write(head.encode() + envelope.original_content)
            os.rename(tmp, path)
        return "250 Message accepted"


def main():
    dir_, cert, key, user, password = sys.argv[1:6]
    maildir = os.path.join(dir_, "mail")
    os.makedirs(os.path.join(maildir, "accept"), exist_ok=True)
    handler = SaveHandler(maildir)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def plain():
        return SMTP(handler, hostname="plain.test", auth_require_tls=True)

    def tls():
        return SMTP(handler, hostname="tls.test", tls_context=context, require_starttls=True,
                    authenticator=authenticate, auth_required=True, auth_require_tls=True)

    loop = asyncio.new_event_loop()
    plain_port, tls_port = free_port(), free_port()
    loop.run_until_complete(loop.create_server(plain, "127.0.0.1", plain_port))
    loop.run_until_complete(loop.create_server(tls, "127.0.0.1", tls_port))
    env = os.path.join(dir_, "smtp.env")
    with open(env + ".tmp", "w") as out:
        out.write("SMTP_PLAIN_URL=smtp://127.0.0.1:%d\n" % plain_port)
        out.write("SMTP_TLS_URL=smtp://127.0.0.1:%d\n" % tls_port)
        out.write("SMTP_MAIL_DIR=%s\n" % maildir)
    os.rename(env + ".tmp", env)
    loop.run_forever()


if __name__ == "__main__":
    main()
