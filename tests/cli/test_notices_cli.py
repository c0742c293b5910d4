"""``oral-notice`` and ``letter --large-print`` from the shell: recorded, audited, never
changed, and stated in the letters."""

from __future__ import annotations

import json
import re

import pytest
import test_letters_cli as base
from paths import SEED
from poppler import height_at, word_heights

from reviewer_app.core.letters.layout import LARGE_PRINT_POINTS
from reviewer_app.core.store.database import Store

environment = base.environment
db = base.db
shell = base.shell
team = base.team
import_case = base.import_case
pdf_text = base.pdf_text


@pytest.fixture
def expedited(tmp_path):
    document = json.loads(SEED.read_text(encoding="utf-8"))
    document["urgency"] = "expedited"
    path = tmp_path / "expedited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_an_oral_notice_is_recorded_once_and_the_letter_confirms_it(shell, team, expedited,
                                                                     tmp_path, db):
    """42 CFR 422.572(c), 29 CFR 2560.503-1(g)(2): the written notice confirms the call."""
    case = import_case(shell, expedited)
    shell("assign", case, "--reviewer", "1")
    code, _, err = shell("oral-notice", case, "--reviewer", "1", "--told", "Daniel Okafor")
    assert code == 2 and "no decision to tell" in err
    assert shell("decide", case, "--decision", "approve", "--reviewer", "1")[0] == 0
    code, _, err = shell("oral-notice", case, "--reviewer", "1")
    assert code == 2 and "needs --told" in err
    code, out, err = shell("oral-notice", case, "--reviewer", "1", "--told",
                           "Daniel Okafor (member)")
    assert (code, out) == (0, f"case {case}: oral notice 1 of decision 1 recorded\n"), err
    code, out, _ = shell("oral-notice", case, "--list")
    assert "told Daniel Okafor (member) (decision 1) by reviewer 1" in out
    letter = tmp_path / "approval.pdf"
    code, _, err = shell("letter", case, "--out", str(letter))
    assert code == 0, err
    text = pdf_text(letter)
    if text is not None:
        folded = " ".join(text.split())
        assert "fast (expedited) request" in folded
        assert "We told Daniel Okafor (member) about this decision by phone" in folded
    assert shell("audit", "verify")[0] == 0
    with Store.open(db, create=False) as store, pytest.raises(Exception, match="cannot be"):
        store.conn.execute("UPDATE oral_notices SET told = 'someone else'")


def test_a_standard_case_takes_no_oral_notice(shell, team):
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    shell("decide", case, "--decision", "approve", "--reviewer", "1")
    code, _, err = shell("oral-notice", case, "--reviewer", "1", "--told", "the member")
    assert code == 2 and "expedited request only" in err


def test_large_print_is_recorded_on_the_case_and_sets_the_member_letter_at_18_points(
        shell, team, tmp_path, db):
    """Issue 12 accessibility: a large-print member letter on request, recorded (audited)."""
    case = import_case(shell)
    shell("assign", case, "--reviewer", "1")
    shell("decide", case, "--decision", "approve", "--reviewer", "1")
    letter = tmp_path / "large.pdf"
    code, _, err = shell("letter", case, "--out", str(letter), "--large-print")
    assert code == 0, err
    floor = height_at(LARGE_PRINT_POINTS) - 0.05
    small = {w for h, w in word_heights(letter.read_bytes()) if h < floor}
    stamp = {"Digitally", "signed", "by", "Pat", "Lee,", "RN"}
    assert all(w in stamp or re.fullmatch(r"[\d:+-]+|[A-Z]{2,5}", w) for w in small), (
        f"large print: only the signature stamp (pyHanko's, fitted to its box) is smaller: "
        f"{sorted(small)}")
    provider = tmp_path / "provider.pdf"
    assert shell("letter", case, "--recipient", "provider", "--out", str(provider))[0] == 0
    assert min(h for h, _ in word_heights(provider.read_bytes())) < floor
    with Store.open(db, create=False) as store:
        from reviewer_app.core.store.audit import entries
        from reviewer_app.core.store.notices import letter_format

        found = letter_format(store, int(case))
        assert found is not None and found.large_print == 1
        assert found.requested_by == "the member"
        assert "letter_format" in {e.action for e in entries(store, case_id=int(case))}
    assert shell("audit", "verify")[0] == 0


def test_a_written_confirmation_after_the_window_warns_and_is_still_issued(
        shell, team, expedited, tmp_path, db, monkeypatch):
    """29 CFR 2560.503-1(g)(2): the written notice of an urgent-care denial told by phone
    follows within 3 days. Four days later the letter is issued all the same, with a warning on
    stderr and the lateness in its audit entry."""
    import datetime as dt

    from reviewer_app.core.store import audit, database

    case = import_case(shell, expedited)
    shell("assign", case, "--reviewer", "2")
    assert shell("decide", case, "--decision", "deny", "--reviewer", "2", "--reason",
                 base.CLINICAL_REASON, "--member-reason", base.ADVERSE_REASON)[0] == 0
    assert shell("oral-notice", case, "--reviewer", "2", "--told",
                 "Daniel Okafor (member)")[0] == 0
    with Store.open(db, create=False) as store:
        [notice] = store.query("SELECT told_at FROM oral_notices")
    told = dt.datetime.fromisoformat(notice["told_at"].replace("Z", "+00:00"))
    later = told + dt.timedelta(days=4, hours=1)
    monkeypatch.setattr(database, "_utc_now", lambda: later)

    letter = tmp_path / "adverse.pdf"
    code, out, err = shell("letter", case, "--out", str(letter))
    assert code == 0, err
    assert letter.is_file() and out.startswith("LTR-000001: adverse letter to the member")
    assert f"letter: warning: case {case}: the written confirmation is 1 day late" in err
    assert "29 CFR 2560.503-1(g)(2) asks for it within 3 calendar days of the oral notice" in err
    with Store.open(db, create=False) as store:
        [entry] = [e for e in audit.entries(store, newest_first=False)
                   if e.action == "create" and e.details.get("letter_id") == "LTR-000001"]
    late = entry.details["oral_notice_late"]
    assert (late["days_late"], late["limit_days"], late["rule"]) == (
        1, 3, "29 CFR 2560.503-1(g)(2)")

    code, _, err = shell("letter", case, "--recipient", "provider", "--out",
                         str(tmp_path / "provider.pdf"))
    assert code == 0 and "warning" not in err, "the rule times the member's written notice"
