"""Use cases shared by the UI, the CLI and facilitators' scripts (see the README's API table).

Every function takes an open :class:`passerelle.store.database.Database`, runs in one
transaction and returns frozen dataclasses; bad input raises a
:class:`passerelle.domain.errors.PasserelleError` and writes nothing.
"""
