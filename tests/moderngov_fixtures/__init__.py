"""Fixtures of the ModernGov connector's tests: XML edge cases, and the papers the tests generate (papers.py)."""
