"""Files the tests read: the motivating case ships in ``examples/`` (synthetic, no PHI)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-l2-corpectomy.json"
