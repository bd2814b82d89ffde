"""Front ends: the terminal, JSON scripts, and (later) the web and agents."""
