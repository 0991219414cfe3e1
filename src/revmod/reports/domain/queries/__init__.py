"""Reads behind the status report: one snapshot of the reviews as of a date, then figures."""
