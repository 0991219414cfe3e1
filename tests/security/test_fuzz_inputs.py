"""Property-based tests of the forms and imports: any input gets a clear answer, never a 500 (issue 7).

Hypothesis writes the inputs: arbitrary Unicode (right-to-left marks, NULs, emoji, very long
strings) in every field of the main forms, the import-reviews file with any of its cells
replaced, and arbitrary bytes or damaged packages as an offline questionnaire. Each property
is bounded in examples; the counts are printed.
"""

import io
import zipfile
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings, strategies as st

from revmod.core.errors import Refused
from revmod.questionnaires.interfaces.offline import kind_of, open_package
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from revmod.reviews.interfaces.importer import read_import
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration
EXAMPLE_CSV = Path(__file__).resolve().parents[2] / "docs" / "examples" / "import-reviews.csv"
FUZZ = settings(max_examples=40, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
COUNTS: dict[str, int] = {}
text = st.text(st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["", " ", "\x00", "\u202e", "9" * 400, "<script>alert(1)</script>", "'; DROP TABLE x; --", "2021-02-30", "-1", "٣"])


def _count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


@pytest.fixture
def saq(cast, cast_review):
    return step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)


def _post(client, url, data):
    with transaction.atomic():  # each example starts from the same world
        response = client.post(url, data)
        transaction.set_rollback(True)
    return response


def test_forms_answer_any_text_without_a_server_error(cast, saq, login, client, capsys):
    document = saq.documents.get(instrument_id="UNTOC")
    forms = {
        "/accounts/login/": ("username", "password"),
        "/accounts/new-link/": ("email",),
        f"/documents/{document.pk}/": ("body", "base_version"),
        f"/reviews/steps/{saq.pk}/extension/": ("new_due_on", "reason"),
        f"/reviews/steps/{saq.pk}/deadline/": ("due_on", "reason"),
        "/accounts/profile/": ("profile", "first_name", "last_name", "gender", "institution_type", "language", "phone"),
    }
    people = {"fp.reviewed": login(cast["fp.reviewed"]), "anonymous": type(client)()}

    @FUZZ
    @given(url=st.sampled_from(sorted(forms)), values=st.lists(text, min_size=7, max_size=7),
           who=st.sampled_from(sorted(people)))
    def post(url, values, who):
        response = _post(people[who], url, dict(zip(forms[url], values, strict=False)))  # fewer fields than values
        _count("form posts")
        assert response.status_code < 500, (url, values)

    post()
    with capsys.disabled():
        print(f"\nhypothesis: {COUNTS['form posts']} form posts")


def test_the_import_of_reviews_reports_problems_for_any_damaged_file(cast, tmp_path, capsys):
    lines = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()

    @FUZZ
    @given(line=st.integers(0, len(lines) - 1), cell=st.integers(0, 40), value=text)
    def damaged(line, cell, value):
        rows = [row.split(",") for row in lines]
        row = rows[line]
        row[cell % len(row)] = value.replace(",", " ").replace("\n", " ").replace("\r", " ")
        path = tmp_path / f"import-{COUNTS.get('imports', 0)}.csv"
        path.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8", errors="surrogatepass")
        _count("imports")
        plan, problems = read_import(path)
        assert (plan is None) == bool(problems)  # a plan, or the reasons why not: never both, never neither
        assert all(str(p.message) for p in problems)

    damaged()
    with capsys.disabled():
        print(f"hypothesis: {COUNTS['imports']} damaged import files")


def _zip(names: list[str], payload: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, payload)
    return buffer.getvalue()


def test_an_offline_questionnaire_of_any_bytes_is_refused_cleanly(capsys):
    packages = st.builds(_zip, st.lists(st.sampled_from(["xl/workbook.xml", "word/document.xml", "[Content_Types].xml", "x"]),
                                        max_size=3, unique=True), st.binary(max_size=200))

    @FUZZ
    @given(data=st.binary(max_size=2000) | packages, expected=st.sampled_from(["xl/workbook.xml", "word/document.xml"]))
    def upload(data, expected):
        _count("offline files")
        assert kind_of(data) in (None, "xlsx", "docx")
        try:
            open_package(data, expected=expected)
        except Refused as refusal:
            assert refusal.messages[0]

    upload()
    with capsys.disabled():
        print(f"hypothesis: {COUNTS['offline files']} offline questionnaire files")
