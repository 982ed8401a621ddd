"""Shared text helpers: tokens, word lists, lemmas. Every room uses them."""
