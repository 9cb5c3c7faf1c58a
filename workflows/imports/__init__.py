"""Partners' registers coming in: reading files, reading values as Thai officers type them, and
checking rows. Nothing here writes; `workflows.services.imports` does, all rows or none."""
