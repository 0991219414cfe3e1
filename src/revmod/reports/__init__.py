"""Status reports and statistics for the secretariat (issue 6)."""
