"""Rebuilding pandoc's JSON document tree: the one walk every stage's small rewrite uses."""


def map_nodes(node, visit):
    """Return a copy of an AST fragment in which `visit(node)` may replace any node;
    where it returns None the walk goes on into that node's children."""
    if isinstance(node, list):
        return [map_nodes(item, visit) for item in node]
    if not isinstance(node, dict) or "t" not in node:
        return node
    replaced = visit(node)
    if replaced is not None:
        return replaced
    if "c" not in node:
        return node
    return {"t": node["t"], "c": map_nodes(node["c"], visit)}


def find_nodes(node, test) -> list:
    """Return the nodes of an AST fragment for which `test(node)` holds, in document order
    (not looking inside a node found)."""
    found = []

    def visit(item):
        if test(item):
            found.append(item)
            return item
        return None

    map_nodes(node, visit)
    return found
