"""What the Slack app says in its own words (answers come from the assistant): refusals, errors, examples."""

from __future__ import annotations

RATE_LIMIT_TEXT = ("You've asked a lot of questions in a short time, so I'm pausing for a moment to keep things "
                   "fair for everyone. Please try again in a few minutes.")
DENIED_TEXT = ("Sorry, I'm not enabled for you in this conversation. Please ask the scrutiny team if you need "
               "access.")
NOT_IN_CHANNEL_TEXT = ("I can't post in this channel yet: invite me with `/invite @Scrutiny assistant`, or send me "
                       "a direct message.")
ERROR_TEXT = "Sorry, something went wrong while answering that. The scrutiny team has been told; please try again."
FEEDBACK_THANKS_TEXT = "Thanks \u2013 your feedback has been recorded."
TOPIC_MISSING_TEXT = "Please give a topic, e.g. waste and recycling."
CHANNEL_MISSING_TEXT = "Please choose where to post the questions."
EXAMPLES = (
    "How has our household recycling rate changed since 2019?",
    "How does our council tax collection compare with our nearest neighbours?",
    "What did the peer challenge recommend about scrutiny?",
    "questions on waste and recycling",
    "brief on homelessness",
)


def user_error_text(message: str) -> str:
    """The one-line reply for an error the user can fix (a ScrutinyError's message)."""
    return f"Sorry: {message}"
