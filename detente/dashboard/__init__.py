"""The dashboard: server-rendered pages over the store, working offline (no scripts, no CDN)."""
