"""Stories: reports of one happening across outlets grouped together, and events deduplicated.

The entry point is `detente.stories.assign.assign_stories`.
"""
