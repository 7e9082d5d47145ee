"""Language data files read by :mod:`kgbuild.extractors.lexicon` (one folder per language)."""
