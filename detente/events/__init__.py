"""Events: who did what to whom and when, coded in CAMEO and PLOVER."""
