"""detente: news about relations between states, turned into a sourced, coded record."""

__version__ = "0.1.0"
