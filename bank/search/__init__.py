"""The bank's search: its rows and facet totals kept in step with the pages, and the reads over them.

Full-text matching, Russian normalisation and the backends are the generic `search` app's; everything that
knows what a solution is lives here.
"""
