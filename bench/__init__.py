"""Benchmarking helpers: synthetic content at realistic scale."""
