"""Writes of the follow-up of reviews: each function is one transaction with its audit entry (P&R 42-46)."""
