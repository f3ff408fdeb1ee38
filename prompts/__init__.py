"""Text the product speaks with: LLM prompt templates, the challenge-question bank, note templates."""

from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent
