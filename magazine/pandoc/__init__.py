"""pandoc: the tool (convert.py) and its JSON document tree (ast.py)."""
