"""`readouts tokens create|list|revoke`: the tokens that may write over the API."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from api.cli_console import err as _err
from api.cli_console import out as _out

# Commands import storage when they run: `readouts --help` must stay light.

__all__ = ["tokens_app"]

tokens_app = typer.Typer(
    name="tokens",
    help="API tokens for writes (reads need none).",
    no_args_is_help=True,
    add_completion=False,
)


@tokens_app.command("create")
def create(
    name: Annotated[str, typer.Option(help="A name for the token; writes are audited by it.")],
    scope: Annotated[str, typer.Option(help="One of ingest, curate, admin (each allows more).")],
) -> None:
    """Make a token and print it once: only its hash is kept, it cannot be shown again."""
    from api.cli_info import database_line
    from api.config import load_settings
    from api.service import open_service
    from api.storage.tokens import create_token

    settings = load_settings()
    _err().print(database_line(settings), highlight=False, soft_wrap=True)
    service = open_service(settings)
    try:
        token = create_token(service.engine, name, scope)
    finally:
        service.close()
    _err().print(f"token {name!r} (scope {scope}); keep it now, it is not shown again:")
    sys.stdout.write(token + "\n")


@tokens_app.command("list")
def list_(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the tokens by name, with scope, creation and revocation times (never the token)."""
    import orjson

    from api.config import load_settings
    from api.service import open_service
    from api.storage.tokens import list_tokens

    service = open_service(load_settings())
    try:
        tokens = list_tokens(service.engine)
    finally:
        service.close()
    if as_json:
        rows = [
            {
                "name": t.name,
                "scope": t.scope,
                "created": t.created.isoformat(),
                "revoked": t.revoked.isoformat() if t.revoked else None,
            }
            for t in tokens
        ]
        sys.stdout.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    if not tokens:
        _out().print("no tokens; make one with `readouts tokens create --name NAME --scope ingest`")
    for t in tokens:
        state = f"revoked {t.revoked:%Y-%m-%d %H:%M}" if t.revoked else "live"
        _out().print(
            f"{t.name}  {t.scope}  created {t.created:%Y-%m-%d %H:%M}  {state}", highlight=False
        )


@tokens_app.command("revoke")
def revoke(name: Annotated[str, typer.Argument(help="The token's name.")]) -> None:
    """Revoke a token: requests with it answer 401 from now on."""
    from api.config import load_settings
    from api.service import open_service
    from api.storage.tokens import revoke_token

    service = open_service(load_settings())
    try:
        revoke_token(service.engine, name)
    finally:
        service.close()
    _out().print(f"revoked token {name!r}", highlight=False)
