"""Who may use the pages, and that every form post comes from them.

**The token.** When ``TERMINATION_TOKEN`` is set, the pages need it as ``/v1`` does. A browser
cannot send an ``Authorization`` header on a link or a form, so ``/login`` takes the token once
and sets a session cookie: ``<issued>.<HMAC-SHA256(token, issued)>`` — the token itself never
goes into the cookie, a cookie is good for :data:`SESSION_HOURS` hours, and changing the token
ends every session. The cookie is ``HttpOnly`` (no script reads it), ``SameSite=Strict`` (no
other site's page sends it) and ``Secure`` when the page is served over HTTPS. A client that
sends ``Authorization: Bearer`` (a test, a script) is let in the same way as on ``/v1``. The
``/v1`` routes do **not** accept the cookie: an API that a browser authenticates automatically
would be open to cross-site requests.

**CSRF.** Every form post carries a ``csrf`` field equal to the ``termination_csrf`` cookie
(a random value, ``HttpOnly``, ``SameSite=Strict``; double-submit), compared in constant time;
a post whose browser says it comes from another site (``Sec-Fetch-Site: cross-site``, or an
``Origin`` naming another host) is refused as well. The login form is guarded too (no login
CSRF).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from urllib.parse import urlsplit

from fastapi import Request
from starlette.responses import Response

SESSION_COOKIE = "termination_session"
CSRF_COOKIE = "termination_csrf"
SESSION_HOURS = 8


def _mac(token: str, issued: str) -> str:
    return hmac.new(token.encode("utf-8"), f"workbench-session:{issued}".encode(), hashlib.sha256).hexdigest()


def session_value(token: str, now: float | None = None) -> str:
    """A new session cookie value for ``token``."""
    issued = str(int(now if now is not None else time.time()))
    return f"{issued}.{_mac(token, issued)}"


def session_valid(token: str, value: str | None, now: float | None = None) -> bool:
    """Whether a session cookie was issued for ``token`` within the last :data:`SESSION_HOURS` hours."""
    if not value or value.count(".") != 1:
        return False
    issued, mac = value.split(".")
    if not issued.isdigit() or len(issued) > 12:
        return False
    age = (now if now is not None else time.time()) - int(issued)
    if not 0 <= age <= SESSION_HOURS * 3600:
        return False
    return hmac.compare_digest(mac.encode("ascii", "replace"), _mac(token, issued).encode("ascii"))


def token_matches(token: str, given: str) -> bool:
    """Constant-time comparison of a presented token."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def authenticated(request: Request) -> bool:
    """Whether the request may use the pages: no token configured, a valid session, or the bearer token."""
    token: str | None = request.app.state.settings.token
    if token is None:
        return True
    if session_valid(token, request.cookies.get(SESSION_COOKIE)):
        return True
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and bool(given) and token_matches(token, given.strip())


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def set_session(response: Response, request: Request, token: str) -> None:
    """Set the session cookie (after a correct token at /login)."""
    response.set_cookie(SESSION_COOKIE, session_value(token), max_age=SESSION_HOURS * 3600, path="/",
                        httponly=True, samesite="strict", secure=_secure(request))


def clear_session(response: Response) -> None:
    """End the session (POST /logout)."""
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")


def csrf_token(request: Request) -> str:
    """The CSRF value of this browser: its cookie, or a new one (set on the response by :func:`keep_csrf`)."""
    current = request.cookies.get(CSRF_COOKIE, "")
    if 32 <= len(current) <= 64 and current.replace("-", "").replace("_", "").isalnum():
        return current
    fresh: str | None = getattr(request.state, "new_csrf", None)
    if fresh is None:
        fresh = secrets.token_urlsafe(32)
        request.state.new_csrf = fresh
    return fresh


def keep_csrf(request: Request, response: Response) -> None:
    """Set the CSRF cookie when this request made a new one."""
    fresh = getattr(request.state, "new_csrf", None)
    if fresh is not None:
        response.set_cookie(CSRF_COOKIE, fresh, path="/", httponly=True, samesite="strict", secure=_secure(request))


def same_site(request: Request) -> bool:
    """Whether the browser says the post comes from this site (or says nothing, as non-browsers do).

    ``Sec-Fetch-Site`` (every current browser) must be ``same-origin`` or ``none``; an ``Origin``
    header, when it names one, must name this host.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return fetch_site is not None or origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def csrf_valid(request: Request, submitted: str | None) -> bool:
    """Whether a form post carries this browser's CSRF value and comes from this site."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not same_site(request):
        return False
    return hmac.compare_digest(cookie.encode("utf-8", "replace"), submitted.encode("utf-8", "replace"))
