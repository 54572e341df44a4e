"""PySide6 user interface. Talks to the data only through ``passerelle.services``."""
