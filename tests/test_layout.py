"""Guard rails of the code's layout: rooms import only downwards, each outside tool has its
one module, pandoc's tree is read by position in one place, small commands start light."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_magazine

PACKAGE = REPO / "magazine"

# Each room may import its own layer and the layers below it, never one above.
LAYERS = [
    {"errors", "model"},                                  # the shared vocabulary
    {"machinery", "pandoc", "formats"},                   # tools; the formats and their files
    {"languages", "serbian"},                             # the languages and their scripts
    {"sources", "translation"},                           # what editors and translators give
    {"typeset"},                                          # pages and books
    {"word", "distribution"},                             # Word files; the release's parts
    {"build", "release"},                                 # the orchestrators
    {"cli", "__main__"},                                  # the command line
]
RANK = {room: n for n, rooms in enumerate(LAYERS) for room in rooms}


def modules() -> dict[str, Path]:
    """Return every module of the package by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path, top_level_only: bool = False) -> set[str]:
    """Return the modules a file imports (magazine's as dotted names, others by package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            known = modules()
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
    return found


def room(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "magazine"


def test_every_module_lives_in_a_known_room():
    rooms = {room(name) for name in modules()} - {"magazine"}
    assert rooms <= set(RANK), f"rooms without a layer: {rooms - set(RANK)}"


def test_rooms_import_only_downwards():
    upward = [f"{name} imports {target}"
              for name, path in modules().items() if room(name) in RANK
              for target in imports(path)
              if target.startswith("magazine.") and room(target) in RANK
              and RANK[room(target)] > RANK[room(name)]]
    assert upward == []


def test_no_module_imports_itself_round_about():
    graph = {name: {t for t in imports(path, top_level_only=True) if t in modules()}
             for name, path in modules().items()}

    def reaches(start, goal, seen):
        return any(t == goal or (t not in seen and reaches(t, goal, seen | {t}))
                   for t in graph[start])
    cycles = [name for name in graph if reaches(name, name, {name})]
    assert cycles == []


@pytest.mark.parametrize("package, allowed", [
    ("click", {"magazine.cli"}),
    ("weasyprint", {"magazine.typeset.pdf", "magazine.typeset.preflight"}),
    ("pypandoc", {"magazine.pandoc.convert"}),
    ("polib", {"magazine.translation.catalog", "magazine.translation.merge"}),
])
def test_each_outside_tool_is_used_from_its_own_modules(package, allowed):
    users = {name for name, path in modules().items()
             if any(t == package or t.startswith(f"{package}.") for t in imports(path))}
    assert users <= allowed


def test_pandocs_tree_is_read_and_built_in_one_module():
    positional = re.compile(r"""\[["']c["']\]|\{["']t["']:\s*["']""")
    found = [f"{path.relative_to(REPO)}:{n}"
             for name, path in modules().items() if name != "magazine.pandoc.ast"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if positional.search(line)]
    assert found == []


def loaded_after(project, *args: str) -> set[str]:
    """Run the command line in a fresh interpreter; return the top-level packages it loaded."""
    script = ("import atexit, sys\n"
              "atexit.register(lambda: sys.stderr.write('\\nLOADED ' + ' '.join(sorted(\n"
              "    {m.split('.')[0] for m in sys.modules})) + '\\n'))\n"
              f"sys.argv = ['magazine', *{list(args)!r}]\n"
              "from magazine.cli import main\nmain()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=project.root, input="ljubav\n",
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(done.stderr.rsplit("LOADED ", 1)[1].split())


@pytest.mark.parametrize("args", [("--help",), ("transliterate",),
                                  ("translations", "status", "07")])
def test_small_commands_start_without_weasyprint(project, args):
    loaded = loaded_after(project, *args)
    assert "click" in loaded and "weasyprint" not in loaded


def test_version_names_the_pipeline_pandoc_and_weasyprint(project):
    done = run_magazine(project, "--version")
    assert done.returncode == 0
    assert re.fullmatch(r"magazine \d+\.\d+\.\d+ \(pandoc [\d.]+, WeasyPrint [\d.]+\)\n",
                        done.stdout), done.stdout
    short, long = run_magazine(project, "-h"), run_magazine(project, "--help")
    assert short.returncode == 0 and short.stdout == long.stdout and "build" in short.stdout
