"""Benchmark tools: a deterministic generator of synthetic reports (bench/generate.py)."""
