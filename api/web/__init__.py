"""Server-rendered pages for people who do not write queries.

They are a sibling of the REST and GraphQL faces: they parse the same query parameters
into the same `MeetingFilter` (`api.params`) and read through the same repository, and
they import neither API.
"""

from api.web.routes import web_routes

__all__ = ["web_routes"]
