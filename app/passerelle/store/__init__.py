"""Persistence: SQLAlchemy models, engine, change log (sync + audit), search index, migrations."""
