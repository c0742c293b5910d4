"""``python main.py [CASE.json]`` starts the desktop application."""

import sys

from reviewer_app.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
