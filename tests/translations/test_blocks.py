"""Rich text cut into blocks and put back: the translation keeps the source's structure."""

import pytest

from revmod.translations.blocks import cut

pytestmark = pytest.mark.unit


def test_each_paragraph_heading_item_and_cell_is_one_block():
    skeleton = cut("<h3>Article 5</h3><p>The State <strong>answers</strong> &amp; explains.</p>"
                   "<ul><li>One</li><li>Two</li></ul><table><tbody><tr><td>Cell</td><td></td></tr></tbody></table>")
    assert skeleton.texts == ("Article 5", "The State answers & explains.", "One", "Two", "Cell")


def test_the_translations_go_back_into_the_same_markup_escaped():
    skeleton = cut("<h3>Article 5</h3><p>A <em>b</em></p><ol><li>c</li></ol><blockquote><p>d</p></blockquote>")
    assert skeleton.fill(["Artículo 5", "A < b", "c", "d & e"]) == (
        "<h3>Artículo 5</h3><p>A &lt; b</p><ol><li>c</li></ol><blockquote><p>d &amp; e</p></blockquote>")


def test_a_line_break_inside_a_paragraph_is_kept():
    skeleton = cut("<p>First line<br>second   line</p>")
    assert skeleton.texts == ("First line\nsecond line",)
    assert skeleton.fill(["Primera\nsegunda"]) == "<p>Primera<br>segunda</p>"


def test_text_outside_any_paragraph_is_a_block_of_its_own():
    assert cut("Loose text<p>Para</p>tail").texts == ("Loose text", "Para", "tail")


def test_a_nested_list_keeps_its_items_apart():
    skeleton = cut("<ul><li>Item<ul><li>Sub-item</li></ul></li></ul>")
    assert skeleton.texts == ("Item", "Sub-item")
    assert skeleton.fill(["X", "Y"]) == "<ul><li>X<ul><li>Y</li></ul></li></ul>"


def test_a_wrong_number_of_translations_is_refused():
    with pytest.raises(ValueError, match="1 translations for 2 blocks"):
        cut("<p>a</p><p>b</p>").fill(["only one"])


def test_empty_text_has_no_block():
    assert cut("").texts == () and cut("<p> </p>").fill([]) == "<p></p>"
