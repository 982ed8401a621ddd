"""Frames: clauses, names, people, roles, and what a claim is about.

``clauses`` splits a sentence, ``names``/``people``/``docnames`` find and
resolve the entities, ``roles`` the titles people hold, ``frame`` builds a
claim's identity (measure, owner, time anchor, qualifiers).
"""
