"""`revmod serve`: the whole platform in one command, for the embedded set-up and small sites.

It applies the migrations, collects the static files, then runs two child processes until
Ctrl-C or SIGTERM: the web server (gunicorn, threaded workers, `revmod.wsgi:application`)
and the background task worker (django-tasks-db's `db_worker`), and stops both cleanly.

In production run the two under your supervisor instead (systemd units, containers), each
on its own so that they restart and scale separately (docs/deployment.md):

    revmod migrate --noinput && revmod collectstatic --noinput    # at each release
    gunicorn revmod.wsgi:application --bind 127.0.0.1:8000 --workers 4 --threads 4
    revmod db_worker                                             # one or more
    revmod run-scheduler                                         # from cron, e.g. hourly

`revmod serve` also runs that scheduler itself, every hour (`--no-scheduler` to leave it to cron).
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

STOP_GRACE_SECONDS = 20
SCHEDULER_SECONDS = 3600  # `revmod run-scheduler` is idempotent: hourly catches a missed day soon


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def _die_with_parent() -> None:
    """In the child (Linux): get SIGTERM if `revmod serve` itself dies, even by SIGKILL."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: Ctrl-C and SIGTERM still work
        pass


def _accepts(host: str, port: int) -> bool:
    """Whether something listens on host:port (a wildcard address is tried on loopback)."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host.strip("[]"), host)
    try:
        with socket.create_connection((host.strip("[]"), port), timeout=0.5):
            return True
    except OSError:
        return False


class Command(BaseCommand):
    help = (
        "Run the platform: apply migrations, collect static files, then run the web server "
        "(gunicorn) and the background task worker (db_worker) until Ctrl-C or SIGTERM. "
        "For the embedded set-up and small sites; in production run "
        "`gunicorn revmod.wsgi:application` and `revmod db_worker` separately under a "
        "supervisor (see docs/deployment.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host",
            default="127.0.0.1",
            help="Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).",
        )
        parser.add_argument(
            "--port",
            type=_positive_int,
            default=int(os.environ.get("PORT") or 8000),
            help="Port to listen on (default $PORT, else 8000).",
        )
        parser.add_argument(
            "--workers",
            type=_positive_int,
            default=int(os.environ.get("WEB_CONCURRENCY") or 2),
            help="Web server processes (default $WEB_CONCURRENCY, else 2).",
        )
        parser.add_argument(
            "--threads",
            type=_positive_int,
            default=4,
            help="Threads per web server process (default 4).",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not run the background task worker (run `revmod db_worker` yourself).",
        )
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Do not run the notice scheduler (run `revmod run-scheduler` from cron yourself).",
        )
        parser.add_argument(
            "--no-migrate",
            action="store_true",
            help="Skip `migrate` and `collectstatic` (already done at release time).",
        )

    def handle(self, *args, **options) -> None:
        verbosity = options["verbosity"]
        host, port = options["host"], options["port"]
        data_dir = getattr(settings, "DATA_DIR", None)
        if data_dir is not None:  # the embedded set-up's SQLite file, uploads, outbox
            os.makedirs(data_dir, exist_ok=True)
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=max(0, verbosity - 1))
            call_command("collectstatic", interactive=False, verbosity=0)

        env = os.environ.copy()
        env.setdefault("DJANGO_SETTINGS_MODULE", settings.SETTINGS_MODULE)
        bind_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
        commands: dict[str, list[str]] = {
            "web server": [
                sys.executable,
                "-m",
                "gunicorn",
                "revmod.wsgi:application",
                "--bind",
                f"{bind_host}:{port}",
                "--workers",
                str(options["workers"]),
                "--threads",
                str(options["threads"]),
                "--worker-class",
                "gthread",
                "--graceful-timeout",
                str(STOP_GRACE_SECONDS - 5),
                "--access-logfile",
                "-",
                "--error-logfile",
                "-",
                *self._gunicorn_extra_args(),
            ],
        }
        if not options["no_worker"]:
            backend = str(settings.TASKS.get("default", {}).get("BACKEND", ""))
            if backend.startswith("django_tasks_db"):
                commands["task worker"] = [
                    sys.executable,
                    "-m",
                    "django",
                    "db_worker",
                    "--verbosity",
                    str(verbosity),
                ]
            else:
                self.stderr.write(
                    f"Tasks backend is {backend!r}, not django_tasks_db: no task worker started "
                    "(run that backend's own worker)."
                )

        if not options["no_scheduler"]:
            # Deadline reminders, missed-deadline notices, digests, e-mail retries (docs/notifications.md).
            commands["scheduler"] = [sys.executable, "-m", "django", "run_scheduler", "--loop",
                                     str(SCHEDULER_SECONDS), "--verbosity", str(verbosity)]

        self._stopping = 0
        previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        children: dict[str, subprocess.Popen] = {}
        try:
            for name, command in commands.items():
                # Own process group: Ctrl-C reaches only this process, which then stops each
                # child once with SIGTERM (graceful), instead of the terminal signalling all.
                # preexec_fn is safe here: this process runs no other threads.
                children[name] = subprocess.Popen(
                    command,
                    env=env,
                    process_group=0,
                    preexec_fn=_die_with_parent,  # noqa: PLW1509
                )
            banner = (
                self.style.SUCCESS(f"revmod is running at http://{bind_host}:{port}/")
                + f"  ({', '.join(children)}; Ctrl-C to stop)"
            )
            failed = self._wait(children, ready=(host, port), banner=banner)
        finally:
            self._stop(children)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if failed:
            name, code = failed
            raise CommandError(f"The {name} exited with code {code}; everything is stopped.")
        self.stdout.write("revmod stopped.")

    @staticmethod
    def _gunicorn_extra_args() -> list[str]:
        # gunicorn >= 25.1 opens a control socket in $HOME by default: one per user, so a second
        # `revmod serve` (or a test run) would clash with the first. Not needed here.
        try:
            from gunicorn.config import KNOWN_SETTINGS
        except ImportError:
            return []
        names = {setting.name for setting in KNOWN_SETTINGS}
        return ["--no-control-socket"] if "control_socket_disable" in names else []

    def _on_signal(self, signum: int, frame) -> None:
        self._stopping += 1

    def _wait(
        self, children: dict[str, subprocess.Popen], *, ready: tuple[str, int], banner: str
    ) -> tuple[str, int] | None:
        """Block until a stop signal (None) or a child's own exit (its name and code).

        The banner is printed once the web server accepts connections, so that whoever waits
        for it (a person, a script) can use the address at once.
        """
        announced = False
        while not self._stopping:
            for name, child in children.items():
                code = child.poll()
                if code is not None:
                    return name, code
            if not announced and _accepts(*ready):
                self.stdout.write(banner)
                announced = True
            time.sleep(0.2)
        return None

    def _stop(self, children: dict[str, subprocess.Popen]) -> None:
        running = {name: c for name, c in children.items() if c.poll() is None}
        if not running:
            return
        self.stdout.write(f"Stopping the {' and the '.join(running)}...")
        for child in running.values():
            child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for name, child in running.items():
            while child.poll() is None:
                # A second Ctrl-C, or the grace period over: no more waiting.
                if self._stopping > 1 or time.monotonic() > deadline:
                    self.stderr.write(f"Killing the {name}.")
                    child.kill()
                    child.wait()
                    break
                time.sleep(0.1)
