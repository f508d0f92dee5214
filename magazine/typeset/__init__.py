"""From an edition's text to its pages and books: compose, the pandoc documents, layout,
PDF, EPUB, preview and proofs."""
