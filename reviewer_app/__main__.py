import sys

from reviewer_app.cli.main import main

sys.exit(main())
