"""Pages of written feedback and lists of observations, and the "Submissions" downloads."""
