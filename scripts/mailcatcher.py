#!/usr/bin/python3
"""The demo's local mail catcher: a real SMTP server (aiosmtpd) on loopback that stores every message it
accepts as an .eml file and prints one line per message, so a newcomer can read the Alerter's actual email.

Usage: /usr/bin/python3 scripts/mailcatcher.py --port 18025 --dir run/mail
"""
import argparse
import asyncio
import email
import email.policy
import os
import re
import signal
import time

from aiosmtpd.controller import Controller


class SaveToDirectory:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        subject = str(message.get("Subject", ""))
        slug = re.sub(r"[^A-Za-z0-9]+", "-", subject)[:60].strip("-") or "no-subject"
        path = os.path.join(self.directory, f"{time.strftime('%Y%m%d-%H%M%S')}-{self.count:04d}-{slug}.eml")
        with open(path, "wb") as handle:
            handle.write(envelope.original_content or envelope.content)
        print(f"{time.strftime('%H:%M:%S')} mail to {', '.join(envelope.rcpt_tos)}: {subject}  ->  {path}", flush=True)
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(SaveToDirectory(args.dir), hostname="127.0.0.1", port=args.port)
    controller.start()
    print(f"mail catcher listening on 127.0.0.1:{args.port}, saving to {args.dir}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
