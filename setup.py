"""The one part of the packaging that pyproject.toml cannot say.

The content (criteria sets, code tables, letter wording, fonts) lives in ``resources/`` at the
top of the repository, where it is edited and reviewed; a wheel carries it inside the package as
``reviewer_app/resources``, where ``reviewer_app.core.resources`` looks first. Mapping a package
onto another folder needs an explicit package list, and ``[tool.setuptools.packages.find]`` cannot
add to what it finds; listing the packages by hand in pyproject.toml would go stale whenever a
subpackage is added, so they are found here. Everything else is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

RESOURCES = [
    "reviewer_app.resources",
    *(f"reviewer_app.resources.{name}" for name in find_namespace_packages(where="resources")),
]

setup(
    packages=[*find_namespace_packages(include=["reviewer_app*"]), *RESOURCES],
    package_dir={"reviewer_app.resources": "resources"},
    package_data={name: ["*"] for name in RESOURCES},
)
