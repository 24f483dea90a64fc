"""Opfølgningsfrister i frikommuneforsøg: a caseworker's tool beside FASIT."""

__version__ = "0.1.0"
