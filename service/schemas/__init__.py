"""Pydantic models of the HTTP API (requests and responses), published in the OpenAPI document."""
