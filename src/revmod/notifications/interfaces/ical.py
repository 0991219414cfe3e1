"""iCalendar (RFC 5545) text for a person's deadlines: all-day events, escaped and folded (no ORM)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class Event:
    uid: str
    on: date
    summary: str
    description: str = ""
    url: str = ""


def escape(text: str) -> str:
    """RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space."""
    data, parts, start = line.encode("utf-8"), [], 0
    limit = 75
    while len(data) - start > limit:
        end = start + limit
        while end > start and (data[end] & 0xC0) == 0x80:  # never split a UTF-8 character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with one space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def calendar(events: Iterable[Event], *, name: str, stamp: datetime) -> str:
    """A VCALENDAR with one all-day VEVENT per deadline, ready to serve as text/calendar."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//revmod//UNTOC review deadlines//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                  f"DTSTART;VALUE=DATE:{event.on:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{event.on + timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{escape(event.summary)}", "TRANSP:TRANSPARENT"]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
