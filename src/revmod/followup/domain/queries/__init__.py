"""Reads of the follow-up of reviews, each saying what it returns for whom (P&R 42-46)."""
