"""Writes of the reports app: none, reports only read."""
