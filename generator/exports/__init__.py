"""The data behind the pages, as files analysts load elsewhere: every figure of every strike event as a table of
claims (:mod:`generator.exports.claims`: CSV and JSON, with a published JSON Schema) and the strike events in ACLED's
columns (:mod:`generator.exports.acled`). Cells are written by :mod:`generator.exports.table`, which keeps free text
inert in a spreadsheet."""
