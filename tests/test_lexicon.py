"""The vocabularies extraction reads by: each concept written once, no entry twice, and every
noun grouping keeps apart by kind counted as people by extraction."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from claims import compare, data, extract, sources
from claims.demo import CORPUS
from claims.extraction import lexicon, metrics, places

EXTRACTION = Path(lexicon.__file__).parent
MODULES = sorted(EXTRACTION.glob("*.py"))
# Vocabularies whose letter case tells entries apart: "Category" and "category", "Max" and
# "MAX", the units "Nm" (torque) and "nm" (length), the currency prefixes "RS" and "Rs".
CASE_SENSITIVE = frozenset({"DESIGNATORS", "AIRCRAFT_VARIANTS", "SUFFIX_EXACT", "_LETTER_PREFIXES"})


def _module(path: Path):
    """The imported module of an extraction source file."""
    stem = "" if path.stem == "__init__" else f".{path.stem}"
    return importlib.import_module(f"claims.extraction{stem}")


def _literals(tree: ast.Module):
    """(name, line, strings) of module-level literals, where a set's repeats still show."""
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        name = target.id if isinstance(target, ast.Name) else ast.unparse(target)
        for node in ast.walk(value):
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                items = node.elts
            elif isinstance(node, ast.Dict):
                items = node.keys
            else:
                continue
            strings = [i for i in items if isinstance(i, ast.Constant)]
            yield name, node.lineno, [i.value for i in strings if isinstance(i.value, str)]


def _repeated(words, case_sensitive: bool = False) -> list[str]:
    """The entries of `words` that an earlier one already gave."""
    seen: set[str] = set()
    repeated = []
    for word in words:
        key = word if case_sensitive else word.lower()
        if key in seen:
            repeated.append(word)
        seen.add(key)
    return repeated


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_word_list_repeats_an_entry(path):
    """A repeated entry is dead weight, and a sign the list was copied together."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        (name, line, repeated)
        for name, line, words in _literals(tree)
        if (repeated := _repeated(words, name in CASE_SENSITIVE))
    ]
    assert found == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_composed_word_list_repeats_an_entry(path):
    """Lists built from the lexicon must not add back a word they already take from it."""
    module = _module(path)
    found = []
    for name, value in vars(module).items():
        if isinstance(value, (tuple, list)) and value:
            flat = [w for v in value for w in (v if isinstance(v, tuple) else (v,))]
            if all(isinstance(w, str) for w in flat):
                found += [(name, w) for w in _repeated(flat, name in CASE_SENSITIVE)]
    assert found == []


@pytest.mark.parametrize("table", ["EVENT_CUES", "SUBJECT_CUES", "DIRECT_CUES", "PEOPLE_KINDS"])
def test_every_word_of_a_table_has_one_meaning(table):
    """A word under two metrics or kinds would mean whichever the table lists last."""
    assert _repeated(w for words in getattr(lexicon, table).values() for w in words) == []


def test_people_nouns_have_one_kind_each():
    """A noun of two kinds would put one report in two figures."""
    grouped = {w for words in lexicon.PEOPLE_KINDS.values() for w in words}
    assert grouped.isdisjoint(lexicon.PEOPLE_OF_THEIR_OWN_KIND)
    assert _repeated(lexicon.PEOPLE_OF_THEIR_OWN_KIND) == []


def test_months_and_weekdays_are_numbered():
    """Dates are resolved by these numbers."""
    assert [lexicon.MONTHS[name] for name in lexicon.MONTH_NAMES] == list(range(1, 13))
    assert lexicon.MONTHS["sept"] == lexicon.MONTHS["sep"] == 9
    assert [lexicon.WEEKDAYS[name] for name in lexicon.WEEKDAY_NAMES] == list(range(7))
    assert lexicon.WEEKDAYS["thurs"] == 3


def test_month_and_day_names_are_written_only_in_the_lexicon():
    """Copies drift apart; every module takes the names from the lexicon."""
    # "may" is also a verb, which other word lists may hold as one
    names = [n for n in lexicon.MONTH_NAMES + lexicon.WEEKDAY_NAMES if n != "may"]
    pattern = re.compile(rf"\b(?:{'|'.join(names)})\b", re.IGNORECASE)
    found = []
    for path in MODULES:
        if path.name == "lexicon.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        documents = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found += [
            (path.name, node.lineno)
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in documents
            and pattern.search(node.value)
        ]
    assert found == []


@pytest.mark.parametrize("noun", ["children", "schoolchildren"])
def test_schoolchildren_are_counted_and_grouped_as_children(noun):
    """The issue's case: both reports must be people, of one kind, to meet in one figure."""
    (claim,) = extract(f"12 {noun} were killed in the raid.")
    assert (claim.value, claim.unit, claim.subject, claim.metric) == (12, "people", noun, "killed")
    assert compare.subject_kind(claim.subject, claim.unit) == "children"


def test_extraction_counts_as_people_every_noun_grouping_keeps_apart():
    """Extraction and grouping read one table, so they cannot disagree on a noun again."""
    assert compare.SUBJECT_KINDS is lexicon.PEOPLE_KIND
    assert set(compare.SUBJECT_KINDS) == metrics.PEOPLE_NOUNS
    assert all(metrics.is_people(noun) for noun in compare.SUBJECT_KINDS)
    assert compare.subject_kind("protestors", "people") == compare.subject_kind(
        "demonstrators", "people"
    )


@pytest.mark.parametrize("path", [data.PLACES, CORPUS / "places.json"], ids=["project", "demo"])
def test_gazetteer_tables_spell_each_place_once(path):
    """A spelling twice is a copy; a town's region must be a first-level region we know."""
    table = data.load(path)
    seen = set()
    for item in table["places"]:
        keys = [places.normalise(s) for s in (item["name"], *item["variants"])]
        assert _repeated(keys) == [], item["name"]
        assert (item["kind"], item["name"]) not in seen
        seen.add((item["kind"], item["name"]))
        if "admin1" in table and item["kind"] != "country":
            assert item["region"] in table["admin1"][item["country"]].values(), item["name"]


@pytest.mark.parametrize("path", [data.SOURCES, CORPUS / "sources.json"], ids=["project", "demo"])
def test_source_tables_give_each_alias_to_one_source(path):
    """An alias of two sources would make one of them unreachable."""
    owner: dict[str, str] = {}
    for item in data.sources(path):
        assert item["id"] not in owner.values()
        assert _repeated(item["aliases"], case_sensitive=True) == [], item["id"]
        for alias in (item["name"], *item["aliases"]):
            assert owner.setdefault(sources.normalise(alias), item["id"]) == item["id"], alias


def test_the_gazetteer_cache_is_keyed_by_its_data(tmp_path, monkeypatch):
    """Editing the data file must rebuild the pickled gazetteer, not serve the old one."""
    before = places._cache_path()
    changed = tmp_path / "places.json"
    changed.write_bytes(data.PLACES.read_bytes() + b"\n")
    monkeypatch.setattr(data, "PLACES", changed)
    assert places._cache_path() != before


@pytest.mark.parametrize(("sentence", "subject", "kind"), [
    ("Coalition air strikes kill 8 IS group militants: report", "IS group militants",
     "combatants"),
    ("Air strikes killed 14 IS fighters near the dam on Monday.", "IS fighters", "combatants"),
    ("Syrian army kills 30 Terrorist in Raqqa province", "Terrorist", "combatants"),
])
def test_a_group_named_in_capitals_and_a_singular_head_count_fighters(sentence, subject, kind):
    (claim,) = extract(sentence)
    assert claim.subject == subject
    assert lexicon.kind_of_subject(claim.subject) == kind


def test_a_capitalised_verb_in_a_line_of_capitals_ends_the_counted_phrase():
    (claim,) = extract("THE TOLL OF 8 IS EXPECTED TO RISE, POLICE SAID")
    assert claim.subject is None
    assert lexicon.kind_of_subject("terrorist targets") == "targets"


@pytest.mark.parametrize(("sentence", "subject"), [
    ("Raids killed 16 civilians and wounded 22 it said.", None),
    ("The raid wounded 22 they said.", None),
    ("Strikes killed 12 IT workers.", "IT workers"),
])
def test_a_subject_pronoun_after_a_figure_is_no_counted_noun(sentence, subject):
    assert extract(sentence)[-1].subject == subject
