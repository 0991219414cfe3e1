"""Counting words in the six UN languages."""

import pytest

from revmod.documents.wordcount import count_words

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("text", "words"), [
    ("The State party's legislation is well-drafted.", 6),
    ("<p>Two <strong>words</strong></p>", 2),
    ("L'État partie a adopté des mesures.", 6),
    ("Государство-участник приняло меры.", 3),
    ("اتخذت الدولة الطرف تدابير.", 4),
    ("缔约国已采取措施。", 8),
    ("Article 5, paragraph 1 (a)", 5),
    ("  \n ... — ", 0),
])
def test_count_words_in_each_language(text, words):
    assert count_words(text) == words
