"""Reads of the reviews app, for whom they are."""
