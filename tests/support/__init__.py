"""Helpers shared by the test packages (tests/core, tests/cli, tests/ui); on the pytest path."""
