"""Exporters: write a selection of meetings to a file format (see `exporters.base`)."""
