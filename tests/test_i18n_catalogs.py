"""Every shipped translation is complete, keeps the placeholders and accelerators of its
source text, and loads in the app; French is checked here as Dutch is in test_gui_window."""

from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from meterlab.gui import i18n

TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != "en"]
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def messages(ts_path):  # type: ignore[no-untyped-def]
    root = ET.parse(ts_path).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")]
            yield ctx.findtext("name"), msg.findtext("source"), tr, forms or [tr.text or ""]


def unfinished(ts_path) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{ctx}: {src}" for ctx, src, tr, texts in messages(ts_path)
            if tr.get("type") == "unfinished" or not "".join(texts).strip()]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_keeps_placeholders_and_accelerators(lang):
    ts = i18n.translations_dir() / f"meterlab_{lang}.ts"
    assert ts.with_suffix(".qm").is_file()
    bad = []
    for ctx, src, _tr, texts in messages(ts):
        for text in texts:
            if sorted(set(PLACEHOLDER.findall(src))) != sorted(set(PLACEHOLDER.findall(text))):
                bad.append(f"{ctx}: {src!r} → {text!r} (placeholders)")
            if src.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
                bad.append(f"{ctx}: {src!r} → {text!r} (accelerator)")
    assert not bad, bad


def test_french_translation_covers_every_string_and_loads(qtbot, qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from meterlab.gui.meter_view import MeterView

    shipped = i18n.translations_dir() / "meterlab_fr.ts"
    assert not unfinished(shipped)
    copy = tmp_path / "meterlab_fr.ts"
    copy.write_bytes(shipped.read_bytes())
    subprocess.run([i18n._tool("pyside6-lupdate"), *map(str, i18n.gui_sources()),
                    "-no-obsolete", "-ts", str(copy)], check=True, capture_output=True)
    missing = unfinished(copy)
    assert not missing, (
        "GUI strings without a French translation: run `uv run python -m meterlab.gui.i18n`, "
        f"translate the unfinished entries of ui/translations/meterlab_fr.ts: {missing}")
    try:
        assert i18n.install_translators(qapp, "fr") == "fr"
        assert QCoreApplication.translate("Verdict", "FAIL") == "NON CONFORME"
        view = MeterView(None, capacity=1000)
        qtbot.addWidget(view)
        assert view.function_combo.itemText(0) == "Tension continue"
    finally:
        for tr in getattr(qapp, "_meterlab_translators", []):
            qapp.removeTranslator(tr)
        qapp.setProperty("meterlabLanguage", None)  # later tests format in English
