"""A realistic synthetic case store for the queue: screenshots and GUI benchmarks (no PHI).

Requests arrive over the days before ``now``, within their decision timeframe or a little
before it, so about one open case in ten is overdue, some are due today and most later.
Reviewers then take some into review, pend, refer, approve or deny them through the store's
own lifecycle functions, so every row is as the application would have written it (audit
trail included).

    python -m bench.queue_store OUT.sqlite3 [COUNT]    # the store `make bench` uses, or any
"""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.generate import case
from reviewer_app.core import deadlines
from reviewer_app.core.deadlines import decision_timeframe
from reviewer_app.core.store import cases, decisions, reviewers
from reviewer_app.core.store.database import Store
from reviewer_app.core.store.organization import create_organization
from reviewer_app.core.store.reviewers import UnlockedReviewer
from reviewer_app.core.store.rows import parse_utc
from reviewer_app.core.trust.authority import create_authority
from reviewer_app.core.trust.keys import create_reviewer_key, open_key

GIVEN = ("Avery", "Blake", "Camila", "Daniel", "Elena", "Farah", "Grace", "Hiro", "Imani",
         "Jonah", "Keiko", "Luis", "Mariam", "Nikolai", "Olga", "Priya", "Quinn", "Rosa",
         "Samuel", "Tariq", "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoë", "Amara",
         "Bruno", "Chiara", "Dmitri", "Esther", "Felipe", "Gloria", "Hassan", "Ines", "Jamal")
FAMILY = ("Okafor", "Nguyen", "García", "Kowalski", "Haddad", "Johansson", "Mensah", "Rossi",
          "Tanaka", "Fitzgerald", "Núñez", "Petrov", "Abernathy", "Lindqvist", "Osei",
          "Castellanos", "Dubois", "Hernández", "Ivanova", "Kaur", "Larsen", "Moreau",
          "O'Connor", "Papadopoulos", "Quispe", "Reyes", "Schneider", "Thompson", "Varga",
          "Washington", "Yilmaz", "Zhang", "Bergström", "Chukwu", "Delgado", "Eriksen",
          "Ferreira", "Goldberg", "Hoang", "Iwu", "Jovanović", "Kim", "Mbeki", "Novak")
REVIEWERS = (("Pat Lee", "RN", "nurse"), ("Dana Whitfield", "RN", "nurse"),
             ("Sam Ortiz", "RN", "nurse"), ("Maria Chen", "MD", "physician"))
DENIAL = ("Your spine is stable and no bone presses on the nerves, so treatment without "
          "surgery comes first.")


def documents(count: int, now: datetime, seed: int = 2026) -> list[tuple[str, str]]:
    """``count`` valid ``ur-case/1`` documents received before ``now``."""
    rng = random.Random(seed)
    docs = []
    for index in range(count):
        doc = case(index, rng)
        expedited = rng.random() < 0.3
        urgency = "expedited" if expedited else "standard"
        # received within its decision timeframe and a little before: about one in ten late
        window = decision_timeframe(urgency, doc["line_of_business"]) * 1.1
        received = now - timedelta(seconds=rng.randrange(int(window.total_seconds())))
        doc.update(
            external_id=f"PA-2026-{100000 + index:06d}",
            urgency=urgency,
            received_at=received.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:00+00:00"),
        )
        doc["member"].update(given_name=rng.choice(GIVEN), family_name=rng.choice(FAMILY),
                             id=f"SYN{index:07d}")
        docs.append((f"request-{index:06d}.json", json.dumps(doc)))
    return docs


def build(path: Path, count: int, now: datetime, *, seed: int = 2026,
          worked: float = 0.6) -> Path:
    """A new store at ``path`` with ``count`` cases; a share ``worked`` of them moved on by a
    reviewer (in review, pended, referred, approved, denied)."""
    rng = random.Random(seed + 1)
    with Store.open(path, clock=lambda: now) as store:
        store.conn.execute("PRAGMA synchronous = OFF")  # a benchmark fixture, built once
        people = _signed_in_reviewers(store, now)
        nurses, physician = people[:3], people[3]
        docs = documents(count, now, seed)
        imported = cases.import_documents(store, docs, workers=cases.suggested_workers(count))
        del docs
        for item in imported:
            if rng.random() >= worked:
                continue
            _work(store, item, rng, nurses, physician, now)
    return path


PASSPHRASE = "a benchmark fixture's passphrase, never kept"


def _signed_in_reviewers(store: Store, now: datetime) -> list[UnlockedReviewer]:
    """The organization CA and the reviewers with certificates from it, signed in (a decision
    is signed by its reviewer's key)."""
    issued = now - timedelta(days=1)
    new, admin = create_authority("Example Health Plan", PASSPHRASE, now=issued)
    create_organization(store, new, admin)
    people = []
    for name, credentials, role in REVIEWERS:
        key = create_reviewer_key(admin, name=name, credentials=credentials, role=role,
                                  passphrase=PASSPHRASE, now=issued)
        reviewer = reviewers.add_reviewer(store, name=name, credentials=credentials, role=role,
                                          key=key, admin=admin)
        people.append(reviewers.session_for(store, reviewer.id, open_key(key.pkcs12,
                                                                         PASSPHRASE)))
    return people


def _work(store: Store, item: cases.Imported, rng: random.Random,
          nurses: list[UnlockedReviewer], physician: UnlockedReviewer, now: datetime) -> None:
    nurse = rng.choice(nurses)
    decisions.assign(store, item.case_id, reviewer=nurse.id, expected_version=1)
    step = rng.random()
    if step < 0.45:
        return
    days = rng.randint(1, 5)
    needed_by = (now + timedelta(days=days)).date()
    # an urgent commercial request gives the claimant at least 48 hours (resources/pend-rules.yaml)
    if step < 0.6 and days >= 2 and needed_by <= deadlines.latest_needed_by(
            parse_utc(item.due_at)):
        decisions.decide(store, item.case_id, "pend", by=nurse, expected_version=2,
                         info_needed_by=needed_by, info_added=["The operative plan"])
    elif step < 0.75:
        decisions.decide(store, item.case_id, "refer", by=nurse, expected_version=2)
        if rng.random() < 0.5:
            decisions.assign(store, item.case_id, reviewer=physician.id, expected_version=3)
    elif item.outcome == "meets_criteria":
        decisions.decide(store, item.case_id, "approve", by=nurse, expected_version=2)
    else:
        decisions.decide(store, item.case_id, "refer", by=nurse, expected_version=2)
        decisions.assign(store, item.case_id, reviewer=physician.id, expected_version=3)
        decisions.decide(store, item.case_id, "deny", by=physician, expected_version=4,
                         reason=DENIAL, member_reason=DENIAL)


def ensure(path: Path, count: int, now: datetime | None = None) -> bool:
    """Build the store at ``path`` unless it is there with ``count`` cases and this build's
    schema (a benchmark reuses it: building 100,000 cases takes minutes); True if it built."""
    if path.exists():
        try:
            with Store.open(path, create=False) as store:
                found = store.conn.execute("SELECT count(*) FROM cases").fetchone()[0]
                if found == count:
                    return False
        except Exception:  # any doubt: build it again
            pass
        for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            stale.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    build(path, count, now or datetime.now(UTC), worked=min(0.6, 3000 / count))
    return True


if __name__ == "__main__":
    target = Path(sys.argv[1])
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    print(target, "built" if ensure(target, total) else "already there")
