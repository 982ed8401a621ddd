"""Quotes and speakers: direct quotes as printed, indirect speech, who said it.

``direct`` finds quoted words (marks, paragraphs, cut-off quotes),
``paraphrase`` reported speech ("said that ..."), ``speakers`` attribution,
``words`` a quote's words as alignment and the quote rule compare them.
"""
