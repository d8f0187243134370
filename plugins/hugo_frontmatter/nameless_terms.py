"""No page for a tag, category or author whose name gives no path.

Pelican names a term's page by its slug; a name with no letter or digit
(``!!!``, ``%%``, ``<details open>`` once its tags are stripped) has an
empty one, so its page would be the dot file ``author/.html`` (served as a
download) or a feed at ``categories//index.xml`` that clashes with the
list of categories. Hugo 0.111 writes no page for such a term and builds;
so does this: the term leaves Pelican's lists (its posts keep it), with a
warning naming it.
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

# Pelican's articles generator: its lists of terms, and what each is called.
TERM_LISTS = (("tags", "tag"), ("categories", "category"), ("authors", "author"))


def leave_out_nameless_terms(generator: Any) -> None:
    """``article_generator_finalized`` receiver: each term with an empty
    slug out of the generator's lists and its context's."""
    for attribute, kind in TERM_LISTS:
        terms = getattr(generator, attribute, None)
        pairs = list(terms.items()) if isinstance(terms, dict) else terms
        if not isinstance(pairs, list):
            continue
        nameless = [term for term, _ in pairs if not getattr(term, "slug", "x")]
        if not nameless:
            continue
        for term in nameless:
            logger.warning(
                "the %s %r has no letter or digit to name its page, so it has "
                "none (as in Hugo); give it a name with a letter or digit to "
                "list its posts",
                kind,
                str(term),
            )
            if isinstance(terms, dict):
                del terms[term]
        if isinstance(terms, list):
            terms[:] = [pair for pair in terms if pair[0] not in nameless]
        shown = generator.context.get(attribute)
        if isinstance(shown, list):
            shown[:] = [pair for pair in shown if pair[0] not in nameless]
