"""Documents: loaders -> chunks with locators -> embeddings -> Chroma -> hybrid retrieval, access filter."""
