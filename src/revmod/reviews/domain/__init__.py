"""Writes of the reviews app: starting reviews, moving steps, deadlines."""
