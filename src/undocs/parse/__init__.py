"""Parsers: one module per source format, and ``document.parse_source`` that picks one."""
