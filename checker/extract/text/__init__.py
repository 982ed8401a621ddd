"""Shared text helpers: tokens, word lists, lemmas, photo captions. Every room uses them."""
