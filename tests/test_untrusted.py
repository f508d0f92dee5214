"""Untrusted content reaches nothing outside the issue: refused at once, in one clear line."""

import http.server
import threading
import zipfile

import docx
import pytest
from conftest import run_magazine
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from test_bad_input import assert_one_clear_line

ARTICLE = "07/articles/sofia-seminar.md"


@pytest.fixture
def server():
    """A web server on this machine that counts the requests it gets."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}", requests
    httpd.shutdown()


def add_to_article(project, text: str) -> None:
    article = project.issues / ARTICLE
    article.write_text(article.read_text() + "\n" + text + "\n")


@pytest.mark.parametrize("markdown, fragment", [
    ("![map](file:///etc/passwd)", "'file:///etc/passwd': only files inside the issue"),
    ("![map]({url}/map.png)", "only files inside the issue folder"),
    ("![map](../../../../etc/passwd)", "points outside the issue folder"),
    ('<link rel="stylesheet" href="{url}/evil.css">', "raw HTML '<link'"),
    ('<img src="file:///etc/passwd">', "raw HTML '<img'"),
    ('<p style="background: url({url}/x.png)">Tekst</p>', "raw HTML 'url('"),
    ("Text <iframe src='{url}/'></iframe> here.", "raw HTML '<iframe'"),
])
def test_articles_cannot_reach_outside_the_issue(project, server, markdown, fragment):
    url, requests = server
    add_to_article(project, markdown.format(url=url))
    done = run_magazine(project, "build", "-e", "en", "-f", "epub")
    assert_one_clear_line(done, "sofia-seminar.md:17:", fragment)
    assert requests == []
    assert not (project.build / "07/infocluster-07-en.epub").exists()


@pytest.mark.parametrize("svg, fragment", [
    ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "declares entities"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "script"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "script"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
     '<image xlink:href="{url}/photo.png" width="9" height="9"/></svg>', "refers to"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="../../../../../etc/passwd"/>'
     '</svg>', "points outside the issue folder"),
])
def test_svg_images_with_entities_scripts_or_outside_references_are_refused(
        project, server, svg, fragment):
    url, requests = server
    (project.issues / "07/media/dot.svg").write_text(svg.format(url=url))
    done = run_magazine(project, "build", "-e", "en", "-f", "epub")
    assert_one_clear_line(done, "sofia-seminar.md:15:", "media/dot.svg", fragment)
    assert requests == []


def test_a_translation_cannot_load_anything_either(project, server):
    url, requests = server
    catalog = project.translations / "07/en/sofia-seminar.po"
    catalog.write_text(catalog.read_text().replace(
        'msgstr "A seminar in Sofia"', f'msgstr "A seminar <img src=\\"{url}/x.png\\">"'))
    done = run_magazine(project, "build", "-e", "en", "-f", "epub")
    assert_one_clear_line(done, "translations/07/en/sofia-seminar.po:", "raw HTML '<img'")
    assert requests == []


@pytest.mark.parametrize("line, fragment", [
    ("cover: file:///etc/passwd", "issue.yaml:12: 'file:///etc/passwd'"),
    ("cover: ../../../../etc/passwd", "issue.yaml:12: '../../../../etc/passwd' points outside"),
])
def test_the_manifest_cannot_reach_outside_the_issue(project, line, fragment):
    manifest = project.issues / "07/issue.yaml"
    manifest.write_text(manifest.read_text() + line + "\n")
    assert_one_clear_line(run_magazine(project, "build"), fragment)


def test_a_slug_cannot_climb_out_of_the_issue(project):
    manifest = project.issues / "07/issue.yaml"
    manifest.write_text(manifest.read_text() + "  - ../../../etc/passwd\n")
    assert_one_clear_line(run_magazine(project, "build"), "issue.yaml:12:",
                          "must be lower-case letters, digits and hyphens")


def test_a_stylesheet_address_is_refused_while_rendering(project, server):
    url, requests = server
    css = project.styles / "magazine.css"
    css.write_text(f'@import url("{url}/evil.css");\n' + css.read_text())
    done = run_magazine(project, "build", "-e", "en", "-f", "print")
    assert_one_clear_line(done, f"refused to read {url}/evil.css")
    assert requests == []


def word_file(folder, relate) -> str:
    document = docx.Document()
    document.add_paragraph("Klaster okuplja firme iz Niša i Sofije.")
    relate(document)
    path = folder / "article.docx"
    document.save(path)
    return str(path)


def test_a_docx_linking_a_picture_outside_itself_is_refused(project, tmp_path, server):
    url, requests = server
    source = word_file(tmp_path, lambda d: d.part.relate_to(f"{url}/x.png", RT.IMAGE,
                                                             is_external=True))
    done = run_magazine(project, "import-docx", source)
    assert_one_clear_line(done, "article.docx", f"links to '{url}/x.png' outside itself")
    assert requests == [] and not (project.issues / "07/articles/article.md").exists()


def test_a_docx_that_unpacks_to_hundreds_of_megabytes_is_refused(project, tmp_path):
    source = tmp_path / "bomb.docx"
    with zipfile.ZipFile(word_file(tmp_path, lambda d: None)) as real, \
            zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in real.infolist():
            bomb.writestr(item, real.read(item))
        with bomb.open("word/media/zeros.bin", "w", force_zip64=True) as member:
            for _ in range(260):
                member.write(bytes(2**20))
    done = run_magazine(project, "import-docx", str(source))
    assert_one_clear_line(done, "bomb.docx", "unpacks to 260 MB", "zip bomb")
