"""Benchmark harness for newsmill: quality, metadata, speed and memory over WCXB-dev."""
