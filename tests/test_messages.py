"""Interface strings: the compiled catalogue matches the .po, and every string
the templates ask for is translated into Vietnamese."""

import re
from pathlib import Path

import polib
from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
TEMPLATE_STRING = re.compile(r"""\{%\s*translate\s+(["'])(.+?)\1""")
BLOCK_STRING = re.compile(r"\{%\s*blocktranslate[^%]*%\}(.+?)\{%\s*endblocktranslate\s*%\}", re.DOTALL)
VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def _entries(catalogue):
    """msgid → msgstr for the translated entries (the header excluded)."""
    if isinstance(catalogue, polib.POFile):
        catalogue = catalogue.translated_entries()
    return {
        entry.msgid: entry.msgstr or entry.msgstr_plural
        for entry in catalogue
        if entry.msgid and (entry.msgstr or any(entry.msgstr_plural.values()))
    }


def test_compiled_catalogue_matches_the_po_file():
    mo_path = PO.with_suffix(".mo")
    assert mo_path.exists(), "run `make compilemessages` and commit the .mo"
    assert _entries(polib.mofile(str(mo_path))) == _entries(polib.pofile(str(PO)))


def _templates():
    """The project's templates: templates/ and each app's own folder (pages/updates/templates…)."""
    base = Path(settings.BASE_DIR)
    folders = [base / "templates"]
    for app in ("pages", "parks", "events", "publications", "news"):
        folders += [folder for folder in (base / app).rglob("templates") if folder.is_dir()]
    return [template for folder in folders for template in folder.rglob("*.html")]


def test_every_template_string_has_a_vietnamese_translation():
    translated = _entries(polib.pofile(str(PO)))
    wanted = set()
    for template in _templates():
        text = template.read_text()
        # {% translate %} asks for its string with a literal "%" doubled too (Variable.resolve).
        wanted.update(match[1].replace("%", "%%") for match in TEMPLATE_STRING.findall(text))
        for block in BLOCK_STRING.findall(text):
            singular = re.split(r"\{%\s*plural\s*%\}", block)[0]
            # As Django asks for it: a literal "%" is doubled, variables become %(name)s.
            wanted.add(VARIABLE.sub(r"%(\1)s", singular.replace("%", "%%")))
    missing = sorted(msgid for msgid in wanted if not translated.get(msgid))
    assert not missing, f"untranslated: {missing}; run `make messages`"


def test_no_fuzzy_or_empty_translations():
    catalogue = polib.pofile(str(PO))
    assert not catalogue.fuzzy_entries()
    assert not catalogue.untranslated_entries()
