"""Three-way merge of concurrent note revisions: disjoint edits merge, overlapping ones don't."""

from __future__ import annotations

from passerelle.domain.merge3 import marked_lines, merge3

BASE = "Présents : A, B.\nBudget : à préciser.\nSuite : visite.\n"


def test_edits_on_different_lines_are_both_kept() -> None:
    ours = BASE.replace("à préciser", "1 500 €")
    theirs = BASE.replace("visite.", "visite le 12 mars.")
    assert merge3(BASE, ours, theirs) == (
        "Présents : A, B.\nBudget : 1 500 €.\nSuite : visite le 12 mars.\n")


def test_edits_of_the_same_line_are_a_conflict() -> None:
    assert merge3(BASE, BASE.replace("à préciser", "1 500 €"),
                  BASE.replace("à préciser", "2 000 €")) is None


def test_insertions_at_the_same_place_are_a_conflict_but_identical_edits_agree() -> None:
    assert merge3(BASE, BASE + "Note de A\n", BASE + "Note de B\n") is None
    same = BASE.replace("visite", "réunion")
    assert merge3(BASE, same, same) == same


def test_one_side_unchanged_takes_the_other() -> None:
    theirs = BASE + "Ajout\n"
    assert merge3(BASE, BASE, theirs) == theirs
    assert merge3(BASE, theirs, BASE) == theirs


def test_marked_lines_flags_only_what_differs() -> None:
    lines = marked_lines(BASE, BASE.replace("à préciser", "1 500 €"))
    assert [line.changed for line in lines] == [False, True, False]
