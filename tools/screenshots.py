"""Render the ticket form, its chatter, the kanban, the report and a team to PNG
files, for the README.

Run by tools/screenshots.sh against a throwaway demo database served on loopback:

    screenshots.py URL DATABASE OUTPUT_DIR

It drives headless Chromium through the DevTools protocol (websocket-client), as
the admin user of the demo database, whose language is Spanish (Ecuador).
"""

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

WIDTH, HEIGHT = 1280, 900
TIMEOUT = 60
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--remote-debugging-address=127.0.0.1",
    f"--window-size={WIDTH},{HEIGHT}",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Odoo:
    """The JSON-RPC calls the script needs, as the demo admin."""

    def __init__(self, url, database):
        self.url = url
        self.session = requests.Session()
        self.call(
            "/web/session/authenticate",
            {"db": database, "login": "admin", "password": "admin"},
        )

    def call(self, path, params):
        response = self.session.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        result = response.json()
        if "error" in result:
            raise RuntimeError(result["error"]["data"]["message"])
        return result["result"]

    def execute(self, model, method, *args, **kwargs):
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self.call("/web/dataset/call_kw", params)

    def xmlid(self, module, name):
        rows = self.execute(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            ["res_id"],
        )
        return rows[0]["res_id"]


class Chromium:
    """One headless Chromium page, driven through the DevTools protocol."""

    def __init__(self):
        binary = shutil.which("chromium") or shutil.which("google-chrome")
        if not binary:
            sys.exit("screenshots: no chromium on PATH")
        self.profile = tempfile.mkdtemp(prefix="gserp_shots_chrome_")
        port = free_port()
        self.process = subprocess.Popen(
            [
                binary,
                *CHROME_FLAGS,
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.socket = websocket.create_connection(
            self._page_ws_url(port), timeout=TIMEOUT, suppress_origin=True
        )
        self.next_id = 0
        self.send("Page.enable")
        # The web client shows times in the browser's zone: the company's is Ecuador's.
        self.send("Emulation.setTimezoneOverride", timezoneId="America/Guayaquil")
        self.resize(HEIGHT)

    def _page_ws_url(self, port):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                targets = requests.get(
                    f"http://127.0.0.1:{port}/json/list", timeout=5
                ).json()
            except requests.ConnectionError:
                time.sleep(0.2)
                continue
            pages = [target for target in targets if target["type"] == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.2)
        raise RuntimeError("Chromium did not open its DevTools port")

    def send(self, method, **params):
        self.next_id += 1
        self.socket.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.3)
        raise RuntimeError(f"timed out waiting for {what}")

    def open(self, url, ready_selector):
        self.send("Page.navigate", url=url)
        self.wait_for(
            f"!!document.querySelector({json.dumps(ready_selector)})", ready_selector
        )
        # Let fonts, avatars and the chatter's messages settle.
        self.wait_for("document.fonts.status === 'loaded'", "fonts")
        time.sleep(1.5)

    def resize(self, height):
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def capture(self, selector, path):
        """Save the element matched by selector, in full, to a PNG file."""
        # The form scrolls inside its own pane: make the window as tall as the
        # pane's content so that nothing is cut, and hide passing notifications.
        height = self.evaluate(
            "(() => { const pane = document.querySelector('.o_content');"
            " return pane.scrollHeight + pane.getBoundingClientRect().top; })()"
        )
        self.resize(max(HEIGHT, int(height) + 40))
        time.sleep(1)
        self.evaluate(
            "document.querySelectorAll('.o_notification_manager')"
            ".forEach((el) => el.remove())"
        )
        box = self.evaluate(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " const r = el.getBoundingClientRect();"
            " return {x: r.left + scrollX, y: r.top + scrollY,"
            " width: r.width, height: Math.max(r.height, el.scrollHeight)}; })()"
        )
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={**box, "scale": 1},
        )
        Path(path).write_bytes(base64.b64decode(shot["data"]))
        self.resize(HEIGHT)
        print(f"screenshots: wrote {path}")

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=TIMEOUT)
        shutil.rmtree(self.profile, ignore_errors=True)


def log_note_with_attachment(odoo, ticket_id):
    """Step 12 on the demo ticket, as the chatter does it."""
    attachment_id = odoo.execute(
        "ir.attachment",
        "create",
        {
            "name": "orden_de_trabajo.pdf",
            "datas": base64.b64encode(b"%PDF-1.4 orden de trabajo").decode(),
            "res_model": "mail.compose.message",
            "res_id": 0,
        },
    )
    odoo.execute(
        "gserp.ticket",
        "message_post",
        [ticket_id],
        body="Orden de trabajo firmada por la propietaria.",
        message_type="comment",
        subtype_xmlid="mail.mt_note",
        attachment_ids=[attachment_id],
    )


def main(url, database, output):
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    odoo = Odoo(url, database)
    ticket_id = odoo.xmlid("gserp_tickets", "gserp_ticket_fence_demo")
    action = f"{url}/odoo/action-gserp_tickets.gserp_ticket_action"

    chromium = Chromium()
    try:
        chromium.send(
            "Network.setCookie",
            name="session_id",
            value=odoo.session.cookies["session_id"],
            url=url,
        )
        chromium.open(f"{action}/new", ".o_gserp_form .o_field_widget[name=code_state]")
        chromium.capture(".o_action_manager", output / "ticket_new.png")

        chromium.open(f"{action}/{ticket_id}", ".o_gserp_form .o-mail-Message")
        chromium.capture(".o_form_sheet_bg", output / "ticket_form.png")

        log_note_with_attachment(odoo, ticket_id)
        chromium.open(f"{action}/{ticket_id}", ".o-mail-Message .o-mail-AttachmentCard")
        chromium.capture(".o-mail-Form-chatter", output / "ticket_chatter.png")

        chromium.open(
            f"{action}?view_type=kanban",
            ".o_kanban_record .o_field_widget[name=sla_state] .badge",
        )
        chromium.capture(".o_action_manager", output / "ticket_kanban.png")

        at_risk_id = odoo.xmlid("gserp_tickets", "gserp_ticket_signal_demo")
        chromium.open(
            f"{action}/{at_risk_id}", ".o_gserp_form .o_field_widget[name=sla_state]"
        )
        chromium.capture(".o_form_sheet_bg", output / "ticket_sla.png")

        analysis = f"{url}/odoo/action-gserp_tickets.gserp_ticket_analysis_action"
        chromium.open(analysis, ".o_pivot table tbody tr")
        chromium.capture(".o_action_manager", output / "ticket_analysis.png")

        team_id = odoo.xmlid("gserp_tickets", "gserp_ticket_team_control_centre_demo")
        chromium.open(
            f"{url}/odoo/action-gserp_tickets.gserp_ticket_team_action/{team_id}",
            ".o_form_view .o_field_widget[name=alias_name]",
        )
        chromium.capture(".o_form_sheet_bg", output / "ticket_team.png")
    finally:
        chromium.close()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    os.umask(0o022)
    main(*sys.argv[1:])
