"""What the assessments app announces; other apps listen (cohorts does), nobody reaches in.

Each signal says who sends it, when, with which arguments, and what a receiver may return.
"""

from django.dispatch import Signal

selection_finalised = Signal()
"""Sent by ``computing.finalise_selection`` inside its transaction, once a round's selection
is final. A receiver that raises undoes the finalisation.

Arguments: ``round_id`` (int), ``year`` (int), ``name`` (str, the cohort's proposed name),
``region_codes`` (list of str, in the final order), ``reason`` (str), ``source`` (str, a
sentence naming the round) and ``user``. A receiver returns True when it recorded the
selection as a cohort of ``year``.
"""

excluded_regions = Signal()
"""Sent by ``computing.propose_selection`` when a round of ``year`` proposes its selection.

Arguments: ``year`` (int). A receiver returns a set of region codes that may not be
selected again, such as the members of an earlier cohort.
"""
