"""Regenerate resources/schema/*.schema.json from the pydantic models."""

from reviewer_app.core import resources
from reviewer_app.core.schema import write

if __name__ == "__main__":
    for path in write(resources.path("schema")):
        print(path)
