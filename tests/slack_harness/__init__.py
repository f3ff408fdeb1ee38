"""Loopback Slack test harness: a fake Slack Web API server and signed requests to the real app over HTTP."""

from .fake_slack import Call, FakeSlack
from .rig import SIGNING_SECRET, Rig, check_payloads, running_rig
from .signed import Reply, ServedApp, SlackSender

__all__ = ["SIGNING_SECRET", "Call", "FakeSlack", "Reply", "Rig", "ServedApp", "SlackSender", "check_payloads",
           "running_rig"]
