"""Backup and restore of everything the network holds: the database and the private files.

A backup is one .tar.gz holding `database.dump` (PostgreSQL: pg_dump's custom format, taken in
one snapshot) or `database.sqlite3` (SQLite: the online backup API, consistent while others
write), `private/` (answers' files and photos) and `media/` (the public site's images and
documents), and `manifest.json`. The database is copied first: a file is written before its row
commits and is not removed while the row exists, so every file a backed-up row names is already
on disk when the files are copied.

Restoring replaces the database's contents and the two folders' with the backup's.
"""

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump/pg_restore, with argument lists, never a shell
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.db import connection

MANIFEST = "manifest.json"
FORMAT = "thiphueng-backup"


class BackupError(Exception):
    pass


def _folders() -> dict[str, Path]:
    return {"private": Path(storages["private"].location), "media": Path(settings.MEDIA_ROOT)}


def _pg_environment() -> tuple[list[str], dict]:
    params = connection.get_connection_params()
    args = [
        "--host",
        str(params.get("host") or "localhost"),
        "--port",
        str(params.get("port") or 5432),
    ]
    if params.get("user"):
        args += ["--username", params["user"]]
    env = {**os.environ}
    if params.get("password"):
        env["PGPASSWORD"] = params["password"]
    return [*args, "--dbname", params.get("database") or params.get("dbname")], env


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(done.stderr.strip() or f"{command[0]} failed")


def _database_copy(target: Path) -> str:
    if connection.vendor == "postgresql":
        args, env = _pg_environment()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(target / "database.dump"),
                *args,
            ],
            env,
        )
        return "database.dump"
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target / "database.sqlite3")
        with destination:
            connection.connection.backup(destination)
        destination.close()
        return "database.sqlite3"
    raise BackupError(f"No backup for the {connection.vendor} database.")


def backup_create(*, output: Path) -> Path:
    """Write a backup archive to `output` (a file name, or a folder to put a dated one in)."""
    output = Path(output)
    if output.is_dir():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        output = output / f"thiphueng-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="thiphueng-backup-") as work:
        work = Path(work)
        database = _database_copy(work)  # first: see the module's docstring
        manifest = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "database": database,
            "vendor": connection.vendor,
        }
        (work / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        with tarfile.open(output, "w:gz") as archive:
            archive.add(work / MANIFEST, arcname=MANIFEST)
            archive.add(work / database, arcname=database)
            for name, folder in _folders().items():
                if folder.exists():
                    archive.add(folder, arcname=name)
    os.chmod(output, 0o600)  # personal data: readable by the system's own account only
    return output


def _database_restore(source: Path, manifest: dict) -> None:
    if manifest.get("vendor") != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest.get('vendor')} database, this system uses "
            f"{connection.vendor}."
        )
    if connection.vendor == "postgresql":
        args, env = _pg_environment()
        connection.close()
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        _run([*command, *args, str(source / manifest["database"])], env)
        return
    connection.ensure_connection()
    backup = sqlite3.connect(source / manifest["database"])
    with backup:
        backup.backup(connection.connection)
    backup.close()


def backup_restore(*, archive: Path) -> dict:
    """Replace the database and the files with the backup's. Returns the backup's manifest."""
    with tempfile.TemporaryDirectory(prefix="thiphueng-restore-") as work:
        work = Path(work)
        try:
            with tarfile.open(archive, "r:gz") as opened:
                opened.extractall(work, filter="data")
            manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, tarfile.TarError, ValueError) as error:
            raise BackupError(f"{archive} is not a readable backup: {error}") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{archive} is not a Thiphueng backup.")
        _database_restore(work, manifest)
        for name, folder in _folders().items():
            _replace_contents(folder, work / name)
    return manifest


def _replace_contents(folder: Path, source: Path) -> None:
    """The folder holds what `source` holds (the folder itself stays: it may be a mount)."""
    folder.mkdir(parents=True, exist_ok=True)
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if source.exists():
        shutil.copytree(source, folder, dirs_exist_ok=True)
