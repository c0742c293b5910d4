"""Helpers shared by the test packages (tests/ui/..., later tests/core/...)."""
