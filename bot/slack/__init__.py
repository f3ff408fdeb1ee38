"""The Slack front end: bolt app, Block Kit rendering, access rules and the server."""
