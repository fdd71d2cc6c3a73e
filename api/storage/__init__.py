"""Storage: tables, the engine for SQLite or PostgreSQL, the repository and loading.

Storage is the only part of readouts that writes SQL; it knows no HTTP or GraphQL.
"""
