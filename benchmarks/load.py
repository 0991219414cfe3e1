"""Load on the production set-up, on loopback only: N concurrent users on real pages and the API (issue 7).

Run from the repository root: `.venv/bin/python benchmarks/load.py [--users 200] [--seconds 45]`.
It starts, in a temporary folder, what production runs: a PostgreSQL cluster (as bin/test does,
on 127.0.0.1; as the postgres user when run as root), the demo mechanism loaded into it with
`revmod demo`, and gunicorn serving revmod.wsgi with REVMOD_PRODUCTION=1 behind a pretend TLS
proxy (X-Forwarded-Proto). Then each of ACCOUNTS demo people logs in for real (password, then
the TOTP code of their authenticator) and gets an API token; USERS virtual users share those
sessions (several tabs each) and loop, with a think time, over: their reviews, one review, one
document, the notifications, the public home and a country page, and the API's list of reviews.
Everything stops and is deleted at the end. Prints only `name: value` lines:
errors, requests, throughput (requests/s), p50/p95/p99 latency (ms), per kind of request.

The issue asks for 2 minutes (`--seconds 120`); the project's benchmarks finish within a
minute, hence the default of 20 seconds of load after about 35 of set-up (the people log in
in parallel). Needs PostgreSQL (Debian's postgresql package, as bin/test installs).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def pg_bin() -> Path:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    sys.exit("load: PostgreSQL is not installed (apt-get install postgresql)")


class Postgres:
    """A throwaway cluster on loopback, durability off, like bin/test's."""

    def __init__(self, work: Path):
        self.bin, self.data, self.port = pg_bin(), work / "pg", free_port()
        self.root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = ["runuser", "-u", "postgres", "--", *args] if self.root else list(args)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd="/tmp")

    def start(self) -> str:
        self.data.mkdir(mode=0o700)
        if self.root:
            os.chmod(self.data.parent, 0o711)
            shutil.chown(self.data, "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        options = (f"-h {HOST} -p {self.port} -k {self.data} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=300")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.data / "server.log"), "-w", "start",
                  "-o", options)
        self._run(str(self.bin / "createdb"), "-h", HOST, "-p", str(self.port), "-U", "postgres", "revmod")
        return f"postgres://postgres@{HOST}:{self.port}/revmod"

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")


SETUP = """
import sys
from revmod.accounts.domain import create_api_token
from revmod.accounts.models import User
from revmod.demo.cast import CAST, DEMO_PASSWORD, totp_key
emails = [m.email for m in CAST if m.key != "ngo"]
others = User.objects.filter(email__startswith="fp.", nominations__isnull=False).exclude(email__in=emails)
emails += sorted(set(others.values_list("email", flat=True)))
for email in emails[: int(sys.argv[1])]:
    print(email, create_api_token(User.objects.get(email=email), name="load"), totp_key(email), DEMO_PASSWORD)
"""


@dataclass
class Account:
    email: str
    token: str
    totp_key: str
    password: str
    cookies: dict[str, str] = field(default_factory=dict)
    reviews: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)


class Http:
    """One keep-alive connection per virtual user; cookies of the shared session; a TLS proxy's header."""

    def __init__(self, port: int):
        self.port, self.conn = port, None

    def request(self, method: str, path: str, *, account: Account | None = None, body: dict | None = None,
                api: bool = False) -> tuple[int, bytes, http.client.HTTPResponse]:
        headers = {"Host": f"{HOST}:{self.port}", "X-Forwarded-Proto": "https", "Accept-Language": "en",
                   "Referer": f"https://{HOST}:{self.port}{path}"}
        if account and api:
            headers["Authorization"] = f"Bearer {account.token}"
        elif account and account.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in account.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn = None  # the server closed an idle keep-alive connection: once more
                if attempt == 2:
                    raise
        if account is not None and not api:
            for header in response.headers.get_all("Set-Cookie") or []:
                for key, morsel in SimpleCookie(header).items():
                    account.cookies[key] = morsel.value
        return response.status, content, response


def totp(key_hex: str) -> str:
    import hashlib
    import hmac
    import struct

    counter = int(time.time()) // 30
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def csrf(content: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()


def log_in(port: int, account: Account) -> None:
    """The real login: the form with the password, then the code of the authenticator."""
    client = Http(port)
    _status, page, _r = client.request("GET", "/accounts/login/", account=account)
    status, _c, _r = client.request("POST", "/accounts/login/", account=account,
                                    body={"csrfmiddlewaretoken": csrf(page), "username": account.email, "password": account.password})
    assert status == 302, f"login of {account.email}: {status}"
    _status, page, _r = client.request("GET", "/accounts/verify/", account=account)
    status, _c, response = client.request("POST", "/accounts/verify/", account=account,
                                          body={"csrfmiddlewaretoken": csrf(page), "token": totp(account.totp_key)})
    assert status == 302 and "/verify/" not in response.headers.get("Location", ""), f"second factor of {account.email}"
    _status, page, _r = client.request("GET", "/reviews/", account=account)
    account.reviews = sorted(set(re.findall(rb'href="(/reviews/\d+/)"', page)))[:5] or [b"/reviews/"]
    _status, page, _r = client.request("GET", account.reviews[0].decode(), account=account)
    account.documents = sorted(set(re.findall(rb'href="(/documents/\d+/)"', page)))[:5]


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str | None = None) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")


def virtual_user(port: int, account: Account, until: float, think: float, results: Results, rng: random.Random) -> None:
    client = Http(port)
    journey = [("reviews", lambda: "/reviews/", False), ("review", lambda: rng.choice(account.reviews).decode(), False),
               ("document", lambda: rng.choice(account.documents).decode() if account.documents else "/reviews/", False),
               ("notifications", lambda: "/notifications/", False), ("public home", lambda: "/", False),
               ("public country", lambda: "/countries/GHA/", False), ("api reviews", lambda: "/api/v1/reviews/", True)]
    time.sleep(rng.uniform(0, think))  # users do not all arrive in the same millisecond
    while time.monotonic() < until:
        kind, path, api = rng.choice(journey)
        started = time.monotonic()
        try:
            status, _content, response = client.request("GET", path(), account=account, api=api)
            location = response.headers.get("Location", "")
            error = None if status == 200 else f"{status} {location}"
        except Exception as exc:  # noqa: BLE001 - every failure counts as an error, whatever its kind
            client.conn, error = None, f"{type(exc).__name__}: {exc}"
        results.add(kind, time.monotonic() - started, error)
        time.sleep(rng.uniform(0, 2 * think))


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("load: gunicorn stopped")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("load: gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=200, help="concurrent virtual users (default 200)")
    parser.add_argument("--seconds", type=float, default=20, help="duration of the load (default 20; the issue's is 120)")
    parser.add_argument("--accounts", type=int, default=20, help="demo people who log in; users share their sessions")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a user's requests, seconds")
    parser.add_argument("--workers", type=int, default=max(2, (os.cpu_count() or 1) + 1))
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="revmod-load-"))
    postgres, server = Postgres(work), None
    try:
        started = time.monotonic()
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("REVMOD_")},
               "DATABASE_URL": postgres.start(), "REVMOD_PRODUCTION": "1", "REVMOD_SECRET_KEY": secrets.token_urlsafe(50),
               "REVMOD_ALLOWED_HOSTS": HOST, "REVMOD_SSL_REDIRECT": "0", "REVMOD_DATA_DIR": str(work / "data"),
               "REVMOD_DB_CONN_MAX_AGE": "60", "REVMOD_EMAIL_URL": f"file://{work / 'outbox'}",
               "DJANGO_SETTINGS_MODULE": "revmod.settings", "PYTHONPATH": str(ROOT / "src")}
        revmod = [PYTHON, "-m", "django"]
        static = subprocess.Popen([*revmod, "collectstatic", "--noinput", "-v", "0"], env=env, cwd=work)  # meanwhile
        subprocess.run([*revmod, "demo"], env=env, check=True, stdout=subprocess.DEVNULL, cwd=work)
        if static.wait() != 0:
            sys.exit("load: collectstatic failed")
        setup = subprocess.run([*revmod, "shell", "-c", SETUP.replace("int(sys.argv[1])", str(args.accounts))],
                               env=env, check=True, capture_output=True, text=True, cwd=work)
        accounts = [Account(*line.split()) for line in setup.stdout.split("\n") if line.startswith(("fp.", "expert", "obs", "secr"))]
        port = free_port()
        server = subprocess.Popen([str(Path(PYTHON).with_name("gunicorn")), "revmod.wsgi:application", "--bind", f"{HOST}:{port}",
                                   "--workers", str(args.workers), "--threads", str(args.threads), "--backlog", "2048",
                                   "--keep-alive", "30", "--log-level", "warning"], env=env, cwd=work)
        wait_for(port, server)
        print(f"load_setup_database_seconds: {time.monotonic() - started:.1f}")
        logins = [threading.Thread(target=log_in, args=(port, account)) for account in accounts]
        for login in logins:
            login.start()
        for login in logins:
            login.join()
        if any(not account.reviews for account in accounts):
            sys.exit("load: a demo person could not log in")
        print(f"load_setup_seconds: {time.monotonic() - started:.1f}")
        results, until = Results(), time.monotonic() + args.seconds
        rng = random.Random(7)
        users = [threading.Thread(target=virtual_user, daemon=True,
                                  args=(port, accounts[i % len(accounts)], until, args.think, results, random.Random(rng.random())))
                 for i in range(args.users)]
        began = time.monotonic()
        for user in users:
            user.start()
        for user in users:
            user.join(timeout=args.seconds + 120)
        elapsed = time.monotonic() - began
        report(args, results, elapsed)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        postgres.stop()
        shutil.rmtree(work, ignore_errors=True)


def report(args, results: Results, elapsed: float) -> None:
    every = [s for values in results.latencies.values() for s in values]
    print(f"load_users: {args.users}")
    print(f"load_seconds: {elapsed:.1f}")
    print(f"load_requests: {len(every)}")
    print(f"load_errors: {len(results.errors)}")
    print(f"load_throughput_rps: {len(every) / elapsed:.1f}")
    for q in (50, 95, 99):
        print(f"load_p{q}_ms: {percentile(every, q) * 1000:.0f}")
    for kind, values in sorted(results.latencies.items()):
        slug = kind.replace(" ", "_")
        print(f"load_{slug}_p50_ms: {percentile(values, 50) * 1000:.0f}")
        print(f"load_{slug}_p95_ms: {percentile(values, 95) * 1000:.0f}")
    for error in sorted(set(results.errors))[:10]:
        print(f"load_error_example: {error}", file=sys.stderr)


if __name__ == "__main__":
    main()
