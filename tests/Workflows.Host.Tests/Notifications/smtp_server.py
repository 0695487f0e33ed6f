"""A real SMTP server (aiosmtpd) for the host's notification tests; keeps every message it accepts.

Usage: smtp_server.py FOLDER PORT [DELAY]

Each accepted message is written as FOLDER/<id>.eml, the bytes exactly as received, with its
envelope recipients in <id>.json beside it. Prints "ready" once it listens. With DELAY (seconds), the
server waits that long after keeping a message before it answers 250: the window in which a sender
that dies has had its message delivered without knowing it.
"""
import asyncio
import json
import os
import sys
import threading
import uuid

from aiosmtpd.controller import Controller

folder, port = sys.argv[1], int(sys.argv[2])
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
os.makedirs(folder, exist_ok=True)


class Keeper:
    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        # The .eml appears last and by rename, so a test that sees it sees all of it.
        temporary = os.path.join(folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(envelope.original_content)
        os.replace(temporary, os.path.join(folder, name + ".eml"))
        if delay > 0:
            await asyncio.sleep(delay)
        return "250 Message accepted"


controller = Controller(Keeper(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
threading.Event().wait()
