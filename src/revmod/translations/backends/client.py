"""One HTTP POST to a translation server, its failures sorted into "down" and "wrong answer"."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from revmod.translations.backends import EngineError, EngineUnavailable


def post(url: str, *, form: dict[str, Any] | None = None, payload: dict[str, Any] | None = None,
         timeout: float) -> Any:
    """POST a form or a JSON body; the decoded JSON answer.

    Raises EngineUnavailable when the server cannot be reached, times out or answers 5xx or
    429 (worth a retry), EngineError for any other refusal or a body that is not JSON.
    """
    if payload is not None:
        data, kind = json.dumps(payload).encode(), "application/json"
    else:
        data, kind = urllib.parse.urlencode(form or {}, doseq=True).encode(), "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": kind, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (operator's URL)
            body = response.read()
    except urllib.error.HTTPError as error:
        detail = error.read()[:300].decode("utf-8", "replace")
        if error.code >= 500 or error.code == 429:
            raise EngineUnavailable(f"{url} answered {error.code}: {detail}") from error
        raise EngineError(f"{url} answered {error.code}: {detail}") from error
    except (TimeoutError, urllib.error.URLError, ConnectionError, http.client.HTTPException) as error:
        raise EngineUnavailable(f"{url} could not be reached: {getattr(error, 'reason', error)}") from error
    try:
        return json.loads(body)
    except ValueError as error:
        raise EngineError(f"{url} did not answer JSON") from error
