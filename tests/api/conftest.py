"""The API tests work on the same data as the pages' tests: their fixtures, not copies."""

from tests.followup.conftest import records  # noqa: F401 - fixtures, found by pytest by name
from tests.questionnaires.conftest import questionnaires, saq, untoc  # noqa: F401
