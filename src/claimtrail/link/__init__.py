"""Link: connect items within an article (figures to who asserts them) and, later,
articles to each other."""
