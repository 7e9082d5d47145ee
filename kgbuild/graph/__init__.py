"""Records to RDF: IRIs (``ids``), the one mapping (``mapping``) and the vocabulary terms (``namespace``)."""
