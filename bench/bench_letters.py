"""Letter budgets: render plus sign one letter (median; budget 150 ms) and 100 in a batch.

``run()`` returns ``(metric, value, budget)`` rows; ``python bench/bench_letters.py`` prints
them. Requests are built (case parsed, evaluated) before the clock starts: the timings are
composition, layout, PDF writing and the PAdES signature with a key already unlocked, as in a
reviewer's session. The first-letter row runs a fresh process, so it includes imports, font
registration (the CJK fallback font alone is about 0.1 s) and unlocking the key.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reviewer_app.core.letters import render_letter  # noqa: E402
from reviewer_app.core.letters.examples import request_for  # noqa: E402
from reviewer_app.core.letters.keys import unlock  # noqa: E402
from reviewer_app.core.letters.letterhead import load_letterhead  # noqa: E402
from reviewer_app.core.letters.request import LETTER_TYPES, RECIPIENTS  # noqa: E402
from reviewer_app.core.letters.sign import sign_letter  # noqa: E402
from reviewer_app.core.letters.verify import load_certificates, verify_pdf  # noqa: E402
from reviewer_app.core.trust.authority import create_authority  # noqa: E402
from reviewer_app.core.trust.keys import create_reviewer_key  # noqa: E402

PASSPHRASE = "benchmark passphrase"
REPEATS = 20
BATCH = 100
COLD = """
import time
start = time.perf_counter()
from reviewer_app.core.letters import render_letter
from reviewer_app.core.letters.examples import request_for
from reviewer_app.core.letters.keys import unlock
from reviewer_app.core.letters.sign import sign_letter
request = request_for("adverse", "member")
key = unlock(bytes.fromhex("{pkcs12}"), "{passphrase}")
sign_letter(render_letter(request), key)
print(time.perf_counter() - start)
"""


def _median_ms(action, repeats: int = REPEATS) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1e3


def run() -> list[tuple[str, str, str]]:
    authority, admin = create_authority("Example Health Plan", PASSPHRASE)
    reviewer = create_reviewer_key(admin, name="Bench Reviewer", credentials="MD",
                                   role="physician", passphrase=PASSPHRASE)
    key = unlock(reviewer.pkcs12, PASSPHRASE)
    letterhead = load_letterhead()
    member = request_for("adverse", "member")
    provider = request_for("adverse", "provider")
    signed = sign_letter(render_letter(member, letterhead), key)
    sign_letter(render_letter(provider, letterhead), key)

    member_ms = _median_ms(lambda: sign_letter(render_letter(member, letterhead), key))
    provider_ms = _median_ms(lambda: sign_letter(render_letter(provider, letterhead), key))
    render_ms = _median_ms(lambda: render_letter(member, letterhead))
    roots = load_certificates(authority.certificate_pem)
    verify_ms = _median_ms(lambda: verify_pdf(signed, roots))

    kinds = [(t, r) for t in LETTER_TYPES for r in RECIPIENTS]
    batch = [request_for(*kinds[i % len(kinds)], number=i + 1) for i in range(BATCH)]
    start = time.perf_counter()
    total_bytes = sum(len(sign_letter(render_letter(r, letterhead), key)) for r in batch)
    batch_s = time.perf_counter() - start

    cold = subprocess.run(
        [sys.executable, "-c", COLD.format(pkcs12=reviewer.pkcs12.hex(), passphrase=PASSPHRASE)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    cold_s = float(cold.stdout.strip().splitlines()[-1])
    return [
        ("letter: render + sign one letter (adverse, member, 3 pages), median of 20",
         f"{member_ms:.0f} ms", "< 150 ms"),
        ("letter: render + sign one letter (adverse, provider, 5 pages), median of 20",
         f"{provider_ms:.0f} ms", "< 150 ms"),
        ("letter: render only (adverse, member), median of 20", f"{render_ms:.0f} ms",
         "informational"),
        ("letter: verify one signed letter, median of 20", f"{verify_ms:.0f} ms",
         "informational"),
        (f"letter: {BATCH} letters rendered + signed in a batch (all types, both recipients)",
         f"{batch_s:.2f} s ({BATCH / batch_s:.0f} letters/s, {total_bytes / BATCH / 1024:.0f} KiB "
         "each)", "informational"),
        ("letter: first letter in a new process (imports, fonts, unlock, render, sign)",
         f"{cold_s:.2f} s", "informational"),
    ]


def main() -> int:
    print("| metric | measured | budget |")
    print("|---|---|---|")
    for metric, value, budget in run():
        print(f"| {metric} | {value} | {budget} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
