"""Writes of the constructive dialogues: each function is one transaction with its audit entry (P&R 53)."""
