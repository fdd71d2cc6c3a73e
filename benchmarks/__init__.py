"""Benchmarks: each prints its figures beside a floor or peer measured in the same run.

`python -m benchmarks` runs them all and prints one table (see benchmarks/__main__.py).
"""
