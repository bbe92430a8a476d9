"""Per-article analysis steps. Each is a pure function ``(doc, article, ...) -> list[record]``.

They are composed, in order, in ``newsweave.pipeline``.
"""
