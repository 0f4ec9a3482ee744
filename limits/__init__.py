"""Counters for the public rate limits: how often one client address, or one
email address, has done something in the last hour (see ``limits.counters``)."""
