"""summarize: news articles -> grounded briefings -> one cross-source digest."""
