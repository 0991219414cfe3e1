"""Forms and exports of the follow-up of reviews (P&R 42-46)."""
