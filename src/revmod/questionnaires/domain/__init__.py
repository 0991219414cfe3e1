"""Writes and reads of questionnaires: definitions, answers, versions, offline imports."""
