"""A real SMTP server (aiosmtpd) for the host's notification tests; keeps every message it accepts.

Usage: smtp_server.py FOLDER PORT

Each accepted message is written as FOLDER/<id>.eml, the bytes exactly as received, with its
envelope recipients in <id>.json beside it. Prints "ready" once it listens.
"""
import json
import os
import sys
import threading
import uuid

from aiosmtpd.controller import Controller

folder, port = sys.argv[1], int(sys.argv[2])
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
        return "250 Message accepted"


controller = Controller(Keeper(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
threading.Event().wait()
