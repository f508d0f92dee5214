"""What every stage leans on: atomic files and locks, the build graph, the disk cache, worker
processes, collected warnings, watching for changes."""
