"""The stylesheets of styles/ each format is made with, in order: the one list the layout,
the preview and the build graph read."""

PDF = ("fonts.css", "magazine.css", "print.css")
# The e-book's cover is drawn without print.css, so a change to the printed pages does not
# touch the e-books.
COVER = ("fonts.css", "magazine.css")
EPUB = ("epub.css",)                    # given to pandoc; the cover adds COVER
EBOOK = COVER + EPUB                    # everything an e-book is made with
