"""readouts: diplomatic readouts as a queryable dataset.

The public surface is the domain models (`api.models`), the filter (`api.filters`) and
`create_app` (`api.app`); everything else is an implementation detail of the service.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
