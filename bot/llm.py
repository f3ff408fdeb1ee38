"""The optional language model: load it from a `provider:model` spec and word answers from prompt files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.models import Citation
from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from indicators.models import Figure
    from knowledge.models import Passage

# prompts/ sits beside bot/ both in the repository and when installed (setuptools ships it as a package).
PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
MAX_WORDS = 180
SOURCE_CHARS = 1200


class LLMError(ScrutinyError):
    """The language model could not be loaded or did not reply; one-line message."""


class ChatModel(Protocol):
    """What the product needs of a chat model: langchain's `invoke` (any BaseChatModel, or a fake one in tests)."""

    def invoke(self, input: str) -> object: ...  # noqa: A002 - langchain's parameter name


def prompt_text(name: str) -> str:
    """The text of a prompt file in prompts/ (e.g. 'answer.md')."""
    path = PROMPTS_DIR / name
    if not path.is_file():
        raise LLMError(f"prompt file {path} is missing")
    return path.read_text(encoding="utf-8")


def load_chat_model(spec: str | None) -> ChatModel | None:
    """A langchain chat model for 'provider:model' (e.g. 'openai:gpt-4o-mini'); None or '' means no LLM."""
    if not spec or not spec.strip():
        return None
    from langchain.chat_models import init_chat_model

    try:
        return init_chat_model(spec.strip(), temperature=0)
    except ImportError as exc:
        raise LLMError(f"SCRUTINY_LLM={spec!r} needs a provider package that is missing: {exc}") from None
    except (ValueError, TypeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LLMError(f"SCRUTINY_LLM={spec!r} is not a usable chat model: {first}") from None


def invoke_text(llm: ChatModel, prompt: str) -> str:
    """Send one prompt, return the reply's text; provider failures become LLMError."""
    try:
        reply = llm.invoke(prompt)
    except Exception as exc:  # noqa: BLE001 - any provider failure means: fall back to extractive output
        raise LLMError(f"the language model failed: {type(exc).__name__}: {exc}") from None
    content = getattr(reply, "content", reply)
    if isinstance(content, list):  # some providers return content blocks
        content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)


def format_figures(figures: Sequence[Figure]) -> str:
    """One line per figure, as the prompt shows them."""
    if not figures:
        return "(none)"
    lines = []
    for f in figures:
        what = f" ({f.label})" if f.label else ""
        unit = f" {f.unit}" if f.unit else ""
        lines.append(f"- {f.indicator_name}, {f.area_name}, {f.period}{what}: {f.value:g}{unit}")
    return "\n".join(lines)


def format_sources(citations: Sequence[Citation], passages: Sequence[Passage] = ()) -> str:
    """Numbered sources with the fullest text available (the passage when the citation came from one)."""
    if not citations:
        return "(none)"
    blocks = []
    for c in citations:
        text = c.quote
        for p in passages:
            if p.path == c.path and p.locator == c.locator:
                text = p.text[:SOURCE_CHARS]
                break
        blocks.append(f"[{c.id}] {c.source} ({c.locator})\n<<<\n{text}\n>>>")
    return "\n".join(blocks)


def word_answer(llm: ChatModel, question: str, figures: Sequence[Figure], citations: Sequence[Citation],
                passages: Sequence[Passage] = (), extractive: str = "", feedback: Sequence[str] = ()) -> str:
    """Ask the LLM to word an answer from the figures and numbered sources only (prompts/answer.md)."""
    note = ""
    if feedback:
        note = prompt_text("answer_feedback.md").format(problems="\n".join(f"- {p}" for p in feedback))
    prompt = prompt_text("answer.md").format(
        question=question, figures=format_figures(figures), sources=format_sources(citations, passages),
        extractive=extractive or "(none)", feedback=note, max_words=MAX_WORDS)
    return invoke_text(llm, prompt).strip()
