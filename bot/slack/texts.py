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
BUSY_TEXT = ("I'm very busy right now and couldn't take your question without making everyone wait. Please try "
             "again in a minute.")
PRIVATE_FILE_TEXT = "The chart or briefing note goes up when you share this answer with the channel."
SHARED_TEXT = "Shared with the channel."
SHARE_RESTRICTED_TEXT = ("This answer uses restricted documents, so it can only be shared in a restricted channel "
                         "whose members may all see them. It has not been shared.")
SHARE_NOT_MEMBER_TEXT = "You need to be a member of that channel to share an answer there."
SHARE_GONE_TEXT = "I no longer have that answer to share; please ask again."
SHARE_DONE_TEXT = "That answer has already been shared."
SOURCES_WITHHELD_TEXT = ("{n} source(s) come from restricted documents and can't be shown here, by the current "
                         "settings.")
ESCALATED_TEXT = "Sent to the scrutiny officer. They'll pick it up from there."
ESCALATED_ALREADY_TEXT = "The scrutiny officer has already been sent this one."
REASON_THANKS_TEXT = "Thanks \u2013 that helps the scrutiny team put it right."
STATUS_ADMIN_TEXT = "The self-check is for the bot's administrators (SCRUTINY_ADMIN_USERS)."
NOT_A_MEMBER_TEXT = "You can only post the questions to a channel you are a member of."
MEMBERSHIP_UNKNOWN_TEXT = ("I couldn't check that you're a member of that channel (invite me to it first), so I "
                           "can't post there.")
TOPIC_MISSING_TEXT = "Please give a topic, e.g. waste and recycling."
CHANNEL_MISSING_TEXT = "Please choose where to post the questions."
SUGGESTED_PROMPTS = {  # title -> message; shown in assistant threads by what is held
    "documents": ("What does the council plan promise?", "What are the council plan's priorities?"),
    "peer_challenge": ("What did the peer challenge say?", "What did the peer challenge recommend?"),
    "indicators": ("How are we doing?", "How are we doing on adult social care?"),
    "trend": ("How has recycling changed?", "How has our household recycling rate changed since 2019?"),
    "questions": ("Questions for the next meeting", "Draft questions for the next scrutiny meeting"),
    "brief": ("Brief me on a topic", "brief on homelessness"),
}
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
