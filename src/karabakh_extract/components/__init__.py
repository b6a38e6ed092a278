"""One spaCy component per fact type; importing this package registers the factories.

Each module defines a small component class and a `make_<thing>` factory
registered with `@Language.factory`; the same factories are exposed to any
spaCy pipeline through the `spacy_factories` entry point group.
"""
from . import dates, events, figures, organizations, people, places, quotes  # noqa: F401
