"""Exports: the JSON output contract, CSV tables, Markdown and HTML dossiers."""
