"""kgbuild: who claims what, about whom, reported by whom, as an RDF graph."""

__version__ = "0.1.0"
