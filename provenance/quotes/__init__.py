"""Quotations: find the quoted words in a capture, decide who is quoted, give a verdict.

Flow: `marks` finds quotations and their attribution cues, `words` compares content
words, `align` aligns long quotations character by character, `verdicts` decides.
"""

from provenance.quotes.verdicts import Quotation, QuoteOptions, QuoteVerdict, check_quotes

__all__ = ["Quotation", "QuoteOptions", "QuoteVerdict", "check_quotes"]
