"""The archive at a glance: figures computed at build time, one module per figure.

- :mod:`.worldmap`: the states on a world map (geometry from :mod:`.geometry`, Natural Earth
  projected by d3-geo with Node), on the states page;
- :mod:`.heatmap`: the shades of the states × topics table;
- :mod:`.timeline`: the documents by year and organ, on the documents page and state pages.

Each returns plain data for a template (``templates/figures.html``); colours are the
stylesheet's, chosen per CSS class, so that the CSP needs no inline style. The class breaks of
the shaded figures are in :mod:`.scale`, their curated settings in :mod:`.config`.
"""
