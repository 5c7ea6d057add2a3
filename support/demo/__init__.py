"""Demo content of the support system, drawn from the seed's description of the support system."""
