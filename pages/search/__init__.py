"""Site search: the view, the index of pages it reads, and the folding of
Vietnamese (and slugs) without accents."""
