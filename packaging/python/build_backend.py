"""The PEP 517 build backend of the `brickyard` wheel: the standard library only, so that it builds offline.

The wheel carries the `brickyard` binary and its resource bundles, taken from `$BRICKYARD_WHEEL_BIN_DIR` (what
scripts/build-wheel.sh stages) or else from `src/brickyard/_bin/`. It is tagged `py3-none-<platform>` for the machine
that builds it (`linux_x86_64` here; `$BRICKYARD_WHEEL_PLATFORM` overrides), since a binary is in it: pip installs
it only on that platform. The binary's own runtime needs (glibc, libxml2, libcurl) are not Python's: see README.md.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import stat
import sysconfig
import tarfile
import time
import zipfile
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "src" / "brickyard"
BINARY = "brickyard"
# Every file of the wheel gets this date, so that two builds of the same files are the same bytes.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


def _pyproject() -> dict:
    return tomllib.loads((HERE / "pyproject.toml").read_text())


def _project() -> dict:
    return _pyproject()["project"]


def _platform_tag() -> str:
    tag = os.environ.get("BRICKYARD_WHEEL_PLATFORM") or sysconfig.get_platform()
    return re.sub(r"[^A-Za-z0-9]", "_", tag)


def _tag() -> str:
    return f"py3-none-{_platform_tag()}"


def _bin_dir() -> Path:
    return Path(os.environ.get("BRICKYARD_WHEEL_BIN_DIR") or PACKAGE / "_bin")


def _metadata(project: dict) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
    ]
    if "license" in project:
        lines.append(f"License: {project['license']['text']}")
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    external = _pyproject().get("tool", {}).get("brickyard", {}).get("requires-external", [])
    lines += [f"Requires-External: {requirement}" for requirement in external]
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements]
    readme = HERE / project["readme"]
    lines.append("Description-Content-Type: text/markdown")
    return "\n".join(lines) + "\n\n" + readme.read_text()


def _entry_points(project: dict) -> str:
    sections = {"console_scripts": project.get("scripts", {}), **project.get("entry-points", {})}
    out = []
    for section, entries in sections.items():
        out.append(f"[{section}]")
        out += [f"{name} = {target}" for name, target in entries.items()]
        out.append("")
    return "\n".join(out)


def _dist_info(project: dict) -> str:
    return f"{project['name']}-{project['version']}.dist-info"


def _files() -> list[tuple[str, Path]]:
    """(path in the wheel, file on disk) for the Python sources and everything of the binary's folder."""
    files = [
        (f"brickyard/{path.relative_to(PACKAGE).as_posix()}", path)
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and "_bin" not in path.relative_to(PACKAGE).parts
    ]
    bin_dir = _bin_dir()
    binary = bin_dir / BINARY
    if not binary.is_file() or not os.access(binary, os.X_OK):
        raise RuntimeError(
            f"{binary} is missing or not executable: run scripts/build-wheel.sh, which builds and stages it "
            "(or set BRICKYARD_WHEEL_BIN_DIR to a folder with brickyard and its *.resources bundles)")
    files += [
        (f"brickyard/_bin/{path.relative_to(bin_dir).as_posix()}", path)
        for path in sorted(bin_dir.rglob("*"))
        if path.is_file()
    ]
    return files


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def _zip_info(name: str, executable: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.external_attr = ((0o755 if executable else 0o644) | stat.S_IFREG) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


# MARK: - PEP 517 hooks


def get_requires_for_build_wheel(config_settings=None) -> list[str]:
    return []


def get_requires_for_build_sdist(config_settings=None) -> list[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None) -> str:
    project = _project()
    directory = Path(metadata_directory) / _dist_info(project)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "METADATA").write_text(_metadata(project))
    (directory / "entry_points.txt").write_text(_entry_points(project))
    (directory / "WHEEL").write_text(_wheel_file())
    return directory.name


def _wheel_file() -> str:
    return f"Wheel-Version: 1.0\nGenerator: brickyard build_backend\nRoot-Is-Purelib: false\nTag: {_tag()}\n"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None) -> str:
    project = _project()
    name = f"{project['name']}-{project['version']}-{_tag()}.whl"
    dist_info = _dist_info(project)
    output = Path(wheel_directory)
    output.mkdir(parents=True, exist_ok=True)
    partial = output / f".{name}.partial"
    files = _files()
    metadata, entry_points = _metadata(project), _entry_points(project)
    try:
        _write_wheel(partial, files, dist_info, metadata, entry_points)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(output / name)
    return name


def _write_wheel(partial: Path, files, dist_info: str, metadata: str, entry_points: str) -> None:
    records: list[tuple[str, str, str]] = []
    with zipfile.ZipFile(partial, "w", compresslevel=6) as wheel:

        def add(arcname: str, data: bytes, executable: bool = False) -> None:
            wheel.writestr(_zip_info(arcname, executable), data)
            records.append((arcname, _record_hash(data), str(len(data))))

        for arcname, path in files:
            add(arcname, path.read_bytes(), executable=arcname == f"brickyard/_bin/{BINARY}")
        add(f"{dist_info}/METADATA", metadata.encode())
        add(f"{dist_info}/WHEEL", _wheel_file().encode())
        add(f"{dist_info}/entry_points.txt", entry_points.encode())
        record = io.StringIO()
        writer = csv.writer(record, lineterminator="\n")
        writer.writerows(records)
        writer.writerow((f"{dist_info}/RECORD", "", ""))
        wheel.writestr(_zip_info(f"{dist_info}/RECORD", False), record.getvalue().encode())


def build_sdist(sdist_directory, config_settings=None) -> str:
    """The sources without the binary (which scripts/build-wheel.sh builds from the Swift package)."""
    project = _project()
    base = f"{project['name']}-{project['version']}"
    name = f"{base}.tar.gz"
    output = Path(sdist_directory)
    output.mkdir(parents=True, exist_ok=True)
    with tarfile.open(output / name, "w:gz") as sdist:
        for path in sorted(HERE.rglob("*")):
            relative = path.relative_to(HERE)
            if not path.is_file() or {"__pycache__", "_bin", ".pytest_cache"} & set(relative.parts):
                continue
            info = sdist.gettarinfo(str(path), f"{base}/{relative.as_posix()}")
            info.mtime = int(time.mktime(ZIP_DATE + (0, 0, -1)))
            with path.open("rb") as handle:
                sdist.addfile(info, handle)
        pkg_info = _metadata(project).encode()
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(pkg_info)
        sdist.addfile(info, io.BytesIO(pkg_info))
    return name
