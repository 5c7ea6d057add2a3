"""Benchmarks and the generator of solutions they grow the bank with: run by hand, not by the test command."""
