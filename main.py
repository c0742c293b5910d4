"""``python main.py [CASE.json]`` starts the desktop application."""

import sys

if __name__ == "__main__":  # not on import: the report reader's process imports this file
    from reviewer_app.ui.app import main

    sys.exit(main())
