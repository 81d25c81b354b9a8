"""流量之外 Beyond Traffic: Chinese text analysis and critical reading, as a course package."""

__version__ = "0.1.0"
