"""The RDF layer: extracted documents in, a validated graph on disk out. ``triples`` and ``assembly``
turn documents into the facts and provenance graphs, ``graph`` writes and loads them (deterministic
Turtle), ``validate`` checks them against the SHACL shapes with pyshacl, and ``largegraph`` with
``shacl_sparql`` does the same on an Oxigraph store by SPARQL for graphs too large for pyshacl.
"""
