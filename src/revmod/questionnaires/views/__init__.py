"""Pages of the questionnaires: answering, versions, offline files, and the secretariat's definitions."""
