"""`lianfa users add NAME --role R` (password prompted, or read from stdin) and `lianfa users list`."""

from __future__ import annotations

import sys

import typer

users_app = typer.Typer(help="Manage user accounts (roles: uploader, reviewer, analyst, admin).", no_args_is_help=True)


@users_app.command("add")
def add(
    name: str = typer.Argument(..., help="login name"),
    role: str = typer.Option(..., "--role", "-r", help="uploader | reviewer | analyst | admin"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="read the password from standard input"),
) -> None:
    """Create a user. The password is prompted for (twice) unless --password-stdin is given."""
    from lianfa.service import audit
    from lianfa.service.auth import AccountError, create_user
    from lianfa.service.config import get_service_settings
    from lianfa.service.db.migrate import upgrade
    from lianfa.service.db.session import Database

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("密码 / password", hide_input=True, confirmation_prompt=True)
    db = Database(get_service_settings().db_url)
    try:
        upgrade(db.engine)
        with db.session() as s:
            user = create_user(s, name, password, role)
            audit.record(s, None, "user.add", "user", user.id, None, {"name": name, "role": role, "via": "cli"})
    except AccountError as exc:
        typer.echo(f"错误 / error: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        db.dispose()
    typer.echo(f"用户 {name}（{role}）已创建 / user created")


@users_app.command("list")
def list_users() -> None:
    """List users with their roles."""
    from sqlalchemy import select

    from lianfa.service.config import get_service_settings
    from lianfa.service.db.migrate import upgrade
    from lianfa.service.db.models import User
    from lianfa.service.db.session import Database

    db = Database(get_service_settings().db_url)
    try:
        upgrade(db.engine)
        with db.session() as s:
            for u in s.scalars(select(User).order_by(User.id)):
                typer.echo(f"{u.id}\t{u.name}\t{u.role}\t{'active' if u.active else 'disabled'}")
    finally:
        db.dispose()


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
