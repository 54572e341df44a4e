"""Adapters to the outside world: files, paths, resources, documents, secrets."""
