"""Evaluation against hand-made gold: ``gold`` reads and checks the gold files, ``scoring`` compares
one document's graph with its gold (precision, recall, F1 by category), and ``runner`` builds the
evaluation corpus and reports the scores (``kg eval``, ``kg.evaluate()``).
"""
