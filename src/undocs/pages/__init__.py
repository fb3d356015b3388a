"""Page views: for each kind of page, a function that computes the plain data its template lays out.

Links are already relative to the page (``common.Linker``), dates and counts already in French;
templates only loop and test. ``undocs.render`` puts the pages together into a site.
"""
