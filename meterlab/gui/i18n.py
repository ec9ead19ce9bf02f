"""Translations: the UI follows the system language unless the user picks one.

Strings are marked with Qt's `tr()` / `QCoreApplication.translate()`, extracted
with `pyside6-lupdate` into `ui/translations/meterlab_<lang>.ts` (Qt Linguist
files, editable by translators) and compiled with `pyside6-lrelease` into the
`.qm` files that ship beside them. Run `python -m meterlab.gui.i18n` after
changing UI text to refresh both.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from meterlab.paths import shipped_dir

#: Languages with a shipped translation (English is the source language).
LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands", "fr": "Français"}


def translations_dir() -> Path:
    return shipped_dir("ui") / "translations"


def resolve_language(choice: str | None) -> str:
    """'' or None → the system language if we ship it, else English."""
    if choice and choice in LANGUAGES:
        return choice
    from PySide6.QtCore import QLocale

    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translators(app: object, choice: str | None = None) -> str:
    """Install meterlab's and Qt's own translators for the chosen language."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    lang = resolve_language(choice)
    installed = []
    if lang != "en":
        ours = QTranslator(app)  # type: ignore[arg-type]
        if ours.load(str(translations_dir() / f"meterlab_{lang}.qm")):
            app.installTranslator(ours)  # type: ignore[attr-defined]
            installed.append(ours)
        qt = QTranslator(app)  # type: ignore[arg-type]
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)  # type: ignore[attr-defined]
            installed.append(qt)
    # Keep references: a garbage-collected translator silently stops translating.
    app.setProperty("meterlabLanguage", lang)  # type: ignore[attr-defined]
    app._meterlab_translators = installed  # type: ignore[attr-defined]
    return lang


def gui_sources() -> list[Path]:
    return sorted((Path(__file__).resolve().parent).glob("*.py"))


def update(languages: list[str] | None = None) -> None:
    """Re-extract strings into the .ts files and compile the .qm files."""
    out = translations_dir()
    out.mkdir(parents=True, exist_ok=True)
    sources = [str(p) for p in gui_sources()]
    for lang in languages or [k for k in LANGUAGES if k != "en"]:
        ts = out / f"meterlab_{lang}.ts"
        subprocess.run(  # noqa: S603 - fixed tool, our own file paths
            [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True
        )
        subprocess.run(  # noqa: S603
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def _tool(name: str) -> str:
    """The Qt tool installed with PySide6 in this environment (beside the interpreter)."""
    here = Path(sys.executable).parent / name
    found = here if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships Qt's Linguist tools)")
    return str(found)


if __name__ == "__main__":
    update(sys.argv[1:] or None)
