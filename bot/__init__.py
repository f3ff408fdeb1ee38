"""The assistant: routing, answer composition, challenge questions, briefing notes, Slack app, CLI, settings."""
