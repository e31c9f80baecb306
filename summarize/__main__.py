"""``python -m summarize``: the same as the ``summarize`` command."""

from .app.cli import main

if __name__ == "__main__":
    main()
