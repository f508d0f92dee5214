"""INFOCLUSTER publishing pipeline: article sources to four editions in three formats."""

__version__ = "0.1.0"
