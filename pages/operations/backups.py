"""Backups: the database and the uploads, into one folder per run.

SQLite is copied with sqlite3's online backup API (consistent while the site
runs); PostgreSQL with pg_dump's custom format, restored with pg_restore.
Uploads in MEDIA_ROOT go into a tarball; with object storage they live in the
bucket, which has its own versioning, and are left out.

A backup holds password hashes, two-step verification (TOTP) secrets and the
contact form's messages: everything is written under umask 077 (pg_dump
inherits it), so the files are 0600 in a 0700 folder from the moment they
exist, and the modes are set again at the end.

The SHA-256 checksums in manifest.json detect a damaged file; they are not a
signature: whoever can write the folder can change a file and its checksum
alike. Keep backups where only the site's operators can write, and encrypt
copies that leave the machine.
"""

import contextlib
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections

DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
MEDIA_FILE = "media.tar.gz"
MANIFEST = "manifest.json"
FOLDER_FORMAT = "%Y%m%dT%H%M%SZ"  # UTC


def _database():
    config = settings.DATABASES["default"]
    vendor = connections["default"].vendor
    if vendor not in DATABASE_FILES:
        raise ImproperlyConfigured(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor, config


def _pg_command(program, config):
    if not shutil.which(program):
        raise ImproperlyConfigured(f"{program} is needed for PostgreSQL backups (apt-get install postgresql-client).")
    args = [program, "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if config.get(key):
            args += [flag, str(config[key])]
    env = {**os.environ}
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return args, env


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_on_disk():
    return isinstance(default_storage, FileSystemStorage)


@contextlib.contextmanager
def _owner_only():
    """Files and folders made inside are readable by their owner only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def backup(root):
    """Write a backup into a new folder under ``root``; return its path."""
    with _owner_only():
        folder = _backup(Path(root))
    folder.chmod(0o700)
    for path in folder.iterdir():
        path.chmod(0o600)
    return folder


def _backup(root):
    vendor, config = _database()
    if not root.exists():
        root.mkdir(parents=True, mode=0o700)
    folder = root / datetime.datetime.now(datetime.UTC).strftime(FOLDER_FORMAT)
    folder.mkdir(mode=0o700, exist_ok=False)
    database_file = folder / DATABASE_FILES[vendor]
    if vendor == "sqlite":
        with sqlite3.connect(config["NAME"]) as source, sqlite3.connect(database_file) as target:
            source.backup(target)
        target.close()
        source.close()
    else:
        args, env = _pg_command("pg_dump", config)
        args += ["--format=custom", "--no-owner", "--no-privileges", "--file", str(database_file), config["NAME"]]
        subprocess.run(args, env=env, check=True)  # noqa: S603 - fixed program, arguments from settings
    files = {database_file.name: _sha256(database_file)}
    if _media_on_disk():
        media_root = Path(settings.MEDIA_ROOT)
        with tarfile.open(folder / MEDIA_FILE, "w:gz") as tar:
            if media_root.is_dir():
                tar.add(media_root, arcname=".")
        files[MEDIA_FILE] = _sha256(folder / MEDIA_FILE)
    manifest = {"created": datetime.datetime.now(datetime.UTC).isoformat(), "database": vendor, "files": files}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return folder


def prune(root, keep_days):
    """Delete the backups under ``root`` made more than ``keep_days`` days ago
    (folders named by backup() that hold a manifest; nothing else is touched)."""
    cutoff = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=keep_days)
    deleted = []
    for folder in sorted(Path(root).iterdir()) if Path(root).is_dir() else []:
        try:
            made = datetime.datetime.strptime(folder.name, FOLDER_FORMAT).replace(tzinfo=datetime.UTC)
        except ValueError:
            continue
        if made < cutoff and (folder / MANIFEST).is_file():
            shutil.rmtree(folder)
            deleted.append(folder)
    return deleted


def restore(folder):
    """Replace the configured database and MEDIA_ROOT with a backup's."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    vendor, config = _database()
    if manifest["database"] != vendor:
        raise ImproperlyConfigured(f"This backup is of a {manifest['database']} database, not {vendor}.")
    for name, digest in manifest["files"].items():
        if _sha256(folder / name) != digest:
            raise ImproperlyConfigured(f"{name} does not match its checksum: the backup is damaged.")
    connections.close_all()
    database_file = folder / DATABASE_FILES[vendor]
    if vendor == "sqlite":
        with sqlite3.connect(database_file) as source, sqlite3.connect(config["NAME"]) as target:
            source.backup(target)
        target.close()
        source.close()
    else:
        args, env = _pg_command("pg_restore", config)
        args += ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
        args += ["--dbname", config["NAME"], str(database_file)]
        subprocess.run(args, env=env, check=True)  # noqa: S603 - fixed program, arguments from settings
    if MEDIA_FILE in manifest["files"] and _media_on_disk():
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as tar:
            tar.extractall(media_root, filter="data")  # refuses absolute paths and links out of the folder
