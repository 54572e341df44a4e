"""UI views."""
