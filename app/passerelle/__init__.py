"""Passerelle."""
