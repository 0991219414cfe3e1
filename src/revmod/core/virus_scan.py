"""The virus-scan hook every upload goes through: ClamAV (clamd or clamscan) from Debian's packages.

Configured by REVMOD_VIRUS_SCAN (docs/security.md):
  "auto" (default): clamd's socket if it answers, else clamscan if it and a signature database
      are installed, else no scan (a warning is logged once per process);
  "clamd:/path/to/socket", "clamscan" (REVMOD_CLAMAV_DATABASE: the signature folder or file);
  "required": like auto, but an upload is refused while no scanner works;
  "off".
A file the scanner finds infected is refused with a message in the user's language and kept
nowhere; a scanner that fails refuses the file rather than letting it through.
"""

import logging
import os
import shutil
import socket
import struct
import subprocess
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from revmod.core.errors import Refused

log = logging.getLogger(__name__)
CLAMD_SOCKETS = ("/run/clamav/clamd.ctl", "/var/run/clamav/clamd.ctl")
DEFAULT_DATABASE = Path("/var/lib/clamav")
TIMEOUT = 60
CHUNK = 64 * 1024
_warned = False


class ScannerUnavailable(Exception):
    """The scanner did not answer; the caller refuses the file."""


def _setting(name: str, default: str) -> str:
    return str(getattr(settings, name, None) or os.environ.get(name, default))


def _database() -> Path:
    return Path(_setting("REVMOD_CLAMAV_DATABASE", str(DEFAULT_DATABASE)))


def _has_signatures(path: Path) -> bool:
    return path.is_file() or (path.is_dir() and any(path.iterdir()))


def scan_with_clamd(data: bytes, socket_path: str) -> str | None:
    """The signature found by clamd (INSTREAM command), or None when the file is clean."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(TIMEOUT)
            conn.connect(socket_path)
            conn.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), CHUNK):
                chunk = data[start:start + CHUNK]
                conn.sendall(struct.pack("!L", len(chunk)) + chunk)
            conn.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = conn.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as error:
        raise ScannerUnavailable(f"clamd at {socket_path}: {error}") from error
    text = reply.rstrip(b"\0").decode("utf-8", "replace")
    if text.endswith(" FOUND"):
        return text.removeprefix("stream: ").removesuffix(" FOUND")
    if text.endswith(" OK"):
        return None
    raise ScannerUnavailable(f"clamd answered {text!r}")


def scan_with_clamscan(data: bytes, database: Path) -> str | None:
    """The signature found by clamscan reading the file from standard input, or None when clean."""
    command = [shutil.which("clamscan") or "clamscan", "--no-summary", "--stdout", "-d", str(database), "-"]
    try:
        result = subprocess.run(command, input=data, capture_output=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ScannerUnavailable(f"clamscan: {error}") from error
    output = result.stdout.decode("utf-8", "replace").strip()
    if result.returncode == 1 and output.endswith(" FOUND"):
        return output.rsplit(": ", 1)[-1].removesuffix(" FOUND")
    if result.returncode == 0:
        return None
    raise ScannerUnavailable(f"clamscan exit {result.returncode}: {result.stderr.decode('utf-8', 'replace')[:300]}")


def _automatic(data: bytes) -> tuple[bool, str | None]:
    """(scanned, signature) with whatever is installed here."""
    for path in CLAMD_SOCKETS:
        if os.path.exists(path):
            try:
                return True, scan_with_clamd(data, path)
            except ScannerUnavailable as error:
                log.warning("virus scan: %s; trying clamscan", error)
    database = _database()
    if shutil.which("clamscan") and _has_signatures(database):
        return True, scan_with_clamscan(data, database)
    return False, None


def find_virus(data: bytes) -> str | None:
    """The name of the signature the configured scanner finds in the file, or None.

    Raises ScannerUnavailable when the scanner fails, or when scanning is required and none works.
    """
    global _warned
    mode = _setting("REVMOD_VIRUS_SCAN", "auto")
    if mode == "off":
        return None
    if mode.startswith("clamd:"):
        return scan_with_clamd(data, mode.removeprefix("clamd:"))
    if mode == "clamscan":
        return scan_with_clamscan(data, _database())
    scanned, signature = _automatic(data)
    if not scanned:
        if mode == "required":
            raise ScannerUnavailable("no virus scanner is installed (REVMOD_VIRUS_SCAN=required)")
        if not _warned:
            log.warning("virus scan: no ClamAV scanner or signatures found; uploads are not scanned")
            _warned = True
    return signature


def check_upload(data: bytes, *, name: str = "") -> None:
    """Refuse an infected file, or any file while the scanner fails (issue 7: never keep what was not checked)."""
    try:
        signature = find_virus(data)
    except ScannerUnavailable as error:
        log.error("virus scan failed for %r: %s", name, error)
        raise Refused(_("The file could not be checked for viruses just now. Try again in a few minutes.")) from error
    if signature:
        log.warning("virus scan: %r refused (%s)", name, signature)
        raise Refused(_("This file contains a virus (%(name)s) and was not kept.") % {"name": signature})
