"""The extractor: one text document in, one :class:`~kg.extract.document.Document` with its entities,
relations and quotes out. ``reading`` finds and reads the files and their metadata, ``pipeline`` runs
the steps in order (``textview``, ``segment``, ``lemmatize``, ``mentions/``, ``link``, ``relations``
with ``matcher``, ``frames`` and ``sites``, ``quotes``, ``entities``) with the rules of the language
pack (``kg/lang/<code>/``). Nothing here writes RDF: the ``kg.rdf`` layer turns its result into triples.
"""
