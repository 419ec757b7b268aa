"""`legalrules serve` as a user starts it: a real process on loopback, the token from a file, uvicorn workers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "murder_summons_to_arrest.yaml"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _serving(log: Path, *args: str) -> Iterator[str]:
    """`legalrules serve` on a free loopback port, its output (the access log among it) written to `log`."""
    port = _free_port()
    command = [sys.executable, "-m", "legalrules", "serve", "--port", str(port), *args]
    env = {k: v for k, v in os.environ.items() if k != "LEGALRULES_TOKEN"}
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "serve did not come up"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_with_token_file_and_two_workers(tmp_path: Path) -> None:
    """`serve --token-file F --workers 2` binds loopback, requires the token, and answers evaluations."""
    token = tmp_path / "token"
    token.write_text("t0ken\n", encoding="utf-8")
    log = tmp_path / "serve.log"
    with _serving(log, "--token-file", str(token), "--workers", "2") as url:
        assert httpx.get(f"{url}/v1/rulesets").status_code == 401
        answer = httpx.post(f"{url}/v1/evaluate", content=EXAMPLE.read_bytes(),
                            headers={"authorization": "Bearer t0ken"}, timeout=60)
        assert answer.status_code == 200 and answer.json()["case_id"] == "京公刑〔2025〕0929"
        listed = httpx.get(f"{url}/v1/notices", params={"case": EXAMPLE.read_text(encoding="utf-8")},
                           headers={"authorization": "Bearer t0ken"}, timeout=60)
        assert listed.status_code == 200 and listed.json()["case_id"] == "京公刑〔2025〕0929"
    written = log.read_text(encoding="utf-8", errors="replace")
    assert "GET /v1/notices?case=[" in written and "characters withheld]" in written  # the access line ...
    assert "case%3A" not in written and "%E4%BA%AC" not in written  # ... without the case's facts (case:, 京)


def test_serve_refuses_an_unreadable_token_file(tmp_path: Path) -> None:
    """A missing token file is bad input: exit 2, the file named, nothing served."""
    done = subprocess.run([sys.executable, "-m", "legalrules", "serve", "--token-file", str(tmp_path / "nope")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and str(tmp_path / "nope") in done.stderr and "Traceback" not in done.stderr
