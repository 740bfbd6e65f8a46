"""Datasette plugin for claims."""
