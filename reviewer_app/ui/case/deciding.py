"""What the case view's decisions run on the database thread: the core's own functions, in
the order a reviewer's click means them. A draft is taken into review by the reviewer who
decides it (``decisions.assign``, then ``decisions.decide``), each save checking the version
read; nothing here decides anything the store would not."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer_app.core.store.database import Store
    from reviewer_app.core.store.decisions import Decided
    from reviewer_app.core.store.peer_to_peer import PeerToPeer
    from reviewer_app.core.store.reviewers import UnlockedReviewer
    from reviewer_app.ui.case.decision_dialogs import DecisionRequest
    from reviewer_app.ui.case.p2p_dialog import PeerToPeerRequest


def record_decision(store: Store, case_id: int, version: int, request: DecisionRequest,
                    reviewer: UnlockedReviewer) -> Decided:
    from reviewer_app.core.store import cases, decisions

    if cases.get_case(store, case_id).status == "draft":
        version = decisions.assign(store, case_id, reviewer=reviewer.id,
                                   expected_version=version, by=reviewer.id).version
    return decisions.decide(store, case_id, request.decision, by=reviewer,
                            expected_version=version, **request.arguments())


def record_talk(store: Store, case_id: int, request: PeerToPeerRequest,
                reviewer: UnlockedReviewer) -> PeerToPeer:
    from reviewer_app.core.store.peer_to_peer import record_peer_to_peer

    return record_peer_to_peer(store, case_id, by=reviewer.id, provider=request.provider,
                               held_at=request.held_at, outcome=request.outcome,
                               note=request.note)
