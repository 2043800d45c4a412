"""Custom widgets, one per module."""
