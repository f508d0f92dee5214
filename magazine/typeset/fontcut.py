"""Cut a font to the characters a text needs, with HarfBuzz's subsetter (the library
WeasyPrint cuts the PDFs' fonts with; `make setup` installs it)."""

from functools import cache

from cffi import FFI

from magazine.errors import RenderError

_FFI = FFI()
_FFI.cdef("""
    typedef struct hb_blob_t hb_blob_t;
    typedef struct hb_face_t hb_face_t;
    typedef struct hb_set_t hb_set_t;
    typedef struct hb_subset_input_t hb_subset_input_t;
    hb_blob_t *hb_blob_create(const char *data, unsigned int length, int mode,
                              void *user_data, void *destroy);
    void hb_blob_destroy(hb_blob_t *blob);
    const char *hb_blob_get_data(hb_blob_t *blob, unsigned int *length);
    hb_face_t *hb_face_create(hb_blob_t *blob, unsigned int index);
    void hb_face_destroy(hb_face_t *face);
    hb_blob_t *hb_face_reference_blob(hb_face_t *face);
    void hb_set_add(hb_set_t *set, unsigned int codepoint);
    hb_subset_input_t *hb_subset_input_create_or_fail(void);
    void hb_subset_input_destroy(hb_subset_input_t *input);
    hb_set_t *hb_subset_input_set(hb_subset_input_t *input, int set_type);
    void hb_subset_input_set_flags(hb_subset_input_t *input, unsigned int value);
    hb_face_t *hb_subset_or_fail(hb_face_t *source, const hb_subset_input_t *input);
""")
_READONLY = 1                     # hb_memory_mode_t
_UNICODE, _NAME_ID = 1, 4         # hb_subset_sets_t
_NOTDEF_OUTLINE = 0x40            # hb_subset_flags_t: keep the "missing glyph" box visible
_NAMES = range(26)                # every name record, the licence and copyright included


@cache
def _open(*names):
    for name in names:
        try:
            return _FFI.dlopen(name)
        except OSError:
            continue
    raise RenderError(f"the HarfBuzz library ({names[-1]}) is missing: run make setup (as "
                      "root it installs libharfbuzz-subset0)")


def cut_font(data: bytes, characters) -> bytes:
    """Return the font (TrueType or OpenType bytes) with only the glyphs the characters need,
    keeping its layout features (kerning, ligatures, local forms) and its name records."""
    hb, cutter = _open("harfbuzz", "libharfbuzz.so.0"), \
        _open("harfbuzz-subset", "libharfbuzz-subset.so.0")
    buffer = _FFI.from_buffer(data)
    blob = hb.hb_blob_create(buffer, len(data), _READONLY, _FFI.NULL, _FFI.NULL)
    face = hb.hb_face_create(blob, 0)
    wanted = cutter.hb_subset_input_create_or_fail()
    try:
        unicodes = cutter.hb_subset_input_set(wanted, _UNICODE)
        for character in characters:
            hb.hb_set_add(unicodes, ord(character))
        names = cutter.hb_subset_input_set(wanted, _NAME_ID)
        for name_id in _NAMES:
            hb.hb_set_add(names, name_id)
        cutter.hb_subset_input_set_flags(wanted, _NOTDEF_OUTLINE)
        cut = cutter.hb_subset_or_fail(face, wanted)
        if cut == _FFI.NULL:
            raise RenderError("HarfBuzz could not cut a font; check the files in styles/fonts/")
        result = hb.hb_face_reference_blob(cut)
        length = _FFI.new("unsigned int *")
        pointer = hb.hb_blob_get_data(result, length)
        out = bytes(_FFI.buffer(pointer, length[0]))
        hb.hb_blob_destroy(result)
        hb.hb_face_destroy(cut)
        return out
    finally:
        cutter.hb_subset_input_destroy(wanted)
        hb.hb_face_destroy(face)
        hb.hb_blob_destroy(blob)
