"""Scan a collection (directories, JSON Lines, WARC) for copies of the reference.

A sub-product: it imports the stages (through `provenance.analyse.Analyser`) and no stage
imports it. `inputs` reads shards of records, `prefilter` picks candidates at C speed,
`shard` runs the engine on them, `run` runs the shards locally or on Dask and writes the
hits, `adding` brings hits into the corpus, `command` is the command line.

Nothing is imported here, so that `provenance --help` does not load Hyperscan, FastWARC
or the engine: import `provenance.scan.run.scan` and `provenance.scan.shard.ScanConfig`.
"""
