"""Scale benchmarks for vpnotebook: `python -m benchmarks`. Never part of the test suite."""
