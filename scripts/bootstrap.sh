#!/usr/bin/env bash
# Set up what the pipeline needs: .venv with the pinned Python packages, and the
# HarfBuzz subsetting library WeasyPrint uses to embed fonts quickly.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "bootstrap: creating .venv"
    "$PYTHON" -m venv .venv
fi
echo "bootstrap: installing Python packages into .venv"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]' \
    2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2)

# msgfmt (GNU gettext) checks every catalog before it is read.
if ! command -v msgfmt >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "bootstrap: installing gettext with apt-get"
        apt-get update -qq && apt-get install -y -qq gettext >/dev/null
    else
        echo "bootstrap: GNU gettext (msgfmt) is missing: install the 'gettext' package" >&2
        exit 1
    fi
fi

# Java runs epubcheck in the tests.
if ! command -v java >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "bootstrap: installing a Java runtime with apt-get (for epubcheck)"
        apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null
    else
        echo "bootstrap: Java is missing; the tests need it for epubcheck (install a JRE 11+)" >&2
    fi
fi

if ! ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset\.so\.0'; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "bootstrap: installing libharfbuzz-subset0 with apt-get"
        apt-get update -qq && apt-get install -y -qq libharfbuzz-subset0 >/dev/null
    elif command -v apt-get >/dev/null 2>&1; then
        echo "bootstrap: libharfbuzz-subset0 is missing; run: sudo apt-get install libharfbuzz-subset0" >&2
        echo "bootstrap: (the e-books need it to cut their fonts; PDFs are 2-5x slower without it)" >&2
    else
        echo "bootstrap: libharfbuzz-subset (HarfBuzz's subsetter) is missing and apt-get is not available;" >&2
        echo "bootstrap: install it with your system's package manager (the e-books need it)" >&2
    fi
fi
# Ghostscript separates the print PDF's plates in the tests (body text on the black plate
# alone) and renders the CMYK proofs; argyll and icc-profiles-free rebuild the shipped CMYK
# profile (scripts/make_cmyk_profile.py). None is needed to build an issue.
if ! command -v gs >/dev/null 2>&1 || ! command -v colprof >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        echo "bootstrap: installing ghostscript, argyll and icc-profiles-free with apt-get"
        apt-get update -qq && apt-get install -y -qq ghostscript argyll icc-profiles-free >/dev/null
    else
        echo "bootstrap: for the tests install ghostscript (and argyll, icc-profiles-free to" \
             "rebuild the CMYK profile): sudo apt-get install ghostscript argyll icc-profiles-free" >&2
    fi
fi
touch .venv/.installed
