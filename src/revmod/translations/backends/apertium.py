"""Apertium's command line (Debian packages `apertium`, `apertium-eng-spa`, `apertium-fr-es`)."""

from __future__ import annotations

import functools
import shutil
import subprocess

from revmod.translations.backends import ISO3, EngineError, EngineUnavailable, as_paragraphs, from_paragraphs


@functools.cache
def installed_modes(command: str = "apertium") -> frozenset[str]:
    """The translation modes installed on this machine (`apertium -l`); empty without apertium."""
    if shutil.which(command) is None:
        return frozenset()
    try:
        listed = subprocess.run([command, "-l"], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(line.strip() for line in listed.splitlines() if line.strip())


def mode_for(source: str, target: str) -> str:
    """The installed mode for a pair, whatever its code style ("fr-es" or "eng-spa")."""
    candidates = [f"{source}-{target}", f"{ISO3.get(source, source)}-{ISO3.get(target, target)}"]
    modes = installed_modes()
    return next((mode for mode in candidates if mode in modes), candidates[-1])


class ApertiumCommand:
    """Runs `apertium -u -f html MODE` once per batch of blocks (a process costs ~0.2 s)."""

    def __init__(self, *, mode: str, timeout: float, command: str = "apertium") -> None:
        self.mode, self.timeout, self.command = mode, timeout, command
        self.label = f"Apertium {mode} (command line)"

    def translate(self, texts: list[str]) -> list[str]:
        if shutil.which(self.command) is None:
            raise EngineUnavailable(f"{self.command} is not installed on the server")
        try:
            done = subprocess.run([self.command, "-u", "-f", "html", self.mode], input=as_paragraphs(texts),
                                  capture_output=True, text=True, timeout=self.timeout, check=False)
        except subprocess.TimeoutExpired as error:
            raise EngineUnavailable(f"apertium {self.mode} did not finish within {self.timeout:g} s") from error
        except OSError as error:
            raise EngineUnavailable(f"apertium could not start: {error}") from error
        if done.returncode != 0:
            raise EngineError(f"apertium {self.mode} exited with {done.returncode}: {done.stderr.strip()[:300]}")
        return from_paragraphs(done.stdout, len(texts))
