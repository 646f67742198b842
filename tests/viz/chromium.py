"""Open a page in headless Chromium and report what happened, over the
DevTools protocol on a pipe (--remote-debugging-pipe: fd 3 in, fd 4 out), so
no extra Python package and no TCP port are needed.

Used by tests/viz/test_viz_chromium.py and scripts/viz_bench.py."""
from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")

# Flags the CI relies on; root needs --no-sandbox. The dead proxy and the
# resolver rule make any accidental request fail instead of reaching out.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)


def find_chromium() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


@dataclass
class PageRun:
    """What one page load did."""

    url: str
    first_draw_ms: float | None = None
    load_ms: float | None = None
    state: dict = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    log_errors: list[str] = field(default_factory=list)
    screenshot: bytes | None = None
    dialogs: list[str] = field(default_factory=list)
    probe: object = None

    @property
    def errors(self) -> list[str]:
        return self.console_errors + self.exceptions + self.log_errors + list(self.state.get("errors") or [])

    @property
    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith("file:") or u.startswith("data:") or u == "about:blank")]


class _Pipe:
    """One DevTools session over the browser's debugging pipe."""

    def __init__(self, proc: subprocess.Popen, write_fd: int, read_fd: int):
        self.proc = proc
        self.write_fd = write_fd
        self.read_fd = read_fd
        self.next_id = 0
        self.messages: queue.Queue = queue.Queue()
        self.events: list[dict] = []
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self.read_fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                self.messages.put(json.loads(raw))
        self.messages.put(None)

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        self.next_id += 1
        my_id = self.next_id
        message = {"id": my_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no answer to {method} within {timeout} s")
            item = self.messages.get(timeout=remaining)
            if item is None:
                raise RuntimeError(f"the browser closed the debugging pipe during {method}")
            if item.get("id") == my_id:
                if "error" in item:
                    raise RuntimeError(f"{method}: {item['error']}")
                return item.get("result", {})
            self.events.append(item)
            if item.get("method") == "Page.javascriptDialogOpening":
                self._dismiss(item.get("sessionId"))

    def _dismiss(self, session: str | None) -> None:
        """A dialog blocks the page: record it (as an event) and close it."""
        self.next_id += 1
        message = {"id": self.next_id, "method": "Page.handleJavaScriptDialog", "params": {"accept": False}}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode("utf-8") + b"\0")

    def drain(self) -> None:
        while True:
            try:
                item = self.messages.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                self.events.append(item)


_STATE_JS = """JSON.stringify((function () {
  var z = window.zangraph || null;
  var canvas = document.querySelector('#zg-network canvas');
  var painted = 0, sampled = 0;
  if (canvas && canvas.width && canvas.height) {
    var ctx = canvas.getContext('2d');
    var img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (var i = 0; i < img.length; i += 4 * 97) { sampled++; if (img[i + 3] > 0) { painted++; } }
  }
  return {present: !!z, firstDrawMs: z && z.firstDrawMs, errors: z ? z.errors : [],
          nodes: z && z.nodes, edges: z && z.edges,
          canvas: !!canvas, canvasWidth: canvas ? canvas.width : 0, canvasHeight: canvas ? canvas.height : 0,
          painted: painted, sampled: sampled,
          drawnText: (document.getElementById('zg-drawn') || {}).textContent || null,
          leftOut: (document.getElementById('zg-left-out') || {}).textContent || null,
          title: document.title};
})())"""


def _describe_exception(params: dict) -> str:
    details = params.get("exceptionDetails", {})
    exc = details.get("exception", {})
    return exc.get("description") or details.get("text") or json.dumps(details)[:300]


class Browser:
    """One headless Chromium; each `open` gets a fresh tab (target), so a test
    module pays the browser's start-up once."""

    def __init__(self, browser: str | None = None, width: int = 1400, height: int = 900) -> None:
        self.binary = browser or find_chromium()
        if not self.binary:
            raise FileNotFoundError("no chromium binary on PATH")
        self.profile = tempfile.mkdtemp(prefix="zg-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire_fds() -> None:  # in the child: the pipe protocol wants fds 3 and 4
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [self.binary, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds, close_fds=False,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self.pipe = _Pipe(self.proc, self._to_child, self._from_child)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.pipe.call("Browser.close", timeout=5)
        except (RuntimeError, TimeoutError, OSError, queue.Empty):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def open(self, html: Path, *, timeout: float = 60.0, screenshot: bool = False, width: int = 1400,
             height: int = 900, probe: str | None = None) -> PageRun:
        """Load `html` from file:// in a new tab with the network off; wait for
        the first draw (window.zangraph.firstDrawMs) or an error; collect
        console errors, uncaught exceptions, dialogs and every request.

        `probe` is a JavaScript expression evaluated after the first draw (it
        may click and type); its JSON-able value lands in `PageRun.probe`."""
        pipe = self.pipe
        url = Path(html).resolve().as_uri()
        run = PageRun(url=url)
        target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        try:
            for domain in ("Page", "Runtime", "Log", "Network"):
                pipe.call(f"{domain}.enable", session=session)
            pipe.call("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1,
                                                           "uploadThroughput": -1}, session=session)
            pipe.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                                                             "deviceScaleFactor": 1, "mobile": False},
                      session=session)
            mine = lambda: (e for e in pipe.events if e.get("sessionId") == session)  # noqa: E731
            start = time.monotonic()
            pipe.call("Page.navigate", {"url": url}, session=session)
            while time.monotonic() < start + timeout:
                value = pipe.call("Runtime.evaluate", {"expression": _STATE_JS, "returnByValue": True},
                                  session=session)["result"].get("value")
                run.state = json.loads(value) if value else {}
                if run.state.get("firstDrawMs") is not None or run.state.get("errors"):
                    break
                if any(e.get("method") == "Runtime.exceptionThrown" for e in mine()):
                    break
                time.sleep(0.05)
            run.load_ms = (time.monotonic() - start) * 1000
            run.first_draw_ms = run.state.get("firstDrawMs")
            if probe is not None:
                answer = pipe.call("Runtime.evaluate", {"expression": probe, "returnByValue": True,
                                                        "awaitPromise": True}, session=session)
                if "exceptionDetails" in answer:
                    run.exceptions.append("probe: " + _describe_exception(answer))
                run.probe = answer.get("result", {}).get("value")
            time.sleep(0.2)  # let late console messages and requests arrive
            value = pipe.call("Runtime.evaluate", {"expression": _STATE_JS, "returnByValue": True},
                              session=session)["result"].get("value")
            run.state = json.loads(value or "{}")
            if screenshot:
                shot = pipe.call("Page.captureScreenshot", {"format": "png"}, session=session)
                run.screenshot = base64.b64decode(shot["data"])
            pipe.drain()
            for event in mine():
                _record(run, event.get("method"), event.get("params", {}))
        finally:
            pipe.call("Target.closeTarget", {"targetId": target})
        return run


def _record(run: PageRun, method: str | None, params: dict) -> None:
    if method == "Network.requestWillBeSent":
        run.requests.append(params["request"]["url"])
    elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        run.console_errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
    elif method == "Page.javascriptDialogOpening":
        run.dialogs.append(f"{params.get('type')}: {params.get('message')}")
    elif method == "Runtime.exceptionThrown":
        run.exceptions.append(_describe_exception(params))
    elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
        entry = params["entry"]
        run.log_errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())


def open_page(html: Path, *, browser: str | None = None, **options) -> PageRun:
    """Start Chromium, load one page (see `Browser.open`), stop Chromium."""
    with Browser(browser) as b:
        return b.open(html, **options)
