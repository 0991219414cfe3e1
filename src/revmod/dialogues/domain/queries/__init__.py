"""Reads of the constructive dialogues, each saying what it returns for whom (P&R 53)."""
