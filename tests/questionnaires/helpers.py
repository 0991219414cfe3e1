"""Answering questionnaires in tests: every question filled, and the answers submitted."""

from revmod.questionnaires.answers import FIELDS
from revmod.questionnaires.domain.queries import answers_of, questions_of, shown_questions
from revmod.questionnaires.domain.responses import open_response, save_answer, submit_response


def sample_value(question, choice: str = "yes") -> dict:
    """A valid answer of the question's kind."""
    value = {}
    for field in FIELDS[question.kind]:
        if field.options:
            value[field.name] = choice if choice in field.options else field.options[0]
        elif field.name == "link":
            value[field.name] = "https://sherloc.unodc.org/cld/en/legislation/example.html"
        else:
            value[field.name] = f"{field.name} of {question.label}: Penal Code, s. 12.\n\nSecond paragraph."
    return value


def answer_all(response, actor, *, choice: str = "yes") -> int:
    """Answer every question shown (follow-ups appear as their parents are answered)."""
    done = 0
    while True:
        answers = answers_of(response)
        values = {qid: a.value for qid, a in answers.items()}
        todo = [q for q in shown_questions(questions_of(response), values) if not values.get(q.pk)]
        if not todo:
            return done
        for question in todo:
            revision = answers[question.pk].revision if question.pk in answers else 0  # a file may come first
            save_answer(response, question=question, value=sample_value(question, choice), base_revision=revision, actor=actor)
            done += 1


def submit_all(step, drafter, focal_point) -> None:
    """Answer and submit every instrument's questionnaire of a SAQ step (P&R 34)."""
    for document in step.documents.all():
        response = open_response(step, instrument_id=document.instrument_id, actor=drafter)
        if response is not None:
            answer_all(response, drafter)
            submit_response(response, actor=focal_point)
