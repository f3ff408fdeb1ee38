"""The answer pipeline: understand -> gather evidence -> compose -> render, one typed stage a module."""
