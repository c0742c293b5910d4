"""One pipeline for the whole test session: loading medspaCy takes 1-2 s."""

import pytest

from reviewer_app.core.reports.pipeline import default_pipeline
from reviewer_app.core.reports.reader import read_report


@pytest.fixture(scope="session")
def pipeline():
    return default_pipeline().load()


@pytest.fixture(scope="session")
def read(pipeline):
    def read(text: str, modality: str = "MRI", levels=("L2",)):
        return read_report(text, modality, levels, pipeline=pipeline)

    return read
