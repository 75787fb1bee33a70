"""The FastAPI app: `create_app(config)` migrates the database, starts the background reviewer, and serves the
pages and the JSON API. Every response carries a strict Content-Security-Policy; requests past the size
limit are refused before they are read."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import asynccontextmanager

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from abstractor import __version__
from abstractor.web.config import WebConfig
from abstractor.web.db import make_engine, session_factory
from abstractor.web.deps import SignInRequired
from abstractor.web.migrate import upgrade
from abstractor.web.storage import DataFolder
from abstractor.web.worker import ReviewService

log = logging.getLogger("abstractor.web")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


class Guard:
    """ASGI middleware: refuses a request body past the limit (413, by its Content-Length or as it streams)
    and adds the security headers to every response."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        """Pass the request on within the limit, with the headers added."""
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await _too_large(self.max_bytes, send)
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge()
            return message

        async def secured_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            if not started:
                await _too_large(self.max_bytes, send)
        except Exception as exc:  # logged by type and path only: a traceback's message may quote the chart
            log.error("internal error %s on %s %s", type(exc).__name__, scope.get("method"), scope.get("path"))
            if not started:
                await _internal_error(send)


class _TooLarge(Exception):
    pass


async def _too_large(limit: int, send) -> None:
    body = f'{{"detail": "the upload is too large: at most {limit // (1024 * 1024)} MiB in one request"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), *HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _internal_error(send) -> None:
    body = b'{"detail": "internal error (please report it with the time it happened)"}'
    await send(
        {"type": "http.response.start", "status": 500, "headers": [(b"content-type", b"application/json"), *HEADERS]}
    )
    await send({"type": "http.response.body", "body": body})


def templates() -> jinja2.Environment:
    """The pages' templates: autoescaped, undefined names are errors."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("abstractor.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def create_app(config: WebConfig, reviewer_factory: Callable | None = None) -> FastAPI:
    """The web app for `config`: the database migrated to the newest schema, the data folder made private, and
    a background reviewer (one `Reviewer` per policy, built on first use, or by `reviewer_factory`)."""
    from abstractor.pipeline import check_settings
    from abstractor.web import api, pages

    check_settings(config.settings)  # a bad policy id or rules folder stops the start, naming the setting
    data = DataFolder(config.data_dir)  # first: the SQLite file lives in it
    engine = make_engine(config.url)
    upgrade(engine)
    sessions = session_factory(engine)
    service = ReviewService(config.settings, sessions, data, threads=config.workers, reviewer_factory=reviewer_factory)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        service.start()
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(
        title="abstractor",
        version=__version__,
        description="Denosumab prior-authorization review: upload a chart bundle, read the verdict with its "
        "evidence, override, sign off.",
        docs_url=None,  # the docs are served to signed-in users only (/api/docs)
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.config, app.state.data, app.state.sessions, app.state.service = config, data, sessions, service
    app.state.engine = engine
    app.state.templates = templates()
    app.mount("/static", StaticFiles(packages=[("abstractor.web", "static")]), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired):
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        page = app.state.templates.get_template("error.html").render(status=exc.status_code, message=exc.detail)
        return HTMLResponse(page, status_code=exc.status_code)

    @app.get("/health", include_in_schema=False)
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    app.add_middleware(Guard, max_bytes=config.max_request_bytes)
    return app


def run(app: FastAPI, host: str, port: int) -> None:
    """Serve the app with uvicorn; its access log shows methods, paths (ids, never file names) and statuses."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info")
