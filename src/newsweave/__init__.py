"""newsweave: news articles from many outlets turned into a sourced record of events."""

from newsweave.records import Article, ArticleAnalysis

__all__ = ["Article", "ArticleAnalysis"]
__version__ = "0.1.0"
