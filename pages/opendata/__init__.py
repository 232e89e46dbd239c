"""Open data: the site's figures, events, publications and news as datasets.

The shell offers the machinery (a registry, the CSV/JSON/XLSX writers, the
download view, the record of changes); each section app registers the datasets
of its own content from its ``datasets`` module, built from the same querysets
its pages list, so that no figure is typed twice and the shell imports no
section (see pages.navigation.slots for the same pattern)."""
