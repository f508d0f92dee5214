"""One parser: what a translator sees is exactly what prints."""

import json

import pypandoc
import pytest
from conftest import REPO, make_project

from magazine.languages import EDITIONS
from magazine.model import Project
from magazine.sources.issue import load_issue
from magazine.translation.segment import translate_article, walk_article
from magazine.typeset.compose import compose_article


def as_markdown(blocks: list) -> str:
    doc = {"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": blocks}
    from magazine.pandoc import convert
    doc["pandoc-api-version"] = convert.api_version()
    return pypandoc.convert_text(json.dumps(doc), "markdown", format="json")


def kinds(node, found=None) -> set:
    found = set() if found is None else found
    if isinstance(node, list):
        for item in node:
            kinds(item, found)
    elif isinstance(node, dict) and "t" in node:
        found.add(node["t"])
        kinds(node.get("c"), found)
    return found


@pytest.mark.parametrize("fixture, issue_id", [(None, "01"), ("mini", "07"), ("kinds", "09")])
def test_source_text_round_trips_through_segments(fixture, issue_id, tmp_path):
    project = make_project(tmp_path, fixture) if fixture else Project(REPO)
    issue = load_issue(project, issue_id)
    for article in issue.articles:
        fell_back = []
        fields, blocks = translate_article(article, lambda seg: seg.text,
                                           lambda seg, inlines, fell_back=fell_back:
                                           fell_back.append(seg))
        same_fields, same_blocks = walk_article(article, lambda kind, inlines: inlines)
        assert fell_back == []
        assert as_markdown(blocks) == as_markdown(article.ast["blocks"])
        assert fields.keys() == same_fields.keys()
        assert as_markdown([{"t": "Plain", "c": fields["title"]}]) == \
            as_markdown([{"t": "Plain", "c": same_fields["title"]}])


def test_translated_article_keeps_its_table_list_note_and_link(project):
    issue = load_issue(project, "07")
    article = issue.articles[0]                                   # written in Serbian
    english = compose_article(project, issue, article, EDITIONS["en"])
    assert english.fallbacks == ()
    found = kinds(english.blocks)
    assert {"Table", "BulletList", "Note", "Link", "Emph"} <= found
    text = as_markdown(english.blocks)
    assert "A *round table* for clusters" in text
    assert "(https://example.org/ipa)" in text
    assert "The project is co-financed by the European Union." in text
    assert "klasteri" not in text


def test_untranslated_blocks_print_in_the_source_language_and_are_counted(tmp_path):
    from conftest import make_project
    project = make_project(tmp_path)
    (project.translations / "07/en/susret-u-nisu.po").unlink()
    issue = load_issue(project)
    english = compose_article(project, issue, issue.articles[0], EDITIONS["en"])
    assert len(english.fallbacks) == 14
    assert {f.state for f in english.fallbacks} == {"untranslated"}
    assert "okrugli sto" in as_markdown(english.blocks)


def test_translation_that_starts_like_a_list_stays_a_paragraph():
    from magazine.pandoc import convert
    parsed = convert.markdown_to_inlines(["15. oktobra održan je sastanak.", "- Da", "# jedan"])
    assert [p[0]["c"] for p in parsed] == ["15.", "-", "#"]


def test_footnote_marks_are_numbered_within_each_block():
    from magazine.translation.segment import segment_article
    issue = load_issue(Project(REPO), "01")
    marked = [s.text for a in issue.articles for s in segment_article(a) if "[^" in s.text]
    assert marked and all("[^1]" in text and "[^2]" not in text for text in marked)
