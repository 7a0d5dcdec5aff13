#!/usr/bin/python3
"""A real SMTP server for the Alerter's delivery tests (python3-aiosmtpd 1.4.3).

STARTTLS (required when --cert is given), implicit TLS on a second port (--tls-port, same certificate), AUTH
LOGIN/PLAIN (required when --user is given), recipients matching --deny refused with "550 5.7.1 Relaying denied"
and those matching --reject with "550 5.1.1 No such mailbox" at RCPT, and each accepted message written as one .eml file (raw bytes as received) in
--dir, named <sequence>-<acceptance time in ns>.eml. While the file --hold exists, DATA waits before accepting;
a client that disconnects meanwhile gets nothing stored (as a real MTA must not deliver an unacknowledged message).
Prints "READY <port>" when listening (on both ports); stops on SIGTERM.
"""
import argparse, asyncio, fnmatch, os, signal, ssl, sys, threading, time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class UpperAuthSMTP(SMTP):
    # .NET sends "AUTH login"; aiosmtpd matches mechanisms case-sensitively (aiosmtpd issue #542).
    async def smtp_AUTH(self, arg):
        if arg:
            parts = arg.split(maxsplit=1)
            parts[0] = parts[0].upper()
            arg = " ".join(parts)
        return await super().smtp_AUTH(arg)


class Authenticator:
    def __init__(self, user, password):
        self.user, self.password = user.encode(), password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login == self.user and auth_data.password == self.password:
            return AuthResult(success=True)
        # handled=False makes aiosmtpd send 535; success=False alone sends nothing and the client hangs.
        return AuthResult(success=False, handled=False)


class Handler:
    def __init__(self, directory, deny, reject, hold):
        self.directory, self.deny, self.reject, self.hold = directory, deny, reject, hold
        self.lock = threading.Lock()
        self.sequence = len([n for n in os.listdir(directory) if n.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.deny and fnmatch.fnmatch(address, self.deny):
            return "550 5.7.1 Relaying denied"
        if self.reject and fnmatch.fnmatch(address, self.reject):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.hold and os.path.exists(self.hold):
            open(self.hold + ".waiting", "w").close()  # tells the test a DATA is parked
            while os.path.exists(self.hold):
                await asyncio.sleep(0.05)
        transport = server.transport
        if transport is None or transport.is_closing():
            return "451 4.3.0 Client went away"
        with self.lock:
            self.sequence += 1
            name = "%06d-%d.eml" % (self.sequence, time.time_ns())
        temp = os.path.join(self.directory, name + ".tmp")
        with open(temp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(temp, os.path.join(self.directory, name))
        return "250 2.0.0 Message accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--deny")
    p.add_argument("--reject")
    p.add_argument("--tls-port", type=int)
    p.add_argument("--hold")
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    kwargs = {"enable_SMTPUTF8": False}
    implicit = {"enable_SMTPUTF8": False}
    context = None
    if a.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(a.cert, a.key)
        kwargs.update(tls_context=context, require_starttls=True)
    if a.user:
        authenticator = Authenticator(a.user, a.password or "")
        kwargs.update(auth_required=True, auth_require_tls=bool(a.cert), authenticator=authenticator)
        # The implicit-TLS port is encrypted from the first byte; aiosmtpd's require-TLS check knows STARTTLS only.
        implicit.update(auth_required=True, auth_require_tls=False, authenticator=authenticator)
    handler = Handler(a.dir, a.deny, a.reject, a.hold)

    class UpperController(Controller):
        def factory(self):
            return UpperAuthSMTP(self.handler, **self.SMTP_kwargs)

    controller = UpperController(handler, hostname="127.0.0.1", port=a.port, **kwargs)
    controller.start()
    controllers = [controller]
    if a.tls_port:
        tls = UpperController(handler, hostname="127.0.0.1", port=a.tls_port, ssl_context=context, **implicit)
        tls.start()
        controllers.append(tls)
    print("READY %d" % a.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for c in controllers:
        c.stop()


if __name__ == "__main__":
    sys.exit(main())
