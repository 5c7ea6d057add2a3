"""Demo content drawn from the seed documents."""
