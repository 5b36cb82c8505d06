"""Load: 20 simultaneous users of the web UI each draft and check through the named API, on loopback.
Every one gets an answer, and each gets its own client back (no cross-talk between sessions)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from gradio_client import Client

pytestmark = pytest.mark.slow
USERS = 20


def one_user(url: str, n: int) -> tuple[int, float, dict, dict]:
    started = time.perf_counter()
    client = Client(url, verbose=False, download_files=False)
    contact = f"Person{n:02d} Tester"
    situation = {"client": {"name": f"Client {n:02d} Ltd", "contact": contact}, "language": "en" if n % 2 else "ru",
                 "reasons": ["the scope keeps growing"], "end_date": "2027-03-01"}
    result = client.predict(situation, "email", "composer", api_name="/draft")
    report = client.predict(f"Dear {contact}, you always ignore our emails!!", "en", "email", api_name="/check")
    return n, time.perf_counter() - started, result, report


def test_twenty_simultaneous_users_get_their_own_drafts(ui_url):
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=USERS) as pool:
        outcomes = list(pool.map(lambda n: one_user(ui_url, n), range(USERS)))
    wall = time.perf_counter() - started
    assert len(outcomes) == USERS
    for n, _, result, report in outcomes:
        assert result["compliant"] and result["backend"] == "composer"
        assert f"Person{n:02d}" in result["text"]
        assert all(f"Person{m:02d}" not in result["text"] for m in range(USERS) if m != n)
        assert report["passed"] is False
        assert {"accusation", "absolute", "exclamation"} <= {v["rule"] for v in report["violations"]}
    slowest = max(seconds for _, seconds, _, _ in outcomes)
    print(f"\n{USERS} users: all served in {wall:.1f} s wall, slowest user {slowest:.1f} s")
    assert wall < 120
