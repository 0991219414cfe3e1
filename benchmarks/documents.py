"""Figures for the structured documents of a review: questionnaires offline and in the browser (issue 4).

Run from the repository root: `.venv/bin/python benchmarks/documents.py`. Works in a throwaway
SQLite database in a temporary folder; prints only `name: value` lines. Targets:
- export and re-import of a fully answered UNTOC cluster-1 questionnaire in < 5 s (each format);
- the browser's answering page under 300 KB transferred (the page and every file it loads);
- the PDF of a 5,000-word summary in < 5 s (English, Arabic, Chinese).

Each figure is a function in FIGURES returning (name, value) pairs; add a figure by writing one
more function and listing it there.
"""

import gzip
import io
import os
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
TEMP = tempfile.TemporaryDirectory(prefix="revmod-bench-documents-")
(Path(TEMP.name) / "static").mkdir()  # STATIC_ROOT: the pages are served from the app folders here
os.environ.update(REVMOD_DATA_DIR=TEMP.name, DJANGO_SETTINGS_MODULE="revmod.settings",
                  REVMOD_REQUIRE_SECOND_FACTOR="0", REVMOD_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from docx import Document as WordDocument  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from revmod.demo.cast import build_cast  # noqa: E402
from revmod.questionnaires.answers import FIELDS  # noqa: E402
from revmod.questionnaires.domain.definitions import load_questionnaires  # noqa: E402
from revmod.questionnaires.domain.imports import CHANGE, apply_import, preview, receive_file  # noqa: E402
from revmod.questionnaires.domain.queries import answers_of, questions_of, shown_questions  # noqa: E402
from revmod.questionnaires.domain.responses import open_response, save_answer  # noqa: E402
from revmod.questionnaires.interfaces.offline import SLOT_OF  # noqa: E402
from revmod.questionnaires.interfaces.docx import FIELD_TAG, QUESTION_TAG, export_docx, read_docx  # noqa: E402
from revmod.questionnaires.interfaces.xlsx import export_xlsx, read_xlsx  # noqa: E402
from revmod.reference.domain import load_instruments, load_parties  # noqa: E402
from revmod.reference.models import Instrument, Party  # noqa: E402
from revmod.reviews.domain.reviews import seat_reviewer, start_review  # noqa: E402
from revmod.reviews.domain.steps import record_consultation, step_of  # noqa: E402
from revmod.reviews.enums import SeatBasis, StepKind  # noqa: E402
from revmod.reviews.models import ReviewGroup  # noqa: E402

STARTED = date(2020, 12, 1)
_STATE: dict = {}


def make_review(iso3: str, *, group, same: str, other: str):
    """A review with its two reviewing States on every instrument, as in the tests' cast."""
    review = start_review(Party.objects.get(pk=iso3), group=group, actor=None)
    for instrument in Instrument.objects.filter(adherences__party_id=iso3):
        for reviewer, basis in ((same, SeatBasis.SAME_REGION), (other, SeatBasis.OTHER_REGION)):
            seat_reviewer(review, reviewer=Party.objects.get(pk=reviewer), instrument=instrument, basis=basis,
                          since=STARTED, actor=None)
    return review


def long_value(question, round_: int) -> dict:
    """A realistic answer: a choice, and a few hundred words in each text field."""
    value = {}
    for field in FIELDS[question.kind]:
        if field.options:
            value[field.name] = "yes" if "yes" in field.options else field.options[0]
        elif field.name == "link":
            value[field.name] = f"https://sherloc.unodc.org/cld/en/legislation/gha/act_{question.pk}.html"
        else:
            sentence = f"Round {round_}: section {question.pk} of the Criminal Offences Act applies, as amended in 2019. "
            value[field.name] = (sentence * 25).strip()
    return value


def setup():
    """Migrations, reference data, the cast, and a fully answered UNTOC cluster-1 questionnaire."""
    if _STATE:
        return _STATE
    call_command("migrate", verbosity=0)
    load_instruments()
    load_parties()
    load_questionnaires()
    # The largest UNTOC questionnaire: as for a State not party to UNCAC, articles 8 and 9 are asked too (P&R 9).
    Party.objects.filter(pk="GHA").update(uncac_party=False)
    group = ReviewGroup.objects.create(number=1, started_on=STARTED, phase_started_on=STARTED)
    review = make_review("GHA", group=group, same="KEN", other="NOR")
    cast = build_cast(review, unrelated_review=make_review("MEX", group=group, same="PER", other="FRA"))
    phase = record_consultation(review.phases.get(), actor=cast["secretariat"], consulted_on=date(2021, 1, 15), languages=["en"])
    response = open_response(step_of(phase, StepKind.SAQ), instrument_id="UNTOC", actor=cast["expert.reviewed"])
    while True:  # follow-ups appear as their parents are answered "yes"
        answers = answers_of(response)
        values = {qid: a.value for qid, a in answers.items()}
        todo = [q for q in shown_questions(questions_of(response), values) if q.pk not in answers]
        if not todo:
            break
        for question in todo:
            save_answer(response, question=question, value=long_value(question, 1), base_revision=0, actor=cast["expert.reviewed"])
    _STATE.update(cast=cast, response=response)
    return _STATE


def _text_field(question) -> str | None:
    """The field of the question written in the file's text column or row, if it has one."""
    return next((f.name for f in FIELDS[question.kind] if SLOT_OF[f.name] == "text"), None)


def fill_xlsx(data: bytes, round_: int, questions: dict) -> bytes:
    """Every row's text column rewritten, as a person working offline would."""
    book = load_workbook(io.BytesIO(data))
    sheet = book["Answers"]
    for row in sheet.iter_rows(min_row=2):
        question = questions.get(row[0].value)
        name = question and _text_field(question)
        if name:
            sheet.cell(row[0].row, 7, long_value(question, round_)[name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def fill_docx(data: bytes, round_: int, questions: dict) -> bytes:
    """Every table's text row rewritten."""
    document = WordDocument(io.BytesIO(data))
    for table in document.tables:
        question = questions.get(int(QUESTION_TAG.search(table.cell(0, 0).text).group(1)))
        for row in table.rows[1:]:
            name = FIELD_TAG.search(row.cells[0].text).group(1)
            if question is not None and name == _text_field(question):
                row.cells[1].text = long_value(question, round_)[name]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _round_trip(fmt: str, export, read, fill, round_: int) -> list[tuple[str, str]]:
    state = setup()
    response, expert = state["response"], state["cast"]["expert.reviewed"]
    questions = {q.pk: q for q in questions_of(response)}
    kinds = {pk: q.kind for pk, q in questions.items()}
    started = time.perf_counter()
    data = export(response, language="en")
    exported = time.perf_counter()
    filled = fill(data, round_, questions)  # the person's work offline: not timed
    resumed = time.perf_counter()
    parsed = read(filled, kinds=kinds)
    pending = receive_file(response, meta=parsed.meta, rows=parsed.rows, file_name=f"answers.{fmt}", actor=expert)
    changes = sum(1 for row in preview(pending) if row.status == CHANGE)
    apply_import(pending, overwrite={}, actor=expert)
    finished = time.perf_counter()
    total = (exported - started) + (finished - resumed)
    return [(f"questionnaire_{fmt}_questions", str(len(questions))),
            (f"questionnaire_{fmt}_answers_changed_on_import", str(changes)),
            (f"questionnaire_{fmt}_file_kb", f"{len(data) / 1024:.0f}"),
            (f"questionnaire_{fmt}_export_s", f"{exported - started:.2f}"),
            (f"questionnaire_{fmt}_reimport_s", f"{finished - resumed:.2f}"),
            (f"questionnaire_{fmt}_export_and_reimport_s", f"{total:.2f}")]


def figure_xlsx_round_trip() -> list[tuple[str, str]]:
    """Export of the fully answered UNTOC cluster-1 questionnaire to XLSX and re-import (target < 5 s)."""
    return _round_trip("xlsx", export_xlsx, read_xlsx, fill_xlsx, 2)


def figure_docx_round_trip() -> list[tuple[str, str]]:
    """The same to DOCX and back (target < 5 s)."""
    return _round_trip("docx", export_docx, read_docx, fill_docx, 3)


ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/static/[^"?#]+)')


def figure_answering_page_weight() -> list[tuple[str, str]]:
    """The answering page as the expert gets it, with every stylesheet, script and image it loads
    (target < 300 KB transferred). revmod does not compress its pages itself, so `answering_page_kb`
    (uncompressed) is what goes over the wire; `answering_page_gzip_kb` is what a compressing
    front-end proxy would send. The answers are long on purpose (about 2,500 characters per text)."""
    state = setup()
    client = Client()
    client.force_login(state["cast"]["expert.reviewed"])
    reply = client.get(f"/questionnaires/{state['response'].pk}/")
    assert reply.status_code == 200, reply.status_code
    html = reply.content
    parts = [html]
    for url in sorted(set(ASSET.findall(html.decode()))):
        path = finders.find(url.removeprefix("/static/"))
        assert path, f"missing static file {url}"
        parts.append(Path(path).read_bytes())
    raw = sum(len(p) for p in parts)
    zipped = sum(len(gzip.compress(p)) for p in parts)
    return [("answering_page_requests", str(len(parts))), ("answering_page_html_kb", f"{len(html) / 1024:.0f}"),
            ("answering_page_kb", f"{raw / 1024:.0f}"), ("answering_page_gzip_kb", f"{zipped / 1024:.0f}")]


SUMMARY_PARAGRAPHS = {  # realistic sentences; repeated to 5,000 words as the word count counts them
    "en": "The State under review has criminalized participation in an organized criminal group and the laundering of proceeds of crime, and its courts have applied these provisions in recent cases.",
    "ar": "جرّمت الدولة الخاضعة للاستعراض المشاركة في جماعة إجرامية منظمة وغسل عائدات الجرائم، وطبّقت محاكمها هذه الأحكام في قضايا حديثة.",
    "zh": "受审议缔约国已将参加有组织犯罪集团和洗钱行为规定为刑事犯罪其法院在近期案件中适用了这些规定",
}


def _summary_of_5000_words(language: str) -> str:
    """Headings every ten paragraphs, paragraphs up to exactly 5,000 words (P&R 38)."""
    from revmod.documents.wordcount import count_words

    sentence = SUMMARY_PARAGRAPHS[language]
    per = count_words(sentence)
    parts, words, n = [], 0, 0
    while words + per <= 5000:
        if n % 10 == 0:
            parts.append(f"<h3>{n // 10 + 1}</h3>")
        parts.append(f"<p>{sentence}</p>")
        words, n = words + per, n + 1
    filler = " ".join(["x"] * (5000 - words)) if language != "zh" else "字" * (5000 - words)
    parts.append(f"<p>{filler}</p>")
    html = "".join(parts)
    assert count_words(html) == 5000 + sum(1 for p in parts if p.startswith("<h3>")), count_words(html)
    return html


def figure_summary_pdf() -> list[tuple[str, str]]:
    """PDF (and DOCX) of a 5,000-word summary laid out like a UN document, in English, Arabic
    (right to left) and Chinese (target < 5 s each). The first line is the one-off start of
    pango and the fonts in a fresh process, measured apart; `_cpu_s` is the processor time,
    which a machine shared with other work does not inflate."""
    from revmod.documents.export import Submission, to_docx, to_pdf

    def submission(language, body):
        return Submission(symbol="CTOC/IRM/GHA/1/UNTOC/SUM", title="Summary", state="Ghana", language=language,
                          dated_on=date(2022, 9, 15), body_html=body, restricted=False)

    rows = []
    started = time.perf_counter()
    to_pdf(submission("en", "<p>Start.</p>"))
    rows.append(("summary_pdf_first_call_s", f"{time.perf_counter() - started:.2f}"))
    for language in ("en", "ar", "zh"):
        body = _summary_of_5000_words(language)
        started, cpu = time.perf_counter(), time.process_time()
        pdf = to_pdf(submission(language, body))
        rendered, cpu = time.perf_counter(), time.process_time() - cpu
        to_docx(submission(language, body))
        finished = time.perf_counter()
        rows += [(f"summary_5000_words_pdf_{language}_s", f"{rendered - started:.2f}"),
                 (f"summary_5000_words_pdf_{language}_cpu_s", f"{cpu:.2f}"),
                 (f"summary_5000_words_pdf_{language}_kb", f"{len(pdf) / 1024:.0f}"),
                 (f"summary_5000_words_docx_{language}_s", f"{finished - rendered:.2f}")]
    return rows


FIGURES = [figure_xlsx_round_trip, figure_docx_round_trip, figure_answering_page_weight, figure_summary_pdf]


def main() -> None:
    for figure in FIGURES:
        for name, value in figure():
            print(f"{name}: {value}", flush=True)


if __name__ == "__main__":
    main()
