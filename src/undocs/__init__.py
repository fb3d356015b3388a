"""undocs: a static-site generator for an archive of UN documents.

The build reads ``seeds/``, parses each document into records (``undocs.model``), enriches them
with states and topics, renders the pages and writes the site atomically. ``undocs.pipeline.build``
is the whole story in one function; ``undocs.cli.main`` is the command line over it.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
