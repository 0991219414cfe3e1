"""Security headers that Django does not set itself (CSP, permissions policy, sandboxed downloads)."""

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)

# A downloaded file is never run as a page of the site, even if a browser tried to render it.
DOWNLOAD_CSP = "default-src 'none'; sandbox"


def is_download(response) -> bool:
    return response.get("Content-Disposition", "").startswith("attachment")


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_download(response):
            response.headers["Content-Security-Policy"] = DOWNLOAD_CSP
            response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
