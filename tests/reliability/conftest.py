"""Shared set-up of the reliability proof."""
