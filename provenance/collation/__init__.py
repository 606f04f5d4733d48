"""Collation: every witness in one variant table, shared readings, families, exports.

Flow: `witnesses` turns an analysis into witnesses, `table` builds the variant table,
`genealogy` groups witnesses by shared readings, `exports` and `tei` render them.
"""
