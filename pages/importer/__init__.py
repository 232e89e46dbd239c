"""Bringing existing news, events and publications in from a spreadsheet
(CSV or XLSX): ``manage.py import_content`` and the admin's Settings → Import.

- ``columns``: the template's columns, in one place (the sections add their kind's own);
- ``kinds``: what a section declares it lets the importer make (``Section(imports=…)``);
- ``reader``: the rows of a CSV or XLSX file, streamed;
- ``rows``: one row checked into a plan, or the reasons it is refused, in the active language;
- ``files``: a row's documents, from the import folder or an http(s) address (never an internal one);
- ``apply``: one plan made into pages in its own transaction;
- ``run``: a file's rows, one after the other, with progress;
- ``template``: the template to download; ``views``: the admin screens.
"""
