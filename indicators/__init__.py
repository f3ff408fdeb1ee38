"""Structured data: importers -> validated tidy table -> analysis -> question resolution -> charts."""
