"""Pure domain: vocabulary, rules and value objects. Imports neither Qt nor SQLAlchemy."""
