"""The query layer: everything that reads a built graph back. ``query`` runs SPARQL (``kg query``,
``kg.query()``) over the ``store`` it opens, after ``safety`` refused updates, SERVICE and LOAD;
``limits`` and ``sandbox`` bound a query's time and cut it off the network; ``results`` writes the
answers; ``serve`` is the read-only SPARQL endpoint, ``push`` uploads to a triple store, and
``labels`` finds an entity by what a person would type.
"""
