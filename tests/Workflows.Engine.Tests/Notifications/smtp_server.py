"""A real SMTP server (aiosmtpd) for the notification tests; keeps every message it accepts.

Usage: smtp_server.py FOLDER PORT

Each accepted message is written as FOLDER/messages/<id>.eml (the bytes exactly as received)
with its envelope in <id>.json beside it. Control files in FOLDER, read on every command,
let a test make the server misbehave the way real ones do:
  reject.txt      addresses (one a line) refused at RCPT TO with 550
  stop-after.txt  a number N: after N accepted messages the process dies at the next command,
                  without replying, like a server that crashes or loses its network
Prints "ready" once it listens.
"""
import json
import os
import sys
import threading
import uuid

from aiosmtpd.controller import Controller

folder, port = sys.argv[1], int(sys.argv[2])
messages = os.path.join(folder, "messages")
os.makedirs(messages, exist_ok=True)


def control_lines(name):
    try:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            return [line.strip().lower() for line in f if line.strip()]
    except FileNotFoundError:
        return []


class Keeper:
    def __init__(self):
        self.accepted = 0

    def die_if_stopped(self):
        limit = control_lines("stop-after.txt")
        if limit and self.accepted >= int(limit[0]):
            os._exit(0)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.die_if_stopped()
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in control_lines("reject.txt"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        with open(os.path.join(messages, name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        # Written aside and renamed, so the test never reads half a message.
        temporary = os.path.join(folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(envelope.original_content)
        os.replace(temporary, os.path.join(messages, name + ".eml"))
        self.accepted += 1
        return "250 Message accepted"


controller = Controller(Keeper(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
threading.Event().wait()
