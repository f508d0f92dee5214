"""The versions of the pipeline and of the tools it runs, for --version and the release
manifest (WeasyPrint's is read from its package data, without importing it)."""

from importlib.metadata import version

from magazine import __version__
from magazine.pandoc import convert


def tool_versions() -> dict[str, str]:
    """Return {"pipeline": ..., "pandoc": ..., "weasyprint": ...}."""
    return {"pipeline": __version__, "pandoc": convert.version(),
            "weasyprint": version("weasyprint")}
