"""The ledger in a browser: the FastAPI app (``app.py``), the highlighting of an article's
items (``highlight.py``), Jinja2 templates and the static CSS and JS it serves."""
